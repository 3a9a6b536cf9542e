#pragma once

#include "core/storage/auditlog.h"
#include "core/sync/meterednetwork.h"
#include "core/sync/timestampupload.h"
#include "core/sync/tusupload.h"
#include "core/sync/uploadqueue.h"
#include "core/util/clock.h"

#include <QHash>
#include <QLockFile>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace dualrec::sync {

/// Drains the upload queue in the background: one or two packages at a time, a package a person
/// asked for first, failures retried with exponential backoff plus jitter up to a cap (the next
/// attempt time is in the journal, so it survives a restart). On refused credentials or an
/// untrusted server it stops everything and says so (stopped()) instead of retrying; resume()
/// starts it again. Each package is uploaded under a lock file `<data>/upload-locks/<id>.lock`
/// (QLockFile), so the window and `dualrec sync` sharing a data folder never upload the same
/// package at once; a lock whose process died is taken over.
///
/// On a metered network (MeteredNetwork says so) it sends nothing unless
/// Options::uploadOnMetered: uploads in flight are stopped (no failure, no backoff; the bytes
/// the server confirmed are in the journal and the next attempt resumes there with HEAD), what
/// is due waits, meteredPauseChanged(true) says why, and when the network is no longer metered
/// it goes on by itself (meteredPauseChanged(false)).
/// A package's RFC 3161 timestamp (`<package>.tsr`) that arrives after the package was
/// acknowledged is uploaded the same way (TimestampUpload, one at a time, failures retried with
/// the same backoff, in memory); timestampAcknowledged() says when the server holds it.
///
/// The evidence lifecycle follows the signals uploadStarted, acknowledged and purged (the app
/// wires them to the session's lifecycle).
///
/// Thread contract: a QObject of the thread it is created on, which needs an event loop; all
/// calls and signals on that thread. Uploads run asynchronously on the same thread (Qt Network);
/// the package's SHA-256 when it enters the queue is computed on this thread too.
class SyncScheduler final : public QObject
{
    Q_OBJECT

public:
    struct Options final {
        int parallel = 2;                               ///< 1 or 2 packages at a time
        std::chrono::milliseconds backoffBase{2'000};   ///< first retry after base..2×base (jittered)
        std::chrono::milliseconds backoffCap{15 * 60'000};
        std::chrono::milliseconds pollInterval{30'000}; ///< look for newly sealed packages this often
        /// One pass: each package due now gets one attempt; then drained() and nothing more.
        bool once = false;
        /// An acknowledged package (and its .tsr) is deleted locally this long after the
        /// acknowledgement, never before; audited. nullopt: kept for ever.
        std::optional<std::chrono::days> retention = std::chrono::days(30);
        /// Upload on a metered network too (setting `sync/uploadOnMetered`, default false).
        bool uploadOnMetered = false;
    };

    /// `audit` (may be null: nothing audited) records acknowledgements and purges; it, `queue`
    /// and `clock` must outlive the scheduler.
    SyncScheduler(UploadQueue &queue, SyncEndpoint endpoint, const Clock &clock, Options options, storage::AuditLog *audit = nullptr,
                  QObject *parent = nullptr);
    ~SyncScheduler() override;

    /// Starts looking at the queue (queues sealed packages first).
    void start();
    /// Stops every upload in flight (their bytes so far stay on the server; the next start resumes).
    void stop();
    /// After stopped(): unblocks what credentials or trust blocked, and starts again.
    void resume();
    /// This package goes first (a blocked one is queued again).
    [[nodiscard]] Result<void> prioritize(const workflow::SessionId &id);
    /// A person asked to try this package again now (UploadQueue::retry); after stopped() the
    /// scheduler runs again for it (other blocked packages stay blocked).
    [[nodiscard]] Result<void> retry(const workflow::SessionId &id);
    /// The network is back: what waits for its next attempt is tried now.
    void networkAvailable();
    /// Who says whether the network is metered (null: nobody; it counts as not metered). It
    /// must outlive the scheduler; it may live in another thread (its signal arrives queued).
    void setMeteredNetwork(const MeteredNetwork *network);
    /// Something is due and waits because the network is metered (and uploadOnMetered is off).
    [[nodiscard]] bool isPausedOnMeteredNetwork() const { return m_meteredPaused; }
    [[nodiscard]] bool isStopped() const { return m_stopped; }
    [[nodiscard]] int running() const { return int(m_uploads.size()); }
    [[nodiscard]] static QString lockPath(const QString &dataDirectory, const workflow::SessionId &id);
    /// The delay before attempt `attempts + 1` after a failure: base × 2^(attempts−1), capped,
    /// times a random factor in [0.5, 1] (so many clients do not retry in step).
    [[nodiscard]] static std::chrono::milliseconds backoff(int attempts, std::chrono::milliseconds base,
                                                           std::chrono::milliseconds cap);

Q_SIGNALS:
    /// The package's upload was created on the server (lifecycle: sealed → uploading).
    void uploadStarted(const dualrec::workflow::SessionId &id);
    /// The server holds the whole package with its SHA-256 (lifecycle: → acknowledged).
    void acknowledged(const dualrec::workflow::SessionId &id);
    /// An acknowledged package was deleted locally after the retention (lifecycle: → purged).
    void purged(const dualrec::workflow::SessionId &id);
    void progress(const dualrec::workflow::SessionId &id, qint64 confirmed, qint64 inFlight, qint64 total);
    /// One attempt failed; `retryAtUtc` invalid: blocked until a person acts.
    void attemptFailed(const dualrec::workflow::SessionId &id, const dualrec::Error &error, const QDateTime &retryAtUtc);
    /// Credentials refused or server not trusted: nothing is retried until resume().
    void stopped(const dualrec::Error &error);
    /// Only with Options::once: every package due at the start had its attempt.
    void drained();
    /// true: what is due waits because the network is metered (uploads in flight were stopped);
    /// false: the network is no longer metered and the uploads go on.
    void meteredPauseChanged(bool paused);
    /// The server holds the package's timestamp (`<package>.tsr`, its SHA-256 matched).
    void timestampAcknowledged(const dualrec::workflow::SessionId &id);

private:
    void tick();
    void launch(const UploadRecord &record);
    void onFinished(TusUpload *upload);
    void scheduleWakeUp();
    void fail(const Error &error);
    void purgeExpired();
    void launchTimestamp();
    void onTimestampFinished(TimestampUpload *upload);
    [[nodiscard]] bool idle() const { return m_uploads.isEmpty() && !m_timestampUpload; }
    void audit(storage::AuditAction action, const workflow::SessionId &id, const QString &detail);
    [[nodiscard]] bool holdBackForMetered() const;
    void onMeteredChanged(bool metered);

    UploadQueue *m_queue;
    SyncEndpoint m_endpoint;
    const Clock *m_clock;
    Options m_options;
    storage::AuditLog *m_audit;
    QNetworkAccessManager *m_network;
    std::shared_ptr<BandwidthLimiter> m_limiter; ///< SyncEndpoint::bandwidthLimit over all uploads together
    QTimer m_timer;
    QHash<workflow::SessionId, TusUpload *> m_uploads;
    QHash<workflow::SessionId, std::shared_ptr<QLockFile>> m_locks;
    QSet<workflow::SessionId> m_tried; ///< with Options::once: had their attempt
    const MeteredNetwork *m_metered = nullptr;
    bool m_meteredPaused = false;
    TimestampUpload *m_timestampUpload = nullptr;
    std::shared_ptr<QLockFile> m_timestampLock;
    QHash<workflow::SessionId, int> m_timestampAttempts;      ///< failed attempts in a row
    QHash<workflow::SessionId, QDateTime> m_timestampRetryAt; ///< not before (backoff)
    QSet<workflow::SessionId> m_timestampTried;               ///< with Options::once: had their attempt
    bool m_started = false;
    bool m_stopped = false;
    bool m_drained = false;
};

} // namespace dualrec::sync
