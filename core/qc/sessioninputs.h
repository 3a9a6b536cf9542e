#pragma once

#include "core/media/finalizer.h"
#include "core/qc/sessionqc.h"
#include "core/storage/qcrepository.h"
#include "core/workflow/scriptplan.h"
#include "core/workflow/sessionevent.h"

#include <QList>

namespace dualrec::qc {

/// The steps of a session from its events (StepStarted opens a step; StepCompleted, the next
/// StepStarted or the last event ends it), with each step's requirements from the plan. Pure.
[[nodiscard]] std::vector<QcStep> stepsFromEvents(const QList<workflow::SessionEvent> &events, const workflow::ScriptPlan &plan);

/// The steps of a recording from its chapters (sidecar or MP4), matched to the plan's steps by
/// id (or, without ids, by title in order). A chapter counts as completed unless it is the
/// last one of a recording that did not finish. Steps not in the plan are InvalidArgument.
[[nodiscard]] Result<std::vector<QcStep>> stepsFromChapters(const QList<media::ChapterMark> &chapters,
                                                             const workflow::ScriptPlan &plan, bool finished);

/// The guard's defects (times of its checks) on the recording's timeline (`origin`: the
/// recording's zero on the checks' clock).
[[nodiscard]] std::vector<PresenceFinding> presenceFindings(const std::vector<vision::PresenceDefect> &defects,
                                                            std::chrono::nanoseconds origin);

/// Who was missing while a step needed them, from the session's PresenceViolated and
/// PresenceSatisfied events (their facts): what the journal keeps of presence while a session
/// runs (the guard's own defects are kept in memory until it ends). For a session whose guard
/// defects were lost (live::recoverInterruptedSessions). Pure.
[[nodiscard]] std::vector<PresenceFinding> presenceFromEvents(const QList<workflow::SessionEvent> &events);

/// The verdict's reasons as the journal stores them.
[[nodiscard]] QList<storage::QcReasonRecord> reasonRecords(const QcVerdict &verdict);

/// The outcome as the journal stores it, and back (Invalid for Invalid).
[[nodiscard]] storage::StoredVerdict storedVerdict(QcOutcome outcome);
[[nodiscard]] QcOutcome outcomeOf(storage::StoredVerdict verdict);

} // namespace dualrec::qc
