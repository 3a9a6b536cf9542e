// The window's failure page in zh_CN (issue 11: "no English error detail appears in a zh_CN
// screenshot of the failure pages"): the recording cannot start because the recordings folder
// cannot be made (a file stands where it should be). Driven through the real pipeline (the
// shared clip as the camera, YuNet, the recorder); the page is photographed with its message
// and its text has no English words and no key=value.
#include "ui/mainwindow.h"

#include "tests/ui/uifixture.h"

#include <QLibraryInfo>
#include <QMessageBox>
#include <QTranslator>
#include <QPainter>
#include <QRegularExpression>
#include <QTimer>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;

TEST_CASE("zh_CN: the recording cannot start, and the window says why in Chinese without English detail")
{
    const test::Language catalogue(QStringLiteral("zh_CN"));
    // Qt's own words (the message's buttons) in Chinese, as the app loads them.
    QTranslator qt;
    REQUIRE(qt.load(QLocale(QLocale::Chinese, QLocale::China), QStringLiteral("qtbase"), QStringLiteral("_"),
                    QLibraryInfo::path(QLibraryInfo::TranslationsPath)));
    QCoreApplication::installTranslator(&qt);
    struct Uninstall {
        QTranslator &translator;
        ~Uninstall() { QCoreApplication::removeTranslator(&translator); }
    } uninstall{qt};
    test::AppFixture app(QStringLiteral("zh_CN"), true, test::AppFixture::Time::System);
    app.addUser(QStringLiteral("agent09"), QStringLiteral("李晓"), storage::UserRole::Agent, QStringLiteral("agent-pass-9"));
    app.startLiveCapture(app.cameraClipWithTone(0.3));
    app.openWindow();
    test::signIn(app, QStringLiteral("agent09"), QStringLiteral("agent-pass-9"));
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("preflightPage"));
    auto *go = app.find<QPushButton>("preflightContinue");
    REQUIRE(test::waitUntil([&] { return go->isEnabled(); }, 30000));
    test::pressKey(go, Qt::Key_Return, Qt::ControlModifier);
    test::fillSaleForm(app, QStringLiteral("AP-FAIL-1"), test::residentIdBornOn(QDate(1990, 5, 17)));

    // Where the recordings go, a file stands: the recording cannot be opened.
    const QString recordings = app.directory.filePath(QStringLiteral("recordings"));
    REQUIRE(QDir(recordings).removeRecursively());
    {
        QFile blocker(recordings);
        REQUIRE(blocker.open(QIODevice::WriteOnly));
        blocker.write("not a folder");
    }

    // The message is modal: it is read, photographed over the window and closed from a timer.
    QString title;
    QString said;
    QStringList buttons;
    const auto shot = QDir(QStringLiteral(DUALREC_TEST_OUTPUT_DIR)).filePath(QStringLiteral("page-recording-cannot-start-zh_CN.png"));
    bool saved = false;
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || !box->isVisible())
            return;
        watch.stop();
        test::settle();
        title = box->windowTitle();
        said = box->text() + u'\n' + box->informativeText();
        for (auto *button : box->buttons())
            buttons.append(button->text());
        QImage picture = app.window->grab().toImage();
        QPainter painter(&picture);
        const QImage message = box->grab().toImage();
        const QPoint at = app.window->mapFromGlobal(box->mapToGlobal(QPoint(0, 0)));
        painter.drawImage(QRect(at, message.size() / message.devicePixelRatio()), message);
        painter.end();
        saved = picture.save(shot);
        box->reject();
    });
    watch.start(50);
    test::click(app.find<QPushButton>("startRecording"));
    REQUIRE(test::waitUntil([&] { return !said.isEmpty(); }, 60000));
    test::settle();
    CHECK(saved);

    INFO(title.toStdString() << "\n" << said.toStdString());
    CHECK(said.startsWith(QStringLiteral("无法开始录制。")));
    QString words = title + u'\n' + said + u'\n' + buttons.join(u'\n');
    words.remove(QDir::toNativeSeparators(recordings)).remove(QStringLiteral("DualRec"));
    CHECK_FALSE(words.contains(QRegularExpression(QStringLiteral("[A-Za-z]{3,}"))));
    CHECK_FALSE(words.contains(QRegularExpression(QStringLiteral(R"([A-Za-z_][\w-]*=\S)"))));
    CHECK_FALSE(words.contains(u'='));
    for (const auto &button : buttons) {
        INFO(button.toStdString());
        CHECK_FALSE(button.contains(QRegularExpression(QStringLiteral("[A-Za-z]{2,}")))); // not "OK"
    }
    // Nothing was recorded; the agent is back before the start, the file left as it was.
    CHECK(app.window->currentPage()->objectName() != QLatin1String("recordingPage"));
    CHECK(QFileInfo(recordings).isFile());
}
