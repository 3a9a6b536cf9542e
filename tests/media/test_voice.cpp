// The voice broadcast's core: espeak-ng speaking Mandarin to PCM inside the app, and the mixer
// that puts a played prompt into the recorder's copy of the sound (and only there).
#include "core/capture/syntheticsource.h"
#include "core/live/livecapture.h"
#include "core/voice/promptmixer.h"
#include "core/voice/speechsynthesizer.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>

#include <cmath>
#include <cstring>
#include <mutex>
#include <thread>

using namespace dualrec;
using namespace std::chrono_literals;

namespace {

qint16 sampleAt(const QByteArray &bytes, qsizetype index)
{
    qint16 value = 0;
    std::memcpy(&value, bytes.constData() + index * qsizetype(sizeof value), sizeof value);
    return value;
}

/// A clip whose sample i is `value(i)`.
voice::PcmClip rampClip(int rate, qsizetype frames, qint16 (*value)(qsizetype))
{
    voice::PcmClip clip{rate, QByteArray(frames * qsizetype(sizeof(qint16)), Qt::Uninitialized)};
    for (qsizetype i = 0; i < frames; ++i) {
        const auto v = value(i);
        std::memcpy(clip.samples.data() + i * qsizetype(sizeof v), &v, sizeof v);
    }
    return clip;
}

capture::AudioChunk silentChunk(std::chrono::nanoseconds at, int rate, int channels, qsizetype frames, qint16 level = 0)
{
    capture::AudioChunk chunk;
    chunk.timestamp = at;
    chunk.sampleRate = rate;
    chunk.channels = channels;
    chunk.samples = QByteArray(frames * channels * qsizetype(sizeof(qint16)), Qt::Uninitialized);
    for (qsizetype i = 0; i < frames * channels; ++i)
        std::memcpy(chunk.samples.data() + i * qsizetype(sizeof level), &level, sizeof level);
    return chunk;
}

} // namespace

TEST_CASE("espeak-ng reads Mandarin aloud into PCM, slower for elder customers", "[voice]")
{
    REQUIRE(voice::SpeechSynthesizer::available(voice::VoiceLanguage::Mandarin).has_value());
    const QString text = QStringLiteral("您好，我是保险公司的销售人员。请问您是否同意对本次销售过程进行录音录像？");
    const auto normal = voice::SpeechSynthesizer::synthesize(text, {voice::VoiceLanguage::Mandarin, false});
    REQUIRE(normal.has_value());
    CHECK(normal->sampleRate > 8000);
    // About 35 syllables: several seconds of speech, clearly audible.
    CHECK(normal->duration() > 3s);
    CHECK(normal->duration() < 30s);
    CHECK(normal->peakDbfs() > -20.0);
    const auto slow = voice::SpeechSynthesizer::synthesize(text, {voice::VoiceLanguage::Mandarin, true});
    REQUIRE(slow.has_value());
    CHECK(double(slow->duration().count()) > 1.2 * double(normal->duration().count()));

    // English exists too; an invalid language is refused with a reason.
    CHECK(voice::SpeechSynthesizer::synthesize(QStringLiteral("Hello."), {voice::VoiceLanguage::English, false}).has_value());
    const auto invalid = voice::SpeechSynthesizer::synthesize(text, {voice::VoiceLanguage::Invalid, false});
    REQUIRE_FALSE(invalid.has_value());
    CHECK(invalid.error().code == ErrorCode::InvalidArgument);
}

TEST_CASE("a synthesis can be stopped from another thread", "[voice]")
{
    QString text;
    for (int i = 0; i < 40; ++i)
        text += QStringLiteral("这是一段很长的风险提示，请您仔细听清楚。");
    std::stop_source stop;
    stop.request_stop();
    const auto stopped = voice::SpeechSynthesizer::synthesize(text, {}, stop.get_token());
    REQUIRE_FALSE(stopped.has_value());
    CHECK(stopped.error().code == ErrorCode::Cancelled);
    // The engine is usable afterwards.
    CHECK(voice::SpeechSynthesizer::synthesize(QStringLiteral("好的。"), {}).has_value());
}

TEST_CASE("the mixer adds the prompt to the chunks it overlaps, sample-exact at the same rate", "[voice]")
{
    voice::PromptMixer mixer;
    const auto clip = rampClip(48000, 4800, [](qsizetype i) { return qint16(1000 + i % 100); }); // 100 ms
    mixer.start(clip, 1s);

    // Entirely before: untouched.
    auto before = silentChunk(1s - 20ms, 48000, 1, 480);
    mixer.mixInto(before);
    CHECK(sampleAt(before.samples, 479) == 0);

    // Straddling the start: the first 240 frames untouched, then the clip from its frame 0.
    auto straddling = silentChunk(1s - 5ms, 48000, 2, 480, 10);
    mixer.mixInto(straddling);
    CHECK(sampleAt(straddling.samples, 239 * 2) == 10);
    CHECK(sampleAt(straddling.samples, 240 * 2) == 10 + qint16(std::lround(1000 * voice::PromptMixer::kGain)));
    CHECK(sampleAt(straddling.samples, 240 * 2 + 1) == sampleAt(straddling.samples, 240 * 2)); // both channels
    CHECK(sampleAt(straddling.samples, 250 * 2) == 10 + qint16(std::lround(1010 * voice::PromptMixer::kGain)));
    CHECK(mixer.playing(1s + 50ms));
    CHECK_FALSE(mixer.playing(1s + 100ms));

    // Loud microphone plus prompt saturates instead of wrapping around.
    auto loud = silentChunk(1s + 20ms, 48000, 1, 480, 32700);
    mixer.mixInto(loud);
    CHECK(sampleAt(loud.samples, 0) == 32767);

    // Stopped early: nothing after the stop.
    mixer.stop(1s + 50ms);
    auto afterStop = silentChunk(1s + 60ms, 48000, 1, 480);
    mixer.mixInto(afterStop);
    CHECK(sampleAt(afterStop.samples, 0) == 0);
    CHECK_FALSE(mixer.playing(1s + 60ms));
}

TEST_CASE("the mixer resamples a prompt to the microphone's rate", "[voice]")
{
    voice::PromptMixer mixer;
    // 22050 Hz (espeak-ng's rate), a constant level for 1 s.
    mixer.start(rampClip(22050, 22050, [](qsizetype) { return qint16(8000); }), 0s);
    auto chunk = silentChunk(500ms, 48000, 1, 4800);
    mixer.mixInto(chunk);
    for (qsizetype i = 0; i < 4800; i += 97)
        CHECK(sampleAt(chunk.samples, i) == qint16(std::lround(8000 * voice::PromptMixer::kGain)));
    // Past the clip's end (1 s) nothing is added.
    auto late = silentChunk(1s + 1ms, 48000, 1, 480);
    mixer.mixInto(late);
    CHECK(sampleAt(late.samples, 0) == 0);
}

TEST_CASE("live capture mixes the prompt into the recorder's sound only, not the microphone level", "[voice][live]")
{
    SystemClock clock;
    capture::SyntheticSettings settings;
    settings.width = 160;
    settings.height = 120;
    settings.pace = capture::Pace::AsFastAsPossible;
    settings.duration = 2s;
    settings.syncInterval = 100s; // no beeps: the source's own sound is a quiet tone (-26 dBFS)
    settings.beepLength = 0ms;
    settings.origin = 0ns;
    live::LiveCapture capture(std::make_unique<capture::SyntheticSource>(settings, clock), nullptr);

    struct Sink final : capture::CaptureSink {
        void deliverVideo(capture::VideoFrame) override {}
        void deliverAudio(capture::AudioChunk chunk) override
        {
            const std::lock_guard lock(mutex);
            chunks.push_back(std::move(chunk));
        }
        void deliverEvent(capture::SourceEvent event) override { ended = ended || event.type == capture::SourceEventType::EndOfInput; }
        std::mutex mutex;
        std::vector<capture::AudioChunk> chunks;
        std::atomic<bool> ended{false};
    } recorder;
    std::mutex levelMutex;
    std::vector<double> levels;
    QObject::connect(&capture, &live::LiveCapture::audioLevel, &capture, [&](double level) {
        const std::lock_guard lock(levelMutex);
        levels.push_back(level);
    }, Qt::DirectConnection);

    // A loud prompt from 0.5 s to 1.5 s of the source's timeline.
    capture.promptMixer().start(rampClip(48000, 48000, [](qsizetype i) { return qint16(i % 2 ? 20000 : -20000); }), 500ms);
    capture.setRecorder(&recorder);
    REQUIRE(capture.start().has_value());
    for (int i = 0; i < 500 && !recorder.ended; ++i)
        std::this_thread::sleep_for(10ms);
    capture.stop();
    REQUIRE(recorder.ended);

    // The recorder's sound is loud exactly while the prompt played.
    double quietestDuring = 0.0;   // dBFS
    double loudestOutside = -120.0;
    int during = 0;
    for (const auto &chunk : recorder.chunks) {
        const auto peak = live::LiveCapture::peakDbfs(chunk);
        if (chunk.timestamp >= 550ms && chunk.timestamp < 1400ms) {
            quietestDuring = std::min(quietestDuring, peak);
            ++during;
        } else if (chunk.timestamp < 450ms || chunk.timestamp > 1550ms) {
            loudestOutside = std::max(loudestOutside, peak);
        }
    }
    REQUIRE(during > 0);
    CHECK(quietestDuring > -10.0);  // every chunk in the prompt's span is loud (-7.4 dBFS after the gain)
    CHECK(loudestOutside < -12.0); // the quiet tone alone elsewhere
    // The level meter heard the microphone alone: never as loud as the prompt.
    const std::lock_guard lock(levelMutex);
    REQUIRE_FALSE(levels.empty());
    CHECK(*std::max_element(levels.cbegin(), levels.cend()) < -12.0);
}
