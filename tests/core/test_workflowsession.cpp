#include "core/workflow/templatelibrary.h"
#include "core/workflow/workflowsession.h"

#include "tests/core/templatefixture.h"
#include "tests/support/testclock.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

using namespace dualrec::workflow;
using namespace std::chrono_literals;
using dualrec::ErrorCode;
using dualrec::test::ManualClock;
using dualrec::test::toJson;
using dualrec::test::validTemplate;

namespace {

ScriptTemplate parsedTemplate(const char *id = "sample-life", const char *design = "traditional")
{
    auto result = parseScriptTemplate(toJson(validTemplate(id, design)), QStringLiteral("mem.json"));
    REQUIRE(result.value.has_value());
    return *result.value;
}

std::unique_ptr<WorkflowSession> makeSession(const ScriptPlan &plan, const ManualClock &clock)
{
    auto session = WorkflowSession::create(SessionId::generate(), plan, clock);
    REQUIRE(session.has_value());
    return std::move(*session);
}

ScriptPlan planOf(const ScriptTemplate &script)
{
    auto plan = ScriptPlan::compose({script});
    REQUIRE(plan.has_value());
    return *plan;
}

constexpr PresenceFacts kEveryone{true, true, true};

/// What the current step should report as unmet when nothing has been done and no one is in frame.
QList<UnmetRequirement> expectedUnmet(const StepRequirements &requirements)
{
    QList<UnmetRequirement> unmet;
    if (requirements.presence != PresenceRequirement::None)
        unmet.append(UnmetRequirement::Presence);
    if (requirements.minDuration > 0ms)
        unmet.append(UnmetRequirement::Duration);
    if (requirements.answerRequired)
        unmet.append(UnmetRequirement::Answer);
    if (requirements.closeUp != CloseUp::None)
        unmet.append(UnmetRequirement::CloseUp);
    return unmet;
}

/// Meets every requirement of the current step, then completes it.
void satisfyAndComplete(WorkflowSession &session, ManualClock &clock)
{
    const auto &requirements = session.plan().steps().at(session.currentStep()).definition.requirements;
    session.setPresence(kEveryone);
    clock.advance(std::chrono::duration_cast<std::chrono::milliseconds>(requirements.minDuration));
    if (requirements.answerRequired)
        REQUIRE(session.recordAnswer(Answer::Yes).has_value());
    if (requirements.closeUp != CloseUp::None)
        REQUIRE(session.recordSnapshot(QStringLiteral("snap-%1").arg(session.currentStep())).has_value());
    const auto completed = session.completeCurrentStep();
    INFO((completed ? QString() : completed.error().detail).toStdString());
    REQUIRE(completed.has_value());
}

int countEvents(const WorkflowSession &session, SessionEventType type)
{
    int count = 0;
    for (const auto &event : session.events())
        count += event.type == type ? 1 : 0;
    return count;
}

} // namespace

TEST_CASE("every step of every shipped template: blocked until its requirements are met / then completed")
{
    const auto library = TemplateLibrary::loadDirectories(
        {QStringLiteral(DUALREC_SOURCE_DIR "/resources/scripts")});
    REQUIRE(library.diagnostics().isEmpty());
    const auto templateId = GENERATE(as<QString>(), QStringLiteral("traditional-life"), QStringLiteral("critical-illness"),
                                     QStringLiteral("participating-annuity"), QStringLiteral("investment-linked"),
                                     QStringLiteral("life-plus-critical-illness"));
    INFO(templateId.toStdString());
    const auto plan = library.plan(templateId);
    REQUIRE(plan.has_value());

    ManualClock clock;
    auto session = makeSession(*plan, clock);
    REQUIRE(session->start().has_value());
    QSet<StepKind> kinds;
    while (session->currentStep() < plan->steps().size()) {
        const auto index = session->currentStep();
        const auto &step = plan->steps().at(index);
        INFO(step.id.toStdString());
        kinds.insert(step.definition.kind);
        session->setPresence({});
        CHECK(session->unmetRequirements() == expectedUnmet(step.definition.requirements));
        if (!session->unmetRequirements().isEmpty()) {
            const auto refused = session->completeCurrentStep();
            REQUIRE_FALSE(refused.has_value());
            CHECK(refused.error().code == ErrorCode::RequirementsUnmet);
            CHECK(session->currentStep() == index);
        }
        satisfyAndComplete(*session, clock);
        CHECK(session->stepRun(index).completed);
    }
    CHECK(session->state() == SessionState::Finished);
    CHECK(countEvents(*session, SessionEventType::StepCompleted) == plan->steps().size());
    CHECK(kinds.size() >= 8);
}

TEST_CASE("a full session passes created / consent / steps / finished and stamps every event with both clocks")
{
    ManualClock clock;
    auto session = makeSession(planOf(parsedTemplate()), clock);
    QList<std::pair<SessionState, SessionState>> changes;
    QObject::connect(session.get(), &WorkflowSession::stateChanged, session.get(),
                     [&](SessionState from, SessionState to) { changes.append({from, to}); });

    CHECK(session->state() == SessionState::Created);
    REQUIRE(session->start().has_value());
    CHECK(session->state() == SessionState::Consent);
    satisfyAndComplete(*session, clock);
    CHECK(session->state() == SessionState::Steps);
    clock.jumpWall(-3600s); // the wall clock may jump; the monotonic clock never does
    while (session->state() == SessionState::Steps)
        satisfyAndComplete(*session, clock);
    CHECK(session->state() == SessionState::Finished);
    CHECK(changes == QList<std::pair<SessionState, SessionState>>{{SessionState::Created, SessionState::Consent},
                                                                    {SessionState::Consent, SessionState::Steps},
                                                                    {SessionState::Steps, SessionState::Finished}});

    const auto &events = session->events();
    REQUIRE(events.size() > 30);
    CHECK(events.first().type == SessionEventType::Created);
    for (qsizetype i = 1; i < events.size(); ++i) {
        CHECK(events.at(i).wallTime.isValid());
        CHECK(events.at(i).monotonic >= events.at(i - 1).monotonic);
    }
    CHECK(events.last().type == SessionEventType::StateChanged);
    CHECK(events.last().to == SessionState::Finished);
    CHECK(countEvents(*session, SessionEventType::StepStarted) == 13);
    CHECK(countEvents(*session, SessionEventType::AnswerRecorded) == 8);
    CHECK(countEvents(*session, SessionEventType::SnapshotRecorded) == 3);
    CHECK(countEvents(*session, SessionEventType::StateChanged) == 3);
    CHECK_FALSE(events.at(1).toString().isEmpty());

    // Nothing more happens in an end state.
    CHECK(session->completeCurrentStep().error().code == ErrorCode::InvalidState);
    CHECK(session->pause(QStringLiteral("x")).error().code == ErrorCode::InvalidState);
}

TEST_CASE("presence requirement: who must be in frame")
{
    struct Row {
        PresenceRequirement requirement;
        PresenceFacts facts;
        bool met;
    };
    const auto row = GENERATE(Row{PresenceRequirement::None, {}, true},
                              Row{PresenceRequirement::Agent, {}, false},
                              Row{PresenceRequirement::Agent, {true, false, false}, true},
                              Row{PresenceRequirement::Agent, {false, true, false}, false},
                              Row{PresenceRequirement::Both, {true, false, false}, false},
                              Row{PresenceRequirement::Both, {false, true, true}, false},
                              Row{PresenceRequirement::Both, {true, true, false}, true},
                              Row{PresenceRequirement::AllParties, {true, true, false}, false},
                              Row{PresenceRequirement::AllParties, {true, false, true}, false},
                              Row{PresenceRequirement::AllParties, {true, true, true}, true});
    auto script = parsedTemplate();
    script.steps[0].requirements.presence = row.requirement;
    ManualClock clock;
    auto session = makeSession(planOf(script), clock);
    REQUIRE(session->start().has_value());
    session->setPresence(row.facts);
    // A "yes" counts only while the requirement holds.
    CHECK(session->recordAnswer(Answer::Yes).has_value() == row.met);
    CHECK(session->unmetRequirements().contains(UnmetRequirement::Presence) == !row.met);
    CHECK(session->completeCurrentStep().has_value() == row.met);
}

TEST_CASE("minimum duration counts only running time with the presence requirement met")
{
    ManualClock clock;
    auto session = makeSession(planOf(parsedTemplate()), clock); // step 4 "insurer": 5 s, both in frame
    REQUIRE(session->start().has_value());
    for (int i = 0; i < 4; ++i)
        satisfyAndComplete(*session, clock);
    REQUIRE(session->plan().steps().at(session->currentStep()).id == QLatin1String("insurer"));
    REQUIRE(session->recordAnswer(Answer::Yes).has_value());

    clock.advance(2000ms);
    CHECK(session->countedTime() == 2000ms);

    // Paused: the step's clock stops.
    REQUIRE(session->pause(QStringLiteral("customer asked for a break")).has_value());
    clock.advance(60s);
    CHECK(session->countedTime() == 2000ms);
    CHECK(session->completeCurrentStep().error().code == ErrorCode::InvalidState);
    REQUIRE(session->resume().has_value());
    CHECK(session->state() == SessionState::Steps);

    // The customer leaves the frame: the clock stops and the time counts as a violation.
    session->setPresence({true, false, false});
    clock.advance(3000ms);
    CHECK(session->countedTime() == 2000ms);
    CHECK(session->unmetRequirements() == QList{UnmetRequirement::Presence, UnmetRequirement::Duration});
    session->setPresence(kEveryone);
    CHECK(session->stepRun(session->currentStep()).violationTime == 3000ms);

    clock.advance(2900ms);
    CHECK(session->remainingDuration() == 100ms);
    const auto early = session->completeCurrentStep();
    REQUIRE_FALSE(early.has_value());
    CHECK(early.error().detail.contains(QLatin1String("duration")));
    clock.advance(100ms);
    CHECK(session->unmetRequirements().isEmpty());
    REQUIRE(session->completeCurrentStep().has_value());
    CHECK(countEvents(*session, SessionEventType::PresenceViolated) == 1);
    CHECK(countEvents(*session, SessionEventType::PresenceSatisfied) >= 1);
    CHECK(countEvents(*session, SessionEventType::StepCompletionRefused) == 1);
}

TEST_CASE("answer required: a no keeps the step open until a yes")
{
    ManualClock clock;
    auto session = makeSession(planOf(parsedTemplate()), clock);
    REQUIRE(session->start().has_value());
    for (int i = 0; i < 5; ++i)
        satisfyAndComplete(*session, clock);
    REQUIRE(session->plan().steps().at(session->currentStep()).id == QLatin1String("coverage"));
    REQUIRE(session->recordAnswer(Answer::No).has_value());
    CHECK(session->state() == SessionState::Steps);
    CHECK(session->unmetRequirements() == QList{UnmetRequirement::Answer});
    CHECK_FALSE(session->completeCurrentStep().has_value());
    REQUIRE(session->recordAnswer(Answer::Yes).has_value());
    CHECK(session->completeCurrentStep().has_value());
    CHECK(session->recordAnswer(Answer::Invalid).error().code == ErrorCode::InvalidArgument);
}

TEST_CASE("close-up required: the step waits for a snapshot")
{
    ManualClock clock;
    auto session = makeSession(planOf(parsedTemplate()), clock);
    REQUIRE(session->start().has_value());
    satisfyAndComplete(*session, clock);
    satisfyAndComplete(*session, clock);
    REQUIRE(session->plan().steps().at(session->currentStep()).definition.kind == StepKind::AgentIdentity);
    session->setPresence(kEveryone);
    CHECK(session->unmetRequirements() == QList{UnmetRequirement::CloseUp});
    REQUIRE(session->recordSnapshot(QStringLiteral("agent-id.jpg")).has_value());
    CHECK(session->unmetRequirements().isEmpty());
    CHECK(session->stepRun(session->currentStep()).snapshots == 1);
}

TEST_CASE("a yes and a close-up count only while the step's presence requirement holds; a no always counts")
{
    ManualClock clock;
    auto session = makeSession(planOf(parsedTemplate()), clock);
    REQUIRE(session->start().has_value());
    // Consent needs both in the picture: only the agent is there (the demo source: nobody).
    session->setPresence({true, false, false});
    REQUIRE_FALSE(session->presenceMet());
    const auto yes = session->recordAnswer(Answer::Yes);
    REQUIRE_FALSE(yes.has_value());
    CHECK(yes.error().code == ErrorCode::RequirementsUnmet);
    CHECK(session->stepRun(0).answer == Answer::Invalid);
    CHECK(countEvents(*session, SessionEventType::AnswerRecorded) == 0);
    session->setPresence(kEveryone);
    REQUIRE(session->recordAnswer(Answer::Yes).has_value());
    CHECK(session->stepRun(0).answer == Answer::Yes);
    satisfyAndComplete(*session, clock);
    satisfyAndComplete(*session, clock);

    // The agent's identity close-up: refused with nobody in the picture, taken once they are.
    REQUIRE(session->plan().steps().at(session->currentStep()).definition.kind == StepKind::AgentIdentity);
    session->setPresence({false, false, false});
    const auto snapshot = session->recordSnapshot(QStringLiteral("agent-id.jpg"));
    REQUIRE_FALSE(snapshot.has_value());
    CHECK(snapshot.error().code == ErrorCode::RequirementsUnmet);
    CHECK(session->stepRun(session->currentStep()).snapshots == 0);
    session->setPresence(kEveryone);
    REQUIRE(session->recordSnapshot(QStringLiteral("agent-id.jpg")).has_value());
    CHECK(session->stepRun(session->currentStep()).snapshots == 1);

    // A no is the customer's right whoever is in the picture: it is always recorded.
    while (!session->plan().steps().at(session->currentStep()).definition.requirements.answerRequired)
        satisfyAndComplete(*session, clock);
    session->setPresence({true, false, false});
    REQUIRE(session->recordAnswer(Answer::No).has_value());
    CHECK(session->stepRun(session->currentStep()).answer == Answer::No);
}

TEST_CASE("refusal branch: a no to consent ends the session as refused / and it cannot be re-recorded")
{
    ManualClock clock;
    auto session = makeSession(planOf(parsedTemplate()), clock);
    REQUIRE(session->start().has_value());
    session->setPresence(kEveryone);
    REQUIRE(session->recordAnswer(Answer::No).has_value());
    CHECK(session->state() == SessionState::Refused);
    const auto &last = session->events().last();
    CHECK(last.type == SessionEventType::StateChanged);
    CHECK(last.trigger == SessionTrigger::RefuseConsent);
    CHECK(last.stepId == QLatin1String("consent"));
    CHECK(session->recordAnswer(Answer::Yes).error().code == ErrorCode::InvalidState);
    CHECK(session->reRecord(SessionId::generate()).error().code == ErrorCode::InvalidState);
}

TEST_CASE("pause in consent resumes in consent; abort and fail need a reason")
{
    ManualClock clock;
    auto session = makeSession(planOf(parsedTemplate()), clock);
    CHECK(session->completeCurrentStep().error().code == ErrorCode::InvalidState); // not started
    CHECK(session->resume().error().code == ErrorCode::InvalidState);
    REQUIRE(session->start().has_value());
    CHECK(session->start().error().code == ErrorCode::InvalidState);
    REQUIRE(session->pause(QStringLiteral("camera adjusted")).has_value());
    CHECK(session->state() == SessionState::Paused);
    CHECK(session->pause(QStringLiteral("again")).error().code == ErrorCode::InvalidState);
    CHECK(session->recordSnapshot(QStringLiteral("x")).error().code == ErrorCode::InvalidState);
    REQUIRE(session->resume().has_value());
    CHECK(session->state() == SessionState::Consent);

    CHECK(session->abort(QStringLiteral("  ")).error().code == ErrorCode::InvalidArgument);
    CHECK(session->fail(QString()).error().code == ErrorCode::InvalidArgument);
    CHECK(session->state() == SessionState::Consent);
    REQUIRE(session->abort(QStringLiteral("customer had to leave")).has_value());
    CHECK(session->state() == SessionState::Aborted);
    CHECK(session->events().last().detail == QLatin1String("customer had to leave"));
}

TEST_CASE("a re-recording is a new session linked to the failed one")
{
    const auto endState = GENERATE(SessionState::Failed, SessionState::Aborted, SessionState::Finished);
    ManualClock clock;
    auto session = makeSession(planOf(parsedTemplate()), clock);
    CHECK(session->reRecord(SessionId::generate()).error().code == ErrorCode::InvalidState); // still open
    REQUIRE(session->start().has_value());
    satisfyAndComplete(*session, clock);
    if (endState == SessionState::Failed)
        REQUIRE(session->fail(QStringLiteral("disk full")).has_value());
    else if (endState == SessionState::Aborted)
        REQUIRE(session->abort(QStringLiteral("wrong product")).has_value());
    else
        while (session->state() == SessionState::Steps)
            satisfyAndComplete(*session, clock);
    REQUIRE(session->state() == endState);

    const auto newId = SessionId::generate();
    auto again = session->reRecord(newId);
    REQUIRE(again.has_value());
    CHECK((*again)->id() == newId);
    CHECK((*again)->id() != session->id());
    CHECK((*again)->previousSession() == session->id());
    CHECK((*again)->state() == SessionState::Created);
    CHECK((*again)->currentStep() == 0);
    CHECK((*again)->events().size() == 1);
    CHECK((*again)->events().first().detail.contains(session->id().toString()));
}

TEST_CASE("a session needs an id and a plan that starts with consent")
{
    ManualClock clock;
    const auto plan = planOf(parsedTemplate());
    CHECK_FALSE(WorkflowSession::create(SessionId(), plan, clock).has_value());
    auto script = parsedTemplate();
    script.steps.removeFirst();
    CHECK_FALSE(WorkflowSession::create(SessionId::generate(), planOf(script), clock).has_value());
}
