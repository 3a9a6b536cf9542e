#include "core/sync/syncservice.h"

#include "core/sync/evidencefollow.h"

#include <QNetworkInformation>
#include <QSet>
#include <QThread>
#include <QTimer>

namespace dualrec::sync {

using workflow::SessionId;

namespace {

bool isLeft(UploadState state)
{
    return state == UploadState::Queued || state == UploadState::Uploading || state == UploadState::Blocked;
}

bool isActive(UploadState state)
{
    return state == UploadState::Queued || state == UploadState::Uploading;
}

bool isRetried(const Error &error)
{
    return error.code == ErrorCode::NetworkError || error.code == ErrorCode::IoError;
}

} // namespace

/// The scheduler's side of the service. Thread contract: lives in the service's worker thread;
/// every member is called there (queued calls from the service); it answers with queued calls
/// to the service.
class SyncService::Worker final : public QObject
{
public:
    Worker(SyncService *service, storage::Journal &journal, QString dataDirectory, SyncEndpoint endpoint, const Clock &clock,
           SyncScheduler::Options options, QString actor)
        : m_service(service), m_journal(journal), m_dataDirectory(std::move(dataDirectory)), m_endpoint(std::move(endpoint)),
          m_clock(clock), m_options(options), m_actor(std::move(actor))
    {
    }

    void begin(const MeteredNetwork *metered)
    {
        m_publishTimer = new QTimer(this);
        m_publishTimer->setSingleShot(true);
        m_publishTimer->setInterval(200);
        connect(m_publishTimer, &QTimer::timeout, this, [this] { publishNow(); });
        m_queue = std::make_unique<UploadQueue>(m_journal.database(), m_dataDirectory, m_clock);
        m_scheduler = std::make_unique<SyncScheduler>(*m_queue, m_endpoint, m_clock, m_options, &m_journal.audit());
        m_scheduler->setMeteredNetwork(metered);
        // The lifecycle first (the same code as `dualrec sync`), then what the window is told.
        followEvidence(*m_scheduler, m_journal.sessions(), m_clock, m_actor, [](const SessionId &id, const Error &error) {
            qWarning("dualrec: the evidence lifecycle of session %s did not follow its upload: %s", qUtf8Printable(id.toString()),
                     qUtf8Printable(error.toString()));
        });
        auto *scheduler = m_scheduler.get();
        connect(scheduler, &SyncScheduler::progress, this, [this](const SessionId &id, qint64 confirmed, qint64, qint64 total) {
            m_live.insert(id, {confirmed, total});
            m_networkWaiting.remove(id);
            m_changed.insert(id);
            if (!m_publishTimer->isActive())
                m_publishTimer->start();
        });
        connect(scheduler, &SyncScheduler::uploadStarted, this, [this](const SessionId &id) {
            m_networkWaiting.remove(id);
            changed(id);
        });
        connect(scheduler, &SyncScheduler::acknowledged, this, [this](const SessionId &id) {
            m_live.remove(id);
            m_networkWaiting.remove(id);
            changed(id);
        });
        connect(scheduler, &SyncScheduler::purged, this, [this](const SessionId &id) { changed(id); });
        connect(scheduler, &SyncScheduler::attemptFailed, this, [this](const SessionId &id, const Error &error, const QDateTime &retryAt) {
            if (id.isNull()) {
                qWarning("dualrec: the upload queue: %s", qUtf8Printable(error.toString()));
                return;
            }
            m_live.remove(id);
            if (isRetried(error) && retryAt.isValid()) {
                m_networkWaiting.insert(id);
                m_networkError = error;
            } else {
                m_networkWaiting.remove(id);
            }
            changed(id);
        });
        connect(scheduler, &SyncScheduler::meteredPauseChanged, this, [this](bool paused) {
            m_meteredPaused = paused;
            m_everything = true; // every package's sentence changes
            publishNow();
        });
        connect(scheduler, &SyncScheduler::stopped, this, [this](const Error &error) {
            qWarning("dualrec: uploads stopped: %s", qUtf8Printable(error.toString()));
            publishNow();
        });
        m_everything = true;
        m_scheduler->start();
        publishNow();
    }

    void end()
    {
        if (m_scheduler)
            m_scheduler->stop();
        m_scheduler.reset();
        m_queue.reset();
    }

    void enqueue()
    {
        if (!m_queue)
            return;
        auto queued = m_queue->enqueueSealed();
        if (!queued) {
            qWarning("dualrec: a sealed package could not be queued for upload: %s", qUtf8Printable(queued.error().toString()));
            return;
        }
        if (*queued > 0) {
            m_everything = true;
            m_scheduler->networkAvailable(); // tick now (nothing waits for a backoff because of it)
            publishNow();
        }
    }

    void request(const SessionId &id, const QString &who, bool prioritize)
    {
        if (!m_scheduler)
            return;
        auto done = prioritize ? m_scheduler->prioritize(id) : m_scheduler->retry(id);
        if (!done) {
            QMetaObject::invokeMethod(m_service, [service = m_service, id, error = done.error()] { Q_EMIT service->requestFailed(id, error); },
                                      Qt::QueuedConnection);
            return;
        }
        m_networkWaiting.remove(id);
        if (auto audited = m_journal.audit().append(who, storage::AuditAction::Upload, id.toString(),
                                                    prioritize ? QStringLiteral("asked for this package's upload to go first")
                                                               : QStringLiteral("asked to try this package's upload again"));
            !audited)
            qWarning("dualrec: the audit log: %s", qUtf8Printable(audited.error().toString()));
        changed(id);
    }

    void network(bool reachable)
    {
        const bool back = reachable && !m_reachable;
        m_reachable = reachable;
        if (back && m_scheduler)
            m_scheduler->networkAvailable();
        publishNow();
    }

private:
    void changed(const SessionId &id)
    {
        m_changed.insert(id);
        publishNow();
    }

    void publishNow()
    {
        m_publishTimer->stop();
        if (!m_queue)
            return;
        auto all = m_queue->all();
        if (!all) {
            qWarning("dualrec: the upload queue cannot be read: %s", qUtf8Printable(all.error().toString()));
            return;
        }
        SyncStatus status;
        const UploadRecord *firstActive = nullptr;
        const UploadRecord *firstBlocked = nullptr;
        int acknowledged = 0;
        for (const auto &record : std::as_const(*all)) {
            if (isLeft(record.state)) {
                m_batch.insert(record.sessionId);
                ++status.left;
            }
            if (record.state == UploadState::Blocked) {
                ++status.failed;
                if (!firstBlocked)
                    firstBlocked = &record;
            }
            if (isActive(record.state)) {
                // The package on its way, else the first that waits.
                if (!firstActive || (m_live.contains(record.sessionId) && !m_live.contains(firstActive->sessionId)))
                    firstActive = &record;
                if (record.nextAttemptUtc.isValid()
                    && (!status.nextAttemptUtc.isValid() || record.nextAttemptUtc < status.nextAttemptUtc))
                    status.nextAttemptUtc = record.nextAttemptUtc;
            }
            if ((record.state == UploadState::Acknowledged || record.state == UploadState::Purged) && m_batch.contains(record.sessionId))
                ++acknowledged;
        }
        if (status.left == 0) {
            status.phase = all->isEmpty() ? SyncStatus::Phase::Idle : SyncStatus::Phase::AllUploaded;
            status.batch = int(m_batch.size());
            m_batch.clear();
            status.nextAttemptUtc = {};
        } else if (firstActive) {
            const bool waiting = !m_reachable || (m_live.isEmpty() && m_networkWaiting.contains(firstActive->sessionId));
            status.batch = int(m_batch.size());
            if (m_meteredPaused) {
                status.phase = SyncStatus::Phase::PausedOnMeteredNetwork;
                status.nextAttemptUtc = {};
            } else if (waiting) {
                status.phase = SyncStatus::Phase::WaitingForNetwork;
                status.error = m_reachable ? m_networkError : std::optional<Error>(Error{ErrorCode::NetworkError,
                                                                                         QStringLiteral("the operating system reports no network")});
            } else {
                status.phase = SyncStatus::Phase::Uploading;
                status.position = std::min(acknowledged + 1, status.batch);
                const auto live = m_live.value(firstActive->sessionId, {firstActive->confirmedOffset, firstActive->totalBytes});
                status.percent = live.second > 0 ? int(live.first * 100 / live.second) : 0;
                status.nextAttemptUtc = {};
            }
        } else {
            status.phase = SyncStatus::Phase::Failed;
            status.batch = int(m_batch.size());
            status.error = firstBlocked ? firstBlocked->lastError() : std::nullopt;
        }
        QList<SessionUpload> uploads;
        for (const auto &record : std::as_const(*all)) {
            if (!m_everything && !m_changed.contains(record.sessionId))
                continue;
            SessionUpload upload{record.sessionId, record.state, record.confirmedOffset, record.totalBytes,
                                 isActive(record.state) && (m_networkWaiting.contains(record.sessionId) || !m_reachable),
                                 isActive(record.state) && m_meteredPaused, record.lastError()};
            if (const auto live = m_live.constFind(record.sessionId); live != m_live.constEnd() && isActive(record.state))
                upload.confirmedBytes = live->first;
            uploads.append(upload);
        }
        m_everything = false;
        m_changed.clear();
        QMetaObject::invokeMethod(m_service, [service = m_service, status, uploads] { service->publish(status, uploads); },
                                  Qt::QueuedConnection);
    }

    SyncService *m_service; ///< only as the target of queued calls
    storage::Journal &m_journal;
    QString m_dataDirectory;
    SyncEndpoint m_endpoint;
    const Clock &m_clock;
    SyncScheduler::Options m_options;
    QString m_actor;
    std::unique_ptr<UploadQueue> m_queue;
    std::unique_ptr<SyncScheduler> m_scheduler;
    QTimer *m_publishTimer = nullptr;
    QSet<SessionId> m_batch;                       ///< not acknowledged when this run saw them
    QHash<SessionId, std::pair<qint64, qint64>> m_live; ///< confirmed and total bytes of uploads that moved in this attempt
    QSet<SessionId> m_networkWaiting;              ///< their last attempt did not reach the server
    std::optional<Error> m_networkError;
    QSet<SessionId> m_changed;
    bool m_everything = false; ///< the next publication carries every package
    bool m_reachable = true;
    bool m_meteredPaused = false;
};

SyncService::SyncService(storage::Journal &journal, QString dataDirectory, SyncEndpoint endpoint, const Clock &clock,
                         SyncScheduler::Options options, QString actor, QObject *parent)
    : QObject(parent), m_journal(journal), m_dataDirectory(std::move(dataDirectory)), m_endpoint(std::move(endpoint)), m_clock(clock),
      m_options(options), m_actor(std::move(actor))
{
    qRegisterMetaType<SyncStatus>();
    qRegisterMetaType<SessionUpload>();
    m_options.parallel = 1;
    m_options.once = false;
}

SyncService::~SyncService()
{
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, database = &m_journal.database()] {
        worker->end();
        delete worker;
        database->closeThreadConnection(); // by its thread, before wait() below returns
    }, Qt::BlockingQueuedConnection);
    m_worker = nullptr;
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

void SyncService::start()
{
    if (m_thread)
        return;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("dualrec-sync"));
    m_worker = new Worker(this, m_journal, m_dataDirectory, m_endpoint, m_clock, m_options, m_actor);
    m_worker->moveToThread(m_thread);
    m_thread->start();
    if (!m_metered)
        m_metered = new SystemMeteredNetwork(this);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, metered = m_metered] { worker->begin(metered); }, Qt::QueuedConnection);
    // The operating system's word on the network, where it has one (a backend that cannot tell
    // leaves the uploads to find out by themselves).
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        auto *information = QNetworkInformation::instance();
        const auto apply = [this](QNetworkInformation::Reachability reachability) {
            setNetworkReachable(reachability != QNetworkInformation::Reachability::Disconnected);
        };
        connect(information, &QNetworkInformation::reachabilityChanged, this, apply);
        apply(information->reachability());
    }
}

void SyncService::enqueueSealed()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->enqueue(); }, Qt::QueuedConnection);
}

void SyncService::retry(const SessionId &id, const QString &who)
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, [worker = m_worker, id, who] { worker->request(id, who, false); }, Qt::QueuedConnection);
}

void SyncService::prioritize(const SessionId &id, const QString &who)
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, [worker = m_worker, id, who] { worker->request(id, who, true); }, Qt::QueuedConnection);
}

void SyncService::setNetworkReachable(bool reachable)
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, [worker = m_worker, reachable] { worker->network(reachable); }, Qt::QueuedConnection);
}

std::optional<SessionUpload> SyncService::upload(const SessionId &id) const
{
    const auto found = m_uploads.constFind(id);
    return found == m_uploads.constEnd() ? std::nullopt : std::optional<SessionUpload>(*found);
}

void SyncService::publish(const SyncStatus &status, const QList<SessionUpload> &uploads)
{
    for (const auto &upload : uploads) {
        m_uploads.insert(upload.sessionId, upload);
        Q_EMIT uploadChanged(upload);
    }
    if (status != m_status) {
        m_status = status;
        Q_EMIT statusChanged(m_status);
    }
}

} // namespace dualrec::sync
