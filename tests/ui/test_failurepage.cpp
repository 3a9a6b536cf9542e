// The window's failure pages in zh_CN (issue 11: "no English error detail appears in a zh_CN
// screenshot of the failure pages"), each reached through a real cause and photographed:
//  - the recording cannot start (a file stands where the recordings folder should be),
//  - the disk fills up while recording (the recordings folder is a small tmpfs, shrunk to what
//    it holds once the recording runs),
//  - the camera is unplugged during a recording (the camera stops delivering pictures and says
//    "camera unplugged", as the camera source does),
//  - the journal cannot be opened (the journal file is write-protected: chattr +i): the real
//    dualrec binary on a private X server.
// Driven through the real pipeline (the shared clip as the camera, YuNet, the recorder). The
// text a person sees is Chinese, says what happened and what to do, has no English word and no
// key=value; the English detail goes to the log (and the journal, where it is open).
#include "core/live/recordingrun.h"
#include "core/workflow/workflowsession.h"
#include "ui/datafolderproblem.h"
#include "ui/mainwindow.h"

#include "tests/support/imagechecks.h"
#include "tests/support/logcapture.h"
#include "tests/support/xvfbserver.h"
#include "tests/ui/uifixture.h"

#include <QAbstractButton>
#include <QElapsedTimer>
#include <QThread>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QPainter>
#include <QRegularExpression>
#include <QStorageInfo>
#include <QTableWidget>
#include <QTextDocumentFragment>
#include <QTimer>
#include <QTranslator>

#include <catch2/catch_test_macros.hpp>

#include <atomic>

#include <unistd.h>

using namespace dualrec;

namespace {

/// Qt's own words (message buttons) in Chinese, as the app loads them, for the scope.
class QtChinese final
{
public:
    QtChinese()
    {
        REQUIRE(m_qt.load(QLocale(QLocale::Chinese, QLocale::China), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)));
        QCoreApplication::installTranslator(&m_qt);
    }
    ~QtChinese() { QCoreApplication::removeTranslator(&m_qt); }
    Q_DISABLE_COPY_MOVE(QtChinese)

private:
    QTranslator m_qt;
};

/// Plain text of a label (rich text without its tags).
QString plain(const QString &text)
{
    return Qt::mightBeRichText(text) ? QTextDocumentFragment::fromHtml(text).toPlainText() : text;
}

/// Every text a person sees in `root` now: visible labels, buttons and table cells.
QString visibleText(QWidget *root)
{
    QStringList texts;
    for (auto *label : root->findChildren<QLabel *>()) {
        if (label->isVisibleTo(root) && !label->text().isEmpty())
            texts.append(plain(label->text()));
    }
    for (auto *button : root->findChildren<QAbstractButton *>()) {
        if (button->isVisibleTo(root) && !button->text().isEmpty())
            texts.append(button->text());
    }
    for (auto *table : root->findChildren<QTableWidget *>()) {
        if (!table->isVisibleTo(root))
            continue;
        for (int row = 0; row < table->rowCount(); ++row) {
            for (int column = 0; column < table->columnCount(); ++column) {
                if (const auto *item = table->item(row, column))
                    texts.append(item->text());
            }
        }
    }
    return texts.join(u'\n');
}

/// The text has no English word (four letters or more) once the allowed names (paths, the
/// program's name, the application number) are taken out, and no key=value.
void checkNoEnglish(QString words, const QStringList &allowed)
{
    for (const auto &name : allowed)
        words.remove(name);
    words.remove(QStringLiteral("DualRec"));
    words.remove(QStringLiteral("demo")); // the fixture's name of the video source in the status bar
    words.remove(QStringLiteral("Ctrl+Enter")); // a key's name, as on the keyboard
    static const QRegularExpression english(QStringLiteral("[A-Za-z]{4,}"));
    const auto found = english.match(words);
    INFO("English in: " << words.toStdString());
    CHECK_FALSE(found.hasMatch());
    CHECK_FALSE(words.contains(QRegularExpression(QStringLiteral(R"([A-Za-z_][\w-]*=\S)"))));
}

/// A tmpfs mounted at `path` (created), lazily unmounted at the end of the scope, so that
/// whatever still holds a file there cannot keep it. Needs root (CI runs as root).
class SmallDisk final
{
public:
    explicit SmallDisk(const QString &path) : m_path(path)
    {
        QDir().mkpath(path);
        m_mounted = runTool(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                                      QStringLiteral("size=2g,mode=0700"), QStringLiteral("tmpfs"), path});
    }
    ~SmallDisk()
    {
        if (m_mounted)
            runTool(QStringLiteral("umount"), {QStringLiteral("-l"), m_path});
    }
    Q_DISABLE_COPY_MOVE(SmallDisk)

    [[nodiscard]] bool mounted() const { return m_mounted; }
    /// Shrinks the file system to what it holds now plus `room` bytes: the next writes fill it.
    [[nodiscard]] bool shrinkTo(qint64 room) const
    {
        for (int attempt = 0; attempt < 20; ++attempt) {
            QStorageInfo disk(m_path);
            disk.refresh();
            const qint64 used = disk.bytesTotal() - disk.bytesFree();
            if (runTool(QStringLiteral("mount"), {QStringLiteral("-o"), QStringLiteral("remount,size=%1k").arg((used + room) / 1024 + 1),
                                                  m_path}))
                return true;
        }
        return false;
    }

private:
    static bool runTool(const QString &tool, const QStringList &arguments)
    {
        QProcess process;
        process.start(tool, arguments);
        return process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }
    QString m_path;
    bool m_mounted = false;
};

/// A camera that can be unplugged: the shared clip as the pictures and the microphone; after
/// unplug() no picture comes any more and the sink hears "camera unplugged" (VideoLost), as
/// capture::CameraSource says it when the device is gone (the microphone goes on). Everything
/// is delivered from the clip's own thread, in order.
class UnpluggableCamera final : public capture::CaptureSource, private capture::CaptureSink
{
public:
    UnpluggableCamera(std::unique_ptr<capture::CaptureSource> inner, const Clock &clock) : m_inner(std::move(inner)), m_clock(clock) {}
    Result<void> start(capture::CaptureSink &sink) override
    {
        m_sink = &sink;
        return m_inner->start(*this);
    }
    void stop() override { m_inner->stop(); }
    [[nodiscard]] QString description() const override { return m_inner->description(); }
    void unplug() { m_unplugged = true; }
    [[nodiscard]] bool unplugSaid() const { return m_said; }

private:
    void deliverVideo(capture::VideoFrame frame) override
    {
        if (!m_unplugged) {
            m_sink->deliverVideo(std::move(frame));
            return;
        }
        if (!m_said.exchange(true))
            m_sink->deliverEvent({capture::SourceEventType::VideoLost, m_clock.monotonicNow(), QStringLiteral("camera unplugged")});
    }
    void deliverAudio(capture::AudioChunk chunk) override { m_sink->deliverAudio(std::move(chunk)); }
    void deliverEvent(capture::SourceEvent event) override { m_sink->deliverEvent(std::move(event)); }
    void awaitCapacity(const std::stop_token &stop) override { m_sink->awaitCapacity(stop); }

    std::unique_ptr<capture::CaptureSource> m_inner;
    const Clock &m_clock;
    capture::CaptureSink *m_sink = nullptr;
    std::atomic<bool> m_unplugged{false};
    std::atomic<bool> m_said{false};
};

/// Signs the agent in, passes the pre-flight with the live clip and fills the sale form.
void readyToRecord(test::AppFixture &app, const QString &applicationNo)
{
    app.addUser(QStringLiteral("agent09"), QStringLiteral("李晓"), storage::UserRole::Agent, QStringLiteral("agent-pass-9"));
    app.openWindow();
    test::signIn(app, QStringLiteral("agent09"), QStringLiteral("agent-pass-9"));
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("preflightPage"));
    auto *go = app.find<QPushButton>("preflightContinue");
    REQUIRE(test::waitUntil([&] { return go->isEnabled(); }, 30000));
    test::pressKey(go, Qt::Key_Return, Qt::ControlModifier);
    test::fillSaleForm(app, applicationNo, test::residentIdBornOn(QDate(1990, 5, 17)));
}

/// Starts the recording and waits until the recorder has written pictures.
void startRecording(test::AppFixture &app)
{
    test::click(app.find<QPushButton>("startRecording"));
    REQUIRE(test::waitUntil([&] { return app.window->currentPage()->objectName() == QLatin1String("recordingPage"); }, 60000));
    REQUIRE(test::waitUntil([&] {
        const auto *run = app.window->recordingRun();
        return run && run->recorder().statistics().framesEncoded > 15;
    }, 60000));
}

QString outputPath(const QString &name)
{
    return QDir(QStringLiteral(DUALREC_TEST_OUTPUT_DIR)).filePath(name);
}

} // namespace

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
    const QString folder = QDir::toNativeSeparators(app.directory.path());
    CHECK(said.contains(folder)); // where reading or writing failed
    QString words = title + u'\n' + said + u'\n' + buttons.join(u'\n');
    words.remove(QDir::toNativeSeparators(recordings)).remove(folder).remove(QStringLiteral("DualRec"));
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


TEST_CASE("zh_CN: the disk fills up while recording, and the end page says so in Chinese and what to do")
{
    if (geteuid() != 0)
        SKIP("needs root to mount a small tmpfs (CI runs as root)");
    const test::Language catalogue(QStringLiteral("zh_CN"));
    const QtChinese qt;
    const test::LogCapture log;
    test::AppFixture app(QStringLiteral("zh_CN"), true, test::AppFixture::Time::System);
    const QString recordings = app.directory.filePath(QStringLiteral("recordings"));
    const SmallDisk disk(recordings); // unmounted before the fixture's folder goes
    REQUIRE(disk.mounted());
    app.startLiveCapture(app.cameraClipWithTone(0.3));
    readyToRecord(app, QStringLiteral("AP-FULL-1"));
    startRecording(app);
    const auto id = app.window->session()->id();
    const QString kept = QDir::toNativeSeparators(app.window->recordingRun()->fragmentedPath());

    // Another program takes the rest of the disk: the file system holds what it has, and a little.
    REQUIRE(disk.shrinkTo(64 * 1024));
    REQUIRE(test::waitUntil([&] { return app.window->currentPage()->objectName() == QLatin1String("endPage"); }, 120000));
    test::settle();
    REQUIRE(app.window->session()->state() == workflow::SessionState::Failed);
    app.screenshot(QStringLiteral("page-disk-full-zh_CN"));

    const QString outcome = app.find<QLabel>("endOutcome")->text();
    INFO(outcome.toStdString());
    CHECK(outcome.contains(QStringLiteral("磁盘已满")));           // what happened
    CHECK(outcome.contains(QStringLiteral("释放")));               // what to do: free space
    CHECK(outcome.contains(QStringLiteral("重新录制")));           // ... and record again
    CHECK(outcome.contains(kept));                                 // where the recording so far is
    const QString seen = visibleText(app.window.get()) + u'\n' + outcome;
    checkNoEnglish(seen, {kept, QDir::toNativeSeparators(recordings), QDir::toNativeSeparators(app.directory.path()),
                          QStringLiteral("AP-FULL-1")});
    CHECK_FALSE(seen.contains(QStringLiteral("space"), Qt::CaseInsensitive));

    // The English detail: in the log, and in the journal's session events (the failure's reason).
    const QString logged = log.text();
    INFO(logged.toStdString());
    CHECK(logged.contains(QLatin1String("dualrec.error disk-full")));
    auto events = app.journal->sessions().events(id);
    REQUIRE(events.has_value());
    REQUIRE_FALSE(events->isEmpty());
    const auto failed = std::ranges::find_if(*events, [](const workflow::SessionEvent &event) {
        return event.type == workflow::SessionEventType::StateChanged && event.to == workflow::SessionState::Failed;
    });
    REQUIRE(failed != events->end());
    INFO(failed->detail.toStdString());
    CHECK(failed->detail.contains(QLatin1String("recording failed")));
}

TEST_CASE("zh_CN: the camera is unplugged during a recording, and the page says so in Chinese and what to do")
{
    const test::Language catalogue(QStringLiteral("zh_CN"));
    const QtChinese qt;
    test::AppFixture app(QStringLiteral("zh_CN"), true, test::AppFixture::Time::System);
    // The live pipeline of AppFixture::startLiveCapture with a camera that can be unplugged.
    vision::AnalyzerConfig config;
    config.detector.yunetModelPath = QStringLiteral(DUALREC_SHARED_DIR "/assets/models/face_detection_yunet_2022mar.onnx");
    auto guard = vision::PresenceGuard::create(config);
    REQUIRE(guard.has_value());
    auto camera = std::make_unique<UnpluggableCamera>(
        std::make_unique<capture::FileSource>(app.cameraClipWithTone(0.3), capture::Pace::RealTime, *app.activeClock, true),
        *app.activeClock);
    auto *cable = camera.get();
    app.capture = std::make_unique<live::LiveCapture>(std::move(camera), std::move(*guard));
    app.captureFeed = std::make_unique<ui::CaptureFeed>(*app.capture, app.feed);
    REQUIRE(app.capture->start().has_value());
    readyToRecord(app, QStringLiteral("AP-CAM-1"));
    startRecording(app);

    cable->unplug();
    REQUIRE(test::waitUntil([&] { return cable->unplugSaid(); }, 30000));
    REQUIRE(test::waitUntil([&] { return app.window->session()->state() == workflow::SessionState::Paused; }, 30000));
    auto *problem = app.find<QLabel>("journalProblem");
    REQUIRE(test::waitUntil([&] { return !problem->text().isEmpty(); }, 30000));
    test::settle();
    CHECK(app.window->currentPage()->objectName() == QLatin1String("recordingPage"));
    app.screenshot(QStringLiteral("page-camera-lost-zh_CN"));

    const QString said = problem->text();
    INFO(said.toStdString());
    CHECK(said.contains(QStringLiteral("摄像头")));  // what happened
    CHECK(said.contains(QStringLiteral("暂停")));
    CHECK(said.contains(QStringLiteral("连接")));    // what to do: plug it in again
    CHECK(said.contains(QStringLiteral("中止")));    // ... or abort when it does not come back
    const QString seen = visibleText(app.window.get()) + u'\n' + said;
    checkNoEnglish(seen, {QDir::toNativeSeparators(app.directory.path()), QStringLiteral("AP-CAM-1")});
    CHECK_FALSE(seen.contains(QStringLiteral("unplugged")));

    // The English detail is in the recording's continuity log (the sidecar and manifest carry it).
    bool logged = false;
    for (const auto &gap : app.window->recordingRun()->recorder().continuity().gaps())
        logged = logged || (gap.reason == media::GapReason::VideoLost && gap.detail == QLatin1String("camera unplugged"));
    CHECK(logged);
}

TEST_CASE("zh_CN: the journal cannot be opened, and the box says so in Chinese, names the folder and what to do")
{
    const test::Language catalogue(QStringLiteral("zh_CN"));
    QTemporaryDir folder;
    const auto journalFile = storage::Journal::databasePath(folder.path());
    {
        test::ManualClock clock;
        storage::Journal::Options options;
        options.evidenceKeys = test::openTestKeys(folder.path(), QDir(folder.path()).filePath(QStringLiteral("keys")));
        options.accounts.hashIterations = 1000;
        auto journal = storage::Journal::open(folder.path(), clock, options);
        REQUIRE(journal.has_value());
        REQUIRE((*journal)->users().add(QStringLiteral("chief"), QStringLiteral("王主管"), storage::UserRole::Supervisor,
                                        QStringLiteral("chief-password"), QString())
                    .has_value());
    }
    // Write-protected (the immutable attribute holds for root too): it can be read, not written.
    QProcess chattr;
    chattr.start(QStringLiteral("chattr"), {QStringLiteral("+i"), journalFile});
    REQUIRE(chattr.waitForFinished(10000));
    if (chattr.exitCode() != 0)
        SKIP("the file system of the temporary folder has no immutable attribute");
    struct Unprotect {
        QString path;
        ~Unprotect() { QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), path}); }
    } unprotect{journalFile};

    test::ManualClock clock;
    storage::Journal::Options options;
    options.evidenceKeys = test::openTestKeys(folder.path(), QDir(folder.path()).filePath(QStringLiteral("keys")));
    const auto opened = storage::Journal::open(folder.path(), clock, options);
    REQUIRE_FALSE(opened.has_value());
    const Error error = opened.error();
    INFO(error.toString().toStdString());

    {
        ui::DataFolderProblemBox box(ui::DataFolderPart::Journal, folder.path(), error);
        box.show();
        test::settle();
        const QString said = box.windowTitle() + u'\n' + box.text() + u'\n' + box.informativeText();
        INFO(said.toStdString());
        CHECK(said.contains(QStringLiteral("日志")));
        CHECK(said.contains(QDir::toNativeSeparators(folder.path())));   // which folder
        CHECK(said.contains(QStringLiteral("没有更改")));                // nothing was lost
        CHECK(said.contains(QStringLiteral("技术支持")));                // who helps
        checkNoEnglish(said, {QDir::toNativeSeparators(folder.path())});
        CHECK(box.detailedText() == error.detail); // the English, for IT, behind "Show Details…"
        CHECK(box.standardButtons() == QMessageBox::Close);
    }

    // The real program: instead of its window it shows the box; the detail goes to its log.
    test::XvfbServer x;
    INFO(x.error().toStdString());
    REQUIRE_FALSE(x.display().isEmpty());
    QTemporaryDir home;
    auto environment = x.appEnvironment(home.path());
    QProcess program;
    program.setProcessEnvironment(environment);
    program.start(QStringLiteral(DUALREC_BINARY), {QStringLiteral("--source"), QStringLiteral("demo"), QStringLiteral("--data-dir"),
                                                  folder.path(), QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    REQUIRE(program.waitForStarted(10000));
    QElapsedTimer timer;
    timer.start();
    const QString tree = x.waitForWindow({QStringLiteral("DualRec 无法打开日志库")}, program);
    INFO(tree.toStdString());
    REQUIRE(tree.contains(QStringLiteral("DualRec 无法打开日志库")));
    CHECK_FALSE(tree.contains(QStringLiteral("保险销售录音录像"))); // no main window behind it
    CHECK(test::distinctColours(test::screenshotWhenPainted(x, outputPath(QStringLiteral("app-journal-unavailable-zh_CN.png")), 20)) > 20);
    CHECK(program.state() == QProcess::Running); // the box waits for the person
    QString err;
    // The detail as the program has it (SQLite's words; Qt's own part of it is translated).
    const QString sqlite = QStringLiteral("attempt to write a readonly database");
    REQUIRE(error.detail.contains(sqlite));
    while (!err.contains(sqlite) && timer.elapsed() < 90000) {
        program.waitForReadyRead(200);
        err += QString::fromUtf8(program.readAllStandardError());
    }
    INFO(err.toStdString());
    CHECK(err.contains(sqlite));
    CHECK(err.contains(QDir::toNativeSeparators(folder.path())));
    program.terminate();
    program.waitForFinished(10000);
}
