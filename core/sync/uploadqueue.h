#pragma once

#include "core/storage/database.h"
#include "core/sync/uploadstate.h"
#include "core/util/clock.h"
#include "core/util/result.h"
#include "core/workflow/sessionid.h"

#include <QDateTime>
#include <QList>
#include <QUrl>

#include <memory>
#include <optional>

namespace dualrec::sync {

/// A package's RFC 3161 timestamp (`<package>.tsr`) that the server has not acknowledged yet.
struct TimestampUploadRecord final {
    workflow::SessionId sessionId;
    QString path;            ///< `<data>/packages/<id>.dualrec.tsr`
    QByteArray bytes;        ///< the .tsr as read now (a few KB)
    QString sha256;          ///< of `bytes` (hex)
    QString applicationNumber;
    QString agentId;
    QString manifestSha256;
};

/// One row of the upload queue (the uploads table joined with the seal and the session).
struct UploadRecord final {
    workflow::SessionId sessionId;
    UploadState state = UploadState::Invalid;
    QUrl uploadUrl;                ///< empty until the server created the upload
    qint64 confirmedOffset = 0;    ///< bytes the server confirmed (last PATCH answer or HEAD)
    qint64 totalBytes = 0;         ///< the package's size when it was queued
    int attempts = 0;              ///< failed attempts since the last success
    QDateTime nextAttemptUtc;      ///< invalid: now
    QString lastErrorCode;         ///< errorCodeName(), empty after a success
    QString lastErrorDetail;
    QString packageSha256;         ///< the package's SHA-256 when it was queued (hex)
    int priority = 0;              ///< higher goes first (a person asked for it)
    QDateTime acknowledgedAtUtc;
    QDateTime purgedAtUtc;
    // From the session and its seal (upload metadata):
    QString applicationNumber;
    QString agentId;
    QString manifestSha256;

    /// The last failure as an Error (nullopt after a success or before the first failure).
    [[nodiscard]] std::optional<Error> lastError() const;
};

/// The upload queue in the journal. A sealed session (a `seals` row whose package file
/// `<data>/packages/<id>.dualrec` exists) enters it with enqueueSealed(); from then on every
/// change of its upload is written here first: the upload URL and offset 0 before the first
/// byte goes out, each confirmed offset, failures with the next attempt time, the
/// acknowledgement.
///
/// Thread contract: thread-safe (each call is one statement or transaction on the calling
/// thread's connection; see storage::Database).
class UploadQueue final
{
public:
    /// `database` (the journal's) and `clock` must outlive the queue.
    UploadQueue(storage::Database &database, QString dataDirectory, const Clock &clock);

    /// `<data>/packages/<id>.dualrec`
    [[nodiscard]] static QString packagePath(const QString &dataDirectory, const workflow::SessionId &id);
    [[nodiscard]] QString packagePath(const workflow::SessionId &id) const { return packagePath(m_dataDirectory, id); }
    [[nodiscard]] const QString &dataDirectory() const { return m_dataDirectory; }

    /// Queues every sealed session that is not queued yet and whose package exists, taking the
    /// package's size and SHA-256 now. Returns how many were queued.
    [[nodiscard]] Result<int> enqueueSealed();
    [[nodiscard]] Result<QList<UploadRecord>> all();
    [[nodiscard]] Result<std::optional<UploadRecord>> find(const workflow::SessionId &id);
    /// Queued or uploading and due (next attempt not in the future), highest priority first,
    /// then the oldest seal.
    [[nodiscard]] Result<QList<UploadRecord>> due(const QDateTime &nowUtc);
    /// The earliest next attempt among queued or uploading rows (invalid: none waits).
    [[nodiscard]] Result<QDateTime> nextWakeUp();

    /// The server created the upload at `url`: stored (state uploading, offset 0) before any byte.
    [[nodiscard]] Result<void> startUpload(const workflow::SessionId &id, const QUrl &url);
    [[nodiscard]] Result<void> setConfirmedOffset(const workflow::SessionId &id, qint64 offset);
    /// The server no longer knows the upload (404/410): forget the URL, start again.
    [[nodiscard]] Result<void> forgetUrl(const workflow::SessionId &id);
    [[nodiscard]] Result<void> acknowledge(const workflow::SessionId &id);
    /// A failed attempt: attempts + 1, the error, when to try again; `block` stops it until a
    /// person retries it (state blocked).
    [[nodiscard]] Result<void> recordFailure(const workflow::SessionId &id, const Error &error, const QDateTime &nextAttemptUtc,
                                             bool block);
    /// A person asked for this one: it goes first, now (a blocked one is queued again).
    [[nodiscard]] Result<void> prioritize(const workflow::SessionId &id);
    /// Unblocks every blocked upload (after the credentials were fixed).
    [[nodiscard]] Result<int> retryBlocked();
    /// A person asked to try this one again now: a blocked upload is queued again, a waiting
    /// one waits no longer; its failure count starts again. One blocked because the server's
    /// SHA-256 did not match starts a new upload (the server's copy is not resumed). InvalidState when it is done
    /// (acknowledged or purged), NotFound when it is not queued.
    [[nodiscard]] Result<void> retry(const workflow::SessionId &id);
    /// The network came back: every queued or uploading row waiting for its next attempt is due
    /// now (their failure counts stay). Returns how many waited.
    [[nodiscard]] Result<int> retryWaitingNow();
    [[nodiscard]] Result<void> markPurged(const workflow::SessionId &id);
    /// Acknowledged packages whose `<package>.tsr` is there and is not the one the server
    /// acknowledged (a timestamp that came after its package, or a newer one): to upload.
    [[nodiscard]] Result<QList<TimestampUploadRecord>> timestampsToUpload();
    /// The server holds this .tsr (its SHA-256 matched): uploads.timestamp_sha256 (migration 0012).
    [[nodiscard]] Result<void> acknowledgeTimestamp(const workflow::SessionId &id, const QString &sha256);
    /// Acknowledged uploads whose acknowledgement is older than `cutoffUtc` (retention over).
    [[nodiscard]] Result<QList<UploadRecord>> acknowledgedBefore(const QDateTime &cutoffUtc);

private:
    [[nodiscard]] Result<void> update(const workflow::SessionId &id, const QString &assignments, QVariantList values);

    storage::Database *m_database;
    QString m_dataDirectory;
    const Clock *m_clock;
};

} // namespace dualrec::sync
