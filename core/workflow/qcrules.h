#pragma once

#include "core/workflow/enumnames.h"

#include <algorithm>
#include <array>

namespace dualrec::workflow {

/// Why a session's QC verdict is not a plain pass: one kind of problem the insurer's QC rejects
/// recordings for (docs/script-format.md §1.5, docs/qc-verdict.md).
enum class QcReasonKind : quint8 {
    Invalid = 0,
    PresenceMissing, ///< someone a step requires was out of the picture
    ThirdParty,      ///< a third face was in the picture
    CameraBlocked,   ///< the lens was covered or the picture frozen
    RecordingGap,    ///< the continuity log shows a hole (camera or microphone lost, frames or sound dropped), or the file does not decode there
    StepTooShort,    ///< a step took less (paused time not counted) than its minimum
    NoAudibleAnswer, ///< no speech was heard in an answer step (never read as "the customer agreed")
    AudioMissing,    ///< the recording has no sound track, or digital silence for a while
    AudioClipped,    ///< the sound was too loud: samples at full scale
    /// The session has no recording at all, or an empty one (no picture): no evidence. Always
    /// fails; not a rule key (a template cannot lower it).
    NoRecording,
    /// The session did not finish (stopped by the agent, failed, or consent refused): the
    /// recording does not cover every step. Always fails; not a rule key.
    Incomplete,
};

inline constexpr std::array<EnumName<QcReasonKind>, 8> kQcReasonNames{{
    {QcReasonKind::PresenceMissing, "presence_missing"},
    {QcReasonKind::ThirdParty, "third_party"},
    {QcReasonKind::CameraBlocked, "camera_blocked"},
    {QcReasonKind::RecordingGap, "recording_gap"},
    {QcReasonKind::StepTooShort, "step_too_short"},
    {QcReasonKind::NoAudibleAnswer, "no_audible_answer"},
    {QcReasonKind::AudioMissing, "audio_missing"},
    {QcReasonKind::AudioClipped, "audio_clipped"},
}};

/// The name of NoRecording (kept out of kQcReasonNames: the rules never weigh it).
inline constexpr auto kNoRecordingName = "no_recording";
/// The name of Incomplete (kept out of kQcReasonNames like NoRecording).
inline constexpr auto kIncompleteName = "incomplete";

/// What a reason does to the verdict: Fail fails the session, Review asks a supervisor to look,
/// Ignore drops the reason. Ordered: a larger value is stricter.
enum class QcSeverity : quint8 { Invalid = 0, Ignore, Review, Fail };

inline constexpr std::array<EnumName<QcSeverity>, 3> kQcSeverityNames{{
    {QcSeverity::Ignore, "ignore"},
    {QcSeverity::Review, "review"},
    {QcSeverity::Fail, "fail"},
}};

/// The QC rules of a template (its "qc" object): the severity of every reason kind. Defaults
/// (a template that says nothing): what an insurer rejects outright fails — someone missing, a
/// third party, a covered camera, no sound — the rest asks for review. Value type.
struct QcRules final {
    std::array<QcSeverity, kQcReasonNames.size()> severities{
        QcSeverity::Fail,   // presence_missing
        QcSeverity::Fail,   // third_party
        QcSeverity::Fail,   // camera_blocked
        QcSeverity::Review, // recording_gap
        QcSeverity::Review, // step_too_short
        QcSeverity::Review, // no_audible_answer
        QcSeverity::Fail,   // audio_missing
        QcSeverity::Review, // audio_clipped
    };

    [[nodiscard]] QcSeverity severity(QcReasonKind kind) const
    {
        // NoRecording (beyond the rule keys) and Invalid always fail.
        const auto index = std::size_t(kind) - 1;
        return kind == QcReasonKind::Invalid || index >= severities.size() ? QcSeverity::Fail : severities[index];
    }
    void set(QcReasonKind kind, QcSeverity value)
    {
        const auto index = std::size_t(kind) - 1;
        if (kind != QcReasonKind::Invalid && index < severities.size())
            severities[index] = value;
    }
    /// The stricter of both, kind by kind (a plan of several templates).
    [[nodiscard]] QcRules strictest(const QcRules &other) const
    {
        QcRules result;
        for (std::size_t i = 0; i < severities.size(); ++i)
            result.severities[i] = std::max(severities[i], other.severities[i]);
        return result;
    }

    friend bool operator==(const QcRules &, const QcRules &) = default;
};

} // namespace dualrec::workflow
