// Accessibility of the window: every visible control on every page gives a screen reader a name,
// the agent's way through the pages works from the keyboard, the sign-in keeps the window live
// while the password is checked, and text grows with the application (system) font.
#include "ui/loginpage.h"
#include "ui/mainwindow.h"
#include "ui/recordingpage.h"
#include "ui/scriptbrowserpage.h"

#include "core/workflow/workflowsession.h"

#include "tests/ui/uifixture.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QFontInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollBar>
#include <QSemaphore>
#include <QTabBar>
#include <QTableWidget>
#include <QTextEdit>
#include <QThreadPool>
#include <QTimer>

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

#include <algorithm>
#include <memory>
#include <utility>

using namespace dualrec;
using test::PoolHold;
using test::pressKey;
using test::signIn;
using test::typeText;
using test::waitUntil;

namespace {

const QString kAgentPassword = QStringLiteral("agent-pass-1");
const QString kChiefPassword = QStringLiteral("chief-pass-1");

/// Inner parts of Qt's compound controls, named through the control that holds them (the line
/// edit of a spin box or editable combo box, a view's scroll bars and headers).
bool isInnerPart(const QWidget *widget)
{
    if (widget->objectName().startsWith(QLatin1String("qt_")) || qobject_cast<const QScrollBar *>(widget)
        || qobject_cast<const QHeaderView *>(widget))
        return true;
    for (auto *parent = widget->parentWidget(); parent; parent = parent->parentWidget()) {
        if (qobject_cast<QAbstractSpinBox *>(parent) || qobject_cast<QComboBox *>(parent)
            || qobject_cast<QAbstractItemView *>(parent) || qobject_cast<QTabBar *>(parent))
            return true;
    }
    return false;
}

bool isInteractive(const QWidget *widget)
{
    return qobject_cast<const QAbstractButton *>(widget) || qobject_cast<const QLineEdit *>(widget)
           || qobject_cast<const QComboBox *>(widget) || qobject_cast<const QAbstractSpinBox *>(widget)
           || qobject_cast<const QAbstractItemView *>(widget) || qobject_cast<const QAbstractSlider *>(widget)
           || qobject_cast<const QTextEdit *>(widget) || qobject_cast<const QTabBar *>(widget)
           || widget->focusPolicy() != Qt::NoFocus;
}

/// What a screen reader announces for `widget`: its accessible interface's name (an explicit
/// accessible name, a button's text, a buddy label's text).
QString spokenName(QWidget *widget)
{
    auto *interface = QAccessible::queryAccessibleInterface(widget);
    return interface ? interface->text(QAccessible::Name).trimmed() : QString();
}

/// The visible interactive controls of the window that have no spoken name, as
/// "Class \"objectName\""; `checked` counts the controls looked at.
QStringList unnamedControls(test::AppFixture &app, int &checked)
{
    QStringList unnamed;
    for (auto *widget : app.window->findChildren<QWidget *>()) {
        if (!widget->isVisible() || !isInteractive(widget) || isInnerPart(widget))
            continue;
        ++checked;
        if (spokenName(widget).isEmpty())
            unnamed.append(QString::fromLatin1(widget->metaObject()->className()) + QStringLiteral(" \"")
                           + widget->objectName() + u'"');
    }
    return unnamed;
}

/// Checks every visible interactive control of the window on `page`; returns how many.
int checkNames(test::AppFixture &app, const QString &page)
{
    test::settle();
    REQUIRE(app.window->currentPage()->objectName() == page);
    int checked = 0;
    const auto unnamed = unnamedControls(app, checked);
    INFO("page " << page.toStdString() << ": " << checked << " controls");
    for (const auto &control : unnamed)
        FAIL_CHECK("page " << page.toStdString() << ": " << control.toStdString() << " has no accessible name");
    CHECK(checked >= 3);
    return checked;
}

/// The new-session form from the keyboard: Tab between fields, arrows and Space in the lists.
void fillSaleForm(test::AppFixture &app, const QString &applicationNo)
{
    auto *application = app.find<QLineEdit>("applicationNo");
    REQUIRE(application->hasFocus());
    typeText(application, applicationNo);
    pressKey(application, Qt::Key_Tab);
    typeText(application, QStringLiteral("王秀兰"));
    pressKey(application, Qt::Key_Tab);
    typeText(application, test::residentIdBornOn(QDate(1950, 1, 2)));
    pressKey(application, Qt::Key_Tab);
    pressKey(application, Qt::Key_Tab);
    REQUIRE(app.find<QComboBox>("channel")->hasFocus());
    pressKey(application, Qt::Key_Down);
    pressKey(application, Qt::Key_Tab);
    pressKey(application, Qt::Key_Tab);
    auto *products = app.find<QListWidget>("products");
    REQUIRE(products->hasFocus());
    pressKey(products, Qt::Key_Home);
    pressKey(products, Qt::Key_Space);
    REQUIRE(products->item(0)->checkState() == Qt::Checked);
    test::fillPayment(app);
}

} // namespace

TEST_CASE("every visible control on every page has an accessible name and the agent needs no mouse")
{
    const auto language = GENERATE(as<QString>(), QStringLiteral("zh_CN"), QStringLiteral("en"));
    INFO(language.toStdString());
    const test::Language catalogue(language);
    test::AppFixture app(language);
    app.openWindow();
    int checked = 0;

    // The check itself finds a control without a name (an icon-only button, say).
    {
        auto *nameless = new QPushButton(app.window->currentPage());
        nameless->setObjectName(QStringLiteral("namelessProbe"));
        nameless->show();
        int probed = 0;
        CHECK(unnamedControls(app, probed).contains(QStringLiteral("QPushButton \"namelessProbe\"")));
        nameless->setAccessibleName(QStringLiteral("probe"));
        CHECK_FALSE(unnamedControls(app, probed).contains(QStringLiteral("QPushButton \"namelessProbe\"")));
        delete nameless;
    }

    // First run: the first supervisor account is asked for.
    REQUIRE(app.find<ui::LoginPage>("loginPage")->firstRun());
    checked += checkNames(app, QStringLiteral("loginPage"));
    app.addUser(QStringLiteral("agent01"), QStringLiteral("李娜"), storage::UserRole::Agent, kAgentPassword);
    app.addUser(QStringLiteral("chief"), QStringLiteral("王主管"), storage::UserRole::Supervisor, kChiefPassword);
    app.find<ui::LoginPage>("loginPage")->reset();
    checked += checkNames(app, QStringLiteral("loginPage"));

    // The agent: sign-in, pre-flight, new session, recording, abort, end page: keys only.
    signIn(app, QStringLiteral("agent01"), kAgentPassword);
    checked += checkNames(app, QStringLiteral("preflightPage"));
    // The live checks pass once the camera picture and the microphone arrived; then Enter goes on.
    test::playClip(app.feed, 0, 8);
    Q_EMIT app.feed.audioLevel(-18.0);
    REQUIRE(test::waitUntil([&] { return app.find<QPushButton>("preflightContinue")->hasFocus(); }));
    pressKey(app.window.get(), Qt::Key_Return);
    checked += checkNames(app, QStringLiteral("newSessionPage"));
    fillSaleForm(app, QStringLiteral("AP-A11Y-1"));
    pressKey(app.window.get(), Qt::Key_Tab);
    REQUIRE(app.find<QPushButton>("startRecording")->hasFocus());
    pressKey(app.window.get(), Qt::Key_Return);
    checked += checkNames(app, QStringLiteral("recordingPage"));
    // The consent question is the first thing to do: once both are in the picture its "yes"
    // has the focus, Space answers.
    CHECK_FALSE(app.find<QPushButton>("answerYes")->isEnabled());
    test::playClip(app.feed, 8, 16);
    REQUIRE(test::waitUntil([&] { return app.find<QPushButton>("answerYes")->hasFocus(); }));
    pressKey(app.window.get(), Qt::Key_Space);
    CHECK(app.window->session()->stepRun(0).answer == workflow::Answer::Yes);
    pressKey(app.window.get(), Qt::Key_A, Qt::AltModifier);
    REQUIRE(app.find<QWidget>("abortPanel")->isVisible());
    REQUIRE(app.find<QComboBox>("abortReason")->hasFocus());
    CHECK(app.find<QPushButton>("pauseResume")->isVisible());
    checked += checkNames(app, QStringLiteral("recordingPage"));
    typeText(app.window.get(), QStringLiteral("power cut"));
    pressKey(app.window.get(), Qt::Key_Tab);
    REQUIRE(app.find<QPushButton>("confirmAbort")->hasFocus());
    pressKey(app.window.get(), Qt::Key_Space);
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("endPage"));
    CHECK(app.window->session()->state() == workflow::SessionState::Aborted);
    checked += checkNames(app, QStringLiteral("endPage"));
    // "New recording" is focused: Enter checks again.
    REQUIRE(app.find<QPushButton>("newSession")->hasFocus());
    pressKey(app.window.get(), Qt::Key_Return);
    checked += checkNames(app, QStringLiteral("preflightPage"));

    test::click(app.find<QPushButton>("navScripts"));
    checked += checkNames(app, QStringLiteral("scriptBrowserPage"));

    // The supervisor's pages: history (with a session's details open) and settings.
    test::click(app.find<QPushButton>("navLogout"));
    signIn(app, QStringLiteral("chief"), kChiefPassword);
    checked += checkNames(app, QStringLiteral("historyPage"));
    auto *table = app.find<QTableWidget>("historyTable");
    REQUIRE(table->rowCount() >= 1);
    table->setCurrentCell(0, 0);
    app.awaitHistory();
    checked += checkNames(app, QStringLiteral("historyPage"));
    test::click(app.find<QPushButton>("navSettings"));
    checked += checkNames(app, QStringLiteral("settingsPage"));
    CHECK(checked >= 100);
}

TEST_CASE("the password is checked off the GUI thread and submits while it runs count nothing")
{
    const test::Language catalogue(QStringLiteral("zh_CN"));
    test::AppFixture app(QStringLiteral("zh_CN"));
    app.addUser(QStringLiteral("agent07"), QStringLiteral("Agent Seven"), storage::UserRole::Agent, kAgentPassword);
    app.openWindow();
    auto *page = app.find<ui::LoginPage>("loginPage");
    auto *login = app.find<QLineEdit>("loginName");
    auto *password = app.find<QLineEdit>("loginPassword");
    auto *submit = app.find<QPushButton>("loginButton");
    const auto idleText = submit->text();
    int signedIn = 0;
    QObject::connect(page, &ui::LoginPage::loggedIn, page, [&] { ++signedIn; });

    for (int attempt = 0; attempt < 2; ++attempt) {
        INFO("wrong password " << attempt);
        login->setText(QStringLiteral("agent07"));
        password->setText(QStringLiteral("wrong-password"));
        PoolHold hold; // the check cannot run until released
        test::click(submit);
        // The click returned and the event loop runs, yet no result: the check is elsewhere.
        REQUIRE(page->verifying());
        CHECK_FALSE(submit->isEnabled());
        CHECK(submit->text() == QStringLiteral("正在验证…"));
        CHECK_FALSE(spokenName(submit).isEmpty());
        bool timerFired = false;
        QTimer::singleShot(0, page, [&] { timerFired = true; });
        REQUIRE(waitUntil([&] { return timerFired; }));
        CHECK(page->verifying());
        // A second click and Enter in the password field do nothing while it runs.
        test::click(submit);
        password->setText(QStringLiteral("wrong-password"));
        password->setFocus();
        pressKey(password, Qt::Key_Return);
        CHECK(page->verifying());
        CHECK(app.find<QLabel>("loginMessage")->text().isEmpty());
        hold.release();
        app.awaitSignIn();
        CHECK(submit->isEnabled());
        CHECK(submit->text() == idleText);
        CHECK(app.find<QLabel>("loginMessage")->text().contains(QStringLiteral("错误")));
        CHECK(password->hasFocus());
    }
    CHECK(signedIn == 0);
    // Each attempt was counted once: two failures of five allowed.
    const auto next = app.journal->users().authenticate(QStringLiteral("agent07"), QStringLiteral("wrong-password"));
    REQUIRE(next.has_value());
    CHECK(next->result == storage::LoginResult::Rejected);
    CHECK(next->attemptsLeft == 2);
    const auto audit = app.journal->audit().entries();
    REQUIRE(audit.has_value());
    CHECK(std::count_if(audit->cbegin(), audit->cend(),
                        [](const auto &entry) { return entry.detail == QLatin1String("rejected"); })
          == 2);

    // The right password: the window moves on only when the check has ended.
    login->setText(QStringLiteral("agent07"));
    password->setText(kAgentPassword);
    {
        PoolHold hold;
        test::click(submit);
        REQUIRE(page->verifying());
        CHECK(app.window->currentPage() == page);
        CHECK(signedIn == 0);
    }
    app.awaitSignIn();
    CHECK(signedIn == 1);
    CHECK(app.window->currentPage()->objectName() == QLatin1String("preflightPage"));
}

TEST_CASE("the first account's password is hashed off the GUI thread")
{
    const test::Language catalogue(QStringLiteral("zh_CN"));
    test::AppFixture app(QStringLiteral("zh_CN"));
    app.openWindow();
    auto *page = app.find<ui::LoginPage>("loginPage");
    auto *submit = app.find<QPushButton>("loginButton");
    REQUIRE(page->firstRun());
    app.find<QLineEdit>("loginName")->setText(QStringLiteral("chief"));
    app.find<QLineEdit>("loginDisplayName")->setText(QStringLiteral("王主管"));
    app.find<QLineEdit>("loginPassword")->setText(kChiefPassword);
    app.find<QLineEdit>("loginRepeatPassword")->setText(kChiefPassword);
    {
        PoolHold hold;
        test::click(submit);
        REQUIRE(page->verifying());
        CHECK_FALSE(submit->isEnabled());
        CHECK(submit->text() == QStringLiteral("正在创建账号…"));
        test::click(submit); // does nothing: one account, not two attempts
        CHECK(*app.journal->users().count() == 0);
    }
    app.awaitSignIn();
    const auto users = app.journal->users().list();
    REQUIRE(users.has_value());
    REQUIRE(users->size() == 1);
    CHECK(users->first().role == storage::UserRole::Supervisor);
    CHECK_FALSE(page->firstRun());
    CHECK(app.find<QLabel>("loginMessage")->property("problem").toBool() == false);
    // The account works.
    app.find<QLineEdit>("loginPassword")->setText(kChiefPassword);
    test::click(submit);
    app.awaitSignIn();
    CHECK(app.window->currentPage()->objectName() == QLatin1String("historyPage"));
}

TEST_CASE("page text grows with the application font")
{
    const QFont original = QApplication::font();
    struct Sizes {
        double title = 0;
        double loginField = 0;
        double loginButton = 0;
        double banner = 0;
        double plainLabel = 0;
        double presenceBanner = 0;
        double nextStep = 0;
        double recordingTeleprompter = 0;
        double scriptTeleprompter = 0;
        int buttonHeight = 0;
    };
    auto measure = [&](double points) {
        QFont font = original;
        font.setPointSizeF(points);
        QApplication::setFont(font);
        test::AppFixture app(QStringLiteral("en"));
        app.addUser(QStringLiteral("agent01"), QStringLiteral("Agent"), storage::UserRole::Agent, kAgentPassword);
        app.openWindow();
        Sizes sizes;
        sizes.title = QFontInfo(app.find<QLabel>("loginTitle")->font()).pointSizeF();
        sizes.loginField = QFontInfo(app.find<QLineEdit>("loginName")->font()).pointSizeF();
        sizes.loginButton = QFontInfo(app.find<QPushButton>("loginButton")->font()).pointSizeF();
        sizes.banner = QFontInfo(app.find<QLabel>("banner")->font()).pointSizeF();
        sizes.plainLabel = QFontInfo(app.find<QLabel>("problemsLabel")->font()).pointSizeF();
        sizes.buttonHeight = app.find<QPushButton>("loginButton")->sizeHint().height();
        auto pointsOf = [](QWidget *page, const char *name) {
            auto *widget = page->findChild<QWidget *>(QLatin1String(name));
            INFO(name);
            REQUIRE(widget);
            return QFontInfo(widget->font()).pointSizeF();
        };
        ui::RecordingPage recording(app.clock, nullptr);
        sizes.presenceBanner = pointsOf(&recording, "presenceBanner");
        sizes.nextStep = pointsOf(&recording, "nextStep");
        sizes.recordingTeleprompter = pointsOf(&recording, "recordingTeleprompter");
        ui::ScriptBrowserPage scripts(app.library);
        sizes.scriptTeleprompter = pointsOf(&scripts, "teleprompter");
        return sizes;
    };
    const auto small = measure(10);
    const auto large = measure(20);
    QApplication::setFont(original);
    INFO("title " << small.title << " -> " << large.title << ", banner " << small.banner << " -> " << large.banner);
    // Twice the system font: every text about twice as big, the relative enlargements kept.
    for (const auto &[from, to] : {std::pair{small.title, large.title}, std::pair{small.loginField, large.loginField},
                                   std::pair{small.loginButton, large.loginButton}, std::pair{small.banner, large.banner},
                                   std::pair{small.plainLabel, large.plainLabel},
                                   std::pair{small.presenceBanner, large.presenceBanner},
                                   std::pair{small.nextStep, large.nextStep},
                                   std::pair{small.recordingTeleprompter, large.recordingTeleprompter},
                                   std::pair{small.scriptTeleprompter, large.scriptTeleprompter}}) {
        CHECK(from > 0);
        CHECK(to > from * 1.8);
        CHECK(to < from * 2.2);
    }
    CHECK(small.title > small.plainLabel * 1.5);
    CHECK(small.presenceBanner > small.plainLabel * 1.5);
    CHECK(small.recordingTeleprompter > small.plainLabel * 1.2);
    CHECK(large.buttonHeight > small.buttonHeight * 1.5);
}

TEST_CASE("an open window follows a change of the application font")
{
    const QFont original = QApplication::font();
    QFont font = original;
    font.setPointSizeF(10);
    QApplication::setFont(font);
    test::AppFixture app(QStringLiteral("en"));
    app.openWindow();
    auto *title = app.find<QLabel>("loginTitle");
    auto *banner = app.find<QLabel>("banner");
    // Sizes given in ems follow too: the sign-in box's width, the step list's height, the Next button's height.
    auto *box = app.find<QWidget>("loginBox");
    auto *steps = app.find<QWidget>("recordingSteps");
    auto *next = app.find<QWidget>("nextStep");
    const auto titleBefore = QFontInfo(title->font()).pointSizeF();
    const auto bannerBefore = QFontInfo(banner->font()).pointSizeF();
    const auto boxBefore = box->maximumWidth();
    const auto stepsBefore = steps->maximumHeight();
    const auto nextBefore = next->minimumHeight();
    font.setPointSizeF(15);
    QApplication::setFont(font);
    test::settle();
    const auto titleAfter = QFontInfo(title->font()).pointSizeF();
    const auto bannerAfter = QFontInfo(banner->font()).pointSizeF();
    const auto boxAfter = box->maximumWidth();
    const auto stepsAfter = steps->maximumHeight();
    const auto nextAfter = next->minimumHeight();
    QApplication::setFont(original);
    CHECK(titleAfter > titleBefore * 1.4);
    CHECK(bannerAfter > bannerBefore * 1.4);
    CHECK(title->font().bold()); // the heading stays a heading
    INFO("box " << boxBefore << " -> " << boxAfter << ", steps " << stepsBefore << " -> " << stepsAfter << ", next "
                << nextBefore << " -> " << nextAfter);
    CHECK(boxAfter > boxBefore * 1.3);
    CHECK(stepsAfter > stepsBefore * 1.3);
    CHECK(nextAfter > nextBefore * 1.3);
}
