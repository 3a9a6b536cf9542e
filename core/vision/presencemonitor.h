#pragma once

#include "core/vision/presencecheck.h"
#include "core/vision/presencepolicy.h"

#include <QObject>

namespace dualrec::workflow {
class WorkflowSession;
}

namespace dualrec::vision {

/// Binds the guard's checks to a session: each check goes through the PresencePolicy under the
/// current step's presence requirement, and the resulting facts go to
/// WorkflowSession::setPresence(), which stops the step's clock, blocks completion and records
/// PresenceViolated / PresenceSatisfied (the engine's rules; not repeated here).
///
/// Connect PresenceGuard::checked to addCheck(). problemChanged() tells the UI what the banner
/// must say (PresenceProblem, translated there).
///
/// Thread contract: lives in the session's thread (normally the GUI thread); not thread-safe.
/// The session must outlive the monitor.
class PresenceMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PresenceMonitor)

public:
    explicit PresenceMonitor(workflow::WorkflowSession &session, PolicyConfig config = {}, QObject *parent = nullptr);

    void addCheck(const dualrec::vision::PresenceCheck &check);

    [[nodiscard]] const PresencePolicy &policy() const { return m_policy; }
    [[nodiscard]] PresenceProblem problem() const { return m_problem; }

Q_SIGNALS:
    void problemChanged(dualrec::vision::PresenceProblem problem);

private:
    workflow::WorkflowSession &m_session;
    PresencePolicy m_policy;
    PresenceProblem m_problem = PresenceProblem::Invalid;
};

} // namespace dualrec::vision
