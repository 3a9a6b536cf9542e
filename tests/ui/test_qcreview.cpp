// The QC verdict and the supervisor's spot-check in the history: the automatic verdict's
// reasons as sentences, the review queue filter (needs review plus a stable sample of passed
// sessions), and a spot-check saved with who and when, audited and shown beside the verdict.
#include "ui/evidenceactions.h"
#include "ui/historypage.h"
#include "ui/spotcheckdialog.h"

#include "tests/ui/uifixture.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

using namespace dualrec;
using namespace std::chrono_literals;

namespace {

int rowOf(QTableWidget *table, const QString &application)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 1)->text() == application)
            return row;
    }
    return -1;
}

} // namespace

TEST_CASE("a supervisor works through the review queue and records a spot-check beside the automatic verdict")
{
    const auto language = GENERATE(as<QString>(), QStringLiteral("zh_CN"), QStringLiteral("en"));
    INFO(language.toStdString());
    const bool english = language == QLatin1String("en");
    const test::Language catalogue(language);
    test::AppFixture app(language);
    auto plan = app.library.plan(QStringLiteral("traditional-life"));
    REQUIRE(plan.has_value());
    // 60 passed sessions, one that needs review (a third person in the explanation of coverage,
    // no audible answer there), one failed.
    QList<workflow::SessionId> passed;
    workflow::SessionId review;
    for (int i = 0; i < 62; ++i) {
        storage::SessionRecord record;
        record.id = workflow::SessionId::generate();
        record.applicationNo = i == 60 ? QStringLiteral("AP-REVIEW") : i == 61 ? QStringLiteral("AP-FAIL") : QStringLiteral("AP%1").arg(2000 + i);
        record.agentId = QStringLiteral("agent01");
        record.templateId = plan->id();
        record.state = workflow::SessionState::Finished;
        record.createdAt = QDateTime(QDate(2026, 11, 20), QTime(9, 0).addSecs(i * 60), Qt::UTC);
        REQUIRE(app.journal->sessions().create(record).has_value());
        QList<storage::QcReasonRecord> reasons;
        auto verdict = storage::StoredVerdict::Pass;
        if (i == 60) {
            verdict = storage::StoredVerdict::NeedsReview;
            reasons = {{QStringLiteral("third_party"), QStringLiteral("review"), plan->steps().at(5).id, 95'000ms, 99'000ms,
                        QStringLiteral("a third face in the picture")},
                       {QStringLiteral("no_audible_answer"), QStringLiteral("review"), plan->steps().at(5).id, 99'000ms, 104'000ms,
                        QStringLiteral("0.0 s of speech in the answer window")}};
            review = record.id;
            // The step was recorded (a spot-check of a step the session never had is refused).
            workflow::SessionEvent started;
            started.type = workflow::SessionEventType::StepStarted;
            started.wallTime = record.createdAt;
            started.monotonic = 95s;
            started.stepIndex = 5;
            started.stepId = plan->steps().at(5).id;
            REQUIRE(app.journal->sessions().appendEvents(record.id, 0, {started}).has_value());
        } else if (i == 61) {
            verdict = storage::StoredVerdict::Fail;
        } else {
            passed.append(record.id);
        }
        REQUIRE(app.journal->qc().recordAutomatic(record.id, verdict, reasons, record.createdAt).has_value());
    }
    app.addUser(QStringLiteral("chief"), QStringLiteral("王主管"), storage::UserRole::Supervisor, QStringLiteral("chief-password"));
    app.openWindow();
    app.clickSignIn(QStringLiteral("chief"), QStringLiteral("chief-password"));
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("historyPage"));
    auto *page = app.find<ui::HistoryPage>("historyPage");
    auto *table = app.find<QTableWidget>("historyTable");

    // The review queue: the session needing review and the sampled passed ones (5 %), never the failed one.
    auto *qcFilter = app.find<QComboBox>("historyQc");
    const int queueIndex = qcFilter->findData(QStringLiteral("review_queue"));
    REQUIRE(queueIndex > 0);
    CHECK(qcFilter->itemText(queueIndex).contains(english ? QStringLiteral("Review queue") : QStringLiteral("待复核")));
    qcFilter->setCurrentIndex(queueIndex);
    test::click(app.find<QPushButton>("historyApply"));
    app.awaitHistory();
    qint64 sampled = 0;
    for (const auto &id : passed)
        sampled += storage::QcRepository::sampled(id, 5.0) ? 1 : 0;
    CHECK(page->total() == 1 + sampled);
    CHECK(rowOf(table, QStringLiteral("AP-REVIEW")) >= 0);
    CHECK(rowOf(table, QStringLiteral("AP-FAIL")) < 0);
    // The same sample on a second look.
    test::click(app.find<QPushButton>("historyApply"));
    app.awaitHistory();
    CHECK(page->total() == 1 + sampled);

    // The detail says the reasons in sentences with the step's title and the moment.
    const int row = rowOf(table, QStringLiteral("AP-REVIEW"));
    table->setCurrentCell(row, 0);
    app.awaitHistory();
    auto *detail = app.find<QLabel>("historyQcDetail");
    INFO(detail->text().toStdString());
    const auto stepTitle = plan->steps().at(5).definition.title;
    CHECK(detail->text().contains(stepTitle));
    CHECK(detail->text().contains(QStringLiteral("1:35")));
    CHECK(detail->text().contains(english ? QStringLiteral("a third person was in the picture") : QStringLiteral("画面中出现了第三人")));
    CHECK(detail->text().contains(english ? QStringLiteral("no answer from the customer could be heard") : QStringLiteral("没有听到客户的回答")));
    CHECK_FALSE(detail->text().contains(QStringLiteral("third_party"))); // machine names only in the tooltip
    CHECK(detail->toolTip().contains(QStringLiteral("third_party")));
    auto *spotCheck = app.find<QPushButton>("historySpotCheck");
    CHECK(spotCheck->isEnabled());

    // A failed spot-check of that step: saved with who and when, audited, shown beside the verdict.
    page->spotCheckShown([&](ui::SpotCheckDialog &dialog) {
        dialog.fill(false, plan->steps().at(5).id, {QStringLiteral("misleading_statement")}, QStringLiteral("业务员承诺保本。"));
    });
    app.awaitHistory(); // the verdicts are read again in the worker
    const auto verdicts = app.journal->qc().verdicts(review);
    REQUIRE(verdicts.has_value());
    REQUIRE(verdicts->size() == 2);
    CHECK(verdicts->last().source == storage::QcSource::Supervisor);
    CHECK(verdicts->last().reviewer == QLatin1String("chief"));
    CHECK(verdicts->last().verdict == storage::StoredVerdict::Fail);
    CHECK(verdicts->last().stepId == plan->steps().at(5).id);
    CHECK(verdicts->last().at == app.clock.wallNow().toUTC());
    const auto audit = app.journal->audit().entries();
    REQUIRE(audit.has_value());
    CHECK(audit->last().action == QLatin1String("qc-spot-check"));
    CHECK(audit->last().actor == QLatin1String("chief"));
    CHECK(audit->last().subject == review.toString());
    INFO(detail->text().toStdString());
    CHECK(detail->text().contains(QStringLiteral("王主管")));
    CHECK(detail->text().contains(english ? QStringLiteral("Misleading statement") : QStringLiteral("销售误导")));
    CHECK(detail->text().contains(QStringLiteral("业务员承诺保本。")));
    // The automatic verdict stays beside it.
    CHECK(detail->text().contains(english ? QStringLiteral("Automatic check") : QStringLiteral("自动质检")));
    app.screenshot(QStringLiteral("page-history-spot-check-%1").arg(language));

    // Checked sessions leave the queue.
    test::click(app.find<QPushButton>("historyApply"));
    app.awaitHistory();
    CHECK(page->total() == sampled);
}

TEST_CASE("the spot-check dialog will not save a failure without a reason")
{
    const test::Language catalogue(QStringLiteral("en"));
    ui::SpotCheckDialog dialog({{QStringLiteral("consent"), QStringLiteral("Consent")}});
    auto *save = dialog.findChild<QPushButton *>(QStringLiteral("spotCheckSave"));
    REQUIRE(save);
    CHECK(save->isEnabled()); // passed needs no reason
    dialog.fill(false, QString(), {}, QString());
    CHECK_FALSE(save->isEnabled());
    CHECK(dialog.findChild<QLabel *>(QStringLiteral("spotCheckHint"))->text().contains(QStringLiteral("at least one reason")));
    dialog.fill(false, QStringLiteral("consent"), {QStringLiteral("answer_unclear")}, QStringLiteral("  mumbled  "));
    CHECK(save->isEnabled());
    const auto result = dialog.result();
    CHECK_FALSE(result.passed);
    CHECK(result.stepId == QLatin1String("consent"));
    CHECK(result.reasonCodes == QStringList{QStringLiteral("answer_unclear")});
    CHECK(result.notes == QLatin1String("mumbled"));
}

TEST_CASE("a supervisor saves a session's QC report as a PDF from the history: in Chinese, audited, nothing left on failure")
{
    const test::Language catalogue(QStringLiteral("zh_CN"));
    test::AppFixture app(QStringLiteral("zh_CN"));
    auto plan = app.library.plan(QStringLiteral("traditional-life"));
    REQUIRE(plan.has_value());
    storage::SessionRecord record;
    record.id = workflow::SessionId::generate();
    record.applicationNo = QStringLiteral("AP-REPORT");
    record.agentId = QStringLiteral("agent01");
    record.templateId = plan->id();
    record.state = workflow::SessionState::Finished;
    record.createdAt = QDateTime(QDate(2026, 11, 20), QTime(2, 0), Qt::UTC);
    REQUIRE(app.journal->sessions().create(record).has_value());
    workflow::SessionEvent started;
    started.type = workflow::SessionEventType::StepStarted;
    started.wallTime = record.createdAt;
    started.monotonic = 95s;
    started.stepIndex = 5;
    started.stepId = plan->steps().at(5).id;
    REQUIRE(app.journal->sessions().appendEvents(record.id, 0, {started}).has_value());
    REQUIRE(app.journal->qc()
                .recordAutomatic(record.id, storage::StoredVerdict::NeedsReview,
                                 {{QStringLiteral("third_party"), QStringLiteral("review"), plan->steps().at(5).id, 95'000ms, 99'000ms,
                                   QStringLiteral("a third face in the picture")}},
                                 record.createdAt)
                .has_value());
    app.addUser(QStringLiteral("chief"), QStringLiteral("王主管"), storage::UserRole::Supervisor, QStringLiteral("chief-password"));
    app.openWindow();
    app.clickSignIn(QStringLiteral("chief"), QStringLiteral("chief-password"));
    app.awaitHistory();
    auto *page = app.find<ui::HistoryPage>("historyPage");
    auto *table = app.find<QTableWidget>("historyTable");
    auto *button = app.find<QPushButton>("historyQcReport");
    table->setCurrentCell(rowOf(table, QStringLiteral("AP-REPORT")), 0);
    app.awaitHistory(); // the detail comes from the history's worker thread
    test::settle();
    CHECK(button->isEnabled());
    CHECK(button->text().contains(QStringLiteral("导出质检报告（PDF）")));
    // The default name says which application and when (the local date).
    CHECK(page->qcReportFileName()
          == QStringLiteral("质检报告-AP-REPORT-%1.pdf").arg(record.createdAt.toLocalTime().toString(QStringLiteral("yyyyMMdd"))));

    QTemporaryDir out;
    const auto save = [&](const QString &path) {
        std::optional<QString> problem;
        auto &actions = page->evidenceActions();
        const auto connection = QObject::connect(&actions, &ui::EvidenceActions::qcReportFinished, &actions,
                                                 [&](const QString &, const QString &error) { problem = error; });
        actions.saveQcReport(path);
        CHECK(app.find<QLabel>("historyQcReportStatus")->text().contains(QStringLiteral("正在生成质检报告")));
        QElapsedTimer waited;
        waited.start();
        while (!problem && waited.elapsed() < 60000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QObject::disconnect(connection);
        REQUIRE(problem.has_value());
        return *problem;
    };
    const auto auditedExports = [&] {
        int count = 0;
        const auto entries = app.journal->audit().entries();
        REQUIRE(entries.has_value());
        for (const auto &entry : *entries)
            count += entry.action == QLatin1String("export") ? 1 : 0;
        return count;
    };

    // A folder that is not there: said in words, nothing written, nothing audited.
    const QString nowhere = QDir(out.path()).filePath(QStringLiteral("missing/report.pdf"));
    CHECK_FALSE(save(nowhere).isEmpty());
    CHECK(app.find<QLabel>("historyQcReportStatus")->text().contains(QStringLiteral("质检报告没有保存")));
    CHECK_FALSE(QFileInfo::exists(nowhere));
    CHECK(auditedExports() == 0);

    const QString pdf = QDir(out.path()).filePath(page->qcReportFileName());
    CHECK(save(pdf).isEmpty());
    CHECK(button->isEnabled());
    CHECK(app.find<QLabel>("historyQcReportStatus")->text().contains(QStringLiteral("质检报告已保存在")));
    QFile file(pdf);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.read(5) == QByteArray("%PDF-"));
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    REQUIRE(text.waitForFinished(60000));
    const auto words = QString::fromUtf8(text.readAllStandardOutput());
    INFO(words.toStdString());
    CHECK(words.contains(QStringLiteral("这段录像需要主管复核"))); // the verdict in words
    CHECK(words.contains(QStringLiteral("画面中出现了第三人")));
    CHECK(words.contains(plan->steps().at(5).definition.title));
    CHECK(words.contains(QStringLiteral("这条录制没有登记录像文件"))); // no recording: said where the pictures would be
    const auto audit = app.journal->audit().entries();
    REQUIRE(audit.has_value());
    CHECK(audit->last().action == QLatin1String("export"));
    CHECK(audit->last().actor == QLatin1String("chief"));
    CHECK(audit->last().subject == record.id.toString());
    CHECK(audit->last().detail == QStringLiteral("qc report (PDF): ") + pdf);
    app.screenshot(QStringLiteral("page-history-qc-report-zh_CN"));
}
