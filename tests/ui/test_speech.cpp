// The speech check in the window, end to end: the shared two-party clip plays as the camera with
// a made-up microphone track (a steady tone: no speech; then 6 s of silence; then a tone driven
// far past full scale), through the real capture, speech monitor and recording page.
#include "core/live/recordingrun.h"
#include "core/live/sessioncontroller.h"
#include "tests/ui/uifixture.h"

#include <QComboBox>
#include <QLabel>
#include <QProcess>
#include <QPushButton>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;
using test::click;
using test::fillSaleForm;
using test::pressKey;
using test::signIn;
using test::typeText;
using test::waitUntil;

namespace {

const QString kAgentPassword = QStringLiteral("agent-pass-1");

/// 60 s: the clip three times; the sound a 300 Hz tone at -10 dBFS for 40 s (steady: not
/// speech), silence from 40 to 46 s, then the tone 12 dB over full scale (clipped) to the end.
QString clipWithMicrophoneTrack(const test::AppFixture &app)
{
    const auto clip = app.directory.filePath(QStringLiteral("camera-speech.mp4"));
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
                 {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-stream_loop"), QStringLiteral("2"),
                  QStringLiteral("-i"), QStringLiteral(DUALREC_SHARED_DIR "/assets/clips/two_party_gap_640x360_15fps.mp4"),
                  QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                  QStringLiteral("aevalsrc=exprs='if(lt(t,40),0.3*sin(2*PI*300*t),if(lt(t,46),0,4*sin(2*PI*300*t)))'"
                                 ":sample_rate=48000:duration=60"),
                  QStringLiteral("-map"), QStringLiteral("0:v"), QStringLiteral("-map"), QStringLiteral("1:a"),
                  QStringLiteral("-shortest"), QStringLiteral("-c:v"), QStringLiteral("copy"), QStringLiteral("-c:a"),
                  QStringLiteral("aac"), clip});
    REQUIRE(ffmpeg.waitForFinished(60000));
    INFO(ffmpeg.readAllStandardError().toStdString());
    REQUIRE(ffmpeg.exitCode() == 0);
    return clip;
}

} // namespace

TEST_CASE("an answer step hints calmly while nobody has been heard, and the microphone warnings come and go")
{
    const test::Language catalogue(QStringLiteral("zh_CN"));
    test::AppFixture app(QStringLiteral("zh_CN"), true, test::AppFixture::Time::System);
    app.addUser(QStringLiteral("agent07"), QStringLiteral("Agent Seven"), storage::UserRole::Agent, kAgentPassword);
    REQUIRE(app.settings->set(SettingKey::MicrophoneQuietSeconds, 3).has_value());
    app.startLiveCapture(clipWithMicrophoneTrack(app));
    app.openWindow();
    signIn(app, QStringLiteral("agent07"), kAgentPassword);
    auto *go = app.find<QPushButton>("preflightContinue");
    REQUIRE(waitUntil([&] { return go->isEnabled(); }, 20000));
    pressKey(go, Qt::Key_Return, Qt::ControlModifier);
    fillSaleForm(app, QStringLiteral("AP-SPEECH-1"), test::residentIdBornOn(QDate(1990, 5, 17)));
    click(app.find<QPushButton>("startRecording"));
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("recordingPage"));
    auto *session = app.window->session();
    REQUIRE(session->plan().steps().at(0).definition.requirements.answerRequired);
    const auto id = session->id();

    // The consent step asks an answer; the steady tone is nobody speaking: a calm hint, in Chinese.
    auto *hint = app.find<QLabel>("answerHint");
    auto *yes = app.find<QPushButton>("answerYes");
    REQUIRE(waitUntil([&] { return hint->isVisible(); }, 15000));
    CHECK(hint->text() == QStringLiteral("还没有听到客户的回答。请客户亲口作答；按钮仍可照常使用。"));
    CHECK(yes->toolTip().contains(hint->text()));
    // It never decides for the agent: "yes" counts as soon as both are in the picture.
    REQUIRE(waitUntil([&] { return session->presenceMet(); }, 20000));
    test::settle();
    CHECK(yes->isEnabled());
    CHECK(hint->isVisible());
    app.screenshot(QStringLiteral("page-recording-no-answer-heard-zh_CN"));

    // 40 s in, the microphone goes silent: after 3 s the page says so, calmly ...
    auto *microphone = app.find<QLabel>("microphoneWarning");
    const auto says = [&](const QString &text) { return microphone->isVisible() && microphone->text().contains(text); };
    REQUIRE(waitUntil([&] { return says(QStringLiteral("麦克风已有 3 秒几乎没有收到声音")); }, 60000));
    CHECK_FALSE(microphone->text().contains(QStringLiteral("失真")));
    app.screenshot(QStringLiteral("page-recording-microphone-quiet-zh_CN"));
    // ... at 46 s the sound is back, too loud: the quiet warning goes, the clipping one comes ...
    REQUIRE(waitUntil([&] { return says(QStringLiteral("声音过大，录音已经失真")); }, 15000));
    CHECK_FALSE(microphone->text().contains(QStringLiteral("几乎没有收到声音")));
    app.screenshot(QStringLiteral("page-recording-microphone-clipping-zh_CN"));
    // ... and when the clip starts over at a normal level, 3 s later it is gone.
    REQUIRE(waitUntil([&] { return !microphone->isVisible(); }, 25000));

    click(app.find<QPushButton>("abortSession"));
    typeText(app.find<QComboBox>("abortReason"), QStringLiteral("test over"));
    click(app.find<QPushButton>("confirmAbort"));
    REQUIRE(waitUntil([&] { return app.window->currentPage()->objectName() == QLatin1String("endPage"); }, 30000));
    // The session's speech was analysed and journaled (the tone's onsets aside, nobody spoke in
    // the consent step before the silence).
    const auto speech = app.journal->sessions().speech(id);
    REQUIRE(speech.has_value());
    CHECK(speech->analysed);
    CHECK(speech->analysedAudio > std::chrono::seconds(20));
}
