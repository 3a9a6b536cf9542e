#include "core/sync/syncendpoint.h"

#include <QFileInfo>
#include <QSslCertificate>

namespace dualrec::sync {

Result<void> SyncEndpoint::validate() const
{
    if (!creationUrl.isValid() || creationUrl.host().isEmpty()
        || (creationUrl.scheme() != QLatin1String("https") && creationUrl.scheme() != QLatin1String("http")))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("endpoint \"%1\": expected an https:// (or http:// for a local test server) URL with a host")
                        .arg(creationUrl.toString()));
    if (!caFile.isEmpty()) {
        if (!QFileInfo(caFile).isReadable())
            return fail(ErrorCode::NotFound, QStringLiteral("CA file %1 cannot be read").arg(caFile));
        if (QSslCertificate::fromPath(caFile, QSsl::Pem).isEmpty())
            return fail(ErrorCode::FormatError, QStringLiteral("CA file %1 holds no PEM certificate").arg(caFile));
    }
    if (!publicKeyPinSha256.isEmpty() && publicKeyPinSha256.size() != 32)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("public key pin: expected a SHA-256 (32 bytes), got %1 bytes").arg(publicKeyPinSha256.size()));
    if (minChunkBytes < 1 || maxChunkBytes < minChunkBytes)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("chunk bounds %1..%2 are not a range").arg(minChunkBytes).arg(maxChunkBytes));
    return {};
}

Result<QByteArray> SyncEndpoint::parsePin(const QString &text)
{
    const auto trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1String("sha256/"))) {
        const auto bytes = QByteArray::fromBase64(trimmed.mid(7).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (bytes.size() == 32)
            return bytes;
    } else if (trimmed.size() == 64) {
        const auto bytes = QByteArray::fromHex(trimmed.toLatin1());
        if (bytes.size() == 32 && bytes.toHex() == trimmed.toLower().toLatin1())
            return bytes;
    }
    return fail(ErrorCode::InvalidArgument,
                QStringLiteral("public key pin \"%1\": expected sha256/BASE64 or 64 hex digits (the SHA-256 of the server's public key)")
                    .arg(trimmed.left(100)));
}

} // namespace dualrec::sync
