#pragma once

#include "core/util/result.h"
#include "core/workflow/scriptplan.h"

#include <QDateTime>
#include <QString>
#include <QUrl>

#include <chrono>

namespace dualrec::workflow {

/// What the customer takes home from a session (the end page's QR code): who insures, which
/// application, when and how long it was recorded, and a short check code from the recording's
/// SHA-256 that the insurer can compare with the recording it keeps. No personal data.
struct Receipt final {
    QString insurer;       ///< the insurers of the session's products, joined with "、"
    QString applicationNo;
    QDateTime recordedAt;  ///< when the session started (UTC; shown in local time)
    std::chrono::milliseconds duration{0};
    QString checkCode;     ///< "1a2b-3c4d"; empty when there is no recording
};

/// The first 8 hex characters of a SHA-256 (lower case), as 4+4: "1a2b-3c4d". Empty unless
/// `sha256` is 64 hex characters.
[[nodiscard]] QString receiptCheckCode(const QString &sha256);

[[nodiscard]] Receipt makeReceipt(const ScriptPlan &plan, const QString &applicationNo, const QDateTime &recordedAt,
                                  std::chrono::milliseconds duration, const QString &sha256);

/// Whether `url` can be the insurer's verification address: an absolute http(s) URL with a
/// host (IT policy key receipt/verificationUrl).
[[nodiscard]] bool isVerificationUrl(const QString &url);

/// The insurer's verification address with the receipt's values as query parameters, added to
/// any the address already has: insurer, application, time (ISO 8601 with the local UTC
/// offset), duration (whole seconds) and code. Fails with InvalidArgument for an address that
/// isVerificationUrl() refuses.
[[nodiscard]] Result<QUrl> receiptVerificationUrl(const QString &base, const Receipt &receipt);

} // namespace dualrec::workflow
