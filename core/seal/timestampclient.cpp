#include "core/seal/timestampclient.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace dualrec::seal {

Result<ReceivedTimestamp> requestTimestamp(const TimestampAuthority &authority, const QByteArray &manifestSha256)
{
    if (!authority.isSet() || (authority.url.scheme() != QLatin1String("http") && authority.url.scheme() != QLatin1String("https")))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the timestamp authority \"%1\" is not an http:// or https:// address (setting seal/tsaUrl)")
                                                    .arg(authority.url.toString()));
    auto query = makeTimestampQuery(manifestSha256);
    if (!query)
        return std::unexpected(query.error());
    QNetworkAccessManager network;
    QNetworkRequest request(authority.url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/timestamp-query"));
    request.setRawHeader("Accept", "application/timestamp-reply");
    request.setTransferTimeout(authority.timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    QNetworkReply *reply = network.post(request, query->der);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    // A reply far bigger than any token is cut off.
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxTimestampSize)
            reply->abort();
    });
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString where = authority.url.toString(QUrl::RemoveUserInfo);
    if (reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError) {
        reply->deleteLater();
        return fail(ErrorCode::NetworkError, QStringLiteral("the timestamp authority %1 did not answer within %2 s").arg(where).arg(authority.timeoutMs / 1000));
    }
    if (reply->error() != QNetworkReply::NoError && status == 0) {
        const QString text = reply->errorString();
        reply->deleteLater();
        return fail(ErrorCode::NetworkError, QStringLiteral("the timestamp authority %1 cannot be reached: %2").arg(where, text));
    }
    const QByteArray body = reply->read(kMaxTimestampSize + 1);
    const QByteArray type = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    reply->deleteLater();
    if (status != 200)
        return fail(ErrorCode::NetworkError, QStringLiteral("the timestamp authority %1 answered HTTP %2").arg(where).arg(status));
    if (body.size() > kMaxTimestampSize)
        return fail(ErrorCode::FormatError, QStringLiteral("the timestamp authority %1 answered more than %2 bytes").arg(where).arg(kMaxTimestampSize));
    if (!type.startsWith("application/timestamp-reply"))
        return fail(ErrorCode::FormatError, QStringLiteral("the timestamp authority %1 answered \"%2\", not application/timestamp-reply")
                                                .arg(where, QString::fromLatin1(type.left(80))));
    auto info = checkTimestampReply(body, manifestSha256, query->nonce, authority.caPem);
    if (!info)
        return fail(info.error().code, QStringLiteral("the answer of the timestamp authority %1 was refused: %2").arg(where, info.error().detail));
    return ReceivedTimestamp{body, *info};
}

} // namespace dualrec::seal
