#pragma once

#include "core/storage/journal.h"
#include "core/sync/syncscheduler.h"
#include "core/sync/tusupload.h"
#include "core/sync/uploadqueue.h"
#include "core/util/clock.h"

#include <QDateTime>
#include <QObject>

#include <memory>
#include <optional>

class QThread;

namespace dualrec::sync {

/// Where the upload queue stands as a whole, for the window's status bar.
struct SyncStatus final {
    enum class Phase : quint8 {
        Invalid = 0,
        Idle,              ///< nothing was ever queued
        Uploading,         ///< package `position` of `batch` is on its way, `percent` of it on the server
        WaitingForNetwork, ///< the network (or the server) is not there; tried again by itself
        AllUploaded,       ///< every package is acknowledged by the insurer
        Failed,            ///< `failed` packages are blocked until a person acts; `error` says why
        /// The network is metered (and `sync/uploadOnMetered` is off): `left` packages wait for
        /// one that is not; the uploads go on by themselves then.
        PausedOnMeteredNetwork,
    };
    Phase phase = Phase::Idle;
    int position = 0; ///< Uploading: 1-based, within the batch
    int batch = 0;    ///< packages of this run: acknowledged in it plus those still left
    int percent = 0;  ///< Uploading: of the package being uploaded
    int left = 0;     ///< packages not acknowledged yet (queued, uploading, blocked)
    int failed = 0;   ///< blocked packages (also counted in `left`)
    std::optional<Error> error; ///< WaitingForNetwork, Failed: the last failure
    QDateTime nextAttemptUtc;   ///< WaitingForNetwork: when it tries again (invalid: unknown)
    friend bool operator==(const SyncStatus &, const SyncStatus &) = default;
};

/// One package's upload as the window shows it.
struct SessionUpload final {
    workflow::SessionId sessionId;
    UploadState state = UploadState::Invalid;
    qint64 confirmedBytes = 0;
    qint64 totalBytes = 0;
    bool waitingForNetwork = false; ///< queued or uploading, its last attempt could not reach the server
    bool pausedOnMeteredNetwork = false; ///< queued or uploading, held back while the network is metered
    std::optional<Error> error;     ///< the last failure (blocked: why)
    [[nodiscard]] int percent() const { return totalBytes > 0 ? int(confirmedBytes * 100 / totalBytes) : 0; }
};

/// The window's uploads: runs a SyncScheduler (the same scheduler, per-package locks and
/// evidence lifecycle as `dualrec sync`, see followEvidence) in a worker thread of its own, so
/// hashing a package or a slow disk never blocks the window, and reports where the queue and
/// each package stand. Uploads start as soon as start() is called and resume where they
/// stopped; a package sealed while the window is open enters with enqueueSealed(). When the
/// operating system says the network came back (QNetworkInformation), what waits is tried at
/// once. The window uploads one package at a time, so "package N of M" means one thing.
///
/// Thread contract: a QObject of the thread that creates it (the GUI thread), which needs an
/// event loop; every call and signal on that thread. The scheduler, its network access and its
/// own UploadQueue live in the worker thread and are reached only by queued calls; the journal
/// (thread-safe) is shared. Destroying the service stops the uploads in flight (their offsets
/// are in the journal) and joins the worker thread. `journal` and `clock` must outlive it.
class SyncService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncService)

public:
    /// `actor` names who moved the lifecycle and asked for retries in the journal and the audit log.
    SyncService(storage::Journal &journal, QString dataDirectory, SyncEndpoint endpoint, const Clock &clock,
                SyncScheduler::Options options, QString actor, QObject *parent = nullptr);
    ~SyncService() override;

    /// Starts the worker thread and the scheduler (queues what is sealed first).
    void start();
    /// A session was sealed: queue it now instead of at the next poll.
    void enqueueSealed();
    /// A supervisor asked to try this package again now (a blocked one too); audited with `who`.
    void retry(const workflow::SessionId &id, const QString &who);
    /// A supervisor asked for this package first; audited with `who`.
    void prioritize(const workflow::SessionId &id, const QString &who);
    /// What the operating system says about the network (also called by tests); when it comes
    /// back, what waits is tried at once.
    void setNetworkReachable(bool reachable);
    /// Before start(): who says whether the network is metered (must outlive the service). By
    /// default start() makes a SystemMeteredNetwork (QNetworkInformation).
    void setMeteredNetwork(MeteredNetwork *network) { m_metered = network; }

    [[nodiscard]] const SyncStatus &status() const { return m_status; }
    /// The package's upload as last reported (nullopt: not queued).
    [[nodiscard]] std::optional<SessionUpload> upload(const workflow::SessionId &id) const;
    [[nodiscard]] const SyncEndpoint &endpoint() const { return m_endpoint; }

Q_SIGNALS:
    void statusChanged(const dualrec::sync::SyncStatus &status);
    /// A package's upload moved (progress, a state change, a failure).
    void uploadChanged(const dualrec::sync::SessionUpload &upload);
    /// retry() or prioritize() could not be done (e.g. the package was acknowledged meanwhile).
    void requestFailed(const dualrec::workflow::SessionId &id, const dualrec::Error &error);

private:
    class Worker;
    void publish(const SyncStatus &status, const QList<SessionUpload> &uploads);

    storage::Journal &m_journal;
    QString m_dataDirectory;
    SyncEndpoint m_endpoint;
    const Clock &m_clock;
    SyncScheduler::Options m_options;
    QString m_actor;
    QThread *m_thread = nullptr;
    Worker *m_worker = nullptr; ///< lives in m_thread
    MeteredNetwork *m_metered = nullptr; ///< lives in this thread; the scheduler reads it (atomic) and hears it queued
    SyncStatus m_status;
    QHash<workflow::SessionId, SessionUpload> m_uploads;
};

} // namespace dualrec::sync

Q_DECLARE_METATYPE(dualrec::sync::SyncStatus)
Q_DECLARE_METATYPE(dualrec::sync::SessionUpload)
