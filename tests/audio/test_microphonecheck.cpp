// The live microphone check (core/audio): too quiet for N seconds, clipping, each cleared when
// the signal recovers; judged on the capture's timestamps only.
#include "core/audio/microphonecheck.h"

#include <QList>

#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <algorithm>
#include <numbers>

using namespace dualrec;
using namespace std::chrono;
using namespace std::chrono_literals;

namespace {

/// `length` of a 300 Hz tone peaking at `dbfs` (clipped hard at full scale when louder), in
/// 20 ms chunks from `start`, fed to `check`; the states after each chunk.
QList<audio::MicrophoneState> feedTone(audio::MicrophoneCheck &check, nanoseconds start, milliseconds length, double dbfs)
{
    constexpr int rate = 48000;
    const double amplitude = 32767 * std::pow(10.0, dbfs / 20);
    QList<audio::MicrophoneState> states;
    for (milliseconds at{0}; at < length; at += 20ms) {
        capture::AudioChunk chunk;
        chunk.timestamp = start + at;
        chunk.sampleRate = rate;
        chunk.channels = 1;
        chunk.samples.resize(rate / 50 * 2);
        auto *pcm = reinterpret_cast<qint16 *>(chunk.samples.data());
        for (int i = 0; i < rate / 50; ++i) {
            const double t = double(at.count()) / 1000 + double(i) / rate;
            pcm[i] = qint16(std::clamp(amplitude * std::sin(2 * std::numbers::pi * 300 * t), -32768.0, 32767.0));
        }
        states.append(check.feed(chunk));
    }
    return states;
}

} // namespace

TEST_CASE("the microphone check warns after N seconds too quiet and clears when the level comes back", "[audio]")
{
    audio::MicrophoneCheckSettings settings;
    settings.quietFor = 4s;
    audio::MicrophoneCheck check(settings);
    const nanoseconds origin = 2h;
    // Talking: fine.
    CHECK(feedTone(check, origin, 2s, -20).last().ok());
    // Quiet (-60 dBFS) for 3.5 s: not yet.
    auto states = feedTone(check, origin + 2s, 3500ms, -60);
    CHECK_FALSE(states.last().tooQuiet);
    // ... for more than 4 s: too quiet.
    states = feedTone(check, origin + 5500ms, 1s, -60);
    CHECK(states.last().tooQuiet);
    CHECK_FALSE(states.last().clipping);
    // The first loud block clears it.
    states = feedTone(check, origin + 6500ms, 200ms, -25);
    CHECK_FALSE(states.last().tooQuiet);
    CHECK(states.last().ok());
}

TEST_CASE("the microphone check warns while the sound clips and clears after 3 s without", "[audio]")
{
    audio::MicrophoneCheck check;
    const nanoseconds origin = 1h;
    CHECK(feedTone(check, origin, 1s, -1).last().ok()); // loud, not clipped
    auto states = feedTone(check, origin + 1s, 500ms, +6); // driven 6 dB over full scale
    CHECK(states.last().clipping);
    CHECK_FALSE(states.last().tooQuiet);
    states = feedTone(check, origin + 1500ms, 2500ms, -10);
    CHECK(states.last().clipping); // still within 3 s of the last clip
    states = feedTone(check, origin + 4s, 1s, -10);
    CHECK_FALSE(states.last().clipping);
    CHECK(states.last().ok());
}

TEST_CASE("the microphone check starts afresh after a gap in the audio", "[audio]")
{
    audio::MicrophoneCheckSettings settings;
    settings.quietFor = 3s;
    audio::MicrophoneCheck check(settings);
    const nanoseconds origin = 1h;
    (void)feedTone(check, origin, 2s, -70);
    // The microphone was away for a minute: two quiet seconds more are not 3 s in a row.
    CHECK_FALSE(feedTone(check, origin + 62s, 2s, -70).last().tooQuiet);
    CHECK(feedTone(check, origin + 64s, 1500ms, -70).last().tooQuiet);
}
