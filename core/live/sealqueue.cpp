#include "core/live/sealqueue.h"

#include "core/seal/sealsession.h"
#include "core/storage/sealrepository.h"

#include <QThread>
#include <QTimer>

#include <algorithm>

namespace dualrec::live {

SealQueue::SealQueue(storage::Journal &journal, QString dataDirectory, std::shared_ptr<const seal::DeviceKeys> deviceKeys,
                     const Clock &clock, std::function<QList<QByteArray>()> certificates, QObject *parent)
    : QObject(parent), m_journal(journal), m_dataDirectory(std::move(dataDirectory)), m_deviceKeys(std::move(deviceKeys)), m_clock(clock),
      m_certificates(std::move(certificates)), m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &SealQueue::sealPending);
}

void SealQueue::setTimestampAuthority(std::function<seal::TimestampAuthority()> authority, std::chrono::milliseconds backoffBase)
{
    m_timestampAuthority = std::move(authority);
    m_backoffBase = backoffBase;
}

void SealQueue::reportTimestamp(const workflow::SessionId &id, const Result<seal::TimestampInfo> &result)
{
    if (result) {
        Q_EMIT timestamped(id, seal::timestampPath(seal::packagePath(m_dataDirectory, id)));
        return;
    }
    qWarning("dualrec: session %s's package has no timestamp yet: %s", qUtf8Printable(id.toString()),
             qUtf8Printable(result.error().toString()));
    Q_EMIT timestampWaiting(id, result.error());
}

void SealQueue::timestampNext()
{
    if (m_toStamp.isEmpty()) {
        if (m_timestampFailures > 0) {
            // base × 2^(n−1), at most 30 minutes; at the next start it is asked at once anyway.
            const auto delay = std::min<qint64>(qint64(m_backoffBase.count()) << std::min(m_timestampFailures - 1, 16), 30 * 60'000);
            m_retry->start(std::chrono::milliseconds(delay));
        }
        if (m_again) {
            m_again = false;
            sealPending();
        }
        return;
    }
    const auto id = m_toStamp.takeFirst();
    const auto authority = m_roundAuthority;
    m_worker = QThread::create([this, id, authority] {
        auto result = seal::timestampSession(m_journal, m_dataDirectory, id, authority);
        m_journal.database().closeThreadConnection(); // by its thread, before wait() returns
        QMetaObject::invokeMethod(this, [this, id, result = std::move(result)] {
            m_worker->wait();
            delete m_worker;
            m_worker = nullptr;
            reportTimestamp(id, result);
            if (!result && result.error().code == ErrorCode::NetworkError) {
                ++m_timestampFailures;
                m_toStamp.clear(); // the TSA is away: the others wait for the retry too
            } else if (result) {
                m_timestampFailures = 0;
            }
            if (!m_stop)
                timestampNext();
        }, Qt::QueuedConnection);
    });
    m_worker->start();
}

SealQueue::~SealQueue()
{
    m_stop = true;
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
    }
}

void SealQueue::sealPending()
{
    if (m_worker) {
        m_again = true;
        return;
    }
    auto stored = m_journal.sessions().sessionsWithEvidence({storage::EvidenceState::Stored});
    if (!stored) {
        qWarning("dualrec: the sessions to seal cannot be listed: %s", qUtf8Printable(stored.error().toString()));
        return;
    }
    m_round = m_certificates ? m_certificates() : QList<QByteArray>();
    if (m_round.isEmpty()) {
        for (const auto &id : std::as_const(*stored))
            Q_EMIT needsCertificate(id);
        m_pending.clear();
        next(); // what was sealed before may still want its timestamp
        return;
    }
    m_pending.clear();
    for (const auto &id : std::as_const(*stored)) {
        if (!m_failed.contains(id))
            m_pending.append(id);
    }
    next();
}

void SealQueue::next()
{
    if (m_pending.isEmpty()) {
        m_failed.clear();
        // Then the packages still without a timestamp (a TSA away at sealing time, or earlier).
        m_roundAuthority = m_timestampAuthority ? m_timestampAuthority() : seal::TimestampAuthority{};
        m_toStamp.clear();
        if (m_roundAuthority.isSet() && !m_tsaAway) {
            storage::SealRepository seals(m_journal.database());
            if (auto missing = seals.withoutTimestamp())
                m_toStamp = *missing;
        }
        m_tsaAway = false;
        timestampNext();
        return;
    }
    const auto id = m_pending.takeFirst();
    Q_EMIT started(id);
    seal::SealRequest request;
    request.insurerCertificatesPem = m_round;
    request.timestampAuthority = m_timestampAuthority ? m_timestampAuthority() : seal::TimestampAuthority{};
    // The outcome goes back to this thread; stamped right after sealing, it is not asked again.
    auto stamp = std::make_shared<std::optional<Result<seal::TimestampInfo>>>();
    request.timestamped = [stamp](const Result<seal::TimestampInfo> &result) { *stamp = result; };
    request.keepGoing = [this] { return !m_stop.load(); };
    request.progress = [this, id](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(this, [this, id, done, total] { Q_EMIT progress(id, done, total); }, Qt::QueuedConnection);
    };
    m_worker = QThread::create([this, id, request, stamp, keys = m_deviceKeys] {
        auto store = seal::dataFolderKeyStore(m_dataDirectory); // the signing key's store
        auto result = seal::sealSession(m_journal, m_dataDirectory, id, *store, keys.get(), m_clock, request);
        m_journal.database().closeThreadConnection(); // by its thread, before wait() returns
        QMetaObject::invokeMethod(this, [this, id, result = std::move(result), stamp] {
            m_worker->wait();
            delete m_worker;
            m_worker = nullptr;
            if (result) {
                Q_EMIT sealed(id, *result);
                if (stamp->has_value()) {
                    reportTimestamp(id, **stamp);
                    if (!**stamp && (**stamp).error().code == ErrorCode::NetworkError) {
                        ++m_timestampFailures; // the TSA is away: not asked again in this round
                        m_tsaAway = true;
                    } else if (**stamp) {
                        m_timestampFailures = 0;
                    }
                }
            } else {
                m_failed.append(id);
                qWarning("dualrec: session %s was not sealed: %s", qUtf8Printable(id.toString()),
                         qUtf8Printable(result.error().toString()));
                Q_EMIT waiting(id, result.error());
            }
            if (!m_stop)
                next();
        }, Qt::QueuedConnection);
    });
    m_worker->start();
}

} // namespace dualrec::live
