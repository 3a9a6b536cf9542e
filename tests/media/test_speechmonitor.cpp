// The speech check of a live session (live::SpeechMonitor through live::SessionController): the
// synthetic source's microphone plays synthesised answers at known times; the journal gets the
// speech that counts (after the step's prompt, not while it plays), the live state goes from
// "waiting for the prompt" to "not heard" to "heard", and the microphone check warns while the
// microphone is silent and clears when sound comes back.
#include "core/capture/syntheticsource.h"
#include "core/live/sessioncontroller.h"
#include "core/workflow/templatelibrary.h"
#include "tests/audio/speechsignals.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;
using namespace std::chrono;
using namespace std::chrono_literals;

namespace {

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return done();
}

live::SessionSetup speechSetup(const QString &folder)
{
    const auto library = workflow::TemplateLibrary::loadDirectories(
        {QStringLiteral(DUALREC_SOURCE_DIR "/resources/scripts"), QStringLiteral(DUALREC_SOURCE_DIR "/resources/rules")});
    auto plan = library.plan(QStringLiteral("traditional-life"));
    REQUIRE(plan.has_value());
    live::SessionSetup setup;
    setup.plan = *plan;
    setup.form.applicationNo = QStringLiteral("AP-SPEECH-1");
    setup.agentId = QStringLiteral("agent07");
    setup.recordingFolder = folder;
    setup.recording.encoder.width = 320;
    setup.recording.encoder.height = 240;
    setup.recording.encoder.framesPerSecond = 25;
    setup.recording.encoder.hardware = media::HardwareEncoding::Off;
    setup.speech.microphone.quietFor = 1200ms;
    return setup;
}

bool near(const storage::SpeechRange &found, const audio::SpeechSegment &said, milliseconds offset = 0ms)
{
    const auto start = duration_cast<milliseconds>(said.start) + offset;
    const auto end = duration_cast<milliseconds>(said.end) + offset;
    return abs(found.start - start) <= 150ms && abs(found.end - end) <= 400ms;
}

} // namespace

TEST_CASE("a recorded session journals the speech heard after the prompt, and the live state follows it", "[live][speech]")
{
    QTemporaryDir data;
    SystemClock clock;
    auto journal = storage::Journal::open(data.path(), clock);
    REQUIRE(journal.has_value());
    auto created = live::SessionController::create(speechSetup(QDir(data.path()).filePath(QStringLiteral("recordings"))),
                                                   **journal, clock);
    REQUIRE(created.has_value());
    auto &controller = **created;
    REQUIRE(controller.session().plan().steps().at(0).definition.requirements.answerRequired);

    // The microphone: silence with three answers. The first is said while the prompt plays
    // (0.8-2.4 s), so it does not count; the others come after it and its echo.
    const auto texts = test::answerTexts();
    const auto signal = test::makeSignal(6500ms, test::Background::Silence,
                                         {{texts.at(0), 1000ms}, {texts.at(1), 3600ms}, {texts.at(2), 5000ms}});
    capture::SyntheticSettings settings;
    settings.width = 320;
    settings.height = 240;
    settings.framesPerSecond = 25;
    settings.pace = capture::Pace::RealTime; // the session's steps run on the same clock as the audio
    settings.duration = signal.length();
    // The source's timeline begins a few seconds after the session was created: opening the
    // recording (encoder, journal) takes a while on a loaded machine, and the step must be running
    // before the prompt plays for the live states below to be observable.
    const auto lead = 4000ms;
    settings.origin = controller.session().createdMonotonic() + lead;
    settings.sampleRate = signal.sampleRate;
    settings.audio = signal.samples;
    live::LiveOptions options;
    options.previewsPerSecond = 0;
    live::LiveCapture capture(std::make_unique<capture::SyntheticSource>(settings, clock), nullptr, options);

    REQUIRE(controller.openRecording(capture).has_value());
    REQUIRE(controller.speech() != nullptr);
    QList<live::AnswerSpeech> states;
    QList<audio::MicrophoneState> microphone;
    QObject::connect(controller.speech(), &live::SpeechMonitor::answerSpeechChanged, &controller,
                     [&](live::AnswerSpeech state) { states.append(state); });
    QObject::connect(controller.speech(), &live::SpeechMonitor::microphoneChanged, &controller,
                     [&](const audio::MicrophoneState &state) { microphone.append(state); });
    // The voice broadcast plays the consent prompt from 0.8 s to 2.4 s (its sound, silence here,
    // goes into the recording only).
    voice::PcmClip prompt{16000, QByteArray(16000 * 2 * 16 / 10, '\0')};
    const auto promptStart = controller.session().createdMonotonic() + lead + 800ms;
    capture.promptMixer().start(prompt, promptStart);
    INFO("the recording opened " << duration_cast<milliseconds>(clock.monotonicNow() - controller.session().createdMonotonic()).count()
                                 << " ms after the session was created");
    REQUIRE(clock.monotonicNow() < promptStart);
    REQUIRE(controller.session().start().has_value());
    REQUIRE(waitUntil([&] { return controller.recording()->sourceEnded().has_value(); }, 60000));
    REQUIRE(controller.session().abort(QStringLiteral("test: source ended")).has_value());
    bool finished = false;
    QObject::connect(&controller, &live::SessionController::finished, &controller, [&](const auto &) { finished = true; });
    controller.finish(QStringLiteral("test"));
    REQUIRE(waitUntil([&] { return finished; }, 60000));

    // Journaled: the two answers after the prompt, on the recording's timeline.
    const auto stored = (*journal)->sessions().speech(controller.session().id());
    REQUIRE(stored.has_value());
    CHECK(stored->analysed);
    CHECK(stored->detector.startsWith(QLatin1String("webrtc-vad")));
    CHECK(stored->analysedAudio >= 6300ms);
    CHECK(stored->droppedAudio == 0ms);
    REQUIRE(stored->ranges.size() == 2);
    INFO("found " << stored->ranges[0].start.count() << "-" << stored->ranges[0].end.count() << ", "
                  << stored->ranges[1].start.count() << "-" << stored->ranges[1].end.count());
    CHECK(near(stored->ranges[0], signal.truth[1], lead));
    CHECK(near(stored->ranges[1], signal.truth[2], lead));

    // Live: nothing expected while the prompt played, then "not heard" until the answer came.
    const auto waiting = states.indexOf(live::AnswerSpeech::WaitingForPrompt);
    const auto notHeard = states.indexOf(live::AnswerSpeech::NotHeard, std::max<qsizetype>(0, waiting));
    const auto heard = states.indexOf(live::AnswerSpeech::Heard, std::max<qsizetype>(0, notHeard));
    CHECK(waiting >= 0);
    CHECK(notHeard > waiting);
    CHECK(heard > notHeard);
    // The silences between the answers are longer than 1.2 s: the microphone check warned and cleared.
    const auto quiet = std::ranges::find_if(microphone, [](const audio::MicrophoneState &s) { return s.tooQuiet; });
    REQUIRE(quiet != microphone.end());
    CHECK(std::find_if(quiet, microphone.end(), [](const audio::MicrophoneState &s) { return s.ok(); }) != microphone.end());
}

TEST_CASE("a session without the speech check journals no analysis, so no one reads silence into it", "[live][speech]")
{
    QTemporaryDir data;
    SystemClock clock;
    auto journal = storage::Journal::open(data.path(), clock);
    REQUIRE(journal.has_value());
    auto setup = speechSetup(QDir(data.path()).filePath(QStringLiteral("recordings")));
    setup.speech.enabled = false;
    auto created = live::SessionController::create(setup, **journal, clock);
    REQUIRE(created.has_value());
    auto &controller = **created;
    capture::SyntheticSettings settings;
    settings.width = 320;
    settings.height = 240;
    settings.pace = capture::Pace::AsFastAsPossible;
    settings.duration = 1s;
    // The source's timeline begins a few seconds after the session was created: opening the
    // recording (encoder, journal) takes a while on a loaded machine, and the step must be running
    // before the prompt plays for the live states below to be observable.
    const auto lead = 4000ms;
    settings.origin = controller.session().createdMonotonic() + lead;
    live::LiveOptions options;
    options.previewsPerSecond = 0;
    live::LiveCapture capture(std::make_unique<capture::SyntheticSource>(settings, clock), nullptr, options);
    REQUIRE(controller.openRecording(capture).has_value());
    CHECK(controller.speech() == nullptr);
    REQUIRE(controller.session().start().has_value());
    REQUIRE(waitUntil([&] { return controller.recording()->sourceEnded().has_value(); }, 60000));
    REQUIRE(controller.session().abort(QStringLiteral("test")).has_value());
    bool finished = false;
    QObject::connect(&controller, &live::SessionController::finished, &controller, [&](const auto &) { finished = true; });
    controller.finish(QStringLiteral("test"));
    REQUIRE(waitUntil([&] { return finished; }, 60000));
    const auto stored = (*journal)->sessions().speech(controller.session().id());
    REQUIRE(stored.has_value());
    CHECK_FALSE(stored->analysed);
}

TEST_CASE("the prompt mixer remembers when each prompt played, including ones it cannot mix", "[speech]")
{
    voice::PromptMixer mixer;
    const nanoseconds t0 = 1h;
    mixer.start(voice::PcmClip{16000, QByteArray(16000 * 2, '\0')}, t0); // 1 s
    CHECK(mixer.playing(t0 + 500ms));
    mixer.stop(t0 + 400ms); // stopped early by the agent
    CHECK_FALSE(mixer.playing(t0 + 500ms));
    // The system's voice: its end is unknown until it stops.
    mixer.startUnmixed(t0 + 2s);
    CHECK(mixer.playing(t0 + 1h));
    auto log = mixer.playbacks();
    REQUIRE(log.size() == 2);
    CHECK(log[0] == voice::PromptMixer::Playback{t0, t0 + 400ms});
    CHECK(log[1].start == t0 + 2s);
    CHECK(log[1].end == nanoseconds::max());
    // A new prompt ends the one before it.
    mixer.start(voice::PcmClip{16000, QByteArray(16000, '\0')}, t0 + 5s);
    log = mixer.playbacks();
    REQUIRE(log.size() == 3);
    CHECK(log[1].end == t0 + 5s);
    CHECK(log[2] == voice::PromptMixer::Playback{t0 + 5s, t0 + 5500ms});
    for (int i = 0; i < 300; ++i)
        mixer.startUnmixed(t0 + 10s + seconds(i));
    CHECK(mixer.playbacks().size() == voice::PromptMixer::kPlaybackLog);
}
