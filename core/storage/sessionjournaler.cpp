#include "core/storage/sessionjournaler.h"

namespace dualrec::storage {

using workflow::SessionState;

SessionJournaler::SessionJournaler(SessionRepository &sessions, AuditLog &audit, workflow::WorkflowSession &session,
                                   QString actor, QObject *parent)
    : QObject(parent), m_sessions(sessions), m_audit(audit), m_session(session), m_actor(std::move(actor))
{
}

Result<void> SessionJournaler::begin(const SessionRecord &record)
{
    if (m_begun)
        return fail(ErrorCode::InvalidState, QStringLiteral("the session is already being journaled"));
    if (auto created = m_sessions.create(record); !created)
        return created;
    if (auto written = m_sessions.appendEvents(m_session.id(), 0, m_session.events()); !written)
        return written;
    m_nextSeq = m_session.events().size();
    m_begun = true;
    connect(&m_session, &workflow::WorkflowSession::eventRecorded, this, &SessionJournaler::onEventRecorded);
    connect(&m_session, &workflow::WorkflowSession::stateChanged, this, &SessionJournaler::onStateChanged);
    return {};
}

void SessionJournaler::onEventRecorded(const workflow::SessionEvent &event)
{
    if (auto written = m_sessions.appendEvents(m_session.id(), m_nextSeq, {event}); !written) {
        Q_EMIT journalFailed(written.error());
        return;
    }
    ++m_nextSeq;
}

void SessionJournaler::onStateChanged(SessionState from, SessionState to)
{
    Result<qint64> appended = 0;
    if (from == SessionState::Created && to == SessionState::Consent)
        appended = m_audit.append(m_actor, AuditAction::SessionStart, m_session.id().toString());
    else if (workflow::isEndState(to))
        appended = m_audit.append(m_actor, AuditAction::SessionStop, m_session.id().toString(),
                                  QStringLiteral("state=%1").arg(QLatin1String(workflow::sessionStateName(to))));
    if (!appended)
        Q_EMIT journalFailed(appended.error());
}

} // namespace dualrec::storage
