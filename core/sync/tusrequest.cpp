#include "core/sync/tusrequest.h"

#include <QCryptographicHash>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslKey>

namespace dualrec::sync {

namespace {

constexpr const char *kPinMismatchProperty = "dualrecPinMismatch";

} // namespace

TusRequestBuilder::TusRequestBuilder(const SyncEndpoint &endpoint)
    : m_bearerToken(endpoint.bearerToken.toUtf8()), m_pinSha256(endpoint.publicKeyPinSha256), m_stallTimeoutMs(endpoint.stallTimeoutMs),
      m_ssl(QSslConfiguration::defaultConfiguration())
{
    m_ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!endpoint.caFile.isEmpty())
        m_ssl.setCaCertificates(QSslCertificate::fromPath(endpoint.caFile, QSsl::Pem));
}

QNetworkRequest TusRequestBuilder::request(const QUrl &url) const
{
    QNetworkRequest request(url);
    for (const auto &[name, value] : baseHeaders())
        request.setRawHeader(name, value);
    request.setTransferTimeout(m_stallTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    if (url.scheme() == QLatin1String("https"))
        request.setSslConfiguration(m_ssl);
    return request;
}

QList<QPair<QByteArray, QByteArray>> TusRequestBuilder::baseHeaders() const
{
    QList<QPair<QByteArray, QByteArray>> headers{{QByteArrayLiteral("Tus-Resumable"), QByteArrayLiteral("1.0.0")}};
    if (!m_bearerToken.isEmpty())
        headers.append({QByteArrayLiteral("Authorization"), "Bearer " + m_bearerToken});
    return headers;
}

void TusRequestBuilder::checkPin(QNetworkReply *reply, QObject *context) const
{
    if (m_pinSha256.isEmpty())
        return;
    QObject::connect(reply, &QNetworkReply::encrypted, context, [reply, pin = m_pinSha256] {
        const auto key = reply->sslConfiguration().peerCertificate().publicKey();
        const auto hash = QCryptographicHash::hash(key.toDer(), QCryptographicHash::Sha256);
        if (hash != pin) {
            reply->setProperty(kPinMismatchProperty, QString(QStringLiteral("sha256/") + QString::fromLatin1(hash.toBase64())));
            reply->abort();
        }
    });
}

std::optional<QString> TusRequestBuilder::pinMismatch(const QNetworkReply *reply)
{
    const auto pin = reply->property(kPinMismatchProperty);
    if (!pin.isValid())
        return std::nullopt;
    return pin.toString();
}

} // namespace dualrec::sync
