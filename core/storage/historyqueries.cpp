#include "core/storage/historyqueries.h"

#include "core/storage/journal.h"

#include <QThread>

namespace dualrec::storage {

HistoryQueries::HistoryQueries(Journal &journal, QObject *parent) : QObject(parent), m_journal(journal)
{
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("dualrec-history"));
    m_context = new QObject;
    m_context->moveToThread(m_thread);
    // The worker's connection is closed by the worker, before wait() in the destructor returns.
    connect(m_thread, &QThread::finished, m_context, [database = &journal.database()] { database->closeThreadConnection(); },
            Qt::DirectConnection);
    m_thread->start();
}

HistoryQueries::~HistoryQueries()
{
    for (auto &latest : *m_latest)
        latest.store(0); // what is still queued is skipped
    m_thread->quit();
    m_thread->wait();
    delete m_context; // its thread has ended and closed its SQLite connection
    delete m_thread;
}

HistoryQueries::RequestId HistoryQueries::next(Kind kind)
{
    const RequestId request = ++m_lastRequest;
    (*m_latest)[kind].store(request);
    return request;
}

void HistoryQueries::post(Kind kind, RequestId request, std::function<void()> work)
{
    QMetaObject::invokeMethod(m_context, [latest = m_latest, answered = m_answered, kind, request, work = std::move(work)] {
        if ((*latest)[kind].load() != request)
            return; // asked again meanwhile: nobody waits for this answer
        work();
        answered->fetch_add(1);
    }, Qt::QueuedConnection);
}

void HistoryQueries::postWrite(std::function<void()> work)
{
    QMetaObject::invokeMethod(m_context, [answered = m_answered, work = std::move(work)] {
        work();
        answered->fetch_add(1);
    }, Qt::QueuedConnection);
}

HistoryQueries::RequestId HistoryQueries::list(const HistoryFilter &filter, int offset, int limit)
{
    const auto request = next(ListKind);
    post(ListKind, request, [this, request, filter, offset, limit] {
        HistoryListing result;
        if (auto users = m_journal.users().list()) {
            for (const auto &user : *users)
                result.names.insert(user.login, user.displayName);
        } else {
            result.namesError = users.error();
        }
        if (auto page = m_journal.sessions().history(filter, offset, limit))
            result.page = std::move(*page);
        else
            result = HistoryListing{page.error(), {}, {}, {}};
        QMetaObject::invokeMethod(this, [this, request, result = std::move(result)] { Q_EMIT listed(request, result); },
                                  Qt::QueuedConnection);
    });
    return request;
}

HistoryQueries::RequestId HistoryQueries::detail(const workflow::SessionId &id, const QString &viewer)
{
    const auto request = next(DetailKind);
    post(DetailKind, request, [this, request, id, viewer] {
        const auto read = [&]() -> Result<HistoryDetail> {
            auto record = m_journal.sessions().find(id);
            if (!record)
                return std::unexpected(record.error());
            if (!record->has_value())
                return std::unexpected(Error{ErrorCode::NotFound, QStringLiteral("session %1 is not in the journal").arg(id.toString())});
            HistoryDetail detail;
            detail.record = std::move(**record);
            // Every look at a session is audited: who, which session, from where.
            if (auto audited = m_journal.audit().append(viewer, AuditAction::View, id.toString(), QStringLiteral("history detail"));
                !audited)
                detail.auditError = audited.error();
            auto events = m_journal.sessions().events(id);
            if (!events)
                return std::unexpected(events.error());
            detail.events = std::move(*events);
            if (auto files = m_journal.sessions().mediaFiles(id))
                detail.files = std::move(*files);
            else
                detail.filesError = files.error();
            if (auto verdicts = m_journal.qc().verdicts(id))
                detail.verdicts = std::move(*verdicts);
            else
                detail.verdictsError = verdicts.error();
            const auto user = m_journal.users().find(viewer);
            detail.viewerCanSupervise = user && canSupervise(user->role);
            return detail;
        };
        auto result = read();
        HistoryDetail answer = result ? std::move(*result) : HistoryDetail{};
        if (!result)
            answer.error = result.error();
        QMetaObject::invokeMethod(this, [this, request, answer = std::move(answer)] { Q_EMIT detailed(request, answer); },
                                  Qt::QueuedConnection);
    });
    return request;
}

HistoryQueries::RequestId HistoryQueries::verdicts(const workflow::SessionId &id)
{
    const auto request = next(VerdictsKind);
    post(VerdictsKind, request, [this, request, id] {
        HistoryVerdicts answer;
        if (auto verdicts = m_journal.qc().verdicts(id))
            answer.verdicts = std::move(*verdicts);
        else
            answer.error = verdicts.error();
        QMetaObject::invokeMethod(this, [this, request, id, answer = std::move(answer)] { Q_EMIT verdictsRead(request, id, answer); },
                                  Qt::QueuedConnection);
    });
    return request;
}

HistoryQueries::RequestId HistoryQueries::saveSpotCheck(const workflow::SessionId &id, const SpotCheck &check, const QString &reviewer,
                                                       const QDateTime &at)
{
    const RequestId request = ++m_lastRequest;
    postWrite([this, request, id, check, reviewer, at] {
        HistorySpotCheck answer;
        if (auto user = m_journal.users().find(reviewer)) {
            if (auto saved = m_journal.qc().recordSpotCheck(id, check, *user, at); !saved)
                answer.saveError = saved.error();
        } else {
            answer.accountError = user.error();
        }
        if (auto verdicts = m_journal.qc().verdicts(id))
            answer.verdicts.verdicts = std::move(*verdicts);
        else
            answer.verdicts.error = verdicts.error();
        QMetaObject::invokeMethod(this, [this, request, id, answer = std::move(answer)] { Q_EMIT spotCheckSaved(request, id, answer); },
                                  Qt::QueuedConnection);
    });
    return request;
}

void HistoryQueries::auditPlayback(const workflow::SessionId &id, const QString &viewer, const QString &path)
{
    postWrite([this, id, viewer, path] {
        // Watching a recording is audited like opening its detail: who, which session, which file.
        if (auto audited = m_journal.audit().append(viewer, AuditAction::PlaybackStarted, id.toString(), path); !audited)
            QMetaObject::invokeMethod(this, [this, error = audited.error()] { Q_EMIT auditFailed(error); }, Qt::QueuedConnection);
    });
}

void HistoryQueries::runInWorker(std::function<void()> task)
{
    QMetaObject::invokeMethod(m_context, std::move(task), Qt::QueuedConnection);
}

} // namespace dualrec::storage
