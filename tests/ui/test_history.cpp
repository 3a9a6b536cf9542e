// The supervisor's history: paging and filters over a real journal, the detail pane with the
// presence bar, and the audit entry for every look.
#include "ui/historypage.h"
#include "ui/presencebar.h"

#include "core/live/interruptedsessions.h"
#include "core/storage/sessionjournaler.h"
#include "core/workflow/eventdetail.h"
#include "core/workflow/workflowsession.h"

#include "tests/ui/uifixture.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>

#include <QRegularExpression>

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

#include <cstdlib>
#include <ctime>

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

/// One session of `lixiao`'s recorded through the workflow engine into the journal, driven by
/// `script`; the session object is gone afterwards (as after a crash when it is still open).
template<typename Script>
workflow::SessionId recordSession(test::AppFixture &app, const QString &templateId, const QString &applicationNo, Script script,
                                 const QString &scopeReason = {})
{
    auto plan = app.library.plan(templateId);
    REQUIRE(plan.has_value());
    auto created = workflow::WorkflowSession::create(workflow::SessionId::generate(), *plan, app.clock);
    REQUIRE(created.has_value());
    auto &session = **created;
    storage::SessionJournaler journaler(app.journal->sessions(), app.journal->audit(), session, QStringLiteral("lixiao"));
    storage::SessionRecord record;
    record.id = session.id();
    record.applicationNo = applicationNo;
    record.agentId = QStringLiteral("lixiao");
    record.templateId = plan->id();
    record.templateVersion = plan->version();
    for (const auto &product : plan->products())
        record.products.append({product.code, product.name});
    record.scopeRequired = !scopeReason.isEmpty();
    record.scopeReason = scopeReason.isEmpty() ? QStringLiteral("no rule of cn-national@2017-11-01 requires a recording") : scopeReason;
    record.createdAt = app.clock.wallNow();
    REQUIRE(journaler.begin(record).has_value());
    REQUIRE(session.start().has_value());
    script(session);
    return session.id();
}

/// Every text a person sees on the history page now (table, filters, detail, player).
QStringList visibleTexts(QWidget *page)
{
    QStringList texts;
    for (auto *label : page->findChildren<QLabel *>()) {
        if (label->isVisible())
            texts.append(label->text());
    }
    for (auto *combo : page->findChildren<QComboBox *>()) {
        for (int i = 0; i < combo->count(); ++i)
            texts.append(combo->itemText(i));
    }
    for (auto *edit : page->findChildren<QLineEdit *>()) {
        if (edit->isVisible() && !edit->parentWidget()->inherits("QComboBox"))
            texts.append(edit->placeholderText());
    }
    for (auto *button : page->findChildren<QPushButton *>()) {
        if (button->isVisible())
            texts.append(button->text());
    }
    for (auto *list : page->findChildren<QListWidget *>()) {
        for (int i = 0; i < list->count(); ++i)
            texts.append(list->item(i)->text());
    }
    for (auto *table : page->findChildren<QTableWidget *>()) {
        for (int column = 0; column < table->columnCount(); ++column) {
            if (auto *header = table->horizontalHeaderItem(column))
                texts.append(header->text());
        }
        for (int row = 0; row < table->rowCount(); ++row) {
            for (int column = 0; column < table->columnCount(); ++column) {
                if (auto *item = table->item(row, column))
                    texts.append(item->text());
            }
        }
    }
    return texts;
}

/// What in `text` a Chinese reader would stumble over: `key=value` tokens and runs of three or
/// more ASCII letters that are not a person's login, an id, a file path or a unit.
QStringList englishIn(QString text, const QStringList &allowed)
{
    static const QRegularExpression path(QStringLiteral(R"(\S*/\S*)"));
    static const QRegularExpression uuid(QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    static const QRegularExpression keyValue(QStringLiteral(R"([A-Za-z_][\w-]*=\S)"));
    static const QRegularExpression letters(QStringLiteral("[A-Za-z]{3,}"));
    QStringList found;
    for (auto it = keyValue.globalMatch(text); it.hasNext();)
        found.append(it.next().captured());
    text.remove(path).remove(uuid);
    for (const auto &word : allowed)
        text.remove(word);
    for (auto it = letters.globalMatch(text); it.hasNext();)
        found.append(it.next().captured());
    return found;
}

/// Runs the rest of the scope with the computer's time zone set to `zone`.
class TimeZone final
{
public:
    explicit TimeZone(const char *zone) : m_old(qgetenv("TZ")), m_had(qEnvironmentVariableIsSet("TZ"))
    {
        qputenv("TZ", zone);
        ::tzset();
    }
    ~TimeZone()
    {
        if (m_had)
            qputenv("TZ", m_old);
        else
            qunsetenv("TZ");
        ::tzset();
    }
    Q_DISABLE_COPY_MOVE(TimeZone)

private:
    QByteArray m_old;
    bool m_had;
};

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
    app.awaitHistory();
    test::click(next);
    app.awaitHistory();
    CHECK(page->pageIndex() == 2);
    CHECK(table->rowCount() == 21);
    CHECK_FALSE(next->isEnabled());
    test::click(previous);
    app.awaitHistory();
    CHECK(table->rowCount() == 50);

    // Filters: agent, then product and state together.
    auto *agent = app.find<QLineEdit>("historyAgent");
    agent->setText(QStringLiteral("agent03"));
    test::click(app.find<QPushButton>("historyApply"));
    app.awaitHistory();
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
    app.awaitHistory();
    // i odd (the second product) and i % 5 == 0: i = 5, 15, ..., 115.
    CHECK(page->total() == 12);
    product->setCurrentIndex(0);
    state->setCurrentIndex(0);
    test::click(app.find<QPushButton>("historyApply"));
    app.awaitHistory();
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
    app.awaitHistory();
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

TEST_CASE("the history tells a supervisor in sentences of their language what happened, with names and local times")
{
    const auto language = GENERATE(as<QString>(), QStringLiteral("zh_CN"), QStringLiteral("en"));
    INFO(language.toStdString());
    const TimeZone shanghai("Asia/Shanghai");
    const test::Language catalogue(language);
    test::AppFixture app(language);
    app.addUser(QStringLiteral("lixiao"), QStringLiteral("李晓"), storage::UserRole::Agent, QStringLiteral("agent-password"));
    app.addUser(QStringLiteral("chief"), QStringLiteral("王主管"), storage::UserRole::Supervisor,
                QStringLiteral("chief-password"));
    // The manual clock starts at 2026-11-22 09:30 UTC: 17:30 in Shanghai.

    // Consent, a customer who leaves the picture, a refused Next, a close-up, a "no", a pause,
    // and an abort in the agent's own words; the recording file is in the journal.
    const auto walked = recordSession(app, QStringLiteral("traditional-life"), QStringLiteral("AP-WALK"), [&](auto &session) {
        session.setPresence({true, true, true});
        REQUIRE(session.recordAnswer(workflow::Answer::Yes).has_value());
        app.clock.advance(11s);
        REQUIRE(session.completeCurrentStep().has_value());
        app.clock.advance(10s);
        session.setPresence({true, false, false});
        app.clock.advance(5s);
        REQUIRE_FALSE(session.completeCurrentStep().has_value());
        session.setPresence({true, true, true});
        app.clock.advance(40s);
        REQUIRE(session.completeCurrentStep().has_value());
        REQUIRE(session.recordSnapshot(QStringLiteral("snapshots/agent-id.jpg")).has_value());
        REQUIRE(session.recordAnswer(workflow::Answer::No).has_value());
        REQUIRE(session.pause(workflow::sessionReasonText(workflow::SessionReason::PausedByAgent)).has_value());
        app.clock.advance(30s);
        REQUIRE(session.resume().has_value());
        REQUIRE(session.pause(workflow::sessionReasonText(workflow::SessionReason::DeviceLost)).has_value());
        REQUIRE(session.resume().has_value());
        REQUIRE(session.abort(workflow::sessionReasonText(workflow::SessionReason::AgentsOwnWords, QStringLiteral("顾客临时有事")))
                    .has_value());
    });
    REQUIRE(app.journal->sessions()
                .addMediaFile(walked, {storage::MediaRole::Recording, app.directory.filePath(QStringLiteral("recordings/walk.mp4")),
                                       40'163'288, QString(64, u'a'), app.clock.wallNow()})
                .has_value());
    app.clock.advance(600s);
    recordSession(app, QStringLiteral("traditional-life"), QStringLiteral("AP-REFUSED"), [](auto &session) {
        session.setPresence({true, true, true});
        REQUIRE(session.recordAnswer(workflow::Answer::No).has_value());
    });
    app.clock.advance(600s);
    recordSession(app, QStringLiteral("traditional-life"), QStringLiteral("AP-LISTED"), [&](auto &session) {
        app.clock.advance(3s);
        REQUIRE(session.abort(workflow::sessionReasonText(workflow::SessionReason::CustomerMustLeave)).has_value());
    });
    app.clock.advance(600s);
    recordSession(app, QStringLiteral("traditional-life"), QStringLiteral("AP-BROKEN"), [&](auto &session) {
        app.clock.advance(3s);
        REQUIRE(session.fail(workflow::sessionReasonText(workflow::SessionReason::RecordingFailed,
                                                        QStringLiteral("write error: No space left on device")))
                    .has_value());
    }, app.library.ruleSets().first().rules.first().reason + QStringLiteral(";recorded with dualrec record (no scope decision)"));
    app.clock.advance(600s);
    // Left open (DualRec died); the next start closes it as interrupted.
    recordSession(app, QStringLiteral("traditional-life"), QStringLiteral("AP-CRASH"), [&](auto &session) {
        session.setPresence({true, true, true});
        app.clock.advance(2s);
    });
    const auto recovered = live::recoverInterruptedSessions(*app.journal, app.clock);
    REQUIRE(recovered.has_value());
    REQUIRE(recovered->size() == 1);

    app.openWindow();
    app.clickSignIn(QStringLiteral("chief"), QStringLiteral("chief-password"));
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("historyPage"));
    auto *page = app.find<ui::HistoryPage>("historyPage");
    auto *table = app.find<QTableWidget>("historyTable");
    auto *events = app.find<QListWidget>("historyEvents");
    REQUIRE(table->rowCount() == 5);

    const QStringList allowed{QStringLiteral("AP-WALK"), QStringLiteral("AP-REFUSED"), QStringLiteral("AP-LISTED"),
                              QStringLiteral("AP-BROKEN"), QStringLiteral("AP-CRASH"),
                              QStringLiteral("PDF")}; // a file format's name, as 中文 says it ("导出质检报告（PDF）")
    QStringList allEvents;
    for (int row = 0; row < table->rowCount(); ++row) {
        table->setCurrentCell(row, 0);
        app.awaitHistory();
        INFO("session " << table->item(row, 1)->text().toStdString());
        CHECK(events->count() > 0);
        for (int i = 0; i < events->count(); ++i) {
            allEvents.append(events->item(i)->text());
            // The stored text is still there for IT, in the tooltip.
            CHECK_FALSE(events->item(i)->toolTip().isEmpty());
        }
        if (language == QLatin1String("zh_CN")) {
            for (const auto &text : visibleTexts(page)) {
                INFO(text.toStdString());
                CHECK(englishIn(text, allowed).isEmpty());
            }
        }
    }
    // Names, not logins; local time (Shanghai is UTC+8), not UTC.
    const int walkRow = rowOf(table, QStringLiteral("AP-WALK"));
    REQUIRE(walkRow >= 0);
    CHECK(table->item(walkRow, 2)->text() == QStringLiteral("李晓"));
    CHECK(table->item(walkRow, 0)->text() == QStringLiteral("2026-11-22 17:30"));
    CHECK(table->item(walkRow, 0)->toolTip().contains(walked.toString()));
    // Every event is a sentence: none shows the stored machine text.
    for (const auto &text : allEvents) {
        INFO(text.toStdString());
        CHECK_FALSE(text.contains(u'='));
        CHECK_FALSE(text.contains(QLatin1String("paused by the agent")));
        CHECK_FALSE(text.contains(QLatin1String("power loss")));
    }
    table->setCurrentCell(walkRow, 0);
    app.awaitHistory();
    const auto summary = app.find<QLabel>("historyDetailSummary")->text();
    INFO(summary.toStdString());
    CHECK(summary.contains(QStringLiteral("40.2 MB")));
    CHECK(summary.contains(QStringLiteral("李晓")));
    QStringList walkEvents;
    for (int i = 0; i < events->count(); ++i)
        walkEvents.append(events->item(i)->text());
    INFO(walkEvents.join(u'\n').toStdString());
    CHECK(walkEvents.first().startsWith(QStringLiteral("17:30:00")));
    if (language == QLatin1String("zh_CN")) {
        CHECK(summary.contains(QStringLiteral("1分")));
        CHECK(walkEvents.filter(QStringLiteral("李晓暂停了录制")).size() == 1);
        CHECK(walkEvents.filter(QStringLiteral("客户离开了画面")).size() == 1);
        CHECK(walkEvents.filter(QStringLiteral("顾客临时有事")).size() == 1);
        CHECK(app.find<QComboBox>("historyQc")->findText(QStringLiteral("待质检")) > 0);
        CHECK(table->item(walkRow, 5)->text() == QStringLiteral("待质检"));
    } else {
        CHECK(summary.contains(QStringLiteral("1 min")));
        CHECK(walkEvents.filter(QStringLiteral("李晓 paused the recording.")).size() == 1);
        CHECK(walkEvents.filter(QStringLiteral("the customer left the picture")).size() == 1);
        CHECK(table->item(walkRow, 5)->text() == QStringLiteral("Awaiting QC"));
    }
    // The filter hints are not cut off ("Application nu…") in either language.
    for (const char *name : {"historyAgent", "historyApplication"}) {
        auto *edit = app.find<QLineEdit>(name);
        INFO(name << ": " << edit->placeholderText().toStdString());
        CHECK(edit->width() > edit->fontMetrics().horizontalAdvance(edit->placeholderText()) + edit->fontMetrics().height());
    }
    app.screenshot(QStringLiteral("page-history-events-%1").arg(language));
}
