#pragma once

#include "core/storage/journal.h"
#include "core/util/clock.h"
#include "core/util/result.h"
#include "core/workflow/sessionid.h"
#include "core/workflow/sessionstate.h"

#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace dualrec::live {

/// The reason an interrupted session is failed with (stable English, on its timeline).
inline constexpr auto kInterruptedReason =
    "interrupted: DualRec stopped while the session was open (crash, forced stop or power loss); closed at the next start";

/// A session that was open when DualRec stopped unexpectedly, as closed at the next start.
struct RecoveredSession final {
    workflow::SessionId id;
    QString applicationNo;
    QString agentId;
    workflow::SessionState interruptedIn = workflow::SessionState::Invalid;
    /// The finalized MP4; the fragmented file when it could not be finalized; empty when the
    /// session had no recording (it stopped before the recording began).
    QString recordingPath;
    bool finalized = false;
    std::chrono::milliseconds recorded{0}; ///< how much was recorded, when finalized
    /// What could not be done (finalizing, or the recording is missing). The session is
    /// closed all the same and whatever file exists is kept.
    std::optional<Error> problem;
};

/// Closes the sessions the journal still holds as open although no running DualRec has them
/// (their storage::SessionClaim can be taken; one held by another process is left alone):
/// - the fragmented recording is finalized (stream copy) with the chapters its sidecar named
///   when the process stopped, and the final MP4 goes into the journal with its SHA-256
///   (a final file already written before the stop is adopted as it is);
/// - the sidecar says "failed" with the reason;
/// - the session fails with kInterruptedReason (a state change on its timeline), and the
///   audit log notes the recovery ("session-recovered").
/// Nothing recorded is deleted: when finalizing fails, the fragmented file stays and is named.
/// Thread contract: any thread (the journal's repositories are thread-safe). Sessions this or
/// another process is recording hold their claims and are not touched.
[[nodiscard]] Result<QList<RecoveredSession>> recoverInterruptedSessions(storage::Journal &journal, const Clock &clock);

} // namespace dualrec::live
