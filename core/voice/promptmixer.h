#pragma once

#include "core/capture/mediaframe.h"
#include "core/voice/pcmclip.h"

#include <chrono>
#include <QList>

#include <mutex>

namespace dualrec::voice {

/// Puts the prompt the loudspeaker plays into the recorded sound, so QC hears exactly what
/// was played and not only what the microphone picked up of it. The player says when a clip
/// started (and stopped early) on the capture's monotonic clock; the capture path adds the
/// clip's samples to each microphone chunk that overlaps it (saturating, every channel).
/// Only the recorder's copy is mixed: the microphone signal stays available on its own.
///
/// Thread contract: start() and stop() from any thread (the player's); mixInto() from the
/// capture thread. All calls are short and never wait on each other for long.
class PromptMixer final
{
public:
    /// Gain applied to the prompt before it is added (about -3 dB: speech over speech).
    static constexpr double kGain = 0.7;

    /// One prompt's playback on the capture's monotonic clock: [start, end).
    struct Playback final {
        std::chrono::nanoseconds start{0};
        std::chrono::nanoseconds end{0};
        friend bool operator==(const Playback &, const Playback &) = default;
    };
    /// How many playbacks playbacks() remembers (the oldest go first).
    static constexpr qsizetype kPlaybackLog = 256;

    /// From `at` on, `clip` is added to the recorded sound; replaces a clip still playing.
    void start(PcmClip clip, std::chrono::nanoseconds at);
    /// A prompt whose sound the app does not have started at `at` (the system's voice engine, a
    /// prompt file played by the media player): nothing is mixed, but it counts as playing (and
    /// in playbacks()) until stop(). Replaces a clip still playing.
    void startUnmixed(std::chrono::nanoseconds at);
    /// The prompt stopped at `at` (stopped by the agent, the page left): nothing after it is added.
    void stop(std::chrono::nanoseconds at);
    /// Adds the part of the prompt that played during `chunk` (16-bit interleaved samples).
    void mixInto(capture::AudioChunk &chunk);
    /// A prompt is playing at `at`.
    [[nodiscard]] bool playing(std::chrono::nanoseconds at) const;
    /// Every prompt played so far (the last kPlaybackLog), oldest first; the last one's end
    /// lies in the future while it plays (an unmixed one's is nanoseconds::max() until stopped).
    /// The speech check (live::SpeechMonitor) does not count what the microphone hears then.
    [[nodiscard]] QList<Playback> playbacks() const;

private:
    void log(Playback playback); ///< under the lock

    mutable std::mutex m_mutex;
    PcmClip m_clip;      ///< as played
    PcmClip m_atRate;    ///< resampled to the microphone's rate (capture thread, under the lock)
    std::chrono::nanoseconds m_start{0};
    std::chrono::nanoseconds m_end{0};
    bool m_unmixed = false;
    QList<Playback> m_playbacks;
};

} // namespace dualrec::voice
