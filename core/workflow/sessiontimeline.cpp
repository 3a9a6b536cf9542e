#include "core/workflow/sessiontimeline.h"

#include <optional>

namespace dualrec::workflow {

SessionTimeline buildSessionTimeline(const QList<SessionEvent> &events)
{
    SessionTimeline timeline;
    if (events.isEmpty())
        return timeline;
    timeline.start = events.first().monotonic;
    timeline.end = events.last().monotonic;
    std::optional<std::chrono::nanoseconds> violationSince;
    std::optional<std::chrono::nanoseconds> pauseSince;
    for (const auto &event : events) {
        switch (event.type) {
        case SessionEventType::StepStarted:
            timeline.chapters.append({event.stepIndex, event.stepId, event.monotonic});
            break;
        case SessionEventType::PresenceViolated:
            if (!violationSince)
                violationSince = event.monotonic;
            break;
        case SessionEventType::PresenceSatisfied:
            if (violationSince) {
                timeline.presenceViolations.append({*violationSince, event.monotonic});
                violationSince.reset();
            }
            break;
        case SessionEventType::StateChanged:
            if (event.to == SessionState::Paused && !pauseSince) {
                pauseSince = event.monotonic;
            } else if (event.from == SessionState::Paused && pauseSince) {
                timeline.pauses.append({*pauseSince, event.monotonic});
                pauseSince.reset();
            }
            // A session that ends closes what is open.
            if (isEndState(event.to) && violationSince) {
                timeline.presenceViolations.append({*violationSince, event.monotonic});
                violationSince.reset();
            }
            break;
        case SessionEventType::Invalid:
        case SessionEventType::Created:
        case SessionEventType::StepCompleted:
        case SessionEventType::StepCompletionRefused:
        case SessionEventType::AnswerRecorded:
        case SessionEventType::SnapshotRecorded:
            break;
        }
    }
    if (violationSince)
        timeline.presenceViolations.append({*violationSince, timeline.end});
    if (pauseSince)
        timeline.pauses.append({*pauseSince, timeline.end});
    return timeline;
}

} // namespace dualrec::workflow
