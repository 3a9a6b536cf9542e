#include "core/workflow/sessionevent.h"

namespace dualrec::workflow {

const char *sessionEventTypeName(SessionEventType type)
{
    switch (type) {
    case SessionEventType::Invalid: return "invalid";
    case SessionEventType::Created: return "created";
    case SessionEventType::StateChanged: return "state-changed";
    case SessionEventType::StepStarted: return "step-started";
    case SessionEventType::StepCompleted: return "step-completed";
    case SessionEventType::StepCompletionRefused: return "step-completion-refused";
    case SessionEventType::AnswerRecorded: return "answer-recorded";
    case SessionEventType::SnapshotRecorded: return "snapshot-recorded";
    case SessionEventType::PresenceSatisfied: return "presence-satisfied";
    case SessionEventType::PresenceViolated: return "presence-violated";
    }
    return "invalid";
}

QString SessionEvent::toString() const
{
    QString text = wallTime.toString(Qt::ISODateWithMs) + u' '
                   + QString::number(double(monotonic.count()) / 1e9, 'f', 3) + QStringLiteral("s ")
                   + QLatin1String(sessionEventTypeName(type));
    if (type == SessionEventType::StateChanged)
        text += u' ' + QLatin1String(sessionStateName(from)) + QStringLiteral("->") + QLatin1String(sessionStateName(to))
                + QStringLiteral(" (") + QLatin1String(sessionTriggerName(trigger)) + u')';
    if (!stepId.isEmpty())
        text += QStringLiteral(" step=") + stepId;
    if (!detail.isEmpty())
        text += QStringLiteral(" ") + detail;
    return text;
}

} // namespace dualrec::workflow
