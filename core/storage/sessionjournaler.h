#pragma once

#include "core/storage/auditlog.h"
#include "core/storage/sessionrepository.h"
#include "core/workflow/workflowsession.h"

#include <QObject>

namespace dualrec::storage {

/// Writes one running session to the journal as it happens: the session row first, then every
/// event the engine records (in order, numbered from 0), and an audit entry when the recording
/// starts and when it ends. A write that fails is reported through journalFailed(); the
/// session goes on (the recording itself is the evidence) and the page tells the agent.
///
/// Thread contract: lives in the session's thread (normally the GUI thread). The session and
/// the repositories must outlive the journaler.
class SessionJournaler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionJournaler)

public:
    SessionJournaler(SessionRepository &sessions, AuditLog &audit, workflow::WorkflowSession &session, QString actor,
                     QObject *parent = nullptr);

    /// Creates the session row and writes the events recorded so far; call once, before start().
    [[nodiscard]] Result<void> begin(const SessionRecord &record);
    [[nodiscard]] qint64 eventsWritten() const { return m_nextSeq; }

Q_SIGNALS:
    void journalFailed(const dualrec::Error &error);

private:
    void onEventRecorded(const dualrec::workflow::SessionEvent &event);
    void onStateChanged(dualrec::workflow::SessionState from, dualrec::workflow::SessionState to);

    SessionRepository &m_sessions;
    AuditLog &m_audit;
    workflow::WorkflowSession &m_session;
    QString m_actor;
    qint64 m_nextSeq = 0;
    bool m_begun = false;
};

} // namespace dualrec::storage
