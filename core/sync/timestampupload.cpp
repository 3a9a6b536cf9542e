#include "core/sync/timestampupload.h"

#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace dualrec::sync {

namespace {

QByteArray metadataPair(const char *key, const QString &value)
{
    return QByteArray(key) + ' ' + value.toUtf8().toBase64();
}

} // namespace

TimestampUpload::TimestampUpload(QNetworkAccessManager &network, SyncEndpoint endpoint, TimestampUploadRecord record, UploadQueue &queue,
                                 QObject *parent)
    : QObject(parent), m_network(&network), m_endpoint(std::move(endpoint)), m_requests(m_endpoint), m_record(std::move(record)), m_queue(&queue)
{
}

TimestampUpload::~TimestampUpload()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void TimestampUpload::send(QNetworkReply *reply, bool creating)
{
    m_reply = reply;
    m_requests.checkPin(reply, this);
    connect(reply, &QNetworkReply::finished, this, [this, reply, creating] {
        reply->deleteLater();
        if (m_reply == reply)
            m_reply = nullptr;
        if (m_finished)
            return;
        if (creating)
            onCreated(reply);
        else
            onPatched(reply);
    });
}

void TimestampUpload::start()
{
    if (auto valid = m_endpoint.validate(); !valid)
        return finish(std::unexpected(valid.error()));
    auto req = m_requests.request(m_endpoint.creationUrl);
    req.setRawHeader("Upload-Length", QByteArray::number(m_record.bytes.size()));
    const QList<QByteArray> metadata{
        metadataPair("filename", QFileInfo(m_record.path).fileName()),
        metadataPair("session_id", m_record.sessionId.toString()),
        metadataPair("application_no", m_record.applicationNumber),
        metadataPair("agent_id", m_record.agentId),
        metadataPair("manifest_sha256", m_record.manifestSha256),
        metadataPair("kind", QStringLiteral("timestamp")),
    };
    req.setRawHeader("Upload-Metadata", metadata.join(','));
    send(m_network->sendCustomRequest(req, "POST"), true);
}

void TimestampUpload::abort()
{
    m_aborted = true;
    if (m_reply)
        m_reply->abort();
    else if (!m_finished)
        QTimer::singleShot(0, this, [this] { finish(fail(ErrorCode::Cancelled, QStringLiteral("timestamp upload stopped on request"))); });
}

Error TimestampUpload::replyError(QNetworkReply *reply, const QString &what) const
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString where = reply->url().toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo);
    if (const auto pin = TusRequestBuilder::pinMismatch(reply))
        return {ErrorCode::ServerNotTrusted, QStringLiteral("%1 %2: the server's public key (%3) is not the pinned one").arg(what, where, *pin)};
    if (m_aborted)
        return {ErrorCode::Cancelled, QStringLiteral("%1 %2: stopped on request").arg(what, where)};
    if (reply->error() == QNetworkReply::SslHandshakeFailedError)
        return {ErrorCode::ServerNotTrusted, QStringLiteral("%1 %2: TLS certificate refused: %3").arg(what, where, reply->errorString())};
    if (status == 401 || status == 403)
        return {ErrorCode::AccessDenied, QStringLiteral("%1 %2: the server answered %3: the credentials (bearer token) were refused")
                                             .arg(what, where).arg(status)};
    if (status != 0)
        return {ErrorCode::NetworkError, QStringLiteral("%1 %2: the server answered %3").arg(what, where).arg(status)};
    return {ErrorCode::NetworkError, QStringLiteral("%1 %2: %3").arg(what, where, reply->errorString())};
}

void TimestampUpload::onCreated(QNetworkReply *reply)
{
    if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 201)
        return finish(std::unexpected(replyError(reply, QStringLiteral("creating the timestamp upload at"))));
    const QUrl url = m_endpoint.creationUrl.resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
    if (!url.isValid() || url.host().isEmpty())
        return finish(fail(ErrorCode::NetworkError, QStringLiteral("creating the timestamp upload at %1: no usable Location")
                                                        .arg(m_endpoint.creationUrl.toString())));
    if (m_endpoint.creationUrl.scheme() == QLatin1String("https") && url.scheme() != QLatin1String("https"))
        return finish(fail(ErrorCode::ServerNotTrusted, QStringLiteral("creating the timestamp upload at %1: the server named an upload "
                                                                       "address without TLS (%2); nothing was sent")
                                                            .arg(m_endpoint.creationUrl.toString(), url.toString())));
    auto req = m_requests.request(url);
    req.setRawHeader("Upload-Offset", "0");
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/offset+octet-stream"));
    send(m_network->sendCustomRequest(req, "PATCH", m_record.bytes), false);
}

void TimestampUpload::onPatched(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 204 && status != 200)
        return finish(std::unexpected(replyError(reply, QStringLiteral("sending the timestamp to"))));
    const QByteArray offset = reply->rawHeader("Upload-Offset");
    const QByteArray sha = reply->rawHeader("Upload-Sha256");
    if (offset.toLongLong() != m_record.bytes.size() || QString::fromLatin1(sha) != m_record.sha256)
        return finish(fail(ErrorCode::DataCorrupt, QStringLiteral("the server holds %1 bytes of the timestamp %2 with SHA-256 \"%3\", not "
                                                                  "its %4 bytes with %5: not acknowledged")
                                                       .arg(QString::fromLatin1(offset.left(20)), m_record.path,
                                                            QString::fromLatin1(sha.left(64)))
                                                       .arg(m_record.bytes.size())
                                                       .arg(m_record.sha256)));
    finish(m_queue->acknowledgeTimestamp(m_record.sessionId, m_record.sha256));
}

void TimestampUpload::finish(Result<void> result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result = std::move(result);
    Q_EMIT finished();
}

} // namespace dualrec::sync
