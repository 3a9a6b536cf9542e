#pragma once

#include <QList>
#include <QString>

#include <chrono>
#include <mutex>

namespace dualrec::media {

/// Why the recording has no (or no complete) picture or sound for a while.
enum class GapReason : quint8 {
    Invalid = 0,
    Pause,          ///< the agent paused; the timeline keeps running, nothing is cut
    VideoLost,      ///< the camera disappeared
    AudioLost,      ///< the microphone disappeared
    DroppedFrames,  ///< the encoder could not keep up, or the source skipped frames
    AudioMissing,   ///< the audio had a hole that was filled with silence
};

[[nodiscard]] const char *gapReasonName(GapReason reason);

/// One interval of the recording's timeline (times since the recording's origin) in which
/// something was missing. `end` equals `start` while the gap is still open.
struct Gap final {
    GapReason reason = GapReason::Invalid;
    std::chrono::milliseconds start{0};
    std::chrono::milliseconds end{0};
    bool open = false;
    qint64 count = 0; ///< frames dropped (DroppedFrames) or samples filled (AudioMissing)
    QString detail;
};

/// The continuity log of one recording: every gap with start, end and reason. The recording
/// itself is never edited; this log is how the file explains its holes (written to the sidecar).
/// Thread-safe.
class ContinuityLog final
{
public:
    /// Opens a gap (pause, device lost); ignored when one of the same reason is open.
    void begin(GapReason reason, std::chrono::milliseconds at, const QString &detail = {});
    /// Closes the open gap of that reason, if any.
    void end(GapReason reason, std::chrono::milliseconds at);
    /// Adds a closed gap of `count` items; merged with the previous one of the same reason when
    /// it ended less than a second before.
    void add(GapReason reason, std::chrono::milliseconds start, std::chrono::milliseconds end, qint64 count,
             const QString &detail = {});
    /// Closes every open gap at `at` (the recording ends).
    void closeAll(std::chrono::milliseconds at);
    /// True when [start, end] lies inside a gap that explains it (a pause or a lost device).
    [[nodiscard]] bool explained(std::chrono::milliseconds start, std::chrono::milliseconds end) const;

    [[nodiscard]] QList<Gap> gaps() const;

private:
    mutable std::mutex m_mutex;
    QList<Gap> m_gaps;
};

} // namespace dualrec::media
