#include "core/sync/tusupload.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>
#include <QTimer>

#include <algorithm>

namespace dualrec::sync {

namespace {

const QByteArray kTusVersion = QByteArrayLiteral("1.0.0");
const QByteArray kSha256Header = QByteArrayLiteral("Upload-Sha256");

QByteArray metadataPair(const char *key, const QString &value)
{
    return QByteArray(key) + ' ' + value.toUtf8().toBase64();
}

bool isHex64(const QByteArray &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{64}$"));
    return pattern.match(QString::fromLatin1(text)).hasMatch();
}

} // namespace

TusUpload::TusUpload(QNetworkAccessManager &network, SyncEndpoint endpoint, UploadRecord record, UploadQueue &queue, QObject *parent)
    : QObject(parent), m_network(&network), m_endpoint(std::move(endpoint)), m_record(std::move(record)), m_queue(&queue),
      m_requests(m_endpoint), m_offset(m_record.confirmedOffset),
      m_chunk(std::clamp<qint64>(2 << 20, m_endpoint.minChunkBytes, m_endpoint.maxChunkBytes))
{
}

TusUpload::~TusUpload()
{
    delete m_patch;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void TusUpload::start()
{
    if (auto valid = m_endpoint.validate(); !valid)
        return finish(std::unexpected(valid.error()));
    const QString path = m_queue->packagePath(m_record.sessionId);
    m_file.setFileName(path);
    if (!m_file.exists())
        return finish(fail(ErrorCode::NotFound, QStringLiteral("package %1 is missing").arg(path)));
    if (m_file.size() != m_record.totalBytes)
        return finish(fail(ErrorCode::DataCorrupt, QStringLiteral("package %1 has %2 bytes, %3 when it was queued: it was changed after sealing")
                                                       .arg(path).arg(m_file.size()).arg(m_record.totalBytes)));
    if (!m_file.open(QIODevice::ReadOnly))
        return finish(fail(ErrorCode::IoError, QStringLiteral("package %1 cannot be read: %2").arg(path, m_file.errorString())));
    if (m_record.uploadUrl.isEmpty())
        create();
    else
        head();
}

void TusUpload::abort()
{
    m_aborted = true;
    if (m_reply)
        m_reply->abort();
    else if (m_patch)
        m_patch->abort();
    else if (!m_finished)
        QTimer::singleShot(0, this, [this] {
            finish(fail(ErrorCode::Cancelled, QStringLiteral("upload of %1 stopped on request").arg(m_record.sessionId.toString())));
        });
}

void TusUpload::watch(QNetworkReply *reply, Step step)
{
    m_reply = reply;
    m_requests.checkPin(reply, this);
    connect(reply, &QNetworkReply::finished, this, [this, reply, step] { onReplyFinished(reply, step); });
}

void TusUpload::create()
{
    auto req = m_requests.request(m_endpoint.creationUrl);
    req.setRawHeader("Upload-Length", QByteArray::number(m_record.totalBytes));
    const QList<QByteArray> metadata{
        metadataPair("filename", QFileInfo(m_file.fileName()).fileName()),
        metadataPair("session_id", m_record.sessionId.toString()),
        metadataPair("application_no", m_record.applicationNumber),
        metadataPair("agent_id", m_record.agentId),
        metadataPair("manifest_sha256", m_record.manifestSha256),
        metadataPair("package_size", QString::number(m_record.totalBytes)),
        metadataPair("kind", QStringLiteral("package")),
    };
    req.setRawHeader("Upload-Metadata", metadata.join(','));
    watch(m_network->sendCustomRequest(req, "POST"), Step::Create);
}

void TusUpload::head()
{
    watch(m_network->sendCustomRequest(m_requests.request(m_record.uploadUrl), "HEAD"), Step::Head);
}

void TusUpload::patch()
{
    sendPatch();
}

void TusUpload::sendPatch()
{
    // The body streams from the package file as the network takes it (PackageSlice), through
    // the bandwidth limit's token bucket when there is one: never a whole chunk in memory.
    const qint64 size = std::min(m_chunk, m_record.totalBytes - m_offset);
    if (!m_limiter && m_endpoint.bandwidthLimit > 0)
        m_limiter = std::make_shared<BandwidthLimiter>(m_endpoint.bandwidthLimit);
    auto *body = new PackageSlice(m_file.fileName(), m_offset, size, m_limiter);
    if (!body->openSlice()) {
        const QString why = body->errorString();
        delete body;
        return finish(fail(ErrorCode::IoError, QStringLiteral("package %1 cannot be read at %2: %3").arg(m_file.fileName()).arg(m_offset).arg(why)));
    }
    m_patchBytes = size;
    m_patchTimer.start();
    // Written by this thread on its own socket, not through Qt Network (core/sync/patchsender.h).
    auto *sender = new PatchSender(m_requests, m_record.uploadUrl,
                                   {{QByteArrayLiteral("Upload-Offset"), QByteArray::number(m_offset)},
                                    {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/offset+octet-stream")}},
                                   body, this);
    m_patch = sender;
    connect(sender, &PatchSender::progress, this, [this](qint64 sent, qint64) { Q_EMIT progress(m_offset, sent, m_record.totalBytes); });
    connect(sender, &PatchSender::finished, this, [this, sender] {
        sender->deleteLater();
        if (m_patch == sender)
            m_patch = nullptr;
        if (!m_finished)
            handlePatch(sender->answer());
    });
    sender->start();
}

Error TusUpload::replyError(QNetworkReply *reply, const QString &what) const
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString where = reply->url().toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo);
    if (const auto pin = TusRequestBuilder::pinMismatch(reply))
        return {ErrorCode::ServerNotTrusted, QStringLiteral("%1 %2: the server's public key (%3) is not the pinned one")
                                                 .arg(what, where, *pin)};
    if (m_aborted)
        return {ErrorCode::Cancelled, QStringLiteral("%1 %2: stopped on request").arg(what, where)};
    if (reply->error() == QNetworkReply::SslHandshakeFailedError)
        return {ErrorCode::ServerNotTrusted, QStringLiteral("%1 %2: TLS certificate refused: %3").arg(what, where, reply->errorString())};
    if (status != 0)
        return statusError(status, reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString(), what, where);
    if (reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError)
        return {ErrorCode::NetworkError, QStringLiteral("%1 %2: no byte moved for %3 s (stalled)").arg(what, where).arg(m_endpoint.stallTimeoutMs / 1000.0)};
    return {ErrorCode::NetworkError, QStringLiteral("%1 %2: %3").arg(what, where, reply->errorString())};
}

Error TusUpload::statusError(int status, const QString &reason, const QString &what, const QString &where) const
{
    if (status == 401 || status == 403)
        return {ErrorCode::AccessDenied, QStringLiteral("%1 %2: the server answered %3: the credentials (bearer token) were refused")
                                             .arg(what, where).arg(status)};
    if (status == 413)
        return {ErrorCode::InvalidArgument, QStringLiteral("%1 %2: the server answered 413: it refuses a package of %3 bytes")
                                                .arg(what, where).arg(m_record.totalBytes)};
    return {ErrorCode::NetworkError, QStringLiteral("%1 %2: the server answered %3 %4").arg(what, where).arg(status).arg(reason)};
}

void TusUpload::onReplyFinished(QNetworkReply *reply, Step step)
{
    reply->deleteLater();
    if (m_reply == reply)
        m_reply = nullptr;
    if (m_finished)
        return;
    switch (step) {
    case Step::Create: return handleCreate(reply);
    case Step::Head: return handleHead(reply, false);
    case Step::Verify: return handleHead(reply, true);
    case Step::Patch: break; // PatchSender
    case Step::Invalid: break;
    }
}

void TusUpload::handleCreate(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 201)
        return finish(std::unexpected(replyError(reply, QStringLiteral("creating the upload at"))));
    const QByteArray location = reply->rawHeader("Location");
    const QUrl url = m_endpoint.creationUrl.resolved(QUrl::fromEncoded(location));
    if (location.isEmpty() || !url.isValid() || url.host().isEmpty())
        return finish(fail(ErrorCode::NetworkError, QStringLiteral("creating the upload at %1: the answer has no usable Location (\"%2\")")
                                                        .arg(m_endpoint.creationUrl.toString(), QString::fromLatin1(location.left(200)))));
    if (m_endpoint.creationUrl.scheme() == QLatin1String("https") && url.scheme() != QLatin1String("https"))
        return finish(fail(ErrorCode::ServerNotTrusted, QStringLiteral("creating the upload at %1: the server named an upload address without TLS (%2); "
                                                                       "nothing was sent")
                                                            .arg(m_endpoint.creationUrl.toString(), url.toString())));
    // The URL goes into the journal before the first byte: a crash from here on resumes.
    if (auto stored = m_queue->startUpload(m_record.sessionId, url); !stored)
        return finish(std::unexpected(stored.error()));
    m_record.uploadUrl = url;
    m_record.state = UploadState::Uploading;
    m_offset = 0;
    Q_EMIT uploadCreated(url);
    if (m_record.totalBytes == 0)
        return acknowledgeIf(reply->rawHeader(kSha256Header));
    patch();
}

void TusUpload::handleHead(QNetworkReply *reply, bool verifying)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if ((status == 404 || status == 410) && !m_recreated)
        return recreate();
    if (status != 200 && status != 204)
        return finish(std::unexpected(replyError(reply, QStringLiteral("asking for the offset of"))));
    bool okOffset = false;
    bool okLength = false;
    const qint64 offset = reply->rawHeader("Upload-Offset").toLongLong(&okOffset);
    const qint64 length = reply->rawHeader("Upload-Length").toLongLong(&okLength);
    if (!okOffset || offset < 0 || offset > m_record.totalBytes)
        return finish(fail(ErrorCode::NetworkError, QStringLiteral("HEAD %1: Upload-Offset \"%2\" is not an offset within the package's %3 bytes")
                                                        .arg(m_record.uploadUrl.toString(), QString::fromLatin1(reply->rawHeader("Upload-Offset").left(40)))
                                                        .arg(m_record.totalBytes)));
    if (okLength && length != m_record.totalBytes)
        return finish(fail(ErrorCode::DataCorrupt, QStringLiteral("HEAD %1: the server's upload is %2 bytes long, the package %3")
                                                       .arg(m_record.uploadUrl.toString()).arg(length).arg(m_record.totalBytes)));
    if (m_resumedAt < 0)
        m_resumedAt = offset;
    if (offset != m_offset || offset != m_record.confirmedOffset) {
        if (auto stored = m_queue->setConfirmedOffset(m_record.sessionId, offset); !stored)
            return finish(std::unexpected(stored.error()));
        m_record.confirmedOffset = offset;
    }
    m_offset = offset;
    Q_EMIT progress(m_offset, 0, m_record.totalBytes);
    if (offset == m_record.totalBytes)
        return acknowledgeIf(reply->rawHeader(kSha256Header));
    if (verifying)
        return finish(fail(ErrorCode::NetworkError, QStringLiteral("HEAD %1: the server has %2 of %3 bytes after the last PATCH")
                                                        .arg(m_record.uploadUrl.toString()).arg(offset).arg(m_record.totalBytes)));
    patch();
}

void TusUpload::recreate()
{
    // The server no longer has it (expired, or a new server): start again from byte 0.
    m_recreated = true;
    if (auto forgotten = m_queue->forgetUrl(m_record.sessionId); !forgotten)
        return finish(std::unexpected(forgotten.error()));
    m_record.uploadUrl.clear();
    create();
}

void TusUpload::handlePatch(const PatchAnswer &answer)
{
    m_bytesSent += m_patchBytes;
    const QString where = m_record.uploadUrl.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo);
    if (m_aborted)
        return finish(fail(ErrorCode::Cancelled, QStringLiteral("sending bytes %1.. to %2: stopped on request").arg(m_offset).arg(where)));
    if (answer.error)
        return finish(std::unexpected(*answer.error));
    const int status = answer.status;
    if (status == 409 && m_conflicts++ < 3)
        return head(); // our offset is not the server's: ask and go on from there
    if ((status == 404 || status == 410) && !m_recreated)
        return recreate();
    if (status != 204 && status != 200)
        return finish(std::unexpected(statusError(status, answer.reason, QStringLiteral("sending bytes %1.. to").arg(m_offset), where)));
    bool ok = false;
    const qint64 offset = answer.header("upload-offset").toLongLong(&ok);
    if (!ok || offset <= m_offset || offset > m_record.totalBytes)
        return finish(fail(ErrorCode::NetworkError, QStringLiteral("PATCH %1: Upload-Offset \"%2\" after sending from %3")
                                                        .arg(m_record.uploadUrl.toString(), QString::fromLatin1(answer.header("upload-offset").left(40)))
                                                        .arg(m_offset)));
    adaptChunk(offset - m_offset, m_patchTimer.elapsed());
    m_offset = offset;
    m_conflicts = 0;
    if (auto stored = m_queue->setConfirmedOffset(m_record.sessionId, offset); !stored)
        return finish(std::unexpected(stored.error()));
    m_record.confirmedOffset = offset;
    Q_EMIT progress(m_offset, 0, m_record.totalBytes);
    if (m_offset < m_record.totalBytes)
        return patch();
    const QByteArray sha = answer.header("upload-sha256");
    if (sha.isEmpty()) {
        watch(m_network->sendCustomRequest(m_requests.request(m_record.uploadUrl), "HEAD"), Step::Verify);
        return;
    }
    acknowledgeIf(sha);
}

void TusUpload::adaptChunk(qint64 bytes, qint64 elapsedMs)
{
    // Aim at about two seconds per PATCH: big enough for throughput, small enough that a broken
    // connection costs little. Grow at most 2x per step so one fast burst does not overshoot.
    m_rate = elapsedMs > 0 ? double(bytes) * 1000.0 / double(elapsedMs) : double(bytes) * 1000.0;
    const auto target = qint64(m_rate * 2.0);
    auto next = std::clamp(target, m_chunk / 2, m_chunk * 2);
    if (m_endpoint.bandwidthLimit > 0)
        next = std::min(next, m_endpoint.bandwidthLimit * 2);
    m_chunk = std::clamp(next, m_endpoint.minChunkBytes, m_endpoint.maxChunkBytes);
}

void TusUpload::acknowledgeIf(const QByteArray &serverSha256)
{
    const QByteArray sha = serverSha256.trimmed().toLower();
    if (!isHex64(sha))
        return finish(fail(ErrorCode::NetworkError,
                           QStringLiteral("%1 holds all %2 bytes but gave no Upload-Sha256 (got \"%3\"): not acknowledged; the server must "
                                          "follow docs/ingest.md")
                               .arg(m_record.uploadUrl.toString()).arg(m_record.totalBytes).arg(QString::fromLatin1(serverSha256.left(80)))));
    if (QString::fromLatin1(sha) != m_record.packageSha256)
        return finish(fail(ErrorCode::DataCorrupt,
                           QStringLiteral("%1: the server's SHA-256 %2 differs from the package's %3 (taken when it was queued): the package "
                                          "was altered after sealing, or the server stored other bytes; not acknowledged")
                               .arg(m_record.uploadUrl.toString(), QString::fromLatin1(sha), m_record.packageSha256)));
    if (auto stored = m_queue->acknowledge(m_record.sessionId); !stored)
        return finish(std::unexpected(stored.error()));
    finish({});
}

void TusUpload::finish(Result<void> result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result = std::move(result);
    m_file.close();
    Q_EMIT finished();
}

Result<void> TusUpload::terminate(QNetworkAccessManager &network, const SyncEndpoint &endpoint, const QUrl &uploadUrl)
{
    const TusRequestBuilder requests(endpoint);
    auto *reply = network.sendCustomRequest(requests.request(uploadUrl), "DELETE");
    QEventLoop loop;
    requests.checkPin(reply, &loop);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 204 || status == 200)
        return {};
    if (const auto pin = TusRequestBuilder::pinMismatch(reply))
        return fail(ErrorCode::ServerNotTrusted, QStringLiteral("DELETE %1: the server's public key (%2) is not the pinned one").arg(uploadUrl.toString(), *pin));
    if (status == 401 || status == 403)
        return fail(ErrorCode::AccessDenied, QStringLiteral("DELETE %1: the server answered %2").arg(uploadUrl.toString()).arg(status));
    return fail(ErrorCode::NetworkError, QStringLiteral("DELETE %1: %2 (HTTP %3)").arg(uploadUrl.toString(), reply->errorString()).arg(status));
}

} // namespace dualrec::sync
