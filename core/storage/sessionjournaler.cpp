#include "core/storage/sessionjournaler.h"

namespace dualrec::storage {

using workflow::SessionState;

namespace {

/// The audit detail of a session's end: the end state and, when the session gave one, the
/// reason as the journal keeps it (workflow::sessionReasonText: stable English), e.g.
/// "state=failed; reason: recording failed: ...".
QString stopDetail(SessionState end, const QString &reason)
{
    QString detail = QStringLiteral("state=") + QLatin1String(workflow::sessionStateName(end));
    if (!reason.isEmpty())
        detail += QStringLiteral("; reason: ") + reason;
    return detail;
}

} // namespace

SessionJournaler::SessionJournaler(SessionRepository &sessions, AuditLog &audit, workflow::WorkflowSession &session,
                                   QString actor, QObject *parent)
    : QObject(parent), m_sessions(sessions), m_audit(audit), m_session(session), m_actor(std::move(actor)),
      m_writer([this](std::stop_token stop) { writeLoop(stop); })
{
}

SessionJournaler::~SessionJournaler()
{
    flush();
    m_writer.request_stop();
    m_wake.notify_all();
}

void SessionJournaler::post(std::function<Result<void>()> write)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(write));
    }
    m_wake.notify_one();
}

void SessionJournaler::flush()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_queue.empty() && !m_writing; });
}

void SessionJournaler::writeLoop(std::stop_token stop)
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, stop, [this] { return !m_queue.empty(); });
        if (m_queue.empty()) {
            if (stop.stop_requested())
                return;
            continue;
        }
        auto write = std::move(m_queue.front());
        m_queue.pop_front();
        m_writing = true;
        lock.unlock();
        const auto written = write();
        m_lastWriter = std::this_thread::get_id();
        if (!written)
            QMetaObject::invokeMethod(this, [this, error = written.error()] { Q_EMIT journalFailed(error); },
                                      Qt::QueuedConnection);
        lock.lock();
        m_writing = false;
        if (m_queue.empty())
            m_idle.notify_all();
    }
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
    post([this, id = m_session.id(), seq = m_nextSeq++, event] { return m_sessions.appendEvents(id, seq, {event}); });
}

void SessionJournaler::onStateChanged(SessionState from, SessionState to)
{
    const auto audit = [this](AuditAction action, QString detail) {
        post([this, action, subject = m_session.id().toString(), detail = std::move(detail)]() -> Result<void> {
            if (auto appended = m_audit.append(m_actor, action, subject, detail); !appended)
                return std::unexpected(appended.error());
            return {};
        });
    };
    if (from == SessionState::Created && to == SessionState::Consent)
        audit(AuditAction::SessionStart, QString());
    else if (workflow::isEndState(to)) {
        // The session records the state change (with its reason) before it signals it.
        const auto &last = m_session.events().last();
        const bool ours = last.type == workflow::SessionEventType::StateChanged && last.to == to;
        audit(AuditAction::SessionStop, stopDetail(to, ours ? last.detail : QString()));
    }
}

} // namespace dualrec::storage
