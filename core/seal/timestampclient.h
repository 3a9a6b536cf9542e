#pragma once

// Asking a time-stamping authority (RFC 3161 over HTTP, RFC 3161 section 3.4) for a token over a
// sealed package's manifest (core/seal/timestamp.h says what is time-stamped).
#include "core/seal/timestamp.h"

#include <QByteArray>
#include <QUrl>

namespace dualrec::seal {

/// Which TSA, and what to trust of it: the IT policy's `seal/tsaUrl` and `seal/tsaCaCertificates`.
struct TimestampAuthority final {
    QUrl url;          ///< http(s)://…; POST application/timestamp-query
    QByteArray caPem;  ///< the TSA's CA certificates (PEM); empty: the TSA certificate is checked against itself only
    int timeoutMs = 20'000; ///< a TSA that answers nothing for this long counts as unreachable
    [[nodiscard]] bool isSet() const { return url.isValid() && !url.isEmpty(); }
};

struct ReceivedTimestamp final {
    QByteArray reply; ///< the TimeStampResp (DER) as received: what goes into PACKAGE.tsr
    TimestampInfo info;
};

/// Posts a query over `manifestSha256` (32 raw bytes) with a fresh nonce and certReq, waits for
/// the answer and checks it completely (checkTimestampReply: status, TSA certificate, signature,
/// the CA when given, imprint, nonce). NetworkError when the TSA cannot be reached, answers an
/// HTTP error or nothing within the timeout; the checks' own errors otherwise.
/// Thread contract: blocking; any thread that may run a QEventLoop (the GUI thread, a QThread,
/// a command's main thread); it makes its own QNetworkAccessManager.
[[nodiscard]] Result<ReceivedTimestamp> requestTimestamp(const TimestampAuthority &authority, const QByteArray &manifestSha256);

} // namespace dualrec::seal
