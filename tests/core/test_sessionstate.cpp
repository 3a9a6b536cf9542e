#include "core/workflow/sessionstate.h"

#include <catch2/catch_test_macros.hpp>

#include <set>

using namespace dualrec::workflow;

namespace {

constexpr std::array kStates{SessionState::Invalid, SessionState::Created, SessionState::Consent,
                             SessionState::Steps,   SessionState::Paused,  SessionState::Finished,
                             SessionState::Refused, SessionState::Aborted, SessionState::Failed};
constexpr std::array kTriggers{SessionTrigger::Invalid,       SessionTrigger::Start, SessionTrigger::GiveConsent,
                               SessionTrigger::RefuseConsent, SessionTrigger::CompleteSteps,
                               SessionTrigger::Pause,         SessionTrigger::Resume, SessionTrigger::Abort,
                               SessionTrigger::Fail};

struct Expected {
    SessionState from;
    SessionTrigger trigger;
    SessionState pausedFrom;
    SessionState to;
};

/// The legal transitions, written out independently of the table in the header.
const std::vector<Expected> kLegal{
    {SessionState::Created, SessionTrigger::Start, SessionState::Invalid, SessionState::Consent},
    {SessionState::Created, SessionTrigger::Abort, SessionState::Invalid, SessionState::Aborted},
    {SessionState::Created, SessionTrigger::Fail, SessionState::Invalid, SessionState::Failed},
    {SessionState::Consent, SessionTrigger::GiveConsent, SessionState::Invalid, SessionState::Steps},
    {SessionState::Consent, SessionTrigger::RefuseConsent, SessionState::Invalid, SessionState::Refused},
    {SessionState::Consent, SessionTrigger::Pause, SessionState::Invalid, SessionState::Paused},
    {SessionState::Consent, SessionTrigger::Abort, SessionState::Invalid, SessionState::Aborted},
    {SessionState::Consent, SessionTrigger::Fail, SessionState::Invalid, SessionState::Failed},
    {SessionState::Steps, SessionTrigger::CompleteSteps, SessionState::Invalid, SessionState::Finished},
    {SessionState::Steps, SessionTrigger::Pause, SessionState::Invalid, SessionState::Paused},
    {SessionState::Steps, SessionTrigger::Abort, SessionState::Invalid, SessionState::Aborted},
    {SessionState::Steps, SessionTrigger::Fail, SessionState::Invalid, SessionState::Failed},
    {SessionState::Paused, SessionTrigger::Resume, SessionState::Consent, SessionState::Consent},
    {SessionState::Paused, SessionTrigger::Resume, SessionState::Steps, SessionState::Steps},
    {SessionState::Paused, SessionTrigger::Abort, SessionState::Consent, SessionState::Aborted},
    {SessionState::Paused, SessionTrigger::Fail, SessionState::Steps, SessionState::Failed},
};

} // namespace

TEST_CASE("every legal transition goes where the diagram says")
{
    for (const auto &row : kLegal) {
        INFO(sessionStateName(row.from) << " --" << sessionTriggerName(row.trigger) << "--> " << sessionStateName(row.to));
        const auto next = nextState(row.from, row.trigger, row.pausedFrom);
        REQUIRE(next.has_value());
        CHECK(*next == row.to);
    }
}

TEST_CASE("every other state and trigger combination is illegal")
{
    int illegal = 0;
    for (const auto from : kStates) {
        for (const auto trigger : kTriggers) {
            for (const auto pausedFrom : {SessionState::Invalid, SessionState::Consent, SessionState::Steps}) {
                bool legal = false;
                for (const auto &row : kLegal) {
                    legal = legal || (row.from == from && row.trigger == trigger
                                      && (trigger != SessionTrigger::Resume || row.pausedFrom == pausedFrom));
                }
                if (legal)
                    continue;
                INFO(sessionStateName(from) << " --" << sessionTriggerName(trigger) << "--> (paused from "
                                            << sessionStateName(pausedFrom) << ")");
                CHECK_FALSE(nextState(from, trigger, pausedFrom).has_value());
                ++illegal;
            }
        }
    }
    CHECK(illegal == 9 * 9 * 3 - (14 * 3 + 2)); // 14 legal rows for any paused-from state, 2 resume rows
}

TEST_CASE("end states have no way out and every state has a name")
{
    for (const auto state : kStates) {
        CHECK(std::string(sessionStateName(state)) != std::string());
        if (!isEndState(state))
            continue;
        for (const auto trigger : kTriggers)
            CHECK_FALSE(nextState(state, trigger, SessionState::Steps).has_value());
    }
    CHECK(isEndState(SessionState::Finished));
    CHECK(isEndState(SessionState::Refused));
    CHECK(isEndState(SessionState::Aborted));
    CHECK(isEndState(SessionState::Failed));
    CHECK_FALSE(isEndState(SessionState::Paused));
    std::set<std::string> names;
    for (const auto trigger : kTriggers)
        names.insert(sessionTriggerName(trigger));
    CHECK(names.size() == kTriggers.size());
}
