#pragma once

#include "core/workflow/enumnames.h"

#include <QList>

#include <array>
#include <optional>

namespace dualrec::storage {

/// Where a session's evidence (its recording and the files around it) stands, persisted per
/// session in the journal (`sessions.evidence_state`). Coarse on purpose: the details of a seal
/// or an upload live in the `seals` and `uploads` tables.
///
///     no-recording ──recording-opened──▶ recording ──recording-closed──▶ recorded
///         recorded ──recording-stored──▶ stored ──sealed──▶ sealed ──upload-started──▶ uploading
///         uploading ──acknowledged──▶ acknowledged ──purged──▶ purged
///         recording / recorded ──recording-missing──▶ missing
///
/// - recording: the recorder is writing (a crash here leaves a fragmented file: the next start
///   closes and stores it);
/// - recorded: the recorder closed the file; it is complete but not yet finalized and hashed
///   (a full disk stops here until there is room; a recording that could not be finalized stays
///   here, its fragmented file playing, until a supervisor deals with it);
/// - stored: the finalized recording and the closing sidecar are in the journal with their
///   SHA-256; the session may be sealed.
/// Sealing and sync add their transitions from `stored` onwards (evidenceStateChanged hooks).
enum class EvidenceState : quint8 {
    Invalid = 0,
    NoRecording,  ///< the session has no recording (yet, or ran without a camera)
    Recording,
    Recorded,
    Stored,
    Sealed,
    Uploading,
    Acknowledged,
    Purged,
    Missing, ///< the recording was gone when it was to be stored (said in the audit log); nothing to seal
};

inline constexpr std::array<workflow::EnumName<EvidenceState>, 9> kEvidenceStateNames{{
    {EvidenceState::NoRecording, "no-recording"},
    {EvidenceState::Recording, "recording"},
    {EvidenceState::Recorded, "recorded"},
    {EvidenceState::Stored, "stored"},
    {EvidenceState::Sealed, "sealed"},
    {EvidenceState::Uploading, "uploading"},
    {EvidenceState::Acknowledged, "acknowledged"},
    {EvidenceState::Purged, "purged"},
    {EvidenceState::Missing, "missing"},
}};

/// What happened to the evidence: the input of the lifecycle's one transition function.
enum class EvidenceStep : quint8 {
    Invalid = 0,
    RecordingOpened,
    RecordingClosed,
    RecordingStored,
    Sealed,
    UploadStarted,
    Acknowledged,
    Purged,
    RecordingMissing,
};

inline constexpr std::array<workflow::EnumName<EvidenceStep>, 8> kEvidenceStepNames{{
    {EvidenceStep::RecordingOpened, "recording-opened"},
    {EvidenceStep::RecordingClosed, "recording-closed"},
    {EvidenceStep::RecordingStored, "recording-stored"},
    {EvidenceStep::Sealed, "sealed"},
    {EvidenceStep::UploadStarted, "upload-started"},
    {EvidenceStep::Acknowledged, "acknowledged"},
    {EvidenceStep::Purged, "purged"},
    {EvidenceStep::RecordingMissing, "recording-missing"},
}};

/// The lifecycle's transition function: the state after `step`, or nullopt when `step` is not
/// allowed in `from` (a caller's bug or a second process that got there first). Pure.
[[nodiscard]] std::optional<EvidenceState> nextEvidenceState(EvidenceState from, EvidenceStep step);

/// The steps that take a session along the main path from `from` to `to` (empty when `to` is
/// not ahead of `from`): used when a session is put back from its sidecar.
[[nodiscard]] QList<EvidenceStep> evidenceStepsBetween(EvidenceState from, EvidenceState to);

/// True for the states the next start resumes (a recording left open or not yet stored).
[[nodiscard]] bool evidenceNeedsRecovery(EvidenceState state);

[[nodiscard]] inline QString evidenceStateName(EvidenceState state)
{
    return workflow::enumToName(kEvidenceStateNames, state);
}
[[nodiscard]] inline QString evidenceStepName(EvidenceStep step)
{
    return workflow::enumToName(kEvidenceStepNames, step);
}

} // namespace dualrec::storage
