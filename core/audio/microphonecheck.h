#pragma once

#include "core/capture/mediaframe.h"

#include <chrono>

namespace dualrec::audio {

struct MicrophoneCheckSettings final {
    /// Too quiet: the loudest sample stays below quietBelowDbfs for this long (a muted, covered
    /// or unplugged-but-present microphone; a quiet room with people talking is far louder).
    std::chrono::milliseconds quietFor{10'000};
    double quietBelowDbfs = -50.0; ///< the pre-flight check's "very quiet" (core/util/preflight.h)
    /// Clipping: a 100 ms block with at least clippedSamples samples at full scale (|s| >= 32700)
    /// ...
    int clippedSamples = 3;
    /// ... and the warning clears once no block has clipped for this long.
    std::chrono::milliseconds clipClearsAfter{3'000};
};

/// What the live microphone check says now.
struct MicrophoneState final {
    bool tooQuiet = false;
    bool clipping = false;

    [[nodiscard]] bool ok() const { return !tooQuiet && !clipping; }
    friend bool operator==(const MicrophoneState &, const MicrophoneState &) = default;
};

/// The live microphone check during a session: judges the microphone signal in 100 ms blocks by
/// the capture's timestamps (never the wall clock), so it is the same live and in tests.
/// A warning clears as soon as the signal recovers: a block loud enough ends "too quiet"; no
/// clipped block for clipClearsAfter ends "clipping".
///
/// Thread contract: not thread-safe; one owner thread feeds it (live::SpeechMonitor's worker).
class MicrophoneCheck final
{
public:
    explicit MicrophoneCheck(MicrophoneCheckSettings settings = {}) : m_settings(settings) {}

    /// Feeds the microphone's samples (interleaved signed 16-bit); returns the state after them.
    MicrophoneState feed(const capture::AudioChunk &chunk);
    [[nodiscard]] MicrophoneState state() const { return m_state; }
    [[nodiscard]] const MicrophoneCheckSettings &settings() const { return m_settings; }

private:
    void endBlock(std::chrono::nanoseconds end);

    MicrophoneCheckSettings m_settings;
    MicrophoneState m_state;
    bool m_started = false;
    std::chrono::nanoseconds m_blockStart{0};
    std::chrono::nanoseconds m_quietSince{0};
    std::chrono::nanoseconds m_lastClip{0};
    bool m_quietRunning = false;
    int m_blockPeak = 0;
    int m_blockClipped = 0;
};

} // namespace dualrec::audio
