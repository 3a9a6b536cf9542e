// Voice activity detection (core/audio) on Mandarin answers from the project's speech
// synthesis at known times (tests/audio/speechsignals.h): each answer found where it was
// said, nothing found in silence, timing on the capture's clock across chunks and gaps.
#include "core/audio/voiceactivity.h"
#include "tests/audio/speechsignals.h"

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;
using namespace std::chrono;
using namespace std::chrono_literals;

namespace {

/// Whether `found` covers the truth `said`: overlaps it, starts within 150 ms of it and ends
/// within 400 ms of it.
bool matches(const audio::SpeechSegment &said, const audio::SpeechSegment &found)
{
    return found.start < said.end && found.end > said.start && abs(found.start - said.start) <= 150ms
           && abs(found.end - said.end) <= 400ms;
}

QList<test::Utterance> fiveAnswers()
{
    const auto texts = test::answerTexts();
    return {{texts.at(0), 2000ms}, {texts.at(1), 5500ms}, {texts.at(2), 9000ms}, {texts.at(3), 13000ms}, {texts.at(6), 16500ms}};
}

} // namespace

TEST_CASE("the speech synthesis gives the tests real speech sounds", "[audio]")
{
    REQUIRE(voice::SpeechSynthesizer::available().has_value());
    for (const auto &text : test::answerTexts()) {
        const auto sound = test::spoken(text, 48000);
        INFO(text.toStdString());
        CHECK(sound.size() / 2 > 48000 / 10); // longer than 100 ms
        CHECK(sound.size() / 2 < 48000 * 3);
    }
}

TEST_CASE("voice activity detection finds each answer where it was said, over silence and room noise", "[audio]")
{
    for (const auto background : {test::Background::Silence, test::Background::RoomNoise}) {
        INFO(test::backgroundName(background));
        const auto signal = test::makeSignal(20s, background, fiveAnswers());
        const auto found = audio::detectSpeech(signal.samples, signal.sampleRate);
        REQUIRE(found.has_value());
        REQUIRE(found->size() == signal.truth.size());
        for (qsizetype i = 0; i < found->size(); ++i) {
            INFO("answer " << i << " said " << duration_cast<milliseconds>(signal.truth[i].start).count() << "-"
                           << duration_cast<milliseconds>(signal.truth[i].end).count() << " ms, found "
                           << duration_cast<milliseconds>(found->at(i).start).count() << "-"
                           << duration_cast<milliseconds>(found->at(i).end).count() << " ms");
            CHECK(matches(signal.truth[i], found->at(i)));
        }
    }
}

TEST_CASE("voice activity detection finds nothing in silence, room noise or mains hum", "[audio]")
{
    for (const auto background : {test::Background::Silence, test::Background::RoomNoise, test::Background::Hum}) {
        INFO(test::backgroundName(background));
        const auto signal = test::makeSignal(30s, background, {});
        const auto found = audio::detectSpeech(signal.samples, signal.sampleRate);
        REQUIRE(found.has_value());
        CHECK(found->isEmpty());
    }
}

TEST_CASE("voice activity detection keeps the capture's time across chunks, rates and a gap", "[audio]")
{
    const auto signal = test::makeSignal(6s, test::Background::RoomNoise, {{test::answerTexts().at(2), 1000ms}});
    auto detector = audio::VoiceActivityDetector::create();
    REQUIRE(detector.has_value());
    // A stereo 48 kHz microphone in 20 ms chunks, starting an hour into the monotonic clock.
    const nanoseconds origin = 1h;
    const qsizetype frames = signal.sampleRate / 50;
    const auto *mono = reinterpret_cast<const qint16 *>(signal.samples.constData());
    const auto total = signal.samples.size() / 2;
    auto feed = [&](nanoseconds base) {
        for (qsizetype at = 0; at < total; at += frames) {
            capture::AudioChunk chunk;
            chunk.timestamp = base + nanoseconds(at * 1'000'000'000LL / signal.sampleRate);
            chunk.sampleRate = signal.sampleRate;
            chunk.channels = 2;
            const auto n = std::min(frames, total - at);
            chunk.samples.resize(n * 4);
            auto *out = reinterpret_cast<qint16 *>(chunk.samples.data());
            for (qsizetype i = 0; i < n; ++i)
                out[2 * i] = out[2 * i + 1] = mono[at + i];
            REQUIRE((*detector)->process(chunk).has_value());
        }
    };
    feed(origin);
    // The same audio again after a 10 s gap (the microphone was away): a second run.
    feed(origin + 16s);
    (*detector)->flush();
    const auto found = (*detector)->takeSegments();
    REQUIRE(found.size() == 2);
    const auto said = signal.truth.first();
    CHECK(matches({origin + said.start, origin + said.end}, found[0]));
    CHECK(matches({origin + 16s + said.start, origin + 16s + said.end}, found[1]));
    CHECK((*detector)->analysed() >= 11900ms);
    CHECK((*detector)->analysed() <= 12000ms);
}

TEST_CASE("voice activity detection says which chunk it cannot take", "[audio]")
{
    auto detector = audio::VoiceActivityDetector::create();
    REQUIRE(detector.has_value());
    capture::AudioChunk chunk;
    chunk.sampleRate = 0;
    chunk.samples = QByteArray(320, '\0');
    const auto refused = (*detector)->process(chunk);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code == ErrorCode::InvalidArgument);
    CHECK(refused.error().detail.contains(QLatin1String("0 Hz")));
    audio::VadSettings settings;
    settings.sensitivity = audio::VadSensitivity::Invalid;
    CHECK(audio::VoiceActivityDetector::create(settings).error().code == ErrorCode::InvalidArgument);
}
