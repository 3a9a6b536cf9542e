// Accuracy of the voice activity detection on synthesised answers over five backgrounds
// (tests/audio/speechsignals.h): answers found, false alarms, real-time factor. Prints the
// table docs/qc.md ("Speech") reports; asserts only what the detector must hold.
#include "core/audio/voiceactivity.h"
#include "tests/audio/speechsignals.h"

#include <QElapsedTimer>

#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <cstdio>
#include <random>

using namespace dualrec;
using namespace std::chrono;
using namespace std::chrono_literals;

namespace {

struct Score final {
    int answers = 0;
    int found = 0;
    int falseAlarms = 0;          ///< detections overlapping no answer
    milliseconds falseTime{0};    ///< detected time farther than 300 ms from every answer
    milliseconds signal{0};
    qint64 elapsedNs = 0;
};

/// A minute with 12 answers at random gaps (1.5-4 s), every third slow, at `gainDb`.
test::TestSignal minuteOfAnswers(test::Background background, double gainDb, unsigned seed)
{
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> gap(1500, 4000);
    const auto texts = test::answerTexts();
    QList<test::Utterance> utterances;
    milliseconds at{1000};
    for (int i = 0; i < 12; ++i) {
        test::Utterance utterance{texts.at(i % texts.size()), at, gainDb, i % 3 == 2};
        utterances.append(utterance);
        at += milliseconds(test::spoken(utterance.text, 48000, utterance.slow).size() / 2 * 1000 / 48000) + milliseconds(gap(random));
    }
    return test::makeSignal(at + 1s, background, utterances, seed);
}

Score score(const test::TestSignal &signal, const audio::VadSettings &settings)
{
    Score s;
    s.answers = int(signal.truth.size());
    s.signal = signal.length();
    QElapsedTimer timer;
    timer.start();
    const auto found = audio::detectSpeech(signal.samples, signal.sampleRate, settings);
    s.elapsedNs = timer.nsecsElapsed();
    REQUIRE(found.has_value());
    for (const auto &said : signal.truth) {
        const bool hit = std::ranges::any_of(*found, [&](const audio::SpeechSegment &f) { return f.start < said.end && f.end > said.start; });
        s.found += hit ? 1 : 0;
    }
    for (const auto &f : *found) {
        // Time detected away from every answer (300 ms either side), frame by frame.
        for (auto at = f.start; at < f.end; at += 10ms) {
            const bool near = std::ranges::any_of(signal.truth, [&](const audio::SpeechSegment &said) {
                return at < said.end + 300ms && at + 10ms > said.start - 300ms;
            });
            s.falseTime += near ? 0ms : 10ms;
        }
        const bool overlaps = std::ranges::any_of(signal.truth, [&](const audio::SpeechSegment &said) {
            return f.start < said.end + 300ms && f.end > said.start - 300ms;
        });
        if (!overlaps)
            ++s.falseAlarms;
    }
    return s;
}

constexpr test::Background kBackgrounds[] = {test::Background::Silence, test::Background::RoomNoise, test::Background::Hum,
                                             test::Background::Babble, test::Background::LoudNoise};

} // namespace

TEST_CASE("accuracy of the voice activity detection on synthesised answers", "[audio][accuracy]")
{
    const audio::VadSettings settings;
    {
        // How loud the synthesised answers are (RMS over their sound), for reading the table.
        double sum = 0;
        qint64 count = 0;
        for (const auto &text : test::answerTexts()) {
            const auto sound = test::spoken(text, 48000);
            const auto *pcm = reinterpret_cast<const qint16 *>(sound.constData());
            for (qsizetype i = 0; i < sound.size() / 2; ++i, ++count)
                sum += double(pcm[i]) * pcm[i];
        }
        std::printf("answers at +0 dB: %.1f dBFS RMS; detector %s\n", 20 * std::log10(std::sqrt(sum / double(count)) / 32768),
                    qPrintable(audio::VoiceActivityDetector::create(settings).value()->description()));
    }
    std::printf("| background | speech level | answers found | false alarms in the answer minute (segments away from answers, time away from answers) | false alarms in a minute without speech | real-time factor |\n");
    std::printf("|---|---|---|---|---|---|\n");
    for (const auto background : kBackgrounds) {
        for (const double gain : {0.0, -12.0}) {
            const auto withSpeech = score(minuteOfAnswers(background, gain, 7), settings);
            const auto withoutSpeech = score(test::makeSignal(60s, background, {}, 11), settings);
            std::printf("| %s | %+.0f dB | %d/%d | %d, %.1f s | %d, %.1f s | %.4f |\n", test::backgroundName(background), gain,
                        withSpeech.found, withSpeech.answers, withSpeech.falseAlarms, withSpeech.falseTime.count() / 1000.0,
                        withoutSpeech.falseAlarms, withoutSpeech.falseTime.count() / 1000.0,
                        double(withSpeech.elapsedNs) / double(duration_cast<nanoseconds>(withSpeech.signal).count()));
            INFO(test::backgroundName(background) << " at " << gain << " dB");
            if (background != test::Background::LoudNoise) {
                // Every answer is found over anything short of a loud hall.
                CHECK(withSpeech.found == withSpeech.answers);
            }
            if (background == test::Background::Silence || background == test::Background::RoomNoise || background == test::Background::Hum) {
                CHECK(withSpeech.falseAlarms == 0);
                // Answers may be heard a little long in hum (about 0.1 s each), never a segment of their own.
                CHECK(withSpeech.falseTime <= 2s);
                CHECK(withoutSpeech.falseAlarms == 0);
            }
        }
    }
    std::fflush(stdout);
}
