#include "core/sync/syncscheduler.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QRandomGenerator>

#include <algorithm>

namespace dualrec::sync {

using workflow::SessionId;

SyncScheduler::SyncScheduler(UploadQueue &queue, SyncEndpoint endpoint, const Clock &clock, Options options, storage::AuditLog *audit,
                             QObject *parent)
    : QObject(parent), m_queue(&queue), m_endpoint(std::move(endpoint)), m_clock(&clock), m_options(options), m_audit(audit),
      m_network(new QNetworkAccessManager(this)), m_limiter(std::make_shared<BandwidthLimiter>(m_endpoint.bandwidthLimit))
{
    m_options.parallel = std::clamp(m_options.parallel, 1, 2);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SyncScheduler::tick);
}

SyncScheduler::~SyncScheduler()
{
    for (auto *upload : std::as_const(m_uploads))
        upload->disconnect(this);
    qDeleteAll(m_uploads);
    if (m_timestampUpload) {
        m_timestampUpload->disconnect(this);
        delete m_timestampUpload;
    }
}

QString SyncScheduler::lockPath(const QString &dataDirectory, const SessionId &id)
{
    return QDir(dataDirectory).filePath(QStringLiteral("upload-locks/%1.lock").arg(id.toString()));
}

std::chrono::milliseconds SyncScheduler::backoff(int attempts, std::chrono::milliseconds base, std::chrono::milliseconds cap)
{
    const int doublings = std::clamp(attempts - 1, 0, 30);
    const double full = std::min(double(cap.count()), double(base.count()) * double(1LL << doublings));
    const double factor = 0.5 + 0.5 * QRandomGenerator::global()->generateDouble();
    return std::chrono::milliseconds(qint64(full * factor));
}

void SyncScheduler::start()
{
    m_started = true;
    m_stopped = false;
    QTimer::singleShot(0, this, &SyncScheduler::tick);
}

void SyncScheduler::stop()
{
    m_started = false;
    m_timer.stop();
    for (auto *upload : std::as_const(m_uploads))
        upload->abort();
    if (m_timestampUpload)
        m_timestampUpload->abort();
}

void SyncScheduler::resume()
{
    if (auto retried = m_queue->retryBlocked(); !retried)
        Q_EMIT attemptFailed(SessionId(), retried.error(), {});
    start();
}

Result<void> SyncScheduler::prioritize(const SessionId &id)
{
    auto done = m_queue->prioritize(id);
    if (done && m_started && !m_stopped)
        QTimer::singleShot(0, this, &SyncScheduler::tick);
    return done;
}

Result<void> SyncScheduler::retry(const SessionId &id)
{
    auto done = m_queue->retry(id);
    if (done && m_started) {
        m_stopped = false;
        QTimer::singleShot(0, this, &SyncScheduler::tick);
    }
    return done;
}

void SyncScheduler::networkAvailable()
{
    if (auto waited = m_queue->retryWaitingNow(); !waited)
        return fail(waited.error());
    if (m_started && !m_stopped)
        QTimer::singleShot(0, this, &SyncScheduler::tick);
}

void SyncScheduler::setMeteredNetwork(const MeteredNetwork *network)
{
    if (m_metered)
        disconnect(m_metered, nullptr, this, nullptr);
    m_metered = network;
    if (m_metered)
        connect(m_metered, &MeteredNetwork::meteredChanged, this, &SyncScheduler::onMeteredChanged);
}

bool SyncScheduler::holdBackForMetered() const
{
    return !m_options.uploadOnMetered && m_metered && m_metered->isMetered();
}

void SyncScheduler::onMeteredChanged(bool)
{
    if (holdBackForMetered()) {
        // Stopped like stop(): no failure, no backoff; the journal has the confirmed offset.
        for (auto *upload : std::as_const(m_uploads))
            upload->abort();
        if (m_started && !m_stopped)
            QTimer::singleShot(0, this, &SyncScheduler::tick); // says why, once nothing runs
        return;
    }
    if (m_meteredPaused) {
        m_meteredPaused = false;
        Q_EMIT meteredPauseChanged(false);
    }
    if (m_started && !m_stopped)
        QTimer::singleShot(0, this, &SyncScheduler::tick);
}

void SyncScheduler::fail(const Error &error)
{
    Q_EMIT attemptFailed(SessionId(), error, {});
    if (m_options.once && !m_drained && idle()) {
        m_drained = true;
        Q_EMIT drained();
    }
}

void SyncScheduler::tick()
{
    if (!m_started || m_stopped)
        return;
    if (auto queued = m_queue->enqueueSealed(); !queued)
        return fail(queued.error());
    purgeExpired();
    // One pass (`dualrec sync --once`) is a person asking now: it does not wait for backoff.
    auto due = m_queue->due(m_options.once ? m_clock->wallNow().addYears(100) : m_clock->wallNow());
    if (!due)
        return fail(due.error());
    if (holdBackForMetered()) {
        // Nothing goes out on a metered network; meteredChanged() wakes it up again.
        const bool waiting = !due->isEmpty() || !m_uploads.isEmpty();
        if (waiting && !m_meteredPaused) {
            m_meteredPaused = true;
            Q_EMIT meteredPauseChanged(true);
        }
        if (m_options.once && m_uploads.isEmpty() && !m_drained) {
            m_drained = true;
            Q_EMIT drained();
            return;
        }
        return scheduleWakeUp();
    }
    if (m_meteredPaused) { // uploadOnMetered was set, or the signal was missed
        m_meteredPaused = false;
        Q_EMIT meteredPauseChanged(false);
    }
    for (const auto &record : std::as_const(*due)) {
        if (m_uploads.size() >= m_options.parallel)
            break;
        if (m_uploads.contains(record.sessionId) || (m_options.once && m_tried.contains(record.sessionId)))
            continue;
        launch(record);
    }
    launchTimestamp();
    if (m_options.once && idle() && !m_drained) {
        m_drained = true;
        Q_EMIT drained();
        return;
    }
    scheduleWakeUp();
}

void SyncScheduler::launch(const UploadRecord &record)
{
    const QString path = lockPath(m_queue->dataDirectory(), record.sessionId);
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto lock = std::make_shared<QLockFile>(path);
    lock->setStaleLockTime(0); // only a dead owner makes a lock stale, never its age
    if (!lock->tryLock(0)) {
        m_tried.insert(record.sessionId); // another process uploads it: not ours this pass
        return;
    }
    // The row may have changed while another process held the lock: read it again.
    auto fresh = m_queue->find(record.sessionId);
    if (!fresh || !*fresh || ((*fresh)->state != UploadState::Queued && (*fresh)->state != UploadState::Uploading)) {
        m_tried.insert(record.sessionId);
        return;
    }
    m_tried.insert(record.sessionId);
    m_locks.insert(record.sessionId, lock);
    auto *upload = new TusUpload(*m_network, m_endpoint, **fresh, *m_queue, this);
    upload->setBandwidthLimiter(m_limiter);
    m_uploads.insert(record.sessionId, upload);
    const SessionId id = record.sessionId;
    connect(upload, &TusUpload::uploadCreated, this, [this, id] { Q_EMIT uploadStarted(id); });
    connect(upload, &TusUpload::progress, this, [this, id](qint64 confirmed, qint64 inFlight, qint64 total) {
        Q_EMIT progress(id, confirmed, inFlight, total);
    });
    connect(upload, &TusUpload::finished, this, [this, upload] { onFinished(upload); });
    upload->start();
}

void SyncScheduler::onFinished(TusUpload *upload)
{
    const SessionId id = upload->sessionId();
    m_uploads.remove(id);
    m_locks.remove(id); // unlocks
    upload->deleteLater();
    const auto &result = upload->result();
    if (result) {
        audit(storage::AuditAction::Upload, id, QStringLiteral("acknowledged by %1 (%2 bytes, SHA-256 matched)")
                                                    .arg(m_endpoint.creationUrl.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery))
                                                    .arg(upload->totalBytes()));
        Q_EMIT acknowledged(id);
    } else if (result.error().code == ErrorCode::Cancelled) {
        // stop() (the window closes, the user paused): not a failure, no backoff; the next
        // start resumes from the stored URL with HEAD.
    } else {
        const Error &error = result.error();
        const bool stopAll = error.code == ErrorCode::AccessDenied || error.code == ErrorCode::ServerNotTrusted;
        const bool retry = error.code == ErrorCode::NetworkError || error.code == ErrorCode::IoError;
        QDateTime next;
        if (retry) {
            const int attempts = [&] {
                auto row = m_queue->find(id);
                return row && *row ? (*row)->attempts + 1 : 1;
            }();
            next = m_clock->wallNow().addMSecs(backoff(attempts, m_options.backoffBase, m_options.backoffCap).count());
        }
        if (auto recorded = m_queue->recordFailure(id, error, next, !retry); !recorded)
            Q_EMIT attemptFailed(id, recorded.error(), {});
        Q_EMIT attemptFailed(id, error, next);
        if (stopAll && !m_stopped) {
            m_stopped = true;
            for (auto *other : std::as_const(m_uploads))
                other->abort();
            Q_EMIT stopped(error);
        }
    }
    if (m_stopped) {
        if (m_options.once && idle() && !m_drained) {
            m_drained = true;
            Q_EMIT drained();
        }
        return;
    }
    QTimer::singleShot(0, this, &SyncScheduler::tick);
}

void SyncScheduler::audit(storage::AuditAction action, const SessionId &id, const QString &detail)
{
    if (!m_audit)
        return;
    if (auto appended = m_audit->append(QStringLiteral("dualrec-sync"), action, id.toString(), detail); !appended)
        Q_EMIT attemptFailed(id, appended.error(), {});
}

void SyncScheduler::purgeExpired()
{
    if (!m_options.retention)
        return;
    const auto cutoff = m_clock->wallNow().addDays(-qint64(m_options.retention->count()));
    auto expired = m_queue->acknowledgedBefore(cutoff);
    if (!expired)
        return fail(expired.error());
    for (const auto &record : std::as_const(*expired)) {
        const QString package = m_queue->packagePath(record.sessionId);
        for (const QString &path : QStringList{package, package + QStringLiteral(".tsr")}) {
            if (QFile::exists(path) && !QFile::remove(path)) {
                Q_EMIT attemptFailed(record.sessionId, Error{ErrorCode::IoError, QStringLiteral("cannot delete %1").arg(path)}, {});
                return;
            }
        }
        if (auto marked = m_queue->markPurged(record.sessionId); !marked)
            return fail(marked.error());
        audit(storage::AuditAction::Purge, record.sessionId,
              QStringLiteral("package deleted locally %1 days after the insurer acknowledged it on %2")
                  .arg(m_options.retention->count()).arg(record.acknowledgedAtUtc.toString(Qt::ISODate)));
        Q_EMIT purged(record.sessionId);
    }
}

void SyncScheduler::launchTimestamp()
{
    if (m_timestampUpload)
        return;
    auto due = m_queue->timestampsToUpload();
    if (!due)
        return fail(due.error());
    const QDateTime now = m_clock->wallNow();
    for (const auto &record : std::as_const(*due)) {
        if (m_options.once ? m_timestampTried.contains(record.sessionId) : m_timestampRetryAt.value(record.sessionId, now) > now)
            continue;
        m_timestampTried.insert(record.sessionId);
        const QString path = QDir(m_queue->dataDirectory()).filePath(QStringLiteral("upload-locks/%1.tsr.lock").arg(record.sessionId.toString()));
        QDir().mkpath(QFileInfo(path).absolutePath());
        auto lock = std::make_shared<QLockFile>(path);
        lock->setStaleLockTime(0);
        if (!lock->tryLock(0))
            continue; // another process uploads it
        m_timestampLock = lock;
        m_timestampUpload = new TimestampUpload(*m_network, m_endpoint, record, *m_queue, this);
        connect(m_timestampUpload, &TimestampUpload::finished, this, [this, upload = m_timestampUpload] { onTimestampFinished(upload); });
        m_timestampUpload->start();
        return;
    }
}

void SyncScheduler::onTimestampFinished(TimestampUpload *upload)
{
    const SessionId id = upload->sessionId();
    m_timestampUpload = nullptr;
    m_timestampLock.reset();
    upload->deleteLater();
    const auto &result = upload->result();
    if (result) {
        m_timestampAttempts.remove(id);
        m_timestampRetryAt.remove(id);
        audit(storage::AuditAction::Upload, id, QStringLiteral("timestamp (.tsr) acknowledged by %1 (SHA-256 matched)")
                                                    .arg(m_endpoint.creationUrl.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)));
        Q_EMIT timestampAcknowledged(id);
    } else if (result.error().code != ErrorCode::Cancelled) {
        const int attempts = ++m_timestampAttempts[id];
        const QDateTime next = m_clock->wallNow().addMSecs(backoff(attempts, m_options.backoffBase, m_options.backoffCap).count());
        m_timestampRetryAt.insert(id, next);
        Q_EMIT attemptFailed(id, result.error(), next);
    }
    if (m_options.once && idle() && !m_drained && (m_stopped || !m_started)) {
        m_drained = true;
        Q_EMIT drained();
        return;
    }
    QTimer::singleShot(0, this, &SyncScheduler::tick);
}

void SyncScheduler::scheduleWakeUp()
{
    auto next = m_queue->nextWakeUp();
    qint64 delay = m_options.pollInterval.count();
    if (next && next->isValid())
        delay = std::clamp<qint64>(m_clock->wallNow().msecsTo(*next), 0, delay);
    for (const auto &retryAt : std::as_const(m_timestampRetryAt))
        delay = std::clamp<qint64>(m_clock->wallNow().msecsTo(retryAt), 0, delay);
    m_timer.start(std::chrono::milliseconds(std::max<qint64>(delay, 10)));
}

} // namespace dualrec::sync
