#include "core/storage/evidencestate.h"

namespace dualrec::storage {

std::optional<EvidenceState> nextEvidenceState(EvidenceState from, EvidenceStep step)
{
    using S = EvidenceState;
    using E = EvidenceStep;
    switch (step) {
    case E::RecordingOpened:
        return from == S::NoRecording ? std::optional(S::Recording) : std::nullopt;
    case E::RecordingClosed:
        return from == S::Recording ? std::optional(S::Recorded) : std::nullopt;
    case E::RecordingStored:
        return from == S::Recorded ? std::optional(S::Stored) : std::nullopt;
    case E::Sealed:
        return from == S::Stored ? std::optional(S::Sealed) : std::nullopt;
    case E::UploadStarted:
        return from == S::Sealed ? std::optional(S::Uploading) : std::nullopt;
    case E::Acknowledged:
        return from == S::Uploading ? std::optional(S::Acknowledged) : std::nullopt;
    case E::Purged:
        return from == S::Acknowledged ? std::optional(S::Purged) : std::nullopt;
    case E::RecordingMissing:
        return (from == S::Recording || from == S::Recorded) ? std::optional(S::Missing) : std::nullopt;
    case E::Invalid:
        break;
    }
    return std::nullopt;
}

QList<EvidenceStep> evidenceStepsBetween(EvidenceState from, EvidenceState to)
{
    constexpr std::array kMainPath{EvidenceStep::RecordingOpened, EvidenceStep::RecordingClosed, EvidenceStep::RecordingStored,
                                   EvidenceStep::Sealed,          EvidenceStep::UploadStarted,   EvidenceStep::Acknowledged,
                                   EvidenceStep::Purged};
    QList<EvidenceStep> steps;
    auto state = from;
    for (const auto step : kMainPath) {
        if (state == to)
            return steps;
        if (const auto next = nextEvidenceState(state, step)) {
            steps.append(step);
            state = *next;
        }
    }
    return state == to ? steps : QList<EvidenceStep>();
}

bool evidenceNeedsRecovery(EvidenceState state)
{
    return state == EvidenceState::Recording || state == EvidenceState::Recorded;
}

} // namespace dualrec::storage
