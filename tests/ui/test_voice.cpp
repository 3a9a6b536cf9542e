// The voice broadcast on the recording page: it never endangers a recording (an engine that
// cannot start — Qt's speechd plugin without a running speech-dispatcher — is never called and
// the button says why), and the built-in Mandarin voice is heard on the loudspeaker and is in
// the recording itself.
#include "core/live/recordingrun.h"
#include "core/media/finalizer.h"
#include "ui/voicebroadcast.h"

#include "tests/support/pulseserver.h"
#include "tests/ui/uifixture.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

#include <cmath>
#include <cstring>

using namespace dualrec;
using namespace std::chrono_literals;
using test::click;
using test::pressKey;
using test::signIn;
using test::typeText;
using test::waitUntil;
using Voice = ui::VoiceBroadcast;

namespace {

const QString kAgentPassword = QStringLiteral("agent-pass-1");

/// Lets the event loop run for `ms` milliseconds.
void runFor(int ms)
{
    QElapsedTimer timer;
    timer.start();
    waitUntil([&] { return timer.elapsed() >= ms; }, ms + 1000);
}

/// Root-mean-square level of 16-bit mono samples [from, to) at `rate`.
double rms(const QByteArray &pcm, int rate, std::chrono::milliseconds from, std::chrono::milliseconds to)
{
    const auto first = std::max<qsizetype>(0, from.count() * rate / 1000);
    const auto last = std::min<qsizetype>(pcm.size() / 2, to.count() * rate / 1000);
    double sum = 0;
    for (auto i = first; i < last; ++i) {
        qint16 sample = 0;
        std::memcpy(&sample, pcm.constData() + i * 2, 2);
        sum += double(sample) * sample;
    }
    return last > first ? std::sqrt(sum / double(last - first)) : 0.0;
}

} // namespace

TEST_CASE("the voice broadcast never endangers a recording: F5 on every step with a broken and a working engine")
{
    const auto engine = GENERATE(as<QString>(), QStringLiteral("system:speechd"), QStringLiteral("builtin"));
    INFO(engine.toStdString());
    const bool builtin = engine == QLatin1String("builtin");
    test::PulseServer speaker; // a loudspeaker, before anything asks Qt for audio devices
    REQUIRE(speaker.error().isEmpty());
    const test::Language catalogue(QStringLiteral("zh_CN"));
    test::AppFixture app(QStringLiteral("zh_CN"));
    // No speech-dispatcher runs here: Qt's speechd plugin loads but cannot connect.
    app.voice = std::make_unique<Voice>(app.clock, nullptr, builtin ? Voice::Engine::BuiltIn : Voice::Engine::System,
                                        builtin ? QString() : QStringLiteral("speechd"));
    int clips = 0;
    QObject::connect(app.voice.get(), &Voice::clipReady, app.voice.get(), [&](const voice::PcmClip &clip) {
        CHECK(clip.duration() > 500ms);
        ++clips;
    });
    app.addUser(QStringLiteral("agent01"), QStringLiteral("李娜"), storage::UserRole::Agent, kAgentPassword);
    app.openWindow();
    signIn(app, QStringLiteral("agent01"), kAgentPassword);
    test::passPreflight(app);
    test::fillSaleForm(app, QStringLiteral("AP-VOICE-1"), test::residentIdBornOn(QDate(1980, 3, 4)));
    pressKey(app.find<QPushButton>("startRecording"), Qt::Key_Return, Qt::ControlModifier);
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("recordingPage"));
    auto *session = app.window->session();
    auto *play = app.find<QPushButton>("playPrompt");
    auto *problem = app.find<QLabel>("voiceProblem");
    auto *next = app.find<QPushButton>("nextStep");
    auto *yes = app.find<QPushButton>("answerYes");
    auto *snapshot = app.find<QPushButton>("snapshotTaken");
    REQUIRE(waitUntil([&] { return app.voice->state() != Voice::State::Starting; }, 20000));
    test::settle();
    if (builtin) {
        CHECK(app.voice->state() == Voice::State::Ready);
        CHECK(play->isEnabled());
        CHECK(problem->isHidden());
    } else {
        // Unavailable, with the reason next to the button in Chinese; the button is off.
        CHECK(app.voice->state() == Voice::State::Unavailable);
        CHECK_FALSE(play->isEnabled());
        CHECK(problem->isVisible());
        CHECK(problem->text().contains(QStringLiteral("语音")));
        CHECK(problem->text().contains(QStringLiteral("。")));
        CHECK_FALSE(play->toolTip().isEmpty());
        app.screenshot(QStringLiteral("page-recording-voice-unavailable-zh_CN"));
    }

    test::playClip(app.feed, 0, test::clipFrameAt(4.0));
    REQUIRE(waitUntil([&] { return session->presence().agent && session->presence().policyholder; }));
    const auto &steps = session->plan().steps();
    for (qsizetype index = 0; index < steps.size(); ++index) {
        INFO("step " << index);
        REQUIRE(session->currentStep() == index);
        pressKey(play, Qt::Key_F5);
        if (builtin) {
            // The step's text is spoken: the loudspeaker plays one stream; F5 again would stop it.
            REQUIRE(waitUntil([&] { return app.voice->state() == Voice::State::Speaking; }, 30000));
            CHECK(speaker.playingStreams() == 1);
            CHECK(play->text().contains(QStringLiteral("停止")));
        } else {
            CHECK(app.voice->state() == Voice::State::Unavailable);
        }
        const auto &requirements = steps.at(index).definition.requirements;
        if (requirements.answerRequired && session->stepRun(index).answer != workflow::Answer::Yes)
            pressKey(yes, Qt::Key_Y, Qt::AltModifier);
        if (requirements.closeUp != workflow::CloseUp::None)
            pressKey(snapshot, Qt::Key_T, Qt::AltModifier);
        app.clock.advance(requirements.minDuration + 1s);
        REQUIRE(waitUntil([&] { return next->isEnabled(); }));
        pressKey(next, Qt::Key_Return, Qt::ControlModifier);
        // The next step does not inherit the last one's prompt.
        if (builtin && index + 1 < steps.size())
            CHECK(app.voice->state() == Voice::State::Ready);
    }
    REQUIRE(waitUntil([&] { return app.window->currentPage()->objectName() == QLatin1String("endPage"); }));
    CHECK(session->state() == workflow::SessionState::Finished);
    CHECK(clips == (builtin ? steps.size() : 0));
}

TEST_CASE("the prompt read aloud is in the recording: its sound rises while the prompt plays")
{
    test::PulseServer speaker;
    REQUIRE(speaker.error().isEmpty());
    const test::Language catalogue(QStringLiteral("zh_CN"));
    test::AppFixture app(QStringLiteral("zh_CN"), true, test::AppFixture::Time::System);
    app.addUser(QStringLiteral("agent07"), QStringLiteral("Agent Seven"), storage::UserRole::Agent, kAgentPassword);
    // The camera: the two-party clip with a quiet microphone (a faint tone).
    const auto clip = app.cameraClipWithTone(0.02);
    app.startLiveCapture(clip);
    app.openWindow(); // the default voice: built in, speaking into the capture's recording
    REQUIRE(app.voice->mixesIntoRecording());
    signIn(app, QStringLiteral("agent07"), kAgentPassword);
    auto *go = app.find<QPushButton>("preflightContinue");
    REQUIRE(waitUntil([&] { return go->isEnabled(); }, 20000));
    pressKey(go, Qt::Key_Return, Qt::ControlModifier);
    test::fillSaleForm(app, QStringLiteral("AP-VOICE-LIVE"), test::residentIdBornOn(QDate(1990, 5, 17)));
    click(app.find<QPushButton>("startRecording"));
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("recordingPage"));
    auto *run = app.window->recordingRun();
    REQUIRE(run);
    const auto id = app.window->session()->id();
    REQUIRE(waitUntil([&] { return app.voice->state() == Voice::State::Ready; }, 20000));
    runFor(2500); // the quiet microphone alone

    auto *play = app.find<QPushButton>("playPrompt");
    pressKey(play, Qt::Key_F5);
    REQUIRE(waitUntil([&] { return app.voice->state() == Voice::State::Speaking; }, 30000));
    const auto from = run->timelineNow();
    CHECK(speaker.playingStreams() == 1);
    runFor(3000);
    REQUIRE(app.voice->state() == Voice::State::Speaking); // the consent prompt is longer than 3 s
    pressKey(play, Qt::Key_F5); // stops it
    CHECK(app.voice->state() == Voice::State::Ready);
    const auto to = run->timelineNow();
    runFor(2000);

    click(app.find<QPushButton>("abortSession"));
    typeText(app.find<QComboBox>("abortReason"), QStringLiteral("voice test"));
    click(app.find<QPushButton>("confirmAbort"));
    REQUIRE(waitUntil([&] { return app.window->currentPage()->objectName() == QLatin1String("endPage"); }, 60000));

    QString recording;
    const auto files = app.journal->sessions().mediaFiles(id);
    REQUIRE(files.has_value());
    for (const auto &file : *files)
        if (file.role == storage::MediaRole::Recording)
            recording = file.path;
    REQUIRE_FALSE(recording.isEmpty());
    // Encrypted at rest: ffmpeg gets a copy decrypted into the test's own folder.
    CHECK(seal::looksEncrypted(recording));
    const QTemporaryDir decrypted;
    recording = test::decryptTo(recording, *app.keys, decrypted.filePath(QStringLiteral("plain.mp4")));
    QProcess decode;
    decode.start(QStringLiteral("ffmpeg"), {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), recording,
                                            QStringLiteral("-map"), QStringLiteral("0:a:0"), QStringLiteral("-ac"), QStringLiteral("1"),
                                            QStringLiteral("-ar"), QStringLiteral("8000"), QStringLiteral("-f"), QStringLiteral("s16le"),
                                            QStringLiteral("-")});
    REQUIRE(decode.waitForFinished(60000));
    REQUIRE(decode.exitCode() == 0);
    const auto pcm = decode.readAllStandardOutput();
    const auto before = rms(pcm, 8000, from - 2000ms, from - 300ms);
    const auto during = rms(pcm, 8000, from + 300ms, to - 300ms);
    const auto after = rms(pcm, 8000, to + 300ms, to + 1500ms);
    INFO("rms before " << before << " during " << during << " after " << after);
    CHECK(before > 0.0);       // the microphone is there
    CHECK(during > 4 * before); // the prompt is in the recording (+12 dB at least)
    CHECK(after < 2 * before);  // and stops with the prompt
}
