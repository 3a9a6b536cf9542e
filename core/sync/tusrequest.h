#pragma once

#include "core/sync/syncendpoint.h"

#include <QNetworkRequest>
#include <QSslConfiguration>

#include <optional>

class QNetworkReply;
class QObject;

namespace dualrec::sync {

/// The one place where a request to the insurer's tus endpoint is built, for the package
/// (TusUpload), its timestamp (TimestampUpload) and termination: `Tus-Resumable`, the bearer
/// token, the stall timeout, no redirects followed, no cache, and for https full certificate
/// verification against the endpoint's CA file (read once here) or the system's CAs; checkPin()
/// adds the public-key pin to a reply.
///
/// Thread contract: immutable after construction; request() from any thread, checkPin() on the
/// thread of the reply.
class TusRequestBuilder final
{
public:
    explicit TusRequestBuilder(const SyncEndpoint &endpoint);

    [[nodiscard]] QNetworkRequest request(const QUrl &url) const;
    /// The headers every request carries (`Tus-Resumable`, the bearer token when there is one).
    [[nodiscard]] QList<QPair<QByteArray, QByteArray>> baseHeaders() const;
    /// For https: full verification, the endpoint's CA file when it has one.
    [[nodiscard]] const QSslConfiguration &sslConfiguration() const { return m_ssl; }
    /// SHA-256 of the pinned public key (empty: no pin).
    [[nodiscard]] const QByteArray &pinSha256() const { return m_pinSha256; }
    [[nodiscard]] int stallTimeoutMs() const { return m_stallTimeoutMs; }
    /// With a pin: aborts `reply` once encrypted when the server's public key is not the pinned
    /// one (pinMismatch() then says which key it was). `context` scopes the connection.
    void checkPin(QNetworkReply *reply, QObject *context) const;
    /// "sha256/BASE64" of the server's key when checkPin() aborted `reply` for it.
    [[nodiscard]] static std::optional<QString> pinMismatch(const QNetworkReply *reply);

private:
    QByteArray m_bearerToken;
    QByteArray m_pinSha256;
    int m_stallTimeoutMs;
    QSslConfiguration m_ssl;
};

} // namespace dualrec::sync
