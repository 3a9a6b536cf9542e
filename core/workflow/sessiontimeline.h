#pragma once

#include "core/workflow/sessionevent.h"

#include <QList>

#include <chrono>

namespace dualrec::workflow {

/// A stretch of a session's monotonic time (since the session was created).
struct TimeSpan final {
    std::chrono::nanoseconds start{0};
    std::chrono::nanoseconds end{0};
    friend bool operator==(const TimeSpan &, const TimeSpan &) = default;
};

/// Where a step began: a chapter of the recording.
struct Chapter final {
    qsizetype stepIndex = -1;
    QString stepId;
    std::chrono::nanoseconds start{0};
    friend bool operator==(const Chapter &, const Chapter &) = default;
};

/// A journaled session's timeline for review: chapters (StepStarted), the stretches in which
/// the step's presence requirement was unmet (PresenceViolated .. PresenceSatisfied) and the
/// pauses. A stretch still open at the last event ends there.
struct SessionTimeline final {
    std::chrono::nanoseconds start{0}; ///< the first event
    std::chrono::nanoseconds end{0};   ///< the last event
    QList<Chapter> chapters;
    QList<TimeSpan> presenceViolations;
    QList<TimeSpan> pauses;

    [[nodiscard]] std::chrono::nanoseconds duration() const { return end - start; }
};

/// Builds the timeline from events in journal order. Pure; thread-safe.
[[nodiscard]] SessionTimeline buildSessionTimeline(const QList<SessionEvent> &events);

} // namespace dualrec::workflow
