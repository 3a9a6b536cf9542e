#pragma once

#include "core/qc/sessionqc.h"
#include "core/storage/journal.h"
#include "core/util/clock.h"
#include "core/util/result.h"
#include "core/workflow/sessionid.h"
#include "core/workflow/sessionstate.h"
#include "core/workflow/templatelibrary.h"

#include <QList>
#include <QString>

#include <chrono>
#include <optional>
#include <stop_token>

namespace dualrec::live {

/// The reason an interrupted session is failed with (stable English, on its timeline).
inline constexpr auto kInterruptedReason =
    "interrupted: DualRec stopped while the session was open (crash, forced stop or power loss); closed at the next start";

/// A session a stopped DualRec left behind, as found and closed at the next start.
struct RecoveredSession final {
    enum class Kind : quint8 {
        Invalid = 0,
        Interrupted,   ///< it was open: now failed with kInterruptedReason
        RecordingSaved, ///< it had ended, but its recording was still being finalized: now finalized
        NotClosed,     ///< it could not be looked at or closed (see problem); tried again at the next start
        Reindexed,     ///< the journal did not know it (an ended session): put back from its sidecar
    };
    Kind kind = Kind::Invalid;
    workflow::SessionId id;
    QString applicationNo;
    workflow::SessionState stateFound = workflow::SessionState::Invalid;
    /// The finalized MP4; the fragmented file when it could not be finalized; empty when the
    /// session has no recording (it stopped before recording began, or ran without a camera).
    QString recordingPath;
    bool finalized = false;
    std::chrono::milliseconds recorded{0}; ///< the finalized recording's length
    /// What could not be done (finalizing, the recording is missing, the journal). Whatever file
    /// exists is kept.
    std::optional<Error> problem;
    /// The automatic QC verdict computed now (the stopped DualRec left it pending), journaled.
    std::optional<qc::QcVerdict> verdict;
};

/// The automatic QC verdict of a session a stopped DualRec left without one, from what survived:
/// the steps and the presence events in the journal (each step's requirements from `library`'s
/// plan for the session's template; without it, no step is known), the recording's continuity
/// log (sidecar), its sound track (decoded in memory) and packets, the speech ranges if they were
/// journaled, and, for a session that was open (`interrupted`), the gap from where the recording
/// stops to its end. No recording, or one without a picture, fails. Journaled as the session's
/// automatic verdict (qc_verdicts, sessions.qc_verdict). Thread contract: any thread.
[[nodiscard]] Result<qc::QcVerdict> judgeLeftBehind(storage::Journal &journal, const Clock &clock, const workflow::SessionId &id,
                                                    const workflow::TemplateLibrary *library, bool interrupted);

/// First reconciles the recording folders (storage::Journal::recordingFolders()) with the
/// journal: a recording whose sidecar names a session the journal does not know (its rows were
/// lost, e.g. with a deleted write-ahead log) is put back from the sidecar, audited
/// ("journal-recovered"), and, when the sidecar never said it ended, closed below like any
/// interrupted session (finalized, hashed, failed).
/// Then closes what a DualRec that stopped unexpectedly left behind in this data folder
/// (storage::SessionRepository::leftBehind()), one session at a time, each only once it is
/// claimed (storage::SessionClaim; a session a running DualRec holds is left alone) and its
/// state read again:
/// - the fragmented recording is finalized (stream copy) with the chapters its sidecar named at
///   the last step change, and the final MP4 goes into the journal with its SHA-256 (a final
///   file written just before the stop is read back and adopted);
/// - the sidecar says "failed" with the reason (only for sessions that were open);
/// - a session that was open fails with kInterruptedReason (a state change on its timeline,
///   dated when the recording last grew), and the audit log notes the recovery
///   ("session-recovered").
/// Nothing recorded is deleted: when finalizing fails, the fragmented file stays and is named.
/// - every session closed here, and every ended one whose DualRec stopped after it was stored but
///   before its QC verdict (its claim was left behind), gets its verdict (judgeLeftBehind; the
///   templates from `library`, may be null).
/// A problem with one session does not stop the others. `stop` is honoured between sessions and
/// during a finalizing (that session is then left as it was, for the next start).
/// Thread contract: any thread (the journal's repositories are thread-safe).
[[nodiscard]] Result<QList<RecoveredSession>> recoverInterruptedSessions(storage::Journal &journal, const Clock &clock,
                                                                         std::stop_token stop = {},
                                                                         const workflow::TemplateLibrary *library = nullptr);

} // namespace dualrec::live
