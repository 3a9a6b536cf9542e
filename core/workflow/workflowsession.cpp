#include "core/workflow/workflowsession.h"

namespace dualrec::workflow {

using std::chrono::duration_cast;
using std::chrono::milliseconds;

const char *unmetRequirementName(UnmetRequirement requirement)
{
    switch (requirement) {
    case UnmetRequirement::Invalid: return "invalid";
    case UnmetRequirement::Presence: return "presence";
    case UnmetRequirement::Duration: return "duration";
    case UnmetRequirement::Answer: return "answer";
    case UnmetRequirement::CloseUp: return "close-up";
    }
    return "invalid";
}

Result<std::unique_ptr<WorkflowSession>> WorkflowSession::create(SessionId id, ScriptPlan plan, const Clock &clock,
                                                                 SessionId previous)
{
    if (id.isNull())
        return dualrec::fail(ErrorCode::InvalidArgument, QStringLiteral("a session needs an id"));
    if (plan.steps().isEmpty() || plan.steps().first().definition.kind != StepKind::Consent)
        return dualrec::fail(ErrorCode::InvalidArgument, QStringLiteral("plan \"%1\" does not start with a consent step").arg(plan.id()));
    if (plan.steps().size() < 2)
        return dualrec::fail(ErrorCode::InvalidArgument, QStringLiteral("plan \"%1\" has no steps after consent").arg(plan.id()));
    return std::unique_ptr<WorkflowSession>(new WorkflowSession(id, std::move(plan), clock, previous));
}

WorkflowSession::WorkflowSession(SessionId id, ScriptPlan plan, const Clock &clock, SessionId previous)
    : m_id(id), m_previous(previous), m_plan(std::move(plan)), m_clock(&clock),
      m_createdMonotonic(clock.monotonicNow())
{
    m_runs.resize(m_plan.steps().size());
    m_mark = m_createdMonotonic;
    SessionEvent created;
    created.type = SessionEventType::Created;
    created.to = SessionState::Created;
    created.detail = QStringLiteral("plan=%1@%2 sources=%3").arg(m_plan.id(), m_plan.version(), m_plan.sources().join(u','));
    if (!m_previous.isNull())
        created.detail += QStringLiteral(" re-recording-of=") + m_previous.toString();
    record(std::move(created));
}

Result<std::unique_ptr<WorkflowSession>> WorkflowSession::reRecord(SessionId newId) const
{
    switch (m_state) {
    case SessionState::Failed:
    case SessionState::Aborted:
    case SessionState::Finished:
        return create(newId, m_plan, *m_clock, m_id);
    case SessionState::Refused:
        return dualrec::fail(ErrorCode::InvalidState, QStringLiteral("the customer refused to be recorded; the sale cannot be re-recorded"));
    case SessionState::Invalid:
    case SessionState::Created:
    case SessionState::Consent:
    case SessionState::Steps:
    case SessionState::Paused:
        break;
    }
    return dualrec::fail(ErrorCode::InvalidState,
                QStringLiteral("session is %1; only a failed, aborted or finished session can be re-recorded")
                    .arg(QLatin1String(sessionStateName(m_state))));
}

bool WorkflowSession::running() const
{
    return m_state == SessionState::Consent || m_state == SessionState::Steps;
}

bool WorkflowSession::presenceMet() const
{
    if (m_current >= m_plan.steps().size())
        return true;
    switch (m_plan.steps().at(m_current).definition.requirements.presence) {
    case PresenceRequirement::None: return true;
    case PresenceRequirement::Agent: return m_presence.agent;
    case PresenceRequirement::Both: return m_presence.agent && m_presence.policyholder;
    case PresenceRequirement::AllParties: return m_presence.agent && m_presence.policyholder && m_presence.allParties;
    case PresenceRequirement::Invalid: return false;
    }
    return false;
}

milliseconds WorkflowSession::sinceMark() const
{
    return duration_cast<milliseconds>(m_clock->monotonicNow() - m_mark);
}

void WorkflowSession::settleClocks()
{
    const auto now = m_clock->monotonicNow();
    if (running() && m_current < m_runs.size()) {
        auto &run = m_runs[m_current];
        const auto delta = duration_cast<milliseconds>(now - m_mark);
        if (presenceMet())
            run.countedTime += delta;
        else
            run.violationTime += delta;
    }
    m_mark = now;
}

milliseconds WorkflowSession::countedTime() const
{
    if (m_current >= m_runs.size())
        return milliseconds(0);
    auto counted = m_runs.at(m_current).countedTime;
    if (running() && presenceMet())
        counted += sinceMark();
    return counted;
}

milliseconds WorkflowSession::remainingDuration() const
{
    if (m_current >= m_plan.steps().size())
        return milliseconds(0);
    const auto needed = m_plan.steps().at(m_current).definition.requirements.minDuration;
    return std::max(milliseconds(0), needed - countedTime());
}

QList<UnmetRequirement> WorkflowSession::unmetRequirements() const
{
    QList<UnmetRequirement> unmet;
    if (m_current >= m_plan.steps().size())
        return unmet;
    const auto &requirements = m_plan.steps().at(m_current).definition.requirements;
    const auto &run = m_runs.at(m_current);
    if (!presenceMet())
        unmet.append(UnmetRequirement::Presence);
    if (remainingDuration() > milliseconds(0))
        unmet.append(UnmetRequirement::Duration);
    if (requirements.answerRequired && run.answer != Answer::Yes)
        unmet.append(UnmetRequirement::Answer);
    if (requirements.closeUp != CloseUp::None && run.snapshots == 0)
        unmet.append(UnmetRequirement::CloseUp);
    return unmet;
}

void WorkflowSession::tick()
{
    const auto unmet = unmetRequirements();
    if (unmet != m_lastUnmet) {
        m_lastUnmet = unmet;
        Q_EMIT requirementsChanged();
    }
}

QString WorkflowSession::currentStepId() const
{
    return m_current < m_plan.steps().size() ? m_plan.steps().at(m_current).id : QString();
}

void WorkflowSession::record(SessionEvent event)
{
    event.wallTime = m_clock->wallNow();
    event.monotonic = m_clock->monotonicNow() - m_createdMonotonic;
    m_events.append(event);
    Q_EMIT eventRecorded(m_events.last());
}

Result<void> WorkflowSession::transition(SessionTrigger trigger, const QString &reason)
{
    const auto next = nextState(m_state, trigger, m_pausedFrom);
    if (!next)
        return dualrec::fail(ErrorCode::InvalidState, QStringLiteral("cannot %1 a session that is %2")
                                                 .arg(QLatin1String(sessionTriggerName(trigger)),
                                                      QLatin1String(sessionStateName(m_state))));
    settleClocks();
    const auto from = m_state;
    m_pausedFrom = *next == SessionState::Paused ? from : SessionState::Invalid;
    m_state = *next;

    SessionEvent event;
    event.type = SessionEventType::StateChanged;
    event.from = from;
    event.to = *next;
    event.trigger = trigger;
    event.detail = reason;
    if (m_current < m_plan.steps().size()) {
        event.stepIndex = m_current;
        event.stepId = currentStepId();
    }
    record(std::move(event));
    Q_EMIT stateChanged(from, *next);
    tick();
    return {};
}

void WorkflowSession::startStep(qsizetype index)
{
    m_current = index;
    m_mark = m_clock->monotonicNow();
    m_presenceWasMet = presenceMet();
    if (index < m_plan.steps().size()) {
        SessionEvent event;
        event.type = SessionEventType::StepStarted;
        event.stepIndex = index;
        event.stepId = currentStepId();
        event.detail = QStringLiteral("kind=") + enumToName(kStepKindNames, m_plan.steps().at(index).definition.kind)
                       + (m_presenceWasMet ? QStringLiteral(" presence=met") : QStringLiteral(" presence=unmet"));
        record(std::move(event));
    }
    Q_EMIT currentStepChanged(index);
    tick();
}

Result<void> WorkflowSession::start()
{
    if (auto result = transition(SessionTrigger::Start, {}); !result)
        return result;
    startStep(0);
    return {};
}

Result<void> WorkflowSession::pause(const QString &reason)
{
    return transition(SessionTrigger::Pause, reason);
}

Result<void> WorkflowSession::resume()
{
    return transition(SessionTrigger::Resume, {});
}

Result<void> WorkflowSession::abort(const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return dualrec::fail(ErrorCode::InvalidArgument, QStringLiteral("an abort needs a reason"));
    return transition(SessionTrigger::Abort, reason);
}

Result<void> WorkflowSession::fail(const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return dualrec::fail(ErrorCode::InvalidArgument, QStringLiteral("a failure needs a reason"));
    return transition(SessionTrigger::Fail, reason);
}

void WorkflowSession::setPresence(PresenceFacts facts)
{
    if (facts == m_presence)
        return;
    settleClocks();
    m_presence = facts;
    const bool met = presenceMet();
    if (running() && met != m_presenceWasMet) {
        SessionEvent event;
        event.type = met ? SessionEventType::PresenceSatisfied : SessionEventType::PresenceViolated;
        event.stepIndex = m_current;
        event.stepId = currentStepId();
        event.detail = QStringLiteral("agent=%1 policyholder=%2 all=%3")
                           .arg(int(facts.agent)).arg(int(facts.policyholder)).arg(int(facts.allParties));
        record(std::move(event));
    }
    m_presenceWasMet = met;
    tick();
}

Result<void> WorkflowSession::recordAnswer(Answer answer)
{
    if (!running())
        return dualrec::fail(ErrorCode::InvalidState, QStringLiteral("answers are recorded only while a step runs; the session is %1")
                                                          .arg(QLatin1String(sessionStateName(m_state))));
    if (answer == Answer::Invalid)
        return dualrec::fail(ErrorCode::InvalidArgument, QStringLiteral("an answer is yes or no"));
    if (answer == Answer::Yes && !presenceMet())
        return dualrec::fail(ErrorCode::RequirementsUnmet,
                             QStringLiteral("step \"%1\": a yes counts only while everyone the step needs is in the picture")
                                 .arg(currentStepId()));
    settleClocks();
    m_runs[m_current].answer = answer;
    SessionEvent event;
    event.type = SessionEventType::AnswerRecorded;
    event.stepIndex = m_current;
    event.stepId = currentStepId();
    event.detail = answer == Answer::Yes ? QStringLiteral("answer=yes") : QStringLiteral("answer=no");
    record(std::move(event));
    tick();
    if (answer == Answer::No && m_plan.steps().at(m_current).definition.kind == StepKind::Consent)
        return transition(SessionTrigger::RefuseConsent, QStringLiteral("the customer declined to be recorded"));
    return {};
}

Result<void> WorkflowSession::recordSnapshot(const QString &reference)
{
    if (!running())
        return dualrec::fail(ErrorCode::InvalidState, QStringLiteral("snapshots are taken only while a step runs; the session is %1")
                                                          .arg(QLatin1String(sessionStateName(m_state))));
    if (!presenceMet())
        return dualrec::fail(ErrorCode::RequirementsUnmet,
                             QStringLiteral("step \"%1\": a close-up counts only while everyone the step needs is in the picture")
                                 .arg(currentStepId()));
    ++m_runs[m_current].snapshots;
    SessionEvent event;
    event.type = SessionEventType::SnapshotRecorded;
    event.stepIndex = m_current;
    event.stepId = currentStepId();
    event.detail = QStringLiteral("snapshot=") + reference;
    record(std::move(event));
    tick();
    return {};
}

Result<void> WorkflowSession::completeCurrentStep()
{
    if (!running())
        return dualrec::fail(ErrorCode::InvalidState, QStringLiteral("no step runs while the session is %1")
                                                          .arg(QLatin1String(sessionStateName(m_state))));
    settleClocks();
    const auto unmet = unmetRequirements();
    if (!unmet.isEmpty()) {
        QStringList names;
        for (const auto requirement : unmet)
            names.append(QLatin1String(unmetRequirementName(requirement)));
        SessionEvent event;
        event.type = SessionEventType::StepCompletionRefused;
        event.stepIndex = m_current;
        event.stepId = currentStepId();
        event.detail = QStringLiteral("unmet=") + names.join(u',');
        record(std::move(event));
        return dualrec::fail(ErrorCode::RequirementsUnmet,
                             QStringLiteral("step \"%1\" cannot be completed yet: %2 not met")
                                 .arg(currentStepId(), names.join(QStringLiteral(", "))));
    }
    auto &run = m_runs[m_current];
    run.completed = true;
    SessionEvent event;
    event.type = SessionEventType::StepCompleted;
    event.stepIndex = m_current;
    event.stepId = currentStepId();
    event.detail = QStringLiteral("counted=%1ms violation=%2ms snapshots=%3")
                       .arg(run.countedTime.count()).arg(run.violationTime.count()).arg(run.snapshots);
    record(std::move(event));

    const bool wasConsent = m_state == SessionState::Consent;
    const auto next = m_current + 1;
    if (wasConsent) {
        if (auto result = transition(SessionTrigger::GiveConsent, QStringLiteral("the customer agreed to be recorded")); !result)
            return result;
    }
    if (next >= m_plan.steps().size()) {
        m_current = next;
        Q_EMIT currentStepChanged(next);
        return transition(SessionTrigger::CompleteSteps, {});
    }
    startStep(next);
    return {};
}

} // namespace dualrec::workflow
