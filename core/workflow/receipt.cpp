#include "core/workflow/receipt.h"

#include "core/util/settingsstore.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace dualrec::workflow {

QString receiptCheckCode(const QString &sha256)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{64}$"));
    if (!hex.match(sha256).hasMatch())
        return {};
    const auto lower = sha256.toLower();
    return lower.left(4) + u'-' + lower.mid(4, 4);
}

Receipt makeReceipt(const ScriptPlan &plan, const QString &applicationNo, const QDateTime &recordedAt,
                    std::chrono::milliseconds duration, const QString &sha256)
{
    QStringList insurers;
    for (const auto &product : plan.products()) {
        if (!product.insurer.isEmpty() && !insurers.contains(product.insurer))
            insurers.append(product.insurer);
    }
    return {insurers.join(u'、'), applicationNo, recordedAt.toUTC(), std::max(duration, std::chrono::milliseconds(0)),
            receiptCheckCode(sha256)};
}

bool isVerificationUrl(const QString &url)
{
    // The settings store checks the policy value the same way (empty there means "none").
    return !url.trimmed().isEmpty() && SettingsStore::isValid(SettingKey::ReceiptVerificationUrl, url);
}

Result<QUrl> receiptVerificationUrl(const QString &base, const Receipt &receipt)
{
    if (!isVerificationUrl(base))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("receipt/verificationUrl: expected an http or https address with a host; found \"%1\"")
                        .arg(base));
    QUrl url(base.trimmed(), QUrl::StrictMode);
    QUrlQuery query(url);
    const auto value = [](const QString &text) { return QString(text).replace(u'+', QStringLiteral("%2B")); };
    query.addQueryItem(QStringLiteral("insurer"), value(receipt.insurer));
    query.addQueryItem(QStringLiteral("application"), value(receipt.applicationNo));
    query.addQueryItem(QStringLiteral("time"), value(receipt.recordedAt.toOffsetFromUtc(receipt.recordedAt.toLocalTime().offsetFromUtc())
                                                         .toString(Qt::ISODate)));
    query.addQueryItem(QStringLiteral("duration"), QString::number(receipt.duration.count() / 1000));
    if (!receipt.checkCode.isEmpty())
        query.addQueryItem(QStringLiteral("code"), receipt.checkCode);
    url.setQuery(query);
    return url;
}

} // namespace dualrec::workflow
