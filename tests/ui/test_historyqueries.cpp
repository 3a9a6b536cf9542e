// The history's queries run in a worker thread (issue 11): over a journal of a few thousand
// sessions the window keeps handling its events while a query runs, says that it is searching,
// shows the answers when they come, and drops answers a newer request has superseded.
#include "ui/evidenceactions.h"
#include "ui/historypage.h"
#include "ui/playbackwidget.h"
#include "ui/spotcheckdialog.h"

#include "core/storage/database.h"

#include "tests/support/logcapture.h"
#include "tests/ui/uifixture.h"

#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTimer>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;

namespace {

constexpr int kSessions = 3000;

/// `count` sessions of agents agent-00 … agent-09 (i % 10) in one transaction.
void generateSessions(storage::Journal &journal, int count)
{
    auto &database = journal.database();
    auto transaction = storage::Transaction::begin(database);
    REQUIRE(transaction.has_value());
    const QDateTime start(QDate(2026, 1, 5), QTime(8, 0), Qt::UTC);
    for (int i = 0; i < count; ++i) {
        const auto id = workflow::SessionId::generate().toString();
        const auto created = start.addSecs(qint64(i) * 600).toString(Qt::ISODateWithMs);
        REQUIRE(database
                    .run(QStringLiteral("INSERT INTO sessions (id, application_no, agent_id, customer_ref, template_id, template_version, "
                                        "scope_required, scope_reason, state, created_at_utc, updated_at_utc) "
                                        "VALUES (?,?,?,'','traditional-life','1.0.0',1,'bank','finished',?,?)"),
                         {id, QStringLiteral("A%1").arg(100000 + i), QStringLiteral("agent-%1").arg(i % 10, 2, 10, QLatin1Char('0')),
                          created, created})
                    .has_value());
        REQUIRE(database.run(QStringLiteral("INSERT INTO session_products VALUES (?,0,'P1','示范产品')"), {id}).has_value());
    }
    REQUIRE(transaction->commit().has_value());
}

/// Holds the history's worker thread until release(): what the window does meanwhile cannot
/// depend on the query.
class WorkerHold final
{
public:
    explicit WorkerHold(storage::HistoryQueries &queries)
    {
        queries.runInWorker([held = m_held, gate = m_gate] {
            held->release();
            gate->acquire();
        });
        m_held->acquire(); // the worker is inside the hold now
    }
    ~WorkerHold() { release(); }
    Q_DISABLE_COPY_MOVE(WorkerHold)
    void release()
    {
        if (!m_released)
            m_gate->release();
        m_released = true;
    }

private:
    std::shared_ptr<QSemaphore> m_held = std::make_shared<QSemaphore>();
    std::shared_ptr<QSemaphore> m_gate = std::make_shared<QSemaphore>();
    bool m_released = false;
};

/// Waits, without handling any event of the GUI thread, until the worker has answered `count`
/// requests: their answers are then queued for the GUI thread, not yet delivered.
void awaitAnsweredWithoutEvents(const storage::HistoryQueries &queries, quint64 count)
{
    QElapsedTimer timer;
    timer.start();
    while (queries.answered() < count && timer.elapsed() < 60000)
        QThread::msleep(5);
    REQUIRE(queries.answered() >= count);
}

/// One generated session, a supervisor (chief) signed in, the session's detail shown in the
/// history; returns the session's id.
workflow::SessionId showOneSessionToSupervisor(test::AppFixture &app)
{
    generateSessions(*app.journal, 1);
    const auto listed = app.journal->sessions().history({}, 0, 1);
    REQUIRE(listed.has_value());
    REQUIRE(listed->rows.size() == 1);
    app.addUser(QStringLiteral("chief"), QStringLiteral("王主管"), storage::UserRole::Supervisor, QStringLiteral("chief-password"));
    app.openWindow();
    app.clickSignIn(QStringLiteral("chief"), QStringLiteral("chief-password"));
    app.find<QTableWidget>("historyTable")->setCurrentCell(0, 0);
    app.awaitHistory();
    return listed->rows.at(0).id;
}

QStringList agentsShown(QTableWidget *table)
{
    QStringList agents;
    for (int row = 0; row < table->rowCount(); ++row)
        agents.append(table->item(row, 2)->text());
    agents.removeDuplicates();
    return agents;
}

} // namespace

TEST_CASE("history queries run in a worker: the window stays responsive, says it is searching, and drops stale answers")
{
    const test::Language catalogue(QStringLiteral("zh_CN"));
    test::AppFixture app(QStringLiteral("zh_CN"));
    generateSessions(*app.journal, kSessions);
    app.addUser(QStringLiteral("chief"), QStringLiteral("王主管"), storage::UserRole::Supervisor, QStringLiteral("chief-password"));
    app.openWindow();
    app.clickSignIn(QStringLiteral("chief"), QStringLiteral("chief-password"));
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("historyPage"));
    auto *page = app.find<ui::HistoryPage>("historyPage");
    auto *table = app.find<QTableWidget>("historyTable");
    auto *busy = app.find<QLabel>("historyBusy");
    auto *agent = app.find<QLineEdit>("historyAgent");
    auto *search = app.find<QPushButton>("historyApply");
    auto &queries = page->queries();
    CHECK(page->total() == kSessions);
    CHECK(table->rowCount() == ui::HistoryPage::kPageSize);
    CHECK_FALSE(busy->isVisible());

    // A search while the worker is held: the page says it is searching, and the window goes on
    // handling its events (a timer fires, typing reaches a field) until the answer comes.
    const quint64 answeredBefore = queries.answered();
    {
        WorkerHold hold(queries);
        agent->setText(QStringLiteral("agent-03"));
        test::click(search);
        CHECK(page->busy());
        CHECK(busy->isVisible());
        CHECK(busy->text() == QStringLiteral("正在查询……"));
        CHECK(app.find<QProgressBar>("historyBusyBar")->isVisible());
        app.screenshot(QStringLiteral("page-history-searching-zh_CN"));
        int ticks = 0;
        QTimer timer;
        QObject::connect(&timer, &QTimer::timeout, [&] { ++ticks; });
        timer.start(10);
        REQUIRE(test::waitUntil([&] { return ticks >= 5; }, 30000));
        auto *application = app.find<QLineEdit>("historyApplication");
        application->setFocus();
        test::typeText(application, QStringLiteral("A1"));
        CHECK(application->text() == QStringLiteral("A1"));
        application->clear();
        CHECK(page->busy()); // the query is still held
        CHECK(table->rowCount() == ui::HistoryPage::kPageSize); // the old page stays until the answer

        // Asked again before the worker got to it: only the newer search is run and answered.
        agent->setText(QStringLiteral("agent-04"));
        test::click(search);
        hold.release();
        app.awaitHistory();
    }
    CHECK_FALSE(busy->isVisible());
    CHECK(queries.answered() == answeredBefore + 1);
    CHECK(page->total() == kSessions / 10);
    CHECK(agentsShown(table) == QStringList{QStringLiteral("agent-04")});

    // An answer that is already on its way when a newer search starts is dropped on arrival.
    const int droppedBefore = page->droppedAnswers();
    agent->setText(QStringLiteral("agent-05"));
    search->click(); // clicked() at once, no event handled in between
    awaitAnsweredWithoutEvents(queries, answeredBefore + 2);
    agent->setText(QStringLiteral("agent-06"));
    search->click();
    bool staleShown = false;
    QObject::connect(&queries, &storage::HistoryQueries::listed, table, [&] {
        staleShown = staleShown || agentsShown(table).contains(QStringLiteral("agent-05"));
    });
    app.awaitHistory();
    CHECK(page->droppedAnswers() == droppedBefore + 1);
    CHECK_FALSE(staleShown);
    CHECK(agentsShown(table) == QStringList{QStringLiteral("agent-06")});

    // The same for a session's detail: choosing another row drops the first row's answer.
    page->showDetail(0);
    awaitAnsweredWithoutEvents(queries, answeredBefore + 4);
    page->showDetail(1);
    app.awaitHistory();
    CHECK(page->droppedAnswers() == droppedBefore + 2);
    const auto summary = app.find<QLabel>("historyDetailSummary")->text();
    INFO(summary.toStdString());
    CHECK(summary.contains(table->item(1, 1)->text()));
    CHECK_FALSE(summary.contains(table->item(0, 1)->text()));

    // A row chosen in the old list after a new search was asked for: its detail comes after the
    // new list and is not shown beside it.
    const QString oldRow = table->item(2, 1)->text();
    {
        WorkerHold hold(queries);
        agent->setText(QStringLiteral("agent-07"));
        search->click();
        page->showDetail(2);
        hold.release();
        app.awaitHistory();
    }
    CHECK(page->droppedAnswers() == droppedBefore + 3);
    CHECK(agentsShown(table) == QStringList{QStringLiteral("agent-07")});
    CHECK_FALSE(app.find<QLabel>("historyDetailSummary")->text().contains(oldRow));
}

TEST_CASE("the history saves a spot-check and audits a playback in its worker thread, not on the GUI thread")
{
    const test::Language catalogue(QStringLiteral("zh_CN"));
    test::AppFixture app(QStringLiteral("zh_CN"));
    const auto id = showOneSessionToSupervisor(app);
    auto *page = app.find<ui::HistoryPage>("historyPage");
    REQUIRE(app.find<QPushButton>("historySpotCheck")->isEnabled());
    const auto spotChecks = [&] {
        const auto verdicts = app.journal->qc().verdicts(id);
        REQUIRE(verdicts.has_value());
        return std::ranges::count_if(*verdicts, [](const storage::QcVerdictRecord &verdict) { return verdict.source == storage::QcSource::Supervisor; });
    };
    const QString played = QStringLiteral("/data/recordings/played.mp4");
    const auto playbackAudits = [&] {
        const auto audit = app.journal->audit().entries();
        REQUIRE(audit.has_value());
        return std::ranges::count_if(*audit, [&](const storage::AuditEntry &entry) {
            return entry.action == QLatin1String("playback-start") && entry.subject == id.toString() && entry.actor == QLatin1String("chief")
                   && entry.detail == played;
        });
    };

    // With the history's worker thread held, the GUI thread returns from both without having
    // written anything: the spot-check and the audit entry wait for the worker.
    {
        WorkerHold hold(page->queries());
        page->spotCheckShown([](ui::SpotCheckDialog &dialog) { dialog.fill(true, QString(), {}, QStringLiteral("抽检无误。")); });
        Q_EMIT app.find<ui::PlaybackWidget>("historyPlayback")->playbackStarted(played);
        test::settle();
        CHECK(page->busy()); // the page waits for the save
        CHECK(spotChecks() == 0);
        CHECK(playbackAudits() == 0);
        hold.release();
        app.awaitHistory();
    }
    CHECK(spotChecks() == 1);
    CHECK(test::waitUntil([&] { return playbackAudits() == 1; }, 60000));
    const auto *detail = app.find<QLabel>("historyQcDetail");
    INFO(detail->text().toStdString());
    CHECK(detail->text().contains(QStringLiteral("抽检无误。"))); // the verdicts came back with the save
    CHECK(app.find<QLabel>("historyProblem")->text().isEmpty());
}

TEST_CASE("the history reads the QC report's journal and audits it in its worker thread; no journal connection is left to a thread the journal outlives")
{
    // Qt warns when a connection is used or closed from a thread that did not open it: the
    // journal going while a thread-pool thread still held its own connection did.
    const test::LogCapture log;
    {
        const test::Language catalogue(QStringLiteral("zh_CN"));
        test::AppFixture app(QStringLiteral("zh_CN"));
        const auto id = showOneSessionToSupervisor(app);
        auto *page = app.find<ui::HistoryPage>("historyPage");
        REQUIRE(app.find<QPushButton>("historyQcReport")->isEnabled());
        const auto exportAudits = [&] {
            const auto audit = app.journal->audit().entries();
            REQUIRE(audit.has_value());
            return std::ranges::count_if(*audit, [&](const storage::AuditEntry &entry) {
                return entry.action == QLatin1String("export") && entry.subject == id.toString() && entry.actor == QLatin1String("chief");
            });
        };
        QTemporaryDir out;
        const QString pdf = QDir(out.path()).filePath(QStringLiteral("report.pdf"));
        std::optional<QString> problem;
        QObject::connect(&page->evidenceActions(), &ui::EvidenceActions::qcReportFinished, &page->evidenceActions(),
                         [&](const QString &, const QString &error) { problem = error; });
        page->evidenceActions().saveQcReport(pdf);
        {
            // Held behind the report's reading: the PDF is drawn in the thread pool, and its audit
            // entry then waits for the worker, as does the page's sentence.
            WorkerHold hold(page->queries());
            test::settle();
            REQUIRE(QThreadPool::globalInstance()->waitForDone(60000));
            test::settle();
            CHECK(QFileInfo(pdf).size() > 0);
            CHECK(exportAudits() == 0);
            CHECK_FALSE(problem.has_value());
            CHECK(app.find<QLabel>("historyQcReportStatus")->text().contains(QStringLiteral("正在生成质检报告")));
            hold.release();
            REQUIRE(test::waitUntil([&] { return problem.has_value(); }, 60000));
        }
        CHECK(problem->isEmpty());
        CHECK(exportAudits() == 1);
        CHECK(app.find<QLabel>("historyQcReportStatus")->text().contains(QStringLiteral("质检报告已保存在")));
    }
    const QString logged = log.text();
    INFO(logged.toStdString());
    CHECK_FALSE(logged.contains(QLatin1String("does not belong to the calling thread")));
    CHECK_FALSE(logged.contains(QLatin1String("still in use")));
}
