#pragma once

#include "core/seal/devicekeys.h"
#include "core/seal/timestampclient.h"
#include "core/storage/journal.h"
#include "core/util/clock.h"
#include "core/workflow/sessionid.h"

#include <QObject>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

class QThread;
class QTimer;

namespace dualrec::live {

/// Seals what is ready, in the background: every session whose evidence is stored
/// (storage::EvidenceState::Stored) becomes its sealed package (seal::sealSession), oldest first,
/// one at a time in a worker thread; the lifecycle moves to "sealed". Called at start-up (after
/// the recovery, so sessions a crash left are sealed too) and whenever a session's recording is
/// stored. Without an insurer certificate nothing is sealed: each stored session is reported
/// through waiting() with the reason and sealed as soon as one is configured.
///
/// With a timestamp authority (setTimestampAuthority()), each package gets its RFC 3161 timestamp
/// right after sealing; when the TSA cannot be reached, every sealed package still without one
/// is asked for again after a backoff (30 s doubling up to 30 min, and at every start), each in
/// the worker thread (seal::timestampSession: the package never changes, the token goes beside it).
///
/// The device keys are given, opened by the composition root (app/, devicekeysetup.h), never
/// opened here: the window, its recorder, the journal and this queue share that one instance.
///
/// Thread contract: owner's thread (the GUI thread); sealSession() runs in a QThread of its own
/// (the OS key store, which still holds the signing key, needs one), reading the shared device
/// keys there (DeviceKeys is immutable and thread-safe once open; the queue keeps its reference
/// until the worker is done). The journal and clock must outlive the queue; destroying it stops
/// a running seal between two blocks (the package is made again at the next start).
class SealQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SealQueue)

public:
    /// `certificates` is asked, in the owner's thread, at every round: the insurer's PEM
    /// certificates (settings or IT policy); empty: nothing is sealed. `deviceKeys`: the data
    /// folder's keys (null: a folder without any, where an encrypted file cannot be sealed).
    SealQueue(storage::Journal &journal, QString dataDirectory, std::shared_ptr<const seal::DeviceKeys> deviceKeys,
              const Clock &clock, std::function<QList<QByteArray>()> certificates, QObject *parent = nullptr);
    ~SealQueue() override;

    /// Seals every stored session (again after the running round, when one runs).
    void sealPending();
    [[nodiscard]] bool busy() const { return m_worker != nullptr; }
    /// `authority` is asked, in the owner's thread, at every round (IT policy seal/tsaUrl);
    /// unset: no timestamp is requested. `backoffBase` is the first retry's delay.
    void setTimestampAuthority(std::function<seal::TimestampAuthority()> authority,
                               std::chrono::milliseconds backoffBase = std::chrono::seconds(30));

Q_SIGNALS:
    void started(const dualrec::workflow::SessionId &id);
    void progress(const dualrec::workflow::SessionId &id, qint64 done, qint64 total);
    void sealed(const dualrec::workflow::SessionId &id, const QString &packagePath);
    /// Not sealed: no insurer certificate is configured (sealed at the first round after one is).
    void needsCertificate(const dualrec::workflow::SessionId &id);
    /// Not sealed now: sealing failed (the session stays stored and is tried again at the next
    /// start).
    void waiting(const dualrec::workflow::SessionId &id, const dualrec::Error &reason);
    /// The package got its timestamp (`<package>.tsr` written and journaled).
    void timestamped(const dualrec::workflow::SessionId &id, const QString &timestampPath);
    /// The TSA could not give the package its timestamp now; asked again after a backoff.
    void timestampWaiting(const dualrec::workflow::SessionId &id, const dualrec::Error &reason);

private:
    void next();
    void timestampNext();
    void reportTimestamp(const workflow::SessionId &id, const Result<seal::TimestampInfo> &result);


    storage::Journal &m_journal;
    QString m_dataDirectory;
    std::shared_ptr<const seal::DeviceKeys> m_deviceKeys;
    const Clock &m_clock;
    std::function<QList<QByteArray>()> m_certificates;
    QList<QByteArray> m_round; ///< the certificates of the running round
    QList<workflow::SessionId> m_pending;
    QList<workflow::SessionId> m_failed; ///< not tried again in this round
    QThread *m_worker = nullptr;
    bool m_again = false;
    std::atomic<bool> m_stop{false};
    std::function<seal::TimestampAuthority()> m_timestampAuthority;
    seal::TimestampAuthority m_roundAuthority;
    QList<workflow::SessionId> m_toStamp;
    std::chrono::milliseconds m_backoffBase{30'000};
    int m_timestampFailures = 0; ///< rounds in a row in which the TSA failed
    bool m_tsaAway = false;      ///< the TSA failed right after a seal of this round
    QTimer *m_retry = nullptr;
};

} // namespace dualrec::live
