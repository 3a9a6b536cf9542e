#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace dualrec::sync {

/// Where and how to upload: the tus creation URL and the trust and credentials for it.
struct SyncEndpoint final {
    QUrl creationUrl;               ///< e.g. https://ingest.example.com/files
    QString bearerToken;            ///< sent as `Authorization: Bearer …` when not empty
    QString caFile;                 ///< PEM file: trust only these CAs (pins the insurer's CA)
    QByteArray publicKeyPinSha256;  ///< SHA-256 of the server certificate's SubjectPublicKeyInfo (32 bytes); empty: no pin
    int stallTimeoutMs = 30'000;    ///< a request that moves no byte for this long is aborted
    qint64 minChunkBytes = 1 << 20;  ///< chunk size adapts within [min, max] to the measured rate
    qint64 maxChunkBytes = 64 << 20;
    qint64 bandwidthLimit = 0;      ///< bytes per second over all PATCH bodies (of the scheduler's uploads together); 0: no limit
    /// Checks the settings (URL scheme and host, CA file readable, pin length); says which is wrong.
    [[nodiscard]] Result<void> validate() const;
    /// Parses `sha256/BASE64` (or 64 hex digits) into publicKeyPinSha256.
    [[nodiscard]] static Result<QByteArray> parsePin(const QString &text);
};

} // namespace dualrec::sync
