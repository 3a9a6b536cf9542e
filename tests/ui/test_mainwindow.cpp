// The main window as a view over the core template library, driven in process.
#include "ui/mainwindow.h"

#include "core/workflow/regulatorytext.h"

#include "tests/support/imagechecks.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QTextBrowser>
#include <QTranslator>
#include <QTreeWidget>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;

namespace {

workflow::TemplateLibrary shippedLibrary()
{
    return workflow::TemplateLibrary::loadDirectories(
        {QStringLiteral(DUALREC_SOURCE_DIR "/resources/scripts"), QStringLiteral(DUALREC_SOURCE_DIR "/resources/rules")});
}

int rowOf(QListWidget *list, const QString &id)
{
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole).toString() == id)
            return row;
    }
    return -1;
}

} // namespace

TEST_CASE("the main window lists the products and shows each plan's steps and teleprompter text")
{
    const auto library = shippedLibrary();
    REQUIRE(library.diagnostics().isEmpty());
    ui::MainWindow window(library, {QStringLiteral("demo"), QStringLiteral("/tmp/data"), QStringLiteral("en")});
    window.show();

    auto *templates = window.findChild<QListWidget *>(QStringLiteral("templateList"));
    auto *steps = window.findChild<QTreeWidget *>(QStringLiteral("stepList"));
    auto *prompt = window.findChild<QTextBrowser *>(QStringLiteral("teleprompter"));
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

    const auto image = window.grab().toImage();
    image.save(QDir(QStringLiteral(DUALREC_TEST_OUTPUT_DIR)).filePath(QStringLiteral("mainwindow-en.png")));
    CHECK(dualrec::test::distinctColours(image) > 20);
}

TEST_CASE("the window follows a language change and asks for the new language")
{
    const auto library = shippedLibrary();
    ui::MainWindow window(library, {QStringLiteral("demo"), QStringLiteral("/tmp/data"), QStringLiteral("en")});
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

    QTranslator translator;
    REQUIRE(translator.load(QStringLiteral(DUALREC_QM_DIR "/dualrec_zh_CN.qm")));
    QCoreApplication::installTranslator(&translator);
    QCoreApplication::processEvents();
    CHECK(window.windowTitle().contains(QStringLiteral("双录")));
    auto *templates = window.findChild<QListWidget *>(QStringLiteral("templateList"));
    REQUIRE(templates);
    CHECK(templates->count() == 5);
    window.resize(1180, 760);
    window.grab().toImage().save(QDir(QStringLiteral(DUALREC_TEST_OUTPUT_DIR)).filePath(QStringLiteral("mainwindow-zh_CN.png")));
    QCoreApplication::removeTranslator(&translator);
    QCoreApplication::processEvents();
    CHECK(window.windowTitle() == QStringLiteral("DualRec — insurance sales recording"));
}

TEST_CASE("every interactive control has an accessible name or visible text")
{
    const auto library = shippedLibrary();
    ui::MainWindow window(library, {QStringLiteral("demo"), QStringLiteral("/tmp/data"), QStringLiteral("zh_CN")});
    int checked = 0;
    for (auto *widget : window.findChildren<QWidget *>()) {
        if (widget->objectName().isEmpty() || widget->focusPolicy() == Qt::NoFocus)
            continue; // Qt's own inner widgets
        ++checked;
        INFO(widget->objectName().toStdString());
        CHECK_FALSE(widget->accessibleName().isEmpty());
    }
    CHECK(checked >= 3);
}

TEST_CASE("English plural forms come from the English catalogue")
{
    QTranslator english;
    REQUIRE(english.load(QStringLiteral(DUALREC_QM_DIR "/dualrec_en.qm")));
    CHECK(english.translate("WorkflowText", "at least %n second(s)", nullptr, 1) == QLatin1String("at least %n second"));
    CHECK(english.translate("WorkflowText", "at least %n second(s)", nullptr, 5) == QLatin1String("at least %n seconds"));
    QTranslator chinese;
    REQUIRE(chinese.load(QStringLiteral(DUALREC_QM_DIR "/dualrec_zh_CN.qm")));
    CHECK(chinese.translate("WorkflowText", "at least %n second(s)", nullptr, 5).contains(QStringLiteral("秒")));
}
