#pragma once

#include "core/workflow/sessionstate.h"

#include <QDateTime>
#include <QString>

#include <chrono>

namespace dualrec::workflow {

enum class SessionEventType : quint8 {
    Invalid = 0,
    Created,
    StateChanged,
    StepStarted,
    StepCompleted,
    StepCompletionRefused, ///< someone tried to complete a step whose requirements are unmet
    AnswerRecorded,
    SnapshotRecorded,
    PresenceSatisfied,     ///< the current step's presence requirement became met
    PresenceViolated,      ///< ... stopped being met
};

[[nodiscard]] const char *sessionEventTypeName(SessionEventType type);

/// One timestamped fact of a session's timeline. Stamped with the wall clock (UTC, for people)
/// and the monotonic clock (since the session was created, for durations and for lining the
/// events up with the recording).
struct SessionEvent final {
    SessionEventType type = SessionEventType::Invalid;
    QDateTime wallTime;
    std::chrono::nanoseconds monotonic{0};
    qsizetype stepIndex = -1; ///< -1 when not about a step
    QString stepId;
    SessionState from = SessionState::Invalid; ///< StateChanged only
    SessionState to = SessionState::Invalid;   ///< StateChanged only
    SessionTrigger trigger = SessionTrigger::Invalid;
    QString detail; ///< stable English, never personal data

    [[nodiscard]] QString toString() const;
};

} // namespace dualrec::workflow
