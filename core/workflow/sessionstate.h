#pragma once

#include <QStringView>
#include <QtGlobal>

#include <array>
#include <optional>

namespace dualrec::workflow {

/// The life of one recording session (one application, 逐单录制).
///
/// ```
///              start              consent given            last step completed
///   Created ──────────▶ Consent ───────────────▶ Steps ──────────────────────▶ Finished
///      │                 │  ▲ │                  │  ▲
///      │          pause  │  │ │ consent refused  │  │ resume (to Steps)
///      │                 ▼  │ └──────▶ Refused   ▼  │
///      │                Paused ◀─────────────────┘ pause
///      │        resume (to Consent) │
///      │                            │
///      └──── abort / fail ──────────┴──── (from Created, Consent, Steps, Paused) ──▶ Aborted | Failed
/// ```
///
/// End states: Finished, Refused (the customer declined to be recorded: the product cannot be
/// sold in this channel), Aborted (stopped by the agent, with a reason) and Failed (the recording
/// broke). An aborted, failed or finished-but-rejected session is re-recorded as a *new*
/// session linked to it, never continued.
enum class SessionState : quint8 {
    Invalid = 0,
    Created,
    Consent,
    Steps,
    Paused,
    Finished,
    Refused,
    Aborted,
    Failed,
};

/// What asks for a transition.
enum class SessionTrigger : quint8 {
    Invalid = 0,
    Start,
    GiveConsent,
    RefuseConsent,
    CompleteSteps,
    Pause,
    Resume,
    Abort,
    Fail,
};

struct SessionTransition final {
    SessionState from;
    SessionTrigger trigger;
    SessionState to;
};

/// Every legal transition; anything not listed is illegal.
inline constexpr std::array<SessionTransition, 16> kSessionTransitions{{
    {SessionState::Created, SessionTrigger::Start, SessionState::Consent},
    {SessionState::Created, SessionTrigger::Abort, SessionState::Aborted},
    {SessionState::Created, SessionTrigger::Fail, SessionState::Failed},
    {SessionState::Consent, SessionTrigger::GiveConsent, SessionState::Steps},
    {SessionState::Consent, SessionTrigger::RefuseConsent, SessionState::Refused},
    {SessionState::Consent, SessionTrigger::Pause, SessionState::Paused},
    {SessionState::Consent, SessionTrigger::Abort, SessionState::Aborted},
    {SessionState::Consent, SessionTrigger::Fail, SessionState::Failed},
    {SessionState::Steps, SessionTrigger::CompleteSteps, SessionState::Finished},
    {SessionState::Steps, SessionTrigger::Pause, SessionState::Paused},
    {SessionState::Steps, SessionTrigger::Abort, SessionState::Aborted},
    {SessionState::Steps, SessionTrigger::Fail, SessionState::Failed},
    {SessionState::Paused, SessionTrigger::Resume, SessionState::Consent},
    {SessionState::Paused, SessionTrigger::Resume, SessionState::Steps},
    {SessionState::Paused, SessionTrigger::Abort, SessionState::Aborted},
    {SessionState::Paused, SessionTrigger::Fail, SessionState::Failed},
}};

/// The one transition function. `pausedFrom` is the state a Paused session was paused in; a
/// resume returns there. Returns nothing for an illegal transition.
[[nodiscard]] constexpr std::optional<SessionState> nextState(SessionState from, SessionTrigger trigger,
                                                              SessionState pausedFrom = SessionState::Invalid)
{
    for (const auto &row : kSessionTransitions) {
        if (row.from != from || row.trigger != trigger)
            continue;
        if (trigger == SessionTrigger::Resume && row.to != pausedFrom)
            continue;
        return row.to;
    }
    return std::nullopt;
}

[[nodiscard]] constexpr bool isEndState(SessionState state)
{
    switch (state) {
    case SessionState::Finished:
    case SessionState::Refused:
    case SessionState::Aborted:
    case SessionState::Failed:
        return true;
    case SessionState::Invalid:
    case SessionState::Created:
    case SessionState::Consent:
    case SessionState::Steps:
    case SessionState::Paused:
        return false;
    }
    return false;
}

[[nodiscard]] const char *sessionStateName(SessionState state);
/// The state a name from sessionStateName() stands for; Invalid for anything else.
[[nodiscard]] SessionState sessionStateFromName(QStringView name);
[[nodiscard]] const char *sessionTriggerName(SessionTrigger trigger);

} // namespace dualrec::workflow
