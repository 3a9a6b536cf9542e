#pragma once

#include "core/sync/tusupload.h"
#include "core/sync/uploadqueue.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

namespace dualrec::sync {

/// One attempt to bring a package's RFC 3161 timestamp (`<package>.tsr`, a few KB, which may come
/// long after the package) to the server the same way as the package (docs/ingest.md): tus 1.0
/// creation with the package's metadata and `kind` "timestamp", the bytes in one PATCH, done only
/// when the server's `Upload-Sha256` equals the .tsr's SHA-256; then the queue records which .tsr
/// the server holds (UploadQueue::acknowledgeTimestamp). Not resumed: the file is small, a failed
/// attempt makes a new upload next time. Same trust, pin and bearer token as the package's upload.
///
/// Thread contract: as TusUpload (the thread of `network`, with an event loop).
class TimestampUpload final : public QObject
{
    Q_OBJECT

public:
    TimestampUpload(QNetworkAccessManager &network, SyncEndpoint endpoint, TimestampUploadRecord record, UploadQueue &queue,
                    QObject *parent = nullptr);
    ~TimestampUpload() override;

    void start();
    /// Aborts the request in flight; finished() follows with Cancelled.
    void abort();
    [[nodiscard]] const Result<void> &result() const { return m_result; }
    [[nodiscard]] const workflow::SessionId &sessionId() const { return m_record.sessionId; }

Q_SIGNALS:
    void finished();

private:
    void send(QNetworkReply *reply, bool creating);
    void onCreated(QNetworkReply *reply);
    void onPatched(QNetworkReply *reply);
    [[nodiscard]] Error replyError(QNetworkReply *reply, const QString &what) const;
    void finish(Result<void> result);

    QNetworkAccessManager *m_network;
    SyncEndpoint m_endpoint;
    TusRequestBuilder m_requests;
    TimestampUploadRecord m_record;
    UploadQueue *m_queue;
    QPointer<QNetworkReply> m_reply;
    bool m_aborted = false;
    bool m_finished = false;
    Result<void> m_result;
};

} // namespace dualrec::sync
