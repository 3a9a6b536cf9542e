#pragma once

#include "core/capture/capturesource.h"
#include "core/media/continuitylog.h"
#include "core/media/recordersettings.h"
#include "core/util/clock.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <variant>

namespace dualrec::media {

struct RecorderStatistics final {
    qint64 framesReceived = 0;
    qint64 framesEncoded = 0;
    qint64 framesDropped = 0;   ///< the queue was full (the encoder could not keep up)
    qint64 framesSkipped = 0;   ///< more frames than the output rate needs (same slot)
    qint64 audioSamples = 0;    ///< samples encoded, silence included
    qint64 silenceSamples = 0;  ///< samples of silence filled into audio holes
    std::chrono::milliseconds videoDuration{0};
    qint64 bytesWritten = 0;
};

/// What the encoder chain chose and what the watermark draws, for the sidecar.
struct RecorderDescription final {
    QString videoEncoder;     ///< "libx264", "h264_nvenc", ...
    QString watermarkTemplate; ///< drawtext's text with its %{pts:localtime:...} expansion
    int watermarkFontSize = 0;
    QString watermarkFont;    ///< the font file drawn with (the platform's default when none was named)
    QDateTime wallOrigin;     ///< wall-clock time of the timeline's zero
};

/// Encodes what a CaptureSource delivers into a fragmented MP4 (H.264 + AAC) with the
/// watermark burned in: crash-safe from the first second (1 s GOP, a fragment per keyframe,
/// every fragment flushed to the file).
///
/// Thread contract: the CaptureSink methods are called from capture threads and never block
/// (bounded queue, counted drops). pause()/resume()/failure()/statistics() are thread-safe.
/// One encoder thread owns all FFmpeg state. close() from the owner's thread.
///
/// Faults: a write error or the file system running low on space stops the encoder cleanly;
/// everything written so far stays playable, and failure() tells why (DiskFull, IoError).
class Recorder final : public capture::CaptureSink
{
    Q_DISABLE_COPY_MOVE(Recorder)

public:
    /// Opens the encoders (hardware first when allowed, libx264 as the fallback), creates the
    /// output file and writes its header.
    [[nodiscard]] static Result<std::unique_ptr<Recorder>> open(RecorderSettings settings, const Clock &clock);
    ~Recorder() override;

    void deliverVideo(capture::VideoFrame frame) override;
    void deliverAudio(capture::AudioChunk chunk) override;
    void deliverEvent(capture::SourceEvent event) override;
    void awaitCapacity(const std::stop_token &stop) override;

    /// Pauses: frames are not written until resume(); the timeline keeps running (the file
    /// is never cut) and the pause goes into the continuity log.
    void pause(const QString &reason);
    void resume();

    /// Drains the queue, flushes the encoders and finishes the file (still fragmented; see
    /// finalizeRecording()). Returns the failure if the recording broke on the way.
    Result<RecorderStatistics> close();

    /// Set when the recording broke (disk full, write error); the encoder has stopped.
    [[nodiscard]] std::optional<Error> failure() const;
    /// A source reported EndOfInput or Failed.
    [[nodiscard]] std::optional<capture::SourceEvent> sourceEnded() const;
    [[nodiscard]] RecorderStatistics statistics() const;
    [[nodiscard]] const RecorderDescription &description() const { return m_description; }
    [[nodiscard]] const ContinuityLog &continuity() const { return m_continuity; }
    [[nodiscard]] ContinuityLog &continuity() { return m_continuity; }
    [[nodiscard]] const RecorderSettings &settings() const { return m_settings; }
    /// Time since the origin on the recording's timeline.
    [[nodiscard]] std::chrono::milliseconds timelineNow() const;

    struct Pipeline; // FFmpeg state, encoder thread only

private:
    using Item = std::variant<capture::VideoFrame, capture::AudioChunk>;

    Recorder(RecorderSettings settings, const Clock &clock);
    /// Encoder thread: works through the queue until close() has set m_closing and the queue
    /// is drained, or the recording fails. m_closing is the one stop signal (it also turns
    /// deliveries away); the thread's std::stop_token is not used.
    void run();
    void setFailure(Error error);
    [[nodiscard]] std::chrono::milliseconds toTimeline(std::chrono::nanoseconds timestamp) const;

    RecorderSettings m_settings;
    const Clock &m_clock;
    RecorderDescription m_description;
    ContinuityLog m_continuity;
    std::unique_ptr<Pipeline> m_pipeline;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_room;
    std::deque<Item> m_queue;
    int m_queuedVideo = 0;
    bool m_closing = false;
    bool m_paused = false;
    std::optional<Error> m_failure;
    std::optional<capture::SourceEvent> m_sourceEnded;
    RecorderStatistics m_statistics;
    std::jthread m_thread;
};

} // namespace dualrec::media
