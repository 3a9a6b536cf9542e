#pragma once
// The truth of a generated clip (tests/vision/make_clips.sh, make_hard_clips.sh) and how a QC
// run over it scores: labelled defects caught, false alarms, faces found per check. Shared by
// the vision tests and the vision benchmark (scripts/bench vision); Qt and core/vision only.

#include "core/vision/qcanalysis.h"

#include <QFile>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <vector>

namespace dualrec::test {

/// NAME.labels.csv: the defects the QC must report and the face counts over time.
struct ClipLabels {
    struct Defect {
        QString kind;
        QString who;
        double start = 0;
        double end = 0;
    };
    struct Faces {
        double start = 0;
        double end = 0;
        int count = 0;
    };
    std::vector<Defect> defects;
    std::vector<Faces> faces;
};

inline ClipLabels readLabels(const QString &path)
{
    ClipLabels labels;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return labels;
    while (!file.atEnd()) {
        const auto fields = QString::fromUtf8(file.readLine()).trimmed().split(QLatin1Char(','));
        if (fields.value(0) == QLatin1String("defect") && fields.size() == 5)
            labels.defects.push_back({fields[1], fields[2], fields[3].toDouble(), fields[4].toDouble()});
        else if (fields.value(0) == QLatin1String("faces") && (fields.size() == 4 || fields.size() == 6))
            labels.faces.push_back({fields[1].toDouble(), fields[2].toDouble(), fields[3].toInt()});
    }
    return labels;
}

/// One line of NAME.truth.csv (make_hard_clips.sh); -1: a transition frame, not scored.
struct TruthFrame {
    double time = 0;
    int faces = -1;
    int agent = -1;
    int customer = -1;
};

/// The per-frame truth; empty when the file is missing or malformed.
inline std::vector<TruthFrame> readTruth(const QString &path)
{
    std::vector<TruthFrame> frames;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return frames;
    file.readLine(); // header: frame,time_s,faces,agent,customer
    while (!file.atEnd()) {
        const auto fields = QString::fromUtf8(file.readLine()).trimmed().split(QLatin1Char(','));
        if (fields.size() != 5)
            return {};
        frames.push_back({fields[1].toDouble(), fields[2].toInt(), fields[3].toInt(), fields[4].toInt()});
    }
    return frames;
}

/// How one QC run did on one clip.
struct ClipScore {
    int labelledDefects = 0;
    int caught = 0;      ///< labelled defects reported with their kind and party, start and end within 0.5 s
    int falseAlarms = 0; ///< reported defects that match no labelled defect
    int scoredChecks = 0;
    int expectedFaces = 0; ///< faces the truth shows over the scored checks
    int foundFaces = 0;    ///< of those, found (per check at most the true count)
    int extraFaces = 0;    ///< found beyond the true count
    int partyChecks = 0;   ///< checks where the truth says who is in view
    int partyAgreed = 0;   ///< ... and the policy matched exactly those parties
    QStringList reported;  ///< every reported defect, "kind/who start-end s"

    [[nodiscard]] double faceRecall() const { return expectedFaces > 0 ? double(foundFaces) / expectedFaces : 1.0; }
};

inline double toSecondsF(std::chrono::nanoseconds value)
{
    return std::chrono::duration<double>(value).count();
}

inline ClipScore scoreClip(const vision::QcReport &report, const ClipLabels &labels, const std::vector<TruthFrame> &truth,
                           double framesPerSecond = 15.0)
{
    using namespace dualrec::vision;
    constexpr double tolerance = 0.5;
    ClipScore score;
    score.labelledDefects = static_cast<int>(labels.defects.size());
    std::vector<bool> used(report.defects.size(), false);
    for (const auto &want : labels.defects) {
        for (std::size_t i = 0; i < report.defects.size(); ++i) {
            const auto &got = report.defects[i];
            const QString who = got.who == Party::Invalid ? QString() : QLatin1String(partyName(got.who));
            if (!used[i] && QLatin1String(defectKindName(got.kind)) == want.kind && who == want.who
                && std::abs(toSecondsF(got.start) - want.start) <= tolerance && std::abs(toSecondsF(got.end) - want.end) <= tolerance) {
                used[i] = true;
                ++score.caught;
                break;
            }
        }
    }
    for (std::size_t i = 0; i < report.defects.size(); ++i) {
        const auto &got = report.defects[i];
        score.falseAlarms += used[i] ? 0 : 1;
        score.reported << QStringLiteral("%1%2 %3-%4 s")
                              .arg(QLatin1String(defectKindName(got.kind)),
                                   got.who == Party::Invalid ? QString() : QLatin1Char('/') + QLatin1String(partyName(got.who)))
                              .arg(toSecondsF(got.start), 0, 'f', 2)
                              .arg(toSecondsF(got.end), 0, 'f', 2);
    }

    const auto &segments = report.timeline.segments();
    for (const auto &frame : report.frames) {
        const double time = toSecondsF(frame.timestamp);
        const auto index = static_cast<std::size_t>(std::lround(time * framesPerSecond));
        if (index >= truth.size() || std::abs(truth[index].time - time) > 0.5 / framesPerSecond || truth[index].faces < 0)
            continue;
        const auto &want = truth[index];
        ++score.scoredChecks;
        score.expectedFaces += want.faces;
        score.foundFaces += std::min(frame.faces, want.faces);
        score.extraFaces += std::max(0, frame.faces - want.faces);
        if (want.agent < 0 || want.customer < 0)
            continue;
        const auto segment = std::ranges::find_if(segments, [&](const PresenceSegment &s) { return frame.timestamp >= s.start && frame.timestamp < s.end; });
        if (segment == segments.end())
            continue;
        ++score.partyChecks;
        score.partyAgreed += (segment->sample.agent == (want.agent == 1) && segment->sample.customer == (want.customer == 1)) ? 1 : 0;
    }
    return score;
}

} // namespace dualrec::test
