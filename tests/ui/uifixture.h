#pragma once

// One running app in process: a real journal in a temporary folder, the shipped templates, a
// hand-moved clock, a live feed the test drives, and the main window.
#include "core/seal/oskeystore.h"
#include "core/storage/journal.h"
#include "core/vision/frameanalyzer.h"
#include "core/vision/videoframereader.h"
#include "core/workflow/residentid.h"
#include "core/workflow/templatelibrary.h"
#include "core/capture/filesource.h"
#include "core/live/livecapture.h"
#include "ui/capturefeed.h"
#include "ui/historypage.h"
#include "ui/livefeed.h"
#include "ui/loginpage.h"
#include "ui/mainwindow.h"
#include "ui/previewwidget.h"
#include "ui/voicebroadcast.h"

#include "tests/support/evidencetools.h"
#include "tests/support/testclock.h"
#include "tests/support/uidriver.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTranslator>

#include <catch2/catch_test_macros.hpp>

#include <opencv2/imgproc.hpp>

#include <memory>

namespace dualrec::test {

inline workflow::TemplateLibrary shippedLibrary()
{
    return workflow::TemplateLibrary::loadDirectories(
        {QStringLiteral(DUALREC_SOURCE_DIR "/resources/scripts"), QStringLiteral(DUALREC_SOURCE_DIR "/resources/rules")});
}

/// A valid resident ID number (checksum computed) of someone born on `birth`.
inline QString residentIdBornOn(QDate birth)
{
    const QString first17 = QStringLiteral("320102") + birth.toString(QStringLiteral("yyyyMMdd")) + QStringLiteral("123");
    return first17 + workflow::residentIdCheckCharacter(first17);
}

/// Installs the UI catalogue of `language` for the fixture's lifetime (English: none needed
/// beyond plurals, installed too).
class Language final
{
public:
    explicit Language(const QString &language)
    {
        if (m_translator.load(QStringLiteral(DUALREC_QM_DIR "/dualrec_%1.qm").arg(language)))
            QCoreApplication::installTranslator(&m_translator);
    }
    ~Language() { QCoreApplication::removeTranslator(&m_translator); }
    Q_DISABLE_COPY_MOVE(Language)

private:
    QTranslator m_translator;
};

/// Holds every thread of the global pool until release() or the end of the scope, so work
/// handed to the pool cannot start: what the GUI does meanwhile cannot depend on it. The
/// semaphores are shared with the pool's tasks, which may still be leaving acquire() when the
/// hold is gone.
class PoolHold final
{
public:
    PoolHold() : m_threads(QThreadPool::globalInstance()->maxThreadCount())
    {
        auto started = std::make_shared<QSemaphore>();
        for (int i = 0; i < m_threads; ++i) {
            QThreadPool::globalInstance()->start([started, gate = m_gate] {
                started->release();
                gate->acquire();
            });
        }
        started->acquire(m_threads);
    }
    ~PoolHold() { release(); }
    Q_DISABLE_COPY_MOVE(PoolHold)

    void release()
    {
        if (!m_released)
            m_gate->release(m_threads);
        m_released = true;
    }

private:
    int m_threads;
    std::shared_ptr<QSemaphore> m_gate = std::make_shared<QSemaphore>();
    bool m_released = false;
};

struct AppFixture {
    QTemporaryDir directory;
    ManualClock clock;
    /// The clock the journal, window and capture use: `clock`, or the system's for a live run.
    SystemClock systemClock;
    const Clock *activeClock = &clock;
    workflow::TemplateLibrary library = shippedLibrary();
    /// The data folder's device keys (owner-only files in <directory>/keys, as the app keeps
    /// them without a Secret Service): recordings, sidecars and snapshots are encrypted.
    std::shared_ptr<const seal::DeviceKeys> keys;
    std::unique_ptr<storage::Journal> journal;
    ui::LiveFeed feed;
    std::unique_ptr<SettingsStore> settings;
    /// The voice broadcast the window gets; openWindow() makes the platform's default one
    /// (speaking into the live capture's recording, if any) unless the test set one.
    std::unique_ptr<ui::VoiceBroadcast> voice;
    std::unique_ptr<ui::MainWindow> window;

    /// A live run: the real capture pipeline (file source, YuNet guard, recorder) into the window.
    std::unique_ptr<live::LiveCapture> capture;
    std::unique_ptr<ui::CaptureFeed> captureFeed;

    QString m_language;
    bool m_withFeed = true;

    enum class Time : quint8 { Invalid = 0, Manual, System };
    /// Where the device key lives: owner-only files (the default), or the OS key store (a
    /// Secret Service must answer: the tests tagged [.secretservice]).
    enum class Keys : quint8 { Invalid = 0, File, OsStore };

    /// The journal only; openWindow() starts the window (after adding accounts, if any).
    explicit AppFixture(const QString &language, bool withFeed = true, Time time = Time::Manual, Keys keyStore = Keys::File)
        : m_language(language), m_withFeed(withFeed)
    {
        if (time == Time::System)
            activeClock = &systemClock;
        REQUIRE(directory.isValid());
        if (keyStore == Keys::OsStore) {
            REQUIRE(seal::OsKeyStore::probe().has_value());
            seal::OsKeyStore store;
            auto opened = seal::DeviceKeys::open(directory.path(), store);
            REQUIRE(opened.has_value());
            keys = std::make_shared<const seal::DeviceKeys>(std::move(*opened));
        } else {
            keys = openTestKeys(directory.path(), directory.filePath(QStringLiteral("keys")));
        }
        storage::Journal::Options options;
        options.evidenceKeys = keys;
        options.accounts.hashIterations = 1000; // fast in tests; the format stores the count
        auto opened = storage::Journal::open(directory.path(), *activeClock, options);
        REQUIRE(opened.has_value());
        journal = std::move(*opened);
        settings = std::make_unique<SettingsStore>(directory.filePath(QStringLiteral("user.ini")),
                                                   directory.filePath(QStringLiteral("policy.ini")));
        // The institution the scripts name (branch IT sets it in the policy file).
        REQUIRE(settings->set(SettingKey::InstitutionName, QStringLiteral("华安示范人寿保险股份有限公司")).has_value());
        REQUIRE(settings->set(SettingKey::InstitutionShortName, QStringLiteral("华安人寿")).has_value());
    }

    ~AppFixture()
    {
        // The window may still finalize a recording from the capture: it goes first.
        window.reset();
        voice.reset(); // it speaks into the capture's mixer
        captureFeed.reset();
        capture.reset();
    }
    Q_DISABLE_COPY_MOVE(AppFixture)

    /// The shared two-party clip with a microphone: a 300 Hz tone at `volume` (the clip has no
    /// sound of its own), video copied. Written into the fixture's folder; returns its path.
    QString cameraClipWithTone(double volume) const
    {
        const auto clip = directory.filePath(QStringLiteral("camera.mp4"));
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"),
                     {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"),
                      QStringLiteral(DUALREC_SHARED_DIR "/assets/clips/two_party_gap_640x360_15fps.mp4"), QStringLiteral("-f"),
                      QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("sine=frequency=300:sample_rate=48000"),
                      QStringLiteral("-filter:a"), QStringLiteral("volume=%1").arg(volume), QStringLiteral("-shortest"),
                      QStringLiteral("-c:v"), QStringLiteral("copy"), QStringLiteral("-c:a"), QStringLiteral("aac"), clip});
        REQUIRE(ffmpeg.waitForFinished(60000));
        REQUIRE(ffmpeg.exitCode() == 0);
        return clip;
    }

    /// Plays `clip` in real time, looping, through the guard into the feed and (while a session
    /// records) the recorder, as the app does with `--source FILE`. Call before openWindow().
    void startLiveCapture(const QString &clip)
    {
        vision::AnalyzerConfig config;
        config.detector.yunetModelPath = QStringLiteral(DUALREC_SHARED_DIR "/assets/models/face_detection_yunet_2022mar.onnx");
        auto guard = vision::PresenceGuard::create(config);
        REQUIRE(guard.has_value());
        capture = std::make_unique<live::LiveCapture>(
            std::make_unique<capture::FileSource>(clip, capture::Pace::RealTime, *activeClock, true), std::move(*guard));
        captureFeed = std::make_unique<ui::CaptureFeed>(*capture, feed);
        REQUIRE(capture->start().has_value());
    }

    void openWindow()
    {
        const auto &language = m_language;
        const bool withFeed = m_withFeed;
        media::RecorderSettings recording;
        recording.encoder.width = 640;
        recording.encoder.height = 360;
        recording.encoder.framesPerSecond = 15;
        recording.encoder.softwarePreset = QStringLiteral("ultrafast");
        recording.encoder.hardware = media::HardwareEncoding::Off;
        recording.keys = keys;
        if (!voice)
            voice = std::make_unique<ui::VoiceBroadcast>(*activeClock, capture ? &capture->promptMixer() : nullptr,
                                                         ui::VoiceBroadcast::defaultEngine());
        window = std::make_unique<ui::MainWindow>(
            ui::UiServices{library, *journal, *activeClock, *settings, withFeed ? &feed : nullptr, capture.get(), recording,
                           voice.get()},
            // The source as the app names it (app/application.cpp), in the window's language.
            ui::ShellInfo{QCoreApplication::translate("dualrec::app::Application", "built-in demo source"), directory.path(),
                          language});
        window->resize(1280, 820);
        window->show();
        window->activateWindow();
        QApplication::setActiveWindow(window.get());
        settle();
    }

    template<typename T>
    T *find(const char *name) const
    {
        auto *widget = window->findChild<T *>(QLatin1String(name));
        INFO(name);
        REQUIRE(widget);
        return widget;
    }

    /// Waits until the sign-in's password check (it runs in the thread pool) has ended.
    void awaitSignIn() const
    {
        REQUIRE(waitUntil([this] { return !find<ui::LoginPage>("loginPage")->verifying(); }));
        settle();
        awaitHistory(); // a supervisor lands on the history, which queries in its worker
    }

    /// Waits until the history page has the answers to its queries (they run in a worker thread).
    void awaitHistory() const
    {
        if (auto *page = window->findChild<ui::HistoryPage *>(QStringLiteral("historyPage")))
            REQUIRE(waitUntil([page] { return !page->busy(); }, 60000));
        settle();
    }

    /// Fills in the sign-in form, clicks the button and waits for the password check (it runs
    /// in the thread pool: looking at the page before it ends is a race).
    void clickSignIn(const QString &login, const QString &password) const
    {
        find<QLineEdit>("loginName")->setText(login);
        find<QLineEdit>("loginPassword")->setText(password);
        click(find<QPushButton>("loginButton"));
        awaitSignIn();
    }

    /// Agents get a licence number (the scripts read it out) unless `licenceNo` says otherwise.
    void addUser(const QString &login, const QString &name, storage::UserRole role, const QString &password,
                 std::optional<QString> licenceNo = std::nullopt)
    {
        const QString licence = licenceNo.value_or(role == storage::UserRole::Agent ? kLicenceNo : QString());
        REQUIRE(journal->users().add(login, name, role, password, licence).has_value());
    }
    static inline const QString kLicenceNo = QStringLiteral("02000132010080020190012345");

    /// Saves a picture of the window under the build tree's test artefacts.
    void screenshot(const QString &name) const
    {
        settle();
        const auto path = QDir(QStringLiteral(DUALREC_TEST_OUTPUT_DIR)).filePath(name + QStringLiteral(".png"));
        REQUIRE(window->grab().toImage().save(path));
    }
};

/// Frames of the shared two-party clip with the guard's checks (YuNet, as the app runs it).
/// Pictures are kept for every 15th frame only (once a second), to keep memory small.
struct ClipFrame {
    vision::PresenceCheck check;
    QImage picture; ///< null except once a second
};

inline const std::vector<ClipFrame> &twoPartyClip()
{
    static const std::vector<ClipFrame> frames = [] {
        std::vector<ClipFrame> result;
        vision::AnalyzerConfig config;
        config.detector.yunetModelPath = QStringLiteral(DUALREC_SHARED_DIR "/assets/models/face_detection_yunet_2022mar.onnx");
        auto analyzer = vision::FrameAnalyzer::create(config);
        REQUIRE(analyzer.has_value());
        const auto info = vision::readVideoFrames(
            QStringLiteral(DUALREC_SHARED_DIR "/assets/clips/two_party_gap_640x360_15fps.mp4"),
            [&](const cv::Mat &bgr, std::chrono::nanoseconds timestamp) {
                ClipFrame frame{(*analyzer)->analyze(bgr, timestamp), {}};
                if (result.size() % 15 == 0) {
                    cv::Mat rgb;
                    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
                    frame.picture = QImage(rgb.data, rgb.cols, rgb.rows, int(rgb.step), QImage::Format_RGB888).copy();
                }
                result.push_back(std::move(frame));
                return true;
            });
        REQUIRE(info.has_value());
        return result;
    }();
    return frames;
}

/// Plays clip frames [from, to) into the feed: every check, and the pictures it has.
inline void playClip(ui::LiveFeed &feed, std::size_t from, std::size_t to)
{
    const auto &frames = twoPartyClip();
    for (auto i = from; i < std::min(to, frames.size()); ++i) {
        if (!frames[i].picture.isNull())
            Q_EMIT feed.frameReady(frames[i].picture, frames[i].check.faces);
        Q_EMIT feed.checked(frames[i].check);
    }
    settle();
}

/// The frame index at `seconds` into the 15 fps clip.
inline std::size_t clipFrameAt(double seconds)
{
    return std::size_t(seconds * 15);
}

/// From the products list (the one checked product's row had the focus): Tab into its premium,
/// payment method and payment period and fill them as on the application (12000 yuan a year for
/// 10 years). Ends in the payment period field; Tab goes on to Start.
inline void fillPayment(AppFixture &app)
{
    auto *window = app.window.get();
    pressKey(window, Qt::Key_Tab);
    auto *premium = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    REQUIRE(premium);
    REQUIRE(premium->objectName().startsWith(QLatin1String("premium-")));
    typeText(window, QStringLiteral("12000"));
    pressKey(window, Qt::Key_Tab);
    REQUIRE(QApplication::focusWidget()->objectName().startsWith(QLatin1String("paymentMethod-")));
    pressKey(window, Qt::Key_Down); // annual
    pressKey(window, Qt::Key_Tab);
    REQUIRE(QApplication::focusWidget()->objectName().startsWith(QLatin1String("paymentYears-")));
    typeText(window, QStringLiteral("10"));
}

/// Signs in with the keyboard: login, Tab, password, Enter; waits for the password check.
inline void signIn(AppFixture &app, const QString &login, const QString &password)
{
    auto *name = app.find<QLineEdit>("loginName");
    name->clear();
    name->setFocus();
    settle();
    typeText(name, login);
    pressKey(name, Qt::Key_Tab);
    REQUIRE(app.find<QLineEdit>("loginPassword")->hasFocus());
    typeText(name, password);
    pressKey(name, Qt::Key_Return);
    app.awaitSignIn();
}

/// The pre-flight page: before the feed has shown a picture and sound, the recording is refused
/// with the reason; once the clip's two faces and a microphone level arrive every check passes
/// (the temporary folder has room, the clock is plausible, no battery); Ctrl+Enter goes on.
inline void passPreflight(AppFixture &app, const QString &screenshot = {})
{
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("preflightPage"));
    auto *go = app.find<QPushButton>("preflightContinue");
    CHECK_FALSE(go->isEnabled());
    CHECK_FALSE(app.find<QLabel>("preflightReason")->text().isEmpty());
    playClip(app.feed, 0, 8);
    Q_EMIT app.feed.audioLevel(-18.0);
    REQUIRE(waitUntil([&] { return go->isEnabled(); }));
    CHECK(app.find<QLabel>("preflightReason")->text().isEmpty());
    // Source, disk, clock, power, light, framing (two faces) and microphone all pass.
    CHECK(app.find<QLabel>("preflightList")->text().count(QStringLiteral("✔")) == 7);
    CHECK(app.find<QProgressBar>("preflightMicrophoneMeter")->value() > 50);
    CHECK(app.window->findChild<ui::PreviewWidget *>(QStringLiteral("preflightPreview"))->faceCount() == 2);
    if (!screenshot.isEmpty())
        app.screenshot(screenshot);
    pressKey(go, Qt::Key_Return, Qt::ControlModifier);
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("newSessionPage"));
}

/// Fills the new-session form with the keyboard only: Tab from field to field.
inline void fillSaleForm(AppFixture &app, const QString &applicationNo, const QString &idNumber)
{
    auto *application = app.find<QLineEdit>("applicationNo");
    REQUIRE(application->hasFocus());
    typeText(application, applicationNo);
    pressKey(application, Qt::Key_Tab);
    typeText(application, QStringLiteral("王秀兰"));
    pressKey(application, Qt::Key_Tab);
    typeText(application, idNumber);
    pressKey(application, Qt::Key_Tab); // insured: the policyholder herself
    pressKey(application, Qt::Key_Tab);
    REQUIRE(app.find<QComboBox>("channel")->hasFocus());
    pressKey(application, Qt::Key_Down); // agency
    pressKey(application, Qt::Key_Tab);
    pressKey(application, Qt::Key_Tab); // where: national rules only
    auto *products = app.find<QListWidget>("products");
    REQUIRE(products->hasFocus());
    int traditional = -1;
    for (int row = 0; row < products->count(); ++row) {
        if (products->item(row)->data(Qt::UserRole).toString() == QLatin1String("traditional-life"))
            traditional = row;
    }
    REQUIRE(traditional >= 0);
    pressKey(products, Qt::Key_Home);
    for (int row = 0; row < traditional; ++row)
        pressKey(products, Qt::Key_Down);
    pressKey(products, Qt::Key_Space);
    REQUIRE(products->item(traditional)->checkState() == Qt::Checked);
    fillPayment(app);
}

} // namespace dualrec::test
