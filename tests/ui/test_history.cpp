// The supervisor's history: paging and filters over a real journal, the detail pane with the
// presence bar, and the audit entry for every look.
#include "ui/historypage.h"
#include "ui/presencebar.h"

#include "core/storage/sessionjournaler.h"
#include "core/workflow/workflowsession.h"

#include "tests/ui/uifixture.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

using namespace dualrec;
using namespace std::chrono_literals;

namespace {

/// 120 plain sessions over 6 agents and 4 days, plus one recorded for real with a presence gap.
workflow::SessionId fillJournal(test::AppFixture &app)
{
    QStringList products;
    for (const auto &script : app.library.templates()) {
        if (script.product)
            products.append(script.product->code);
    }
    REQUIRE(products.size() >= 2);
    for (int i = 0; i < 120; ++i) {
        storage::SessionRecord record;
        record.id = workflow::SessionId::generate();
        record.applicationNo = QStringLiteral("AP%1").arg(1000 + i);
        record.agentId = QStringLiteral("agent%1").arg(i % 6, 2, 10, QLatin1Char('0'));
        record.templateId = QStringLiteral("traditional-life");
        record.products = {{products.at(i % 2), QStringLiteral("产品%1").arg(i % 2)}};
        record.state = i % 5 == 0 ? workflow::SessionState::Aborted : workflow::SessionState::Finished;
        record.createdAt = QDateTime(QDate(2026, 11, 18 + i % 4), QTime(9, 0).addSecs(i * 60), Qt::UTC);
        REQUIRE(app.journal->sessions().create(record).has_value());
    }
    auto plan = app.library.plan(QStringLiteral("traditional-life"));
    REQUIRE(plan.has_value());
    auto created = workflow::WorkflowSession::create(workflow::SessionId::generate(), *plan, app.clock);
    REQUIRE(created.has_value());
    auto &session = **created;
    storage::SessionJournaler journaler(app.journal->sessions(), app.journal->audit(), session, QStringLiteral("agent01"));
    storage::SessionRecord record;
    record.id = session.id();
    record.applicationNo = QStringLiteral("AP-REAL");
    record.agentId = QStringLiteral("agent01");
    record.templateId = plan->id();
    record.createdAt = app.clock.wallNow();
    REQUIRE(journaler.begin(record).has_value());
    REQUIRE(session.start().has_value());
    session.setPresence({true, true, true});
    REQUIRE(session.recordAnswer(workflow::Answer::Yes).has_value());
    app.clock.advance(11s);
    REQUIRE(session.completeCurrentStep().has_value());
    app.clock.advance(10s);
    session.setPresence({true, false, false});
    app.clock.advance(5s);
    session.setPresence({true, true, true});
    app.clock.advance(20s);
    REQUIRE(session.completeCurrentStep().has_value());
    REQUIRE(session.abort(QStringLiteral("customer_must_leave")).has_value());
    return session.id();
}

int rowOf(QTableWidget *table, const QString &application)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 1)->text() == application)
            return row;
    }
    return -1;
}

} // namespace

TEST_CASE("a supervisor pages and filters the history and every detail view is audited")
{
    const auto language = GENERATE(as<QString>(), QStringLiteral("zh_CN"), QStringLiteral("en"));
    INFO(language.toStdString());
    const test::Language catalogue(language);
    test::AppFixture app(language);
    const auto realId = fillJournal(app);
    QStringList productCodes;
    for (const auto &script : app.library.templates()) {
        if (script.product)
            productCodes.append(script.product->code);
    }
    app.addUser(QStringLiteral("chief"), QStringLiteral("王主管"), storage::UserRole::Supervisor,
                QStringLiteral("chief-password"));
    app.openWindow();
    app.clickSignIn(QStringLiteral("chief"), QStringLiteral("chief-password"));
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("historyPage"));
    auto *page = app.find<ui::HistoryPage>("historyPage");
    auto *table = app.find<QTableWidget>("historyTable");
    auto *next = app.find<QPushButton>("historyNext");
    auto *previous = app.find<QPushButton>("historyPrevious");
    CHECK(app.find<QPushButton>("navHistory")->isVisible());

    // 121 sessions: three pages of 50, newest first.
    CHECK(page->total() == 121);
    CHECK(table->rowCount() == 50);
    CHECK_FALSE(previous->isEnabled());
    REQUIRE(next->isEnabled());
    CHECK(table->item(0, 1)->text() == QLatin1String("AP-REAL"));
    test::click(next);
    test::click(next);
    CHECK(page->pageIndex() == 2);
    CHECK(table->rowCount() == 21);
    CHECK_FALSE(next->isEnabled());
    test::click(previous);
    CHECK(table->rowCount() == 50);

    // Filters: agent, then product and state together.
    auto *agent = app.find<QLineEdit>("historyAgent");
    agent->setText(QStringLiteral("agent03"));
    test::click(app.find<QPushButton>("historyApply"));
    CHECK(page->pageIndex() == 0);
    CHECK(page->total() == 20);
    for (int row = 0; row < table->rowCount(); ++row)
        CHECK(table->item(row, 2)->text() == QLatin1String("agent03"));
    agent->clear();
    auto *product = app.find<QComboBox>("historyProduct");
    REQUIRE(product->findData(productCodes.at(1)) > 0);
    product->setCurrentIndex(product->findData(productCodes.at(1)));
    auto *state = app.find<QComboBox>("historyState");
    state->setCurrentIndex(state->findData(QStringLiteral("aborted")));
    test::click(app.find<QPushButton>("historyApply"));
    // i odd (the second product) and i % 5 == 0: i = 5, 15, ..., 115.
    CHECK(page->total() == 12);
    product->setCurrentIndex(0);
    state->setCurrentIndex(0);
    test::click(app.find<QPushButton>("historyApply"));
    CHECK(page->total() == 121);

    // The detail of the recorded session: steps, events and one presence gap of 5 s.
    const int row = rowOf(table, QStringLiteral("AP-REAL"));
    REQUIRE(row >= 0);
    auto viewsOf = [&] {
        const auto audit = app.journal->audit().entries();
        REQUIRE(audit.has_value());
        return std::count_if(audit->cbegin(), audit->cend(), [&](const storage::AuditEntry &entry) {
            return entry.action == QLatin1String("view") && entry.subject == realId.toString()
                   && entry.actor == QLatin1String("chief");
        });
    };
    const auto viewsBefore = viewsOf();
    table->setCurrentCell(row == 0 ? 1 : 0, 0);
    table->setCurrentCell(row, 0);
    test::settle();
    auto *bar = app.find<ui::PresenceBar>("historyPresenceBar");
    REQUIRE(bar->timeline().presenceViolations.size() == 1);
    CHECK(bar->timeline().presenceViolations.first().end - bar->timeline().presenceViolations.first().start == 5s);
    CHECK(bar->timeline().chapters.size() == 3); // consent, mandated prompt, and the step it stopped in
    CHECK(app.find<QListWidget>("historySteps")->count() == 3);
    const auto events = app.journal->sessions().events(realId);
    REQUIRE(events.has_value());
    CHECK(app.find<QListWidget>("historyEvents")->count() == events->size());
    CHECK(app.find<QLabel>("historyDetailSummary")->text().contains(QStringLiteral("AP-REAL")));
    app.screenshot(QStringLiteral("page-history-%1").arg(language));

    CHECK(viewsOf() == viewsBefore + 1);
}

TEST_CASE("agents have no history")
{
    test::AppFixture app(QStringLiteral("en"));
    app.addUser(QStringLiteral("agent05"), QStringLiteral("Agent Five"), storage::UserRole::Agent,
                QStringLiteral("agent-password"));
    app.openWindow();
    app.clickSignIn(QStringLiteral("agent05"), QStringLiteral("agent-password"));
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("preflightPage"));
    CHECK_FALSE(app.find<QPushButton>("navHistory")->isVisible());
    CHECK_FALSE(app.find<QPushButton>("navSettings")->isVisible());
}
