#pragma once

#include "core/storage/qcrepository.h"
#include "core/storage/sessionrecord.h"
#include "core/util/result.h"
#include "core/workflow/sessionevent.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace dualrec::storage {

class Journal;

// The answers are plain structs with an error field rather than Results: Qt's meta-types cannot
// take std::expected (its operator== is unconstrained).

/// One page of the history with the names of the people on it.
struct HistoryListing final {
    std::optional<Error> error;      ///< the page could not be read (nothing else is set)
    HistoryPage page;
    QHash<QString, QString> names;   ///< login -> display name
    std::optional<Error> namesError; ///< the accounts could not be read: show logins instead
};

/// What the detail pane of one session shows.
struct HistoryDetail final {
    std::optional<Error> error; ///< the session could not be read (nothing else is set)
    SessionRecord record;
    QList<workflow::SessionEvent> events;
    QList<MediaFile> files;
    std::optional<Error> filesError;
    QList<QcVerdictRecord> verdicts;
    std::optional<Error> verdictsError;
    bool viewerCanSupervise = false; ///< the viewer's account is a supervisor's or IT's
    std::optional<Error> auditError; ///< the look could not be written to the audit log
};

/// A session's QC verdicts read again.
struct HistoryVerdicts final {
    std::optional<Error> error;
    QList<QcVerdictRecord> verdicts;
};

/// A supervisor's spot-check saved (or not) and the session's verdicts read again.
struct HistorySpotCheck final {
    std::optional<Error> accountError; ///< the reviewer's account could not be read: nothing saved
    std::optional<Error> saveError;    ///< the spot-check could not be saved
    HistoryVerdicts verdicts;          ///< read after the save (also when it failed)
};

/// The supervisor's history queries (the session list, a session's detail, its QC verdicts) and
/// its writes (a spot-check, the audit entry of a playback) off the GUI thread: every request
/// runs in a worker thread of its own, in order, and its answer
/// comes back as a signal carrying the request's id, so a caller that asked again meanwhile
/// drops the older answer. A query superseded by a newer one of the same kind before the
/// worker reached it is skipped (never answered); a write is never skipped. Opening a detail is audited (action "view")
/// by the worker before it reads, as the page did.
///
/// The worker reads through the journal's repositories, which are thread-safe: the journal's
/// Database gives the worker thread its own SQLite connection, and in WAL mode that reader
/// neither waits for nor blocks the recording's writes.
///
/// Thread contract: a QObject of the thread that creates it (the GUI thread), which needs an
/// event loop; every call and every signal on that thread. `journal` must outlive it;
/// destroying it waits for the query in flight and ends the worker thread.
class HistoryQueries final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryQueries)

public:
    using RequestId = quint64;

    explicit HistoryQueries(Journal &journal, QObject *parent = nullptr);
    ~HistoryQueries() override;

    /// One page of sessions matching `filter`, with the accounts' names.
    RequestId list(const HistoryFilter &filter, int offset, int limit);
    /// The detail of session `id` as `viewer` opens it (audited as a view).
    RequestId detail(const workflow::SessionId &id, const QString &viewer);
    /// The session's QC verdicts again (after a spot-check was saved).
    RequestId verdicts(const workflow::SessionId &id);

    /// Saves `reviewer`'s spot-check of session `id`, dated `at` (the reviewer's account is read
    /// in the worker), then reads the session's verdicts again: answered with spotCheckSaved.
    RequestId saveSpotCheck(const workflow::SessionId &id, const SpotCheck &check, const QString &reviewer, const QDateTime &at);
    /// Audits that `viewer` started playing `path` of session `id` (action "playback-start");
    /// auditFailed says when the entry could not be written.
    void auditPlayback(const workflow::SessionId &id, const QString &viewer, const QString &path);

    /// Runs `work` in the worker thread, in order with the requests (never skipped), and hands
    /// its answer to `done` on this object's thread, unless `context` is gone by then. For the
    /// reads and writes a higher layer composes (the QC report's model and its audit entry):
    /// they use the worker's connection to the journal, never a thread pool's (a thread the
    /// journal does not outlive must not open a connection: Database's thread contract).
    template<typename Answer>
    void runInWorker(std::function<Answer()> work, QObject *context, std::function<void(Answer)> done)
    {
        postWrite([this, work = std::move(work), context = QPointer<QObject>(context), done = std::move(done)] {
            QMetaObject::invokeMethod(this, [context, done, answer = work()] {
                if (context)
                    done(answer);
            }, Qt::QueuedConnection);
        });
    }
    /// Runs `task` in the worker thread, in order with the requests (tests hold the worker with it).
    void runInWorker(std::function<void()> task);
    /// Requests the worker has answered so far (a worker-side count; tests wait on it).
    [[nodiscard]] quint64 answered() const { return m_answered->load(); }

Q_SIGNALS:
    void listed(quint64 request, const dualrec::storage::HistoryListing &result);
    void detailed(quint64 request, const dualrec::storage::HistoryDetail &result);
    void verdictsRead(quint64 request, const dualrec::workflow::SessionId &id, const dualrec::storage::HistoryVerdicts &result);
    void spotCheckSaved(quint64 request, const dualrec::workflow::SessionId &id, const dualrec::storage::HistorySpotCheck &result);
    /// An audit entry the worker was asked to write (auditPlayback) could not be written.
    void auditFailed(const dualrec::Error &error);

private:
    enum Kind : quint8 { ListKind = 0, DetailKind, VerdictsKind, KindCount };
    RequestId next(Kind kind);
    /// Posts `work` to the worker; it runs unless a newer request of `kind` came meanwhile.
    void post(Kind kind, RequestId request, std::function<void()> work);
    /// Posts a write to the worker: it always runs, in order with the queries.
    void postWrite(std::function<void()> work);

    Journal &m_journal;
    QThread *m_thread = nullptr;
    QObject *m_context = nullptr; ///< lives in m_thread: the worker's queued calls run there
    RequestId m_lastRequest = 0;
    /// The newest request of each kind; shared with the worker, which skips older ones.
    std::shared_ptr<std::array<std::atomic<RequestId>, KindCount>> m_latest =
        std::make_shared<std::array<std::atomic<RequestId>, KindCount>>();
    std::shared_ptr<std::atomic<quint64>> m_answered = std::make_shared<std::atomic<quint64>>(0);
};

} // namespace dualrec::storage
