#pragma once

// RFC 3161 trusted time for a sealed package (docs/package-format.md, "Trusted time"): the
// request a time-stamping authority (TSA) answers, and the checks of its answer, with OpenSSL's
// TS API. No network here (core/seal/timestampclient.h asks the TSA).
//
// What is time-stamped: the message imprint is the SHA-256 of the package's `manifest.json`
// member exactly as stored (the bytes the device signed; the journal keeps the same digest as
// `seals.manifest_sha256`). The manifest lists the SHA-256 of every other member, so the token
// dates the whole package. The token travels as `PACKAGE.tsr` beside the package: the TSA's
// whole TimeStampResp in DER, as `openssl ts -reply` writes it and `openssl ts -verify -in` reads it.
#include "core/util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace dualrec::seal {

inline constexpr auto kTimestampSuffix = ".tsr";
/// A timestamp reply bigger than this is refused unread (a real one is a few KB).
inline constexpr qint64 kMaxTimestampSize = 256 * 1024;

/// `<package>.tsr`
[[nodiscard]] QString timestampPath(const QString &packagePath);

struct TimestampQuery final {
    QByteArray der;   ///< TimeStampReq (DER): version 1, SHA-256 imprint, nonce, certReq
    quint64 nonce = 0;
};

/// A TimeStampReq over `manifestSha256` (the 32 raw bytes) with a random 63-bit nonce, asking
/// for the TSA's certificate in the token (certReq).
[[nodiscard]] Result<TimestampQuery> makeTimestampQuery(const QByteArray &manifestSha256);

/// What a token that holds says.
struct TimestampInfo final {
    QDateTime time;     ///< genTime, UTC
    QString tsaSubject; ///< the signing certificate's subject (RFC 2253)
    QString serial;     ///< the token's serial number (hex)
    bool issuerChecked = false; ///< the TSA certificate chains to a given TSA CA
    /// "2026-12-03 10:41:07 UTC by CN=…"
    [[nodiscard]] QString describe() const;
};

/// Checks a TimeStampResp (DER), each step with its own message: strict DER (nothing appended,
/// canonical), status granted, a token signed by one certificate that is a TSA's (critical
/// extended key usage timeStamping and nothing else), its signature (and the ESS certificate
/// binding) valid, the certificate issued by one in `tsaCaPem` when that is given (checked as of
/// the token's time; without it the certificate is only checked against itself), the imprint
/// SHA-256 equal to `manifestSha256` (32 raw bytes), and the nonce when `nonce` is not 0.
/// Failures: FormatError (not a reply), InvalidState (not granted), AccessDenied (not a TSA
/// certificate, or untrusted), DataCorrupt (signature, imprint, nonce).
/// Thread contract: reentrant.
[[nodiscard]] Result<TimestampInfo> checkTimestampReply(const QByteArray &reply, const QByteArray &manifestSha256, quint64 nonce,
                                                        const QByteArray &tsaCaPem);

/// Writes `reply` as `<package>.tsr` atomically (a `.part` file, synced, renamed).
[[nodiscard]] Result<void> writeTimestampFile(const QString &packagePath, const QByteArray &reply);

} // namespace dualrec::seal
