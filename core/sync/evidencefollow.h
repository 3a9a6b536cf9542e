#pragma once

#include "core/storage/evidencestate.h"
#include "core/storage/sessionrepository.h"
#include "core/sync/syncscheduler.h"
#include "core/util/clock.h"

#include <functional>

namespace dualrec::sync {

/// Moves a session's evidence lifecycle with its upload: sealed → uploading → acknowledged →
/// purged (a step a crash skipped is taken on the way). Sessions whose lifecycle is not between
/// sealed and acknowledged (sealed before the lifecycle existed, or already further) are left
/// as they are: true when the lifecycle moved, false when it was left.
[[nodiscard]] Result<bool> followUpload(storage::SessionRepository &sessions, const workflow::SessionId &id,
                                        storage::EvidenceState target, const QDateTime &at, const QString &actor);

/// Connects `scheduler`'s uploadStarted, acknowledged and purged to followUpload, so that the
/// window and `dualrec sync` move the lifecycle the same way; `problem` hears of a lifecycle
/// step that could not be written. Connected directly: it runs on the scheduler's thread, before
/// any slot connected later. `sessions` and `clock` must outlive the scheduler.
void followEvidence(SyncScheduler &scheduler, storage::SessionRepository &sessions, const Clock &clock, const QString &actor,
                    std::function<void(const workflow::SessionId &, const Error &)> problem);

} // namespace dualrec::sync
