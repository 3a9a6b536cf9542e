// The new-session page asks for every value the script reads out: the premium and payment of
// each product, and it names the values that come from elsewhere (the agent's licence number,
// the institution's short name) until they are there. An application file from the insurer's
// system fills the form; a bad one changes nothing and says where it is wrong.
#include "tests/ui/uifixture.h"

#include "ui/newsessionpage.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;

TEST_CASE("the new-session page lists the script's missing values in Chinese and imports an application file")
{
    const test::Language catalogue(QStringLiteral("zh_CN"));
    test::ManualClock clock;
    const auto library = test::shippedLibrary();
    ui::NewSessionPage page(library, clock);
    page.resize(1200, 800);
    page.show();
    page.reset();
    // An agent without a licence number, an institution without its short name.
    page.setParties({QStringLiteral("李晓"), QString(), QStringLiteral("华安示范人寿保险股份有限公司"), QString()});
    auto *reason = page.findChild<QLabel *>(QStringLiteral("startReason"));
    auto *start = page.findChild<QPushButton *>(QStringLiteral("startRecording"));
    REQUIRE((reason && start));

    REQUIRE(page.importApplication(QStringLiteral(DUALREC_SOURCE_DIR "/docs/examples/application.json")));
    test::settle();
    CHECK(page.findChild<QLineEdit *>(QStringLiteral("applicationNo"))->text() == QLatin1String("AP2026112200017"));
    auto *premium = page.findChild<QLineEdit *>(QStringLiteral("premium-traditional-life"));
    REQUIRE(premium);
    CHECK(premium->text() == QLatin1String("12000.00"));
    CHECK(page.findChild<QSpinBox *>(QStringLiteral("paymentYears-traditional-life"))->value() == 10);
    CHECK_FALSE(page.findChild<QSpinBox *>(QStringLiteral("paymentYears-critical-illness"))->isEnabled()); // single payment

    // Everything from the form is there; the licence number and the short name are not.
    CHECK_FALSE(start->isEnabled());
    INFO(reason->text().toStdString());
    CHECK(reason->text().contains(QStringLiteral("执业证号")));
    CHECK(reason->text().contains(QStringLiteral("规范简称")));
    CHECK_FALSE(reason->text().contains(QStringLiteral("保费")));
    CHECK_FALSE(reason->text().contains(QStringLiteral("agent_id")));

    // A premium cleared: that product's premium is named.
    premium->clear();
    CHECK(reason->text().contains(QStringLiteral("保费")));
    CHECK(reason->text().contains(QStringLiteral("华安示范福佑终身寿险")));
    premium->setText(QStringLiteral("一万元"));
    CHECK(reason->text().contains(QStringLiteral("不是有效金额")));
    premium->setText(QStringLiteral("12,000"));

    page.setParties({QStringLiteral("李晓"), QStringLiteral("02000132010080020190012345"),
                     QStringLiteral("华安示范人寿保险股份有限公司"), QStringLiteral("华安人寿")});
    INFO(reason->text().toStdString());
    CHECK(start->isEnabled());
    CHECK(reason->text().isEmpty());
    // The teleprompter of every step of this sale has every value.
    const auto check = page.check();
    REQUIRE(check.plan.has_value());
    const auto context = workflow::saleContextOf(page.form(), {QStringLiteral("李晓"), QStringLiteral("02000132010080020190012345"),
                                                               QStringLiteral("华安示范人寿保险股份有限公司"), QStringLiteral("华安人寿")});
    for (qsizetype i = 0; i < check.plan->steps().size(); ++i)
        CHECK_FALSE(check.plan->renderedText(i, context).contains(u'【'));

    // A bad file: nothing changes, every problem is listed with the file and where.
    QTemporaryDir dir;
    const auto bad = dir.filePath(QStringLiteral("bad.json"));
    {
        QFile file(bad);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(R"({"format": "dualrec-application", "format_version": 1, "application_no": "X-1",
                       "policyholder": {"name": "张三"}, "products": [{"template": "traditional-life",
                       "premium": "12000", "payment_method": "weekly", "payment_years": 10}]})");
    }
    CHECK_FALSE(page.importApplication(bad));
    auto *message = page.findChild<QLabel *>(QStringLiteral("importMessage"));
    INFO(message->text().toStdString());
    CHECK(message->text().contains(QStringLiteral("bad.json: $.policyholder.id_number")));
    CHECK(message->text().contains(QStringLiteral("$.products[0].payment_method")));
    CHECK(page.findChild<QLineEdit *>(QStringLiteral("applicationNo"))->text() == QLatin1String("AP2026112200017"));
    CHECK(start->isEnabled());
    CHECK_FALSE(page.importApplication(dir.filePath(QStringLiteral("missing.json"))));
}
