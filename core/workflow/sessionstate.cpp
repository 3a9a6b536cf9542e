#include "core/workflow/sessionstate.h"

#include <QString>

namespace dualrec::workflow {

const char *sessionStateName(SessionState state)
{
    switch (state) {
    case SessionState::Invalid: return "invalid";
    case SessionState::Created: return "created";
    case SessionState::Consent: return "consent";
    case SessionState::Steps: return "steps";
    case SessionState::Paused: return "paused";
    case SessionState::Finished: return "finished";
    case SessionState::Refused: return "refused";
    case SessionState::Aborted: return "aborted";
    case SessionState::Failed: return "failed";
    }
    return "invalid";
}

SessionState sessionStateFromName(QStringView name)
{
    for (int value = int(SessionState::Created); value <= int(SessionState::Failed); ++value) {
        if (name == QLatin1String(sessionStateName(SessionState(value))))
            return SessionState(value);
    }
    return SessionState::Invalid;
}

const char *sessionTriggerName(SessionTrigger trigger)
{
    switch (trigger) {
    case SessionTrigger::Invalid: return "invalid";
    case SessionTrigger::Start: return "start";
    case SessionTrigger::GiveConsent: return "give-consent";
    case SessionTrigger::RefuseConsent: return "refuse-consent";
    case SessionTrigger::CompleteSteps: return "complete-steps";
    case SessionTrigger::Pause: return "pause";
    case SessionTrigger::Resume: return "resume";
    case SessionTrigger::Abort: return "abort";
    case SessionTrigger::Fail: return "fail";
    }
    return "invalid";
}

} // namespace dualrec::workflow
