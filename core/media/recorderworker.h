#pragma once

// Internal to core/media: what the Recorder's encoder thread does with each queued item.

#include "core/media/recorderpipeline.h"

#include <mutex>

namespace dualrec::media {

/// Filters, encodes and muxes frames and audio into the Recorder's pipeline, and watches the
/// output's free space and durability. Encoder thread only; the statistics are written under
/// the recorder's mutex, the continuity log is thread-safe on its own.
struct RecorderWorker final {
    Recorder::Pipeline &p;
    const RecorderSettings &s;
    const RecorderDescription &description;
    ContinuityLog &continuity;
    RecorderStatistics &statistics;
    std::mutex &mutex;

    /// Filters and encodes a frame stamped on the monotonic clock whose zero is `origin`;
    /// frames before it are dropped, frames for an output slot already filled are skipped.
    [[nodiscard]] Result<void> video(const capture::VideoFrame &frame, std::chrono::nanoseconds origin);
    /// Converts and encodes a chunk; holes are filled with silence, overlaps trimmed.
    [[nodiscard]] Result<void> audio(const capture::AudioChunk &chunk, std::chrono::nanoseconds origin);
    /// Once a second (and every 256 KiB written): fails with DiskFull while there is still
    /// room to finish the file. Once a second: syncs the file to the disk.
    [[nodiscard]] Result<void> watchStorage(const QString &directory);
    /// Flushes both encoders and writes the trailer; once.
    [[nodiscard]] Result<void> finish();

private:
    [[nodiscard]] Result<void> writePackets(AVCodecContext *codec, AVStream *stream);
    [[nodiscard]] Result<void> encodeVideo(AVFrame *frame);
    [[nodiscard]] Result<void> encodeAudioFrames(bool flush);
    /// Feeds `samples` of silence to the audio encoder; fails like any other encoding.
    [[nodiscard]] Result<void> addSilence(qint64 samples);
};

} // namespace dualrec::media
