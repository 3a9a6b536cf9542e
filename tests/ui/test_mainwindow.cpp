// The main window as a page host, and the script browser as a view over the template library.
#include "ui/mainwindow.h"
#include "ui/scriptbrowserpage.h"

#include "core/workflow/regulatorytext.h"

#include "tests/support/imagechecks.h"
#include "tests/ui/uifixture.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTextBrowser>
#include <QTranslator>
#include <QTreeWidget>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;

namespace {

int rowOf(QListWidget *list, const QString &id)
{
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole).toString() == id)
            return row;
    }
    return -1;
}

} // namespace

TEST_CASE("the script browser lists the products and shows each plan's steps and teleprompter text")
{
    const auto library = test::shippedLibrary();
    REQUIRE(library.diagnostics().isEmpty());
    ui::ScriptBrowserPage page(library);
    page.resize(1180, 700);
    page.show();

    auto *templates = page.findChild<QListWidget *>(QStringLiteral("templateList"));
    auto *steps = page.findChild<QTreeWidget *>(QStringLiteral("stepList"));
    auto *prompt = page.findChild<QTextBrowser *>(QStringLiteral("teleprompter"));
    REQUIRE(templates);
    REQUIRE(steps);
    REQUIRE(prompt);
    CHECK(templates->count() == 5);

    const auto bundleRow = rowOf(templates, QStringLiteral("life-plus-critical-illness"));
    REQUIRE(bundleRow >= 0);
    templates->setCurrentRow(bundleRow);
    const auto plan = library.plan(QStringLiteral("life-plus-critical-illness"));
    REQUIRE(plan.has_value());
    CHECK(steps->topLevelItemCount() == plan->steps().size());
    CHECK(prompt->toPlainText() == plan->renderedText(0, {}));

    // The mandated prompt is shown exactly, the agent's identity step shows the gaps to fill.
    steps->setCurrentItem(steps->topLevelItem(1));
    CHECK(prompt->toPlainText() == workflow::mandatedPromptText());
    steps->setCurrentItem(steps->topLevelItem(2));
    CHECK(prompt->toPlainText().contains(QStringLiteral("【institution_short_name】")));

    const auto image = page.grab().toImage();
    image.save(QDir(QStringLiteral(DUALREC_TEST_OUTPUT_DIR)).filePath(QStringLiteral("page-scripts-en.png")));
    CHECK(dualrec::test::distinctColours(image) > 20);
}

TEST_CASE("the window follows a language change and asks for the new language")
{
    test::AppFixture app(QStringLiteral("en"));
    app.openWindow();
    auto &window = *app.window;
    CHECK(window.windowTitle() == QStringLiteral("DualRec — insurance sales recording"));

    QString requested;
    QObject::connect(&window, &ui::MainWindow::languageRequested, &window, [&](const QString &language) { requested = language; });
    QAction *chinese = nullptr;
    for (auto *action : window.findChildren<QAction *>()) {
        if (action->text() == QStringLiteral("中文(简体)"))
            chinese = action;
    }
    REQUIRE(chinese);
    chinese->trigger();
    CHECK(requested == QLatin1String("zh_CN"));

    {
        const test::Language catalogue(QStringLiteral("zh_CN"));
        test::settle();
        CHECK(window.windowTitle().contains(QStringLiteral("双录")));
        CHECK(app.find<QLabel>("loginTitle")->text() == QStringLiteral("创建第一个主管账号"));
    }
    test::settle();
    CHECK(window.windowTitle() == QStringLiteral("DualRec — insurance sales recording"));
}

TEST_CASE("the first run creates a supervisor account and five wrong passwords lock it")
{
    const test::Language catalogue(QStringLiteral("en"));
    test::AppFixture app(QStringLiteral("en"));
    app.openWindow();
    auto *submit = app.find<QPushButton>("loginButton");
    CHECK(submit->text().contains(QStringLiteral("Create account")));
    REQUIRE(app.find<QLineEdit>("loginRepeatPassword")->isVisible());
    app.screenshot(QStringLiteral("page-first-run-en"));

    app.find<QLineEdit>("loginName")->setText(QStringLiteral("chief"));
    app.find<QLineEdit>("loginDisplayName")->setText(QStringLiteral("Chief Supervisor"));
    app.find<QLineEdit>("loginPassword")->setText(QStringLiteral("short"));
    app.find<QLineEdit>("loginRepeatPassword")->setText(QStringLiteral("short"));
    test::click(submit);
    CHECK(app.find<QLabel>("loginMessage")->text().contains(QStringLiteral("at least 8 characters")));
    app.find<QLineEdit>("loginPassword")->setText(QStringLiteral("long enough 1"));
    app.find<QLineEdit>("loginRepeatPassword")->setText(QStringLiteral("long enough 1"));
    test::click(submit);
    app.awaitSignIn();
    const auto users = app.journal->users().list();
    REQUIRE(users.has_value());
    REQUIRE(users->size() == 1);
    CHECK(users->first().role == storage::UserRole::Supervisor);
    CHECK_FALSE(app.find<QLineEdit>("loginRepeatPassword")->isVisible());
    CHECK(app.find<QLineEdit>("loginName")->text() == QLatin1String("chief"));

    for (int attempt = 0; attempt < 5; ++attempt) {
        app.find<QLineEdit>("loginPassword")->setText(QStringLiteral("guess %1").arg(attempt));
        test::click(submit);
        app.awaitSignIn();
    }
    CHECK(app.find<QLabel>("loginMessage")->text().contains(QStringLiteral("locked")));
    // Even the right password is refused while locked ...
    app.find<QLineEdit>("loginPassword")->setText(QStringLiteral("long enough 1"));
    test::click(submit);
    app.awaitSignIn();
    CHECK(app.window->currentPage()->objectName() == QLatin1String("loginPage"));
    CHECK(app.find<QLabel>("loginMessage")->text().contains(QStringLiteral("locked")));
    // ... and accepted once the lock has run out.
    app.clock.advance(std::chrono::minutes(16));
    app.find<QLineEdit>("loginPassword")->setText(QStringLiteral("long enough 1"));
    test::click(submit);
    app.awaitSignIn();
    CHECK(app.window->currentPage()->objectName() == QLatin1String("historyPage")); // a supervisor
}

TEST_CASE("every interactive control has an accessible name or visible text")
{
    test::AppFixture app(QStringLiteral("zh_CN"));
    app.openWindow();
    int checked = 0;
    for (auto *widget : app.window->findChildren<QWidget *>()) {
        if (widget->objectName().isEmpty() || widget->objectName().startsWith(QLatin1String("qt_"))
            || widget->focusPolicy() == Qt::NoFocus)
            continue; // Qt's own inner widgets (the line edit inside a spin box names its box)
        ++checked;
        INFO(widget->objectName().toStdString());
        CHECK_FALSE(widget->accessibleName().isEmpty());
    }
    CHECK(checked >= 25);
}
