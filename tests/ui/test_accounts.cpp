// The accounts page: a supervisor creates an agent (fields judged in order), unlocks a locked
// account, sets a new password and disables an account; every change is audited. The first-run
// page judges its fields in the order it asks for them.
#include "tests/ui/uifixture.h"

#include "ui/accountspage.h"
#include "ui/workflowtext.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

using namespace dualrec;

namespace {

int rowOf(QTableWidget *table, const QString &login)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 1)->text() == login)
            return row;
    }
    return -1;
}

QString problemText(storage::AccountProblem problem)
{
    return ui::WorkflowText::accountProblem(problem, 8);
}

} // namespace

TEST_CASE("a supervisor creates, unlocks, resets and disables accounts in the window, all audited")
{
    const auto language = GENERATE(as<QString>(), QStringLiteral("zh_CN"), QStringLiteral("en"));
    INFO(language.toStdString());
    const test::Language catalogue(language);
    test::AppFixture app(language);
    app.addUser(QStringLiteral("boss"), QStringLiteral("王主管"), storage::UserRole::Supervisor, QStringLiteral("boss-password"));
    app.addUser(QStringLiteral("lixiao"), QStringLiteral("李晓"), storage::UserRole::Agent, QStringLiteral("agent-password"),
                QString()); // no licence number yet
    app.openWindow();
    app.clickSignIn(QStringLiteral("boss"), QStringLiteral("boss-password"));
    auto *nav = app.find<QPushButton>("navAccounts");
    REQUIRE(nav->isVisible());
    test::click(nav);
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("accountsPage"));
    auto *table = app.find<QTableWidget>("accountsTable");
    CHECK(table->rowCount() == 2);
    auto *message = app.find<QLabel>("accountsMessage");
    auto *save = app.find<QPushButton>("accountsSave");
    auto *login = app.find<QLineEdit>("accountsLogin");
    auto *name = app.find<QLineEdit>("accountsName");
    auto *licence = app.find<QLineEdit>("accountsLicence");
    auto *password = app.find<QLineEdit>("accountsPassword");
    auto *repeat = app.find<QLineEdit>("accountsRepeat");

    // An empty form: the login is asked for first, then each field in turn.
    test::click(save);
    CHECK(message->text() == problemText(storage::AccountProblem::MissingLogin));
    CHECK(login->hasFocus());
    login->setText(QStringLiteral("lixiao"));
    test::click(save);
    CHECK(message->text() == problemText(storage::AccountProblem::LoginTaken));
    login->setText(QStringLiteral("wangfang"));
    test::click(save);
    CHECK(message->text() == problemText(storage::AccountProblem::MissingDisplayName));
    CHECK(name->hasFocus());
    name->setText(QStringLiteral("王芳"));
    licence->setText(QStringLiteral("执业 123"));
    test::click(save);
    CHECK(message->text() == problemText(storage::AccountProblem::BadLicenceNo));
    licence->setText(QStringLiteral("02000132010080020190012345"));
    password->setText(QStringLiteral("short"));
    repeat->setText(QStringLiteral("short"));
    test::click(save);
    CHECK(message->text() == problemText(storage::AccountProblem::PasswordTooShort));
    password->setText(QStringLiteral("wang-password"));
    repeat->setText(QStringLiteral("wang-passwort"));
    test::click(save);
    CHECK(message->text() == problemText(storage::AccountProblem::PasswordsDiffer));
    repeat->setText(QStringLiteral("wang-password"));
    test::click(save);
    REQUIRE(test::waitUntil([&] { return !app.find<ui::AccountsPage>("accountsPage")->hashing(); }));
    test::settle();
    INFO(message->text().toStdString());
    REQUIRE(rowOf(table, QStringLiteral("wangfang")) >= 0);
    const auto created = app.journal->users().find(QStringLiteral("wangfang"));
    REQUIRE(created.has_value());
    CHECK(created->displayName == QStringLiteral("王芳"));
    CHECK(created->licenceNo == QLatin1String("02000132010080020190012345"));
    CHECK(created->role == storage::UserRole::Agent);
    CHECK(app.journal->users().authenticate(QStringLiteral("wangfang"), QStringLiteral("wang-password"))->result
          == storage::LoginResult::Accepted);

    // 李晓 locked himself out: the supervisor unlocks him.
    for (int i = 0; i < 5; ++i)
        (void)app.journal->users().authenticate(QStringLiteral("lixiao"), QStringLiteral("wrong guess"));
    test::click(app.find<QPushButton>("navHistory"));
    test::click(nav);
    const int li = rowOf(table, QStringLiteral("lixiao"));
    REQUIRE(li >= 0);
    CHECK(table->item(li, 4)->text() != ui::AccountsPage::tr("Active"));
    table->selectRow(li);
    test::settle();
    auto *unlock = app.find<QPushButton>("accountsUnlock");
    REQUIRE(unlock->isEnabled());
    test::click(unlock);
    CHECK_FALSE(app.journal->users().find(QStringLiteral("lixiao"))->lockedAt(app.clock.wallNow()));
    CHECK(table->item(rowOf(table, QStringLiteral("lixiao")), 4)->text() == ui::AccountsPage::tr("Active"));
    CHECK_FALSE(unlock->isEnabled());

    // A new password for him, and his licence number, which he lacked.
    app.find<QLineEdit>("accountsNewPassword")->setText(QStringLiteral("fresh-password"));
    app.find<QLineEdit>("accountsNewRepeat")->setText(QStringLiteral("fresh-password"));
    test::click(app.find<QPushButton>("accountsReset"));
    REQUIRE(test::waitUntil([&] { return !app.find<ui::AccountsPage>("accountsPage")->hashing(); }));
    test::settle();
    CHECK(app.journal->users().authenticate(QStringLiteral("lixiao"), QStringLiteral("fresh-password"))->result
          == storage::LoginResult::Accepted);
    CHECK(login->text() == QLatin1String("lixiao"));
    CHECK(login->isReadOnly());
    licence->setText(QStringLiteral("02000132010080020190054321"));
    test::click(save);
    CHECK(app.journal->users().find(QStringLiteral("lixiao"))->licenceNo == QLatin1String("02000132010080020190054321"));

    // The supervisor cannot disable the account signed in with; 李晓 disabled cannot sign in.
    table->selectRow(rowOf(table, QStringLiteral("boss")));
    test::settle();
    test::click(app.find<QPushButton>("accountsDisable"));
    CHECK(message->text() == problemText(storage::AccountProblem::OwnAccount));
    CHECK(app.journal->users().find(QStringLiteral("boss"))->disabled == false);
    table->selectRow(rowOf(table, QStringLiteral("lixiao")));
    test::settle();
    test::click(app.find<QPushButton>("accountsDisable"));
    CHECK_FALSE(message->property("problem").toBool());
    CHECK(app.journal->users().authenticate(QStringLiteral("lixiao"), QStringLiteral("fresh-password"))->result
          == storage::LoginResult::Disabled);
    app.screenshot(QStringLiteral("page-accounts-%1").arg(language));

    QStringList changes;
    const auto entries = app.journal->audit().entries().value();
    for (const auto &entry : entries) {
        if (entry.action == QLatin1String("account-change"))
            changes.append(entry.actor + u' ' + entry.subject + u' ' + entry.detail);
    }
    CHECK(changes == QStringList{
                         QStringLiteral("boss wangfang created with role agent, licence number 02000132010080020190012345"),
                         QStringLiteral("boss lixiao unlocked"),
                         QStringLiteral("boss lixiao password reset (account unlocked)"),
                         QStringLiteral("boss lixiao licence number  -> 02000132010080020190054321"),
                         QStringLiteral("boss lixiao disabled"),
                     });

    // An agent sees no accounts page.
    test::click(app.find<QPushButton>("navLogout"));
    app.clickSignIn(QStringLiteral("wangfang"), QStringLiteral("wang-password"));
    CHECK_FALSE(nav->isVisible());
}

TEST_CASE("the first-run page judges its fields in the order it asks for them")
{
    const test::Language catalogue(QStringLiteral("zh_CN"));
    test::AppFixture app(QStringLiteral("zh_CN"));
    app.openWindow();
    // The first supervisor is told where agents' accounts are made: the window, not a command.
    const auto hint = app.find<QLabel>("loginHint")->text();
    CHECK(hint.contains(QStringLiteral("“账号管理”")));
    CHECK_FALSE(hint.contains(QStringLiteral("dualrec")));
    auto *submit = app.find<QPushButton>("loginButton");
    auto *message = app.find<QLabel>("loginMessage");
    auto *login = app.find<QLineEdit>("loginName");
    // Everything empty: the login first (it used to complain about the password).
    test::click(submit);
    CHECK(message->text() == problemText(storage::AccountProblem::MissingLogin));
    CHECK(login->hasFocus());
    login->setText(QStringLiteral("chief"));
    test::click(submit);
    CHECK(message->text() == problemText(storage::AccountProblem::MissingDisplayName));
    CHECK(app.find<QLineEdit>("loginDisplayName")->hasFocus());
    app.find<QLineEdit>("loginDisplayName")->setText(QStringLiteral("王主管"));
    app.find<QLineEdit>("loginPassword")->setText(QStringLiteral("long enough 1"));
    app.find<QLineEdit>("loginRepeatPassword")->setText(QStringLiteral("long enough 2"));
    test::click(submit);
    CHECK(message->text() == problemText(storage::AccountProblem::PasswordsDiffer));
    CHECK(app.journal->users().count().value() == 0);
    CHECK(login->isVisible());
    CHECK(app.find<ui::LoginPage>("loginPage")->firstRun());
}
