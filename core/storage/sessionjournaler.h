#pragma once

#include "core/storage/auditlog.h"
#include "core/storage/sessionrepository.h"
#include "core/workflow/workflowsession.h"

#include <QObject>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace dualrec::storage {

/// Writes one running session to the journal as it happens: the session row first, then every
/// event the engine records (in order, numbered from 0), and an audit entry when the recording
/// starts and when it ends (the end state and the reason it ended for). A write that fails is reported through journalFailed(); the
/// session goes on (the recording itself is the evidence) and the page tells the agent.
///
/// Thread contract: lives in the session's thread (normally the GUI thread), where begin()
/// writes the session row. Every later write (events, audit entries) runs in the journaler's own
/// writer thread, in the order the session recorded them, each committed on its own (a crash
/// loses no event whose write has returned); the GUI thread never waits for a commit except in
/// flush(). journalFailed() is emitted in the owner's thread. The session and the repositories
/// must outlive the journaler; destroying it writes what is queued first.
class SessionJournaler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionJournaler)

public:
    SessionJournaler(SessionRepository &sessions, AuditLog &audit, workflow::WorkflowSession &session, QString actor,
                     QObject *parent = nullptr);
    ~SessionJournaler() override;

    /// Creates the session row and writes the events recorded so far; call once, before start().
    [[nodiscard]] Result<void> begin(const SessionRecord &record);
    /// Events handed to the writer (written, or reported through journalFailed()).
    [[nodiscard]] qint64 eventsWritten() const { return m_nextSeq; }
    /// Waits until every queued write has been committed (or has failed).
    void flush();
    /// The thread the last write ran in (the writer's; for tests of the thread contract).
    [[nodiscard]] std::thread::id lastWriteThread() const { return m_lastWriter.load(); }

Q_SIGNALS:
    void journalFailed(const dualrec::Error &error);

private:
    void onEventRecorded(const dualrec::workflow::SessionEvent &event);
    void onStateChanged(dualrec::workflow::SessionState from, dualrec::workflow::SessionState to);
    void post(std::function<Result<void>()> write);
    void writeLoop(std::stop_token stop);

    SessionRepository &m_sessions;
    AuditLog &m_audit;
    workflow::WorkflowSession &m_session;
    QString m_actor;
    qint64 m_nextSeq = 0;
    bool m_begun = false;
    std::mutex m_mutex;
    std::condition_variable_any m_wake; ///< a write was queued (or stop)
    std::condition_variable_any m_idle; ///< the queue ran empty
    std::deque<std::function<Result<void>()>> m_queue; ///< guarded by m_mutex
    bool m_writing = false;                             ///< guarded by m_mutex
    std::atomic<std::thread::id> m_lastWriter;
    std::jthread m_writer; ///< last member: stopped and joined first
};

} // namespace dualrec::storage
