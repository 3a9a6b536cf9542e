#pragma once

#include "core/media/continuitylog.h"
#include "core/vision/presencepolicy.h"
#include "core/workflow/qcrules.h"
#include "core/workflow/step.h"

#include <QJsonObject>
#include <QString>

#include <chrono>
#include <optional>
#include <vector>

namespace dualrec::qc {

using workflow::QcReasonKind;
using workflow::QcSeverity;

/// A session's QC verdict. Pending: not computed yet (the journal's default).
enum class QcOutcome : quint8 { Invalid = 0, Pending, Pass, NeedsReview, Fail };

[[nodiscard]] const char *qcOutcomeName(QcOutcome outcome); ///< "pending", "pass", "needs_review", "fail"
[[nodiscard]] std::optional<QcOutcome> qcOutcomeFromName(QStringView name);
[[nodiscard]] const char *qcReasonKindName(QcReasonKind kind);
[[nodiscard]] std::optional<QcReasonKind> qcReasonKindFromName(QStringView name);
[[nodiscard]] const char *qcSeverityName(QcSeverity severity);
/// "agent" / "customer" as stored (QcReasonRecord::party); anything else is Party::Invalid.
[[nodiscard]] vision::Party partyFromName(QStringView name);

/// A stretch of the recording's timeline (since the recording's origin: the session's creation).
struct TimeRange final {
    std::chrono::milliseconds start{0};
    std::chrono::milliseconds end{0};
    friend bool operator==(const TimeRange &, const TimeRange &) = default;
};

/// One reason of a verdict, tied to a step (empty: outside every step, or the whole recording)
/// and a time range.
struct QcReason final {
    QcReasonKind kind = QcReasonKind::Invalid;
    QcSeverity severity = QcSeverity::Invalid; ///< Fail or Review (Ignore drops a reason)
    QString stepId;
    TimeRange range;
    QString detail; ///< stable English for logs, tooltips and the manifest; never personal data
    /// Who a presence_missing reason is about (the agent or the customer); Invalid for other kinds.
    vision::Party who = vision::Party::Invalid;
    friend bool operator==(const QcReason &, const QcReason &) = default;
};

struct QcVerdict final {
    QcOutcome outcome = QcOutcome::Pending;
    std::vector<QcReason> reasons;

    /// {"verdict": ..., "reasons": [{"kind", "severity", "step_id", "start_ms", "end_ms", "detail"[, "party"]}]}
    [[nodiscard]] QJsonObject toJson() const;
};

/// One step as it was recorded.
struct QcStep final {
    QString id;
    TimeRange range;
    workflow::PresenceRequirement presence = workflow::PresenceRequirement::Both;
    std::chrono::milliseconds minDuration{0};
    bool answerRequired = false;
    bool completed = false; ///< the step was completed (the last step of an aborted session was not)
    /// Where the customer's answer window begins (the prompt's playback ended); unset: the step's start.
    std::optional<std::chrono::milliseconds> answerWindowStart;
};

/// What the presence guard found (already under each step's requirement), on the recording's timeline.
struct PresenceFinding final {
    vision::DefectKind kind = vision::DefectKind::Invalid;
    vision::Party who = vision::Party::Invalid;
    TimeRange range;
    QString detail;
};

/// Speech heard from the customer's side (voice activity on the microphone signal). Not
/// analysed: no "no audible answer" reason at all — an unknown is never taken for an answer,
/// nor reported as a missing one.
struct SpeechInput final {
    bool analysed = false;
    std::vector<TimeRange> ranges;
};

/// The recording's sound track as decoded (AudioScan). Not analysed: no audio reasons.
struct AudioInput final {
    bool analysed = false;
    bool hasTrack = false;
    std::vector<TimeRange> silent;  ///< digital silence or nearly so, at least AudioScanOptions::minSilence long
    std::vector<TimeRange> clipped; ///< samples at full scale
};

/// Whether the session left a recording to judge. Missing or Empty fails the session (reason
/// NoRecording, whatever the template's rules say): without a recording there is no evidence.
enum class RecordingPresence : quint8 {
    Invalid = 0,
    Present, ///< a recording with pictures
    Missing, ///< no recording file belongs to the session (never opened, or the file is gone)
    Empty,   ///< the file is there but holds no picture (zero bytes, or no video packet)
};

struct QcInput final {
    RecordingPresence recording = RecordingPresence::Present;
    /// How the session ended when it did not finish ("aborted", "failed", "refused"); empty: it
    /// finished, or the input is a recording judged on its own. Not empty: reason Incomplete.
    QString unfinished;
    std::vector<QcStep> steps;
    std::vector<PresenceFinding> presence;
    std::vector<media::Gap> gaps; ///< the continuity log (pauses are not reasons; they shorten a step's time)
    AudioInput audio;
    SpeechInput speech;
    std::chrono::milliseconds length{0}; ///< the recording's length
    /// Where the recording stopped because DualRec did (crash, forced stop, power loss) while the
    /// session was open (live::recoverInterruptedSessions): a recording gap from there to the end
    /// of the session, tied to the step that was running.
    std::optional<std::chrono::milliseconds> interruptedAt;
};

/// Thresholds below which a finding is not a reason (docs/qc-verdict.md).
struct QcLimits final {
    /// Dropped frames or filled sound holes shorter than this are not a recording gap (a lost
    /// camera or microphone always is).
    std::chrono::milliseconds minimumGap{1000};
    /// A step may end this much before its minimum (clock granularity) without a reason.
    std::chrono::milliseconds durationTolerance{250};
    /// At least this much speech in an answer window counts as an audible answer.
    std::chrono::milliseconds minimumSpeech{300};
};

/// The verdict: every finding becomes a reason of each step it overlaps (clipped to the step),
/// with the severity the rules give its kind (a missing or empty recording always fails); Fail if any reason fails, else NeedsReview if any
/// asks for review, else Pass. Pure; thread-safe.
[[nodiscard]] QcVerdict evaluate(const QcInput &input, const workflow::QcRules &rules, const QcLimits &limits = {});

/// The continuity log as the sidecar stores it ("continuity" array).
[[nodiscard]] std::vector<media::Gap> gapsFromJson(const QJsonObject &sidecar);

} // namespace dualrec::qc
