// The customer's receipt on the end page, read from the screen with a QR decoder as a phone
// would: readable text in the UI language, or the insurer's verification address from the IT
// policy with the receipt's values.
#include "ui/endpage.h"
#include "ui/qrcodewidget.h"

#include "core/workflow/receipt.h"
#include "core/workflow/workflowsession.h"

#include "tests/support/qrdecode.h"
#include "tests/ui/uifixture.h"

#include <QLabel>
#include <QTableWidget>
#include <QRegularExpression>
#include <QUrlQuery>

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

using namespace dualrec;
using namespace std::chrono_literals;

namespace {

/// A session of `plan` on `clock`, started and aborted at once (the customer had to leave).
std::unique_ptr<workflow::WorkflowSession> abortedSession(const workflow::ScriptPlan &plan, const Clock &clock)
{
    auto created = workflow::WorkflowSession::create(workflow::SessionId::generate(), plan, clock);
    REQUIRE(created.has_value());
    REQUIRE((*created)->start().has_value());
    REQUIRE((*created)->abort(QStringLiteral("customer_must_leave")).has_value());
    return std::move(*created);
}

} // namespace

TEST_CASE("the receipt QR holds what a customer can read on a phone, or the insurer's verification address")
{
    const auto language = GENERATE(as<QString>(), QStringLiteral("zh_CN"), QStringLiteral("en"));
    const auto online = GENERATE(false, true);
    INFO(language.toStdString() << (online ? " with a verification address" : " as text"));
    const test::Language catalogue(language);
    const auto library = test::shippedLibrary();
    auto plan = library.plan(QStringLiteral("traditional-life"));
    REQUIRE(plan.has_value());
    test::ManualClock clock;
    auto created = workflow::WorkflowSession::create(workflow::SessionId::generate(), *plan, clock);
    REQUIRE(created.has_value());
    auto &session = **created;
    REQUIRE(session.start().has_value());
    session.setPresence({true, true, true});
    REQUIRE(session.recordAnswer(workflow::Answer::Yes).has_value());
    clock.advance(285s);
    REQUIRE(session.completeCurrentStep().has_value());
    REQUIRE(session.abort(QStringLiteral("customer_must_leave")).has_value());

    const QString sha = QStringLiteral("1a2b3c4d") + QString(56, u'0');
    const storage::MediaFile recording{storage::MediaRole::Recording, QStringLiteral("/data/recordings/a.mp4"), 40'163'288, sha,
                                       clock.wallNow()};
    const auto receipt = workflow::makeReceipt(session.plan(), QStringLiteral("P2026-0001"),
                                               QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC), 285'400ms, sha);
    const QString address = online ? QStringLiteral("https://verify.example.com/dualrec?branch=32") : QString();
    ui::EndPage page;
    page.resize(1100, 720);
    page.show();
    page.showSession(session, recording, receipt, address);
    test::settle();

    auto *qr = page.findChild<ui::QrCodeWidget *>(QStringLiteral("receiptQr"));
    REQUIRE(qr);
    const auto picture = qr->grab().toImage();
    REQUIRE(picture.save(QDir(QStringLiteral(DUALREC_TEST_OUTPUT_DIR))
                             .filePath(QStringLiteral("receipt-qr-%1-%2.png").arg(language, online ? u"url" : u"text"))));
    const auto scanned = test::decodeQr(picture);
    INFO(scanned.toStdString());
    REQUIRE_FALSE(scanned.isEmpty());
    CHECK(scanned == qr->payload());
    // Nothing a customer cannot use: no session id, no full digest, no machine keys.
    CHECK_FALSE(scanned.contains(session.id().toString()));
    CHECK_FALSE(scanned.contains(sha));
    CHECK_FALSE(scanned.contains(QStringLiteral("DUALREC")));
    auto *hint = page.findChild<QLabel *>(QStringLiteral("receiptHint"));
    REQUIRE(hint);
    CHECK_FALSE(hint->text().isEmpty());
    if (online) {
        const QUrl url(scanned, QUrl::StrictMode);
        REQUIRE(url.isValid());
        CHECK(url.scheme() == QStringLiteral("https"));
        CHECK(url.host() == QStringLiteral("verify.example.com"));
        const QUrlQuery query(url);
        CHECK(query.queryItemValue(QStringLiteral("branch")) == QStringLiteral("32"));
        CHECK(query.queryItemValue(QStringLiteral("insurer"), QUrl::FullyDecoded) == QStringLiteral("华安示范人寿保险股份有限公司"));
        CHECK(query.queryItemValue(QStringLiteral("application")) == QStringLiteral("P2026-0001"));
        CHECK(QDateTime::fromString(query.queryItemValue(QStringLiteral("time"), QUrl::FullyDecoded), Qt::ISODate)
              == QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC));
        CHECK(query.queryItemValue(QStringLiteral("duration")) == QStringLiteral("285"));
        CHECK(query.queryItemValue(QStringLiteral("code")) == QStringLiteral("1a2b-3c4d"));
    } else {
        const auto local = QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        const bool english = language == QLatin1String("en");
        CHECK(scanned.contains(english ? QStringLiteral("Insurer: 华安示范人寿保险股份有限公司")
                                       : QStringLiteral("保险公司：华安示范人寿保险股份有限公司")));
        CHECK(scanned.contains(english ? QStringLiteral("Application number: P2026-0001") : QStringLiteral("投保单号：P2026-0001")));
        CHECK(scanned.contains(local));
        CHECK(scanned.contains(english ? QStringLiteral("4 min 45 s") : QStringLiteral("4分45秒")));
        CHECK(scanned.contains(english ? QStringLiteral("Check code: 1a2b-3c4d") : QStringLiteral("校验码：1a2b-3c4d")));
        // The end page shows the same lines; the ids are in the tooltip.
        auto *text = page.findChild<QLabel *>(QStringLiteral("receiptText"));
        REQUIRE(text);
        CHECK(text->text() == scanned);
        CHECK(text->toolTip().contains(sha));
        // The recording's size for people.
        auto *where = page.findChild<QLabel *>(QStringLiteral("recordingLocation"));
        REQUIRE(where);
        CHECK(where->text().contains(QStringLiteral("40.2 MB")));
        const auto path = QDir(QStringLiteral(DUALREC_TEST_OUTPUT_DIR)).filePath(QStringLiteral("page-end-receipt-%1.png").arg(language));
        REQUIRE(page.grab().toImage().save(path));
    }
}

TEST_CASE("the end page of a two-product sale names the product of each product's own step")
{
    const test::Language catalogue(QStringLiteral("zh_CN"));
    const auto library = test::shippedLibrary();
    auto plan = library.plan(QStringLiteral("life-plus-critical-illness"));
    REQUIRE(plan.has_value());
    REQUIRE(plan->products().size() == 2);
    test::ManualClock clock;
    const auto created = abortedSession(*plan, clock);
    ui::EndPage page;
    page.resize(1100, 720);
    page.show();
    page.showSession(*created, std::nullopt, workflow::makeReceipt(*plan, QStringLiteral("P2"), clock.wallNow(), 0ms, {}), {});
    test::settle();
    auto *summary = page.findChild<QTableWidget *>(QStringLiteral("stepSummary"));
    REQUIRE(summary);
    REQUIRE(summary->rowCount() == plan->steps().size());
    QStringList titles;
    int named = 0;
    for (int row = 0; row < summary->rowCount(); ++row) {
        const auto title = summary->item(row, 1)->text();
        INFO(title.toStdString());
        CHECK_FALSE(titles.contains(title)); // "出示投保文件" twice, without context, was the problem
        titles.append(title);
        const auto &step = plan->steps().at(row);
        if (step.productIndex >= 0) {
            CHECK(title.contains(plan->products().at(step.productIndex).name));
            ++named;
        }
    }
    CHECK(named >= 2);
}

TEST_CASE("the end page says where the recording is and, when this computer does not upload, that it stays there")
{
    const test::Language catalogue(QStringLiteral("zh_CN"));
    const auto library = test::shippedLibrary();
    auto plan = library.plan(QStringLiteral("traditional-life"));
    REQUIRE(plan.has_value());
    test::ManualClock clock;
    const auto created = abortedSession(*plan, clock);
    const QString sha = QStringLiteral("1a2b3c4d") + QString(56, u'0');
    const storage::MediaFile recording{storage::MediaRole::Recording, QStringLiteral("/data/recordings/a.mp4"), 40'163'288, sha,
                                       clock.wallNow()};
    ui::EndPage page;
    page.resize(1100, 720);
    page.show();
    // As the window sets it up when sync/endpoint is not set (no upload service).
    page.setUploads(ui::EndPage::Uploads::NotSetUp);
    page.showSession(*created, recording, workflow::makeReceipt(*plan, QStringLiteral("P3"), clock.wallNow(), 0ms, sha), {});
    page.setSealStatus(ui::EndPage::SealStatus::Sealed);
    test::settle();

    // Where the recording is, and nothing that sealing and uploading have since made untrue.
    auto *where = page.findChild<QLabel *>(QStringLiteral("recordingLocation"));
    REQUIRE(where);
    INFO(where->text().toStdString());
    CHECK(where->text().contains(QDir::toNativeSeparators(recording.path)));
    CHECK(where->text().contains(QStringLiteral("加密")));
    CHECK_FALSE(where->text().contains(QStringLiteral("本版本")));
    CHECK_FALSE(where->text().contains(QStringLiteral("尚不支持")));
    CHECK(page.findChild<QLabel *>(QStringLiteral("endSeal"))->text().contains(QStringLiteral("封存")));
    // No upload from this computer: said, with who changes that.
    auto *upload = page.findChild<QLabel *>(QStringLiteral("endUpload"));
    REQUIRE(upload);
    INFO(upload->text().toStdString());
    CHECK(upload->isVisible());
    CHECK(upload->text().contains(QStringLiteral("尚未设置上传到保险公司")));
    CHECK(upload->text().contains(QStringLiteral("信息技术")));
    // A recording that could not be stored waits for no upload: nothing said about it.
    page.setSealStatus(ui::EndPage::SealStatus::NotStored);
    CHECK_FALSE(upload->isVisible());
    // Uploads set up and this session not queued yet: nothing said either.
    page.setUploads(ui::EndPage::Uploads::SetUp);
    page.setSealStatus(ui::EndPage::SealStatus::Sealed);
    CHECK_FALSE(upload->isVisible());
}
