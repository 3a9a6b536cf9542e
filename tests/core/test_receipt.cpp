// The customer's receipt: the check code from the recording's SHA-256, the insurers of the
// plan, and the insurer's verification address with the receipt's values.
#include "core/util/settingsstore.h"
#include "core/workflow/receipt.h"
#include "core/workflow/templatelibrary.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;
using namespace dualrec::workflow;
using namespace std::chrono_literals;

namespace {

ScriptPlan shippedPlan(const QStringList &templates)
{
    const auto library = TemplateLibrary::loadDirectories({QStringLiteral(DUALREC_SOURCE_DIR "/resources/scripts")});
    auto plan = library.plan(templates);
    REQUIRE(plan.has_value());
    return *plan;
}

const QString kSha = QStringLiteral("1A2B3C4D") + QString(56, u'e');

} // namespace

TEST_CASE("the check code is the first 8 hex characters of the SHA-256 as 4+4")
{
    CHECK(receiptCheckCode(kSha) == QStringLiteral("1a2b-3c4d"));
    CHECK(receiptCheckCode({}).isEmpty());
    CHECK(receiptCheckCode(kSha.left(63)).isEmpty());
    CHECK(receiptCheckCode(QStringLiteral("g") + kSha.mid(1)).isEmpty());
}

TEST_CASE("a receipt names the plan's insurers once, the application, the time and the length")
{
    const auto plan = shippedPlan({QStringLiteral("traditional-life"), QStringLiteral("critical-illness")});
    const QDateTime at(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC);
    const auto receipt = makeReceipt(plan, QStringLiteral("AP-1"), at, 285'400ms, kSha);
    CHECK(receipt.insurer == QStringLiteral("华安示范人寿保险股份有限公司"));
    CHECK(receipt.applicationNo == QStringLiteral("AP-1"));
    CHECK(receipt.recordedAt == at);
    CHECK(receipt.duration == 285'400ms);
    CHECK(receipt.checkCode == QStringLiteral("1a2b-3c4d"));
}

TEST_CASE("the verification address carries the receipt's values and keeps its own")
{
    const auto plan = shippedPlan({QStringLiteral("traditional-life")});
    const auto receipt = makeReceipt(plan, QStringLiteral("AP+1 &2"), QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC),
                                     285'400ms, kSha);
    const auto url = receiptVerificationUrl(QStringLiteral("https://verify.example.com/dualrec?branch=32"), receipt);
    REQUIRE(url.has_value());
    CHECK(url->host() == QStringLiteral("verify.example.com"));
    CHECK(url->path() == QStringLiteral("/dualrec"));
    const QUrlQuery query(*url);
    CHECK(query.queryItemValue(QStringLiteral("branch")) == QStringLiteral("32"));
    CHECK(query.queryItemValue(QStringLiteral("insurer"), QUrl::FullyDecoded) == receipt.insurer);
    CHECK(query.queryItemValue(QStringLiteral("application"), QUrl::FullyDecoded) == QStringLiteral("AP+1 &2"));
    CHECK(QDateTime::fromString(query.queryItemValue(QStringLiteral("time"), QUrl::FullyDecoded), Qt::ISODate)
          == receipt.recordedAt);
    CHECK(query.queryItemValue(QStringLiteral("duration")) == QStringLiteral("285"));
    CHECK(query.queryItemValue(QStringLiteral("code")) == QStringLiteral("1a2b-3c4d"));

    for (const auto &bad : {QStringLiteral("ftp://verify.example.com/"), QStringLiteral("verify.example.com/check"),
                            QStringLiteral("https:///nohost"), QString()}) {
        INFO(bad.toStdString());
        const auto refused = receiptVerificationUrl(bad, receipt);
        REQUIRE_FALSE(refused.has_value());
        CHECK(refused.error().code == ErrorCode::InvalidArgument);
        CHECK(refused.error().detail.contains(QStringLiteral("receipt/verificationUrl")));
    }
}

TEST_CASE("IT sets the verification address in the policy file; a bad one is not used")
{
    QTemporaryDir directory;
    REQUIRE(directory.isValid());
    const auto policy = directory.filePath(QStringLiteral("policy.ini"));
    SettingsStore settings(directory.filePath(QStringLiteral("user.ini")), policy);
    CHECK(settings.text(SettingKey::ReceiptVerificationUrl).isEmpty());
    {
        QSettings file(policy, QSettings::IniFormat);
        file.setValue(QStringLiteral("receipt/verificationUrl"), QStringLiteral("https://verify.example.com/r"));
    }
    CHECK(settings.text(SettingKey::ReceiptVerificationUrl) == QStringLiteral("https://verify.example.com/r"));
    CHECK(settings.isLocked(SettingKey::ReceiptVerificationUrl));
    {
        QSettings file(policy, QSettings::IniFormat);
        file.setValue(QStringLiteral("receipt/verificationUrl"), QStringLiteral("javascript:alert(1)"));
    }
    CHECK(settings.text(SettingKey::ReceiptVerificationUrl).isEmpty());
}
