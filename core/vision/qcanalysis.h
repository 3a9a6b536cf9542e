#pragma once

#include "core/util/result.h"
#include "core/vision/frameanalyzer.h"
#include "core/vision/presencepolicy.h"
#include "core/vision/videoframereader.h"

#include <QJsonObject>
#include <QString>

#include <chrono>
#include <memory>
#include <vector>

namespace dualrec::vision {

/// The presence requirement of a stretch of the recording (one step, from chapter marks).
struct RequirementSpan final {
    std::chrono::nanoseconds start{0};
    std::chrono::nanoseconds end{0};
    workflow::PresenceRequirement requirement = workflow::PresenceRequirement::Both;
};

struct QcOptions final {
    AnalyzerConfig analyzer;
    PolicyConfig policy;
    /// 0: check every decoded frame. Otherwise at most this many checks per second of video,
    /// like the live guard.
    double maxChecksPerSecond = 0;
    /// Per-step requirements; times not covered (or an empty list) require both parties.
    std::vector<RequirementSpan> requirements;
    /// The data folder's device keys, for an encrypted recording (null: plaintext files only).
    std::shared_ptr<const seal::DeviceKeys> keys;
};

/// What one check of the file saw (for accuracy tests and the text report).
struct FrameFaces final {
    std::chrono::nanoseconds timestamp{0};
    int faces = 0;
    bool blocked = false;
    int analysisWidth = 0; ///< the pass whose faces these are (AnalyzerConfig: first or second)
};

struct QcReport final {
    QString file;
    DetectorKind detector = DetectorKind::Invalid;
    QString detectorModel;
    int width = 0;
    int height = 0;
    qint64 decodedFrames = 0;
    int checks = 0;
    std::chrono::nanoseconds duration{0};
    std::chrono::microseconds cpuPerCheck{0}; ///< mean thread CPU time per check
    std::vector<PresenceDefect> defects;
    PresenceTimeline timeline;
    std::vector<FrameFaces> frames;
    std::vector<DecodeIssue> decodeIssues; ///< what did not decode (also listed as undecodable defects)

    [[nodiscard]] double checksPerSecond() const;
    /// The --json shape of `dualrec qc` (docs in app/qccommand.h).
    [[nodiscard]] QJsonObject toJson() const;
};

/// Runs the live guard's detector and policy over a recorded file, frame by frame.
[[nodiscard]] Result<QcReport> analyzeVideoFile(const QString &path, const QcOptions &options);

} // namespace dualrec::vision
