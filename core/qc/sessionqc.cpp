#include "core/qc/sessionqc.h"

#include <QJsonArray>

#include <algorithm>

namespace dualrec::qc {

using namespace std::chrono;

const char *qcOutcomeName(QcOutcome outcome)
{
    switch (outcome) {
    case QcOutcome::Pending:
        return "pending";
    case QcOutcome::Pass:
        return "pass";
    case QcOutcome::NeedsReview:
        return "needs_review";
    case QcOutcome::Fail:
        return "fail";
    case QcOutcome::Invalid:
        break;
    }
    return "invalid";
}

std::optional<QcOutcome> qcOutcomeFromName(QStringView name)
{
    for (const auto outcome : {QcOutcome::Pending, QcOutcome::Pass, QcOutcome::NeedsReview, QcOutcome::Fail}) {
        if (name == QLatin1String(qcOutcomeName(outcome)))
            return outcome;
    }
    return std::nullopt;
}

const char *qcReasonKindName(QcReasonKind kind)
{
    if (kind == QcReasonKind::NoRecording)
        return workflow::kNoRecordingName;
    if (kind == QcReasonKind::Incomplete)
        return workflow::kIncompleteName;
    for (const auto &row : workflow::kQcReasonNames) {
        if (row.value == kind)
            return row.name;
    }
    return "invalid";
}

std::optional<QcReasonKind> qcReasonKindFromName(QStringView name)
{
    if (name == QLatin1String(workflow::kNoRecordingName))
        return QcReasonKind::NoRecording;
    if (name == QLatin1String(workflow::kIncompleteName))
        return QcReasonKind::Incomplete;
    return workflow::enumFromName(workflow::kQcReasonNames, name);
}

const char *qcSeverityName(QcSeverity severity)
{
    for (const auto &row : workflow::kQcSeverityNames) {
        if (row.value == severity)
            return row.name;
    }
    return "invalid";
}

vision::Party partyFromName(QStringView name)
{
    for (const auto party : {vision::Party::Agent, vision::Party::Customer}) {
        if (name == QLatin1String(vision::partyName(party)))
            return party;
    }
    return vision::Party::Invalid;
}

QJsonObject QcVerdict::toJson() const
{
    QJsonArray list;
    for (const auto &reason : reasons) {
        QJsonObject object{{QStringLiteral("kind"), QLatin1String(qcReasonKindName(reason.kind))},
                           {QStringLiteral("severity"), QLatin1String(qcSeverityName(reason.severity))},
                           {QStringLiteral("step_id"), reason.stepId},
                           {QStringLiteral("start_ms"), qint64(reason.range.start.count())},
                           {QStringLiteral("end_ms"), qint64(reason.range.end.count())},
                           {QStringLiteral("detail"), reason.detail}};
        if (reason.who != vision::Party::Invalid)
            object.insert(QStringLiteral("party"), QLatin1String(vision::partyName(reason.who)));
        list.append(object);
    }
    return {{QStringLiteral("verdict"), QLatin1String(qcOutcomeName(outcome))}, {QStringLiteral("reasons"), list}};
}

namespace {

milliseconds overlap(const TimeRange &a, const TimeRange &b)
{
    return std::max(milliseconds(0), std::min(a.end, b.end) - std::max(a.start, b.start));
}

bool needsParty(workflow::PresenceRequirement requirement, vision::Party who)
{
    switch (requirement) {
    case workflow::PresenceRequirement::None:
        return false;
    case workflow::PresenceRequirement::Agent:
        return who == vision::Party::Agent;
    case workflow::PresenceRequirement::Both:
    case workflow::PresenceRequirement::AllParties:
    case workflow::PresenceRequirement::Invalid:
        return true;
    }
    return true;
}

QString seconds(milliseconds time)
{
    return QString::number(duration<double>(time).count(), 'f', 1);
}

class Collector final
{
public:
    Collector(const QcInput &input, const workflow::QcRules &rules) : m_input(input), m_rules(rules) {}

    /// Adds `kind` for every step `range` overlaps (clipped to it) that `applies` to; outside
    /// every step only when `outsideSteps`.
    template<typename Applies>
    void add(QcReasonKind kind, const TimeRange &range, const QString &detail, bool outsideSteps, Applies applies,
             vision::Party who = vision::Party::Invalid)
    {
        const auto severity = m_rules.severity(kind);
        if (severity == QcSeverity::Ignore)
            return;
        bool inStep = false;
        for (const auto &step : m_input.steps) {
            const bool touches = overlap(range, step.range) > milliseconds(0)
                                 || (range.start == range.end && range.start >= step.range.start && range.start < step.range.end);
            if (!touches)
                continue;
            inStep = true;
            if (!applies(step))
                continue;
            m_reasons.push_back({kind, severity, step.id,
                                 {std::max(range.start, step.range.start), std::min(range.end, step.range.end)}, detail, who});
        }
        if (!inStep && outsideSteps)
            m_reasons.push_back({kind, severity, QString(), range, detail, who});
    }
    void addForStep(QcReasonKind kind, const QcStep &step, const TimeRange &range, const QString &detail)
    {
        const auto severity = m_rules.severity(kind);
        if (severity != QcSeverity::Ignore)
            m_reasons.push_back({kind, severity, step.id, range, detail});
    }

    /// The whole recording, tied to no step.
    void addWhole(QcReasonKind kind, const TimeRange &range, const QString &detail)
    {
        const auto severity = m_rules.severity(kind);
        if (severity != QcSeverity::Ignore)
            m_reasons.push_back({kind, severity, QString(), range, detail});
    }

    std::vector<QcReason> take() { return std::move(m_reasons); }

private:
    const QcInput &m_input;
    const workflow::QcRules &m_rules;
    std::vector<QcReason> m_reasons;
};

const auto always = [](const QcStep &) { return true; };

} // namespace

QcVerdict evaluate(const QcInput &input, const workflow::QcRules &rules, const QcLimits &limits)
{
    Collector collect(input, rules);

    for (const auto &finding : input.presence) {
        switch (finding.kind) {
        case vision::DefectKind::PartyAbsent:
            collect.add(QcReasonKind::PresenceMissing, finding.range,
                        QStringLiteral("%1 out of the picture").arg(QLatin1String(vision::partyName(finding.who))), false,
                        [&](const QcStep &step) { return needsParty(step.presence, finding.who); }, finding.who);
            break;
        case vision::DefectKind::ThirdParty:
            collect.add(QcReasonKind::ThirdParty, finding.range, QStringLiteral("a third face in the picture"), true, always);
            break;
        case vision::DefectKind::CameraBlocked:
            collect.add(QcReasonKind::CameraBlocked, finding.range, QStringLiteral("the camera was covered or frozen"), true, always);
            break;
        case vision::DefectKind::Undecodable:
        case vision::DefectKind::AnalysisFailed:
            collect.add(QcReasonKind::RecordingGap, finding.range,
                        finding.detail.isEmpty() ? QLatin1String(vision::defectKindName(finding.kind)) : finding.detail, true, always);
            break;
        case vision::DefectKind::Invalid:
            break;
        }
    }

    std::vector<TimeRange> pauses;
    for (const auto &gap : input.gaps) {
        const TimeRange range{gap.start, std::max(gap.start, gap.end)};
        switch (gap.reason) {
        case media::GapReason::Pause:
            pauses.push_back(range);
            continue;
        case media::GapReason::DroppedFrames:
        case media::GapReason::AudioMissing:
            if (range.end - range.start < limits.minimumGap)
                continue;
            break;
        case media::GapReason::VideoLost:
        case media::GapReason::AudioLost:
        case media::GapReason::Invalid:
            break;
        }
        QString detail = QLatin1String(media::gapReasonName(gap.reason));
        if (!gap.detail.isEmpty())
            detail += QStringLiteral(": ") + gap.detail;
        collect.add(QcReasonKind::RecordingGap, range, detail, true, always);
    }

    if (input.interruptedAt) {
        // Nothing after this moment was recorded, whatever the session would have done next.
        const auto at = *input.interruptedAt;
        const auto running = std::ranges::find_if(input.steps, [&](const QcStep &step) {
            return step.range.start <= at && (at < step.range.end || (!step.completed && at <= step.range.end));
        });
        const QString detail = QStringLiteral("interrupted: DualRec stopped here while the session was open "
                                              "(crash, forced stop or power loss); nothing after it was recorded");
        const TimeRange range{at, std::max(at, input.length)};
        if (running != input.steps.end())
            collect.addForStep(QcReasonKind::RecordingGap, *running, range, detail);
        else
            collect.addWhole(QcReasonKind::RecordingGap, range, detail);
    }

    for (const auto &step : input.steps) {
        if (!step.completed)
            continue;
        if (step.minDuration > milliseconds(0)) {
            auto counted = step.range.end - step.range.start;
            for (const auto &pause : pauses)
                counted -= overlap(pause, step.range);
            if (counted + limits.durationTolerance < step.minDuration)
                collect.addForStep(QcReasonKind::StepTooShort, step, step.range,
                                   QStringLiteral("took %1 s, at least %2 s required").arg(seconds(counted), seconds(step.minDuration)));
        }
        if (step.answerRequired && input.speech.analysed) {
            const TimeRange window{std::clamp(step.answerWindowStart.value_or(step.range.start), step.range.start, step.range.end),
                                   step.range.end};
            milliseconds heard{0};
            for (const auto &speech : input.speech.ranges)
                heard += overlap(speech, window);
            if (heard < limits.minimumSpeech)
                collect.addForStep(QcReasonKind::NoAudibleAnswer, step, window,
                                   QStringLiteral("%1 s of speech in the answer window").arg(seconds(heard)));
        }
    }

    switch (input.recording) {
    case RecordingPresence::Missing:
        collect.addWhole(QcReasonKind::NoRecording, {milliseconds(0), input.length},
                         QStringLiteral("the session has no recording file: there is no evidence of the sale"));
        break;
    case RecordingPresence::Empty:
        collect.addWhole(QcReasonKind::NoRecording, {milliseconds(0), input.length},
                         QStringLiteral("the recording file holds no picture: there is no evidence of the sale"));
        break;
    case RecordingPresence::Present:
    case RecordingPresence::Invalid:
        break;
    }
    if (!input.unfinished.isEmpty())
        collect.addWhole(QcReasonKind::Incomplete, {milliseconds(0), input.length},
                         QStringLiteral("the session did not finish (%1): the recording does not cover every step").arg(input.unfinished));

    if (input.audio.analysed) {
        if (!input.audio.hasTrack) {
            collect.addWhole(QcReasonKind::AudioMissing, {milliseconds(0), input.length}, QStringLiteral("the recording has no sound track"));
        } else {
            for (const auto &silent : input.audio.silent) {
                // A pause cuts nothing, but nothing is said during it either.
                milliseconds paused{0};
                for (const auto &pause : pauses)
                    paused += overlap(pause, silent);
                if (paused >= silent.end - silent.start)
                    continue;
                collect.add(QcReasonKind::AudioMissing, silent, QStringLiteral("silence for %1 s").arg(seconds(silent.end - silent.start)),
                            true, always);
            }
            for (const auto &clipped : input.audio.clipped)
                collect.add(QcReasonKind::AudioClipped, clipped, QStringLiteral("the sound was at full scale"), true, always);
        }
    }

    QcVerdict verdict;
    verdict.reasons = collect.take();
    std::ranges::stable_sort(verdict.reasons, [](const QcReason &a, const QcReason &b) { return a.range.start < b.range.start; });
    const bool failed = std::ranges::any_of(verdict.reasons, [](const QcReason &r) { return r.severity == QcSeverity::Fail; });
    verdict.outcome = failed ? QcOutcome::Fail : verdict.reasons.empty() ? QcOutcome::Pass : QcOutcome::NeedsReview;
    return verdict;
}

std::vector<media::Gap> gapsFromJson(const QJsonObject &sidecar)
{
    std::vector<media::Gap> gaps;
    for (const auto &value : sidecar.value(QStringLiteral("continuity")).toArray()) {
        const auto object = value.toObject();
        media::Gap gap;
        const auto name = object.value(QStringLiteral("reason")).toString();
        for (const auto reason : {media::GapReason::Pause, media::GapReason::VideoLost, media::GapReason::AudioLost,
                                  media::GapReason::DroppedFrames, media::GapReason::AudioMissing}) {
            if (name == QLatin1String(media::gapReasonName(reason)))
                gap.reason = reason;
        }
        gap.start = milliseconds(object.value(QStringLiteral("start_ms")).toInteger());
        gap.end = milliseconds(object.value(QStringLiteral("end_ms")).toInteger());
        gap.open = object.value(QStringLiteral("open")).toBool();
        gap.count = object.value(QStringLiteral("count")).toInteger();
        gap.detail = object.value(QStringLiteral("detail")).toString();
        if (gap.reason == media::GapReason::Invalid)
            gap.detail = QStringLiteral("unknown gap reason \"%1\"").arg(name);
        gaps.push_back(gap);
    }
    return gaps;
}

} // namespace dualrec::qc
