#include "core/live/sealqueue.h"

#include "core/seal/sealsession.h"

#include <QThread>

namespace dualrec::live {

SealQueue::SealQueue(storage::Journal &journal, QString dataDirectory, const Clock &clock,
                     std::function<QList<QByteArray>()> certificates, QObject *parent)
    : QObject(parent), m_journal(journal), m_dataDirectory(std::move(dataDirectory)), m_clock(clock),
      m_certificates(std::move(certificates))
{
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
        if (m_again) {
            m_again = false;
            sealPending();
        }
        return;
    }
    const auto id = m_pending.takeFirst();
    Q_EMIT started(id);
    seal::SealRequest request;
    request.insurerCertificatesPem = m_round;
    request.keepGoing = [this] { return !m_stop.load(); };
    request.progress = [this, id](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(this, [this, id, done, total] { Q_EMIT progress(id, done, total); }, Qt::QueuedConnection);
    };
    m_worker = QThread::create([this, id, request] {
        auto store = seal::dataFolderKeyStore(m_dataDirectory);
        auto result = seal::sealSession(m_journal, m_dataDirectory, id, *store, m_clock, request);
        QMetaObject::invokeMethod(this, [this, id, result = std::move(result)] {
            m_worker->wait();
            delete m_worker;
            m_worker = nullptr;
            if (result) {
                Q_EMIT sealed(id, *result);
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
