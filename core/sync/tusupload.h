#pragma once

#include "core/sync/bandwidthlimiter.h"
#include "core/sync/patchsender.h"
#include "core/sync/tusrequest.h"
#include "core/sync/uploadqueue.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace dualrec::sync {

/// One attempt to bring one package to the server with tus 1.0 (core, creation; termination
/// with terminate()). Writes every step to the upload queue first: the upload URL (offset 0)
/// before the first byte, every confirmed offset after each PATCH. With a stored URL it resumes
/// with HEAD at the server's offset (at most the chunk that was in flight is sent again).
/// Done only when the server confirms the full length and its `Upload-Sha256` equals the
/// package's SHA-256 taken when it was queued (docs/ingest.md); then the queue row is
/// acknowledged. Any failure ends the attempt: result() says why, typed (NetworkError: try
/// again later; AccessDenied, ServerNotTrusted, DataCorrupt, InvalidArgument: a person must act).
///
/// Thread contract: lives on the thread of `network` (which needs an event loop); every call and
/// signal on that thread. The queue is thread-safe.
class TusUpload final : public QObject
{
    Q_OBJECT

public:
    TusUpload(QNetworkAccessManager &network, SyncEndpoint endpoint, UploadRecord record, UploadQueue &queue,
              QObject *parent = nullptr);
    ~TusUpload() override;

    /// Before start(): the token bucket shared with other uploads (the scheduler's).
    /// Without one, an upload with SyncEndpoint::bandwidthLimit has its own.
    void setBandwidthLimiter(std::shared_ptr<BandwidthLimiter> limiter) { m_limiter = std::move(limiter); }
    void start();
    /// Aborts the request in flight; finished() follows with Cancelled.
    void abort();
    [[nodiscard]] bool isFinished() const { return m_finished; }
    /// Valid after finished(): success, or why not.
    [[nodiscard]] const Result<void> &result() const { return m_result; }
    [[nodiscard]] const workflow::SessionId &sessionId() const { return m_record.sessionId; }
    [[nodiscard]] qint64 confirmedOffset() const { return m_offset; }
    [[nodiscard]] qint64 totalBytes() const { return m_record.totalBytes; }
    [[nodiscard]] qint64 chunkBytes() const { return m_chunk; }
    /// Bytes of PATCH bodies this attempt put on the wire (including a chunk that broke off).
    [[nodiscard]] qint64 bytesSent() const { return m_bytesSent; }
    /// Measured throughput of the last PATCH (bytes per second; 0 before the first).
    [[nodiscard]] double bytesPerSecond() const { return m_rate; }
    /// The offset the server reported when this attempt resumed (-1: it created a new upload).
    [[nodiscard]] qint64 resumedAt() const { return m_resumedAt; }

    /// tus termination: DELETE on the upload URL (synchronous use in tools and tests).
    [[nodiscard]] static Result<void> terminate(QNetworkAccessManager &network, const SyncEndpoint &endpoint, const QUrl &uploadUrl);

Q_SIGNALS:
    /// `confirmed` bytes are on the server, `inFlight` more are on their way.
    void progress(qint64 confirmed, qint64 inFlight, qint64 total);
    /// The upload URL is stored and the first byte is about to go out (once per new upload).
    void uploadCreated(const QUrl &url);
    void finished();

private:
    enum class Step : quint8 { Invalid = 0, Create, Head, Patch, Verify };

    void create();
    void head();
    void patch();
    void sendPatch();
    void onReplyFinished(QNetworkReply *reply, Step step);
    void handleCreate(QNetworkReply *reply);
    void handleHead(QNetworkReply *reply, bool verifying);
    void handlePatch(const PatchAnswer &answer);
    void recreate();
    [[nodiscard]] Error statusError(int status, const QString &reason, const QString &what, const QString &where) const;
    void acknowledgeIf(const QByteArray &serverSha256);
    void finish(Result<void> result);
    void watch(QNetworkReply *reply, Step step);
    [[nodiscard]] Error replyError(QNetworkReply *reply, const QString &what) const;
    void adaptChunk(qint64 bytes, qint64 elapsedMs);

    QNetworkAccessManager *m_network;
    SyncEndpoint m_endpoint;
    UploadRecord m_record;
    UploadQueue *m_queue;
    TusRequestBuilder m_requests;
    QFile m_file;
    QPointer<QNetworkReply> m_reply;
    QPointer<PatchSender> m_patch;
    qint64 m_offset = 0;
    qint64 m_chunk = 0;
    qint64 m_patchBytes = 0;
    qint64 m_bytesSent = 0;
    qint64 m_resumedAt = -1;
    double m_rate = 0;
    int m_conflicts = 0;
    bool m_recreated = false;
    bool m_finished = false;
    bool m_aborted = false;
    QElapsedTimer m_patchTimer;
    Result<void> m_result;
    std::shared_ptr<BandwidthLimiter> m_limiter;
};

} // namespace dualrec::sync
