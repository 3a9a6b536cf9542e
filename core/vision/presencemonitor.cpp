#include "core/vision/presencemonitor.h"

#include "core/workflow/workflowsession.h"

namespace dualrec::vision {

PresenceMonitor::PresenceMonitor(workflow::WorkflowSession &session, PolicyConfig config, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_policy(config)
{
}

void PresenceMonitor::addCheck(const PresenceCheck &check)
{
    const auto &steps = m_session.plan().steps();
    const auto current = m_session.currentStep();
    // Between and after the steps nobody is required; third faces and a blocked camera still
    // count (PresencePolicy::setRequirement).
    m_policy.setRequirement(current >= 0 && current < steps.size() ? steps.at(current).definition.requirements.presence
                                                                   : workflow::PresenceRequirement::None);
    m_policy.addCheck(check);
    m_session.setPresence(m_policy.facts());
    const auto problem = m_policy.problem();
    if (problem != m_problem) {
        m_problem = problem;
        Q_EMIT problemChanged(problem);
    }
}

} // namespace dualrec::vision
