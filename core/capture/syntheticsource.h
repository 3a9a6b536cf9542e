#pragma once

#include "core/capture/capturesource.h"
#include "core/util/clock.h"

#include <optional>
#include <thread>

namespace dualrec::capture {

/// Whether a non-live source waits for the real time of each frame or runs as fast as the
/// sink takes it (the timestamps are the same either way).
enum class Pace : quint8 { Invalid = 0, RealTime, AsFastAsPossible };

struct SyntheticSettings final {
    int width = 1280;
    int height = 720;
    int framesPerSecond = 25;
    int sampleRate = 48000;
    Pace pace = Pace::RealTime;
    /// Stops after this much media (EndOfInput); unset: runs until stop().
    std::optional<std::chrono::milliseconds> duration;
    /// Every `syncInterval` the picture flashes white for one frame and a 1 kHz beep starts at
    /// the same instant (sample-exact), for measuring A/V sync in the output.
    std::chrono::milliseconds syncInterval{2000};
    std::chrono::milliseconds beepLength{100};
    /// Peak level of the 440 Hz tone (1.0 = full scale): 0 records digital silence, a level
    /// above 1 is clipped at full scale (QC tests of missing and clipped sound).
    double toneLevel = 0.05;
    /// Adds per-frame noise, which makes the video expensive to encode (stress, disk-full tests).
    bool noise = false;
    /// The microphone's sound instead of the tone and beeps when not empty: mono signed 16-bit
    /// samples at sampleRate, from frame 0 on, then silence (tests that need known speech at
    /// known times on the timeline).
    QByteArray audio;
    /// Timeline zero of frame 0 on the clock; unset: the moment start() is called.
    std::optional<std::chrono::nanoseconds> origin;
};

/// A moving test pattern with a quiet 440 Hz tone, flashes and beeps at known instants
/// (k * syncInterval after the first frame). Frame n has the timestamp origin + n / fps exactly;
/// the audio is continuous and sample-exact on the same origin. Used by `--source demo`, tests
/// and benchmarks. Produces I420 frames on its own thread.
class SyntheticSource final : public CaptureSource
{
    Q_DISABLE_COPY_MOVE(SyntheticSource)

public:
    SyntheticSource(SyntheticSettings settings, const Clock &clock);
    ~SyntheticSource() override;

    Result<void> start(CaptureSink &sink) override;
    void stop() override;
    [[nodiscard]] QString description() const override;

    [[nodiscard]] const SyntheticSettings &settings() const { return m_settings; }
    /// The monotonic time of frame 0 (valid after start()).
    [[nodiscard]] std::chrono::nanoseconds origin() const { return m_origin; }

private:
    void run(const std::stop_token &stop, CaptureSink &sink);
    void paint(qint64 frameIndex, QByteArray &data) const;

    SyntheticSettings m_settings;
    const Clock &m_clock;
    std::chrono::nanoseconds m_origin{0};
    std::jthread m_thread;
};

} // namespace dualrec::capture
