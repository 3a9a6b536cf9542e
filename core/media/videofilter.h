#pragma once

// Internal to core/media: the video filter graph of the Recorder's encoder thread.

#include "core/capture/capturesource.h"
#include "core/ffmpeg/avhandles.h"
#include "core/media/recorder.h"

namespace dualrec::media {

/// The FFmpeg pixel format of a captured frame's format (AV_PIX_FMT_NONE for Invalid).
[[nodiscard]] AVPixelFormat avPixelFormat(capture::PixelFormat format);

/// Scales and pads each picture to the output size (keeping its aspect), burns in the
/// watermark when enabled, and converts to the encoder's pixel format. A graph is built for
/// one input size and format: rebuild() when accepts() says no. Encoder thread only.
struct VideoFilter final {
    FilterGraphPtr graph;
    AVFilterContext *source = nullptr; ///< buffersrc: frames in, microsecond timestamps
    AVFilterContext *sink = nullptr;   ///< buffersink: filtered frames out
    int inputWidth = 0;
    int inputHeight = 0;
    capture::PixelFormat inputFormat = capture::PixelFormat::Invalid;

    /// Whether the current graph was built for frames like `frame`.
    [[nodiscard]] bool accepts(const capture::VideoFrame &frame) const;
    /// Replaces the graph with one for `frame`'s size and format; `outputFormat` is the encoder's.
    [[nodiscard]] Result<void> rebuild(const capture::VideoFrame &frame, const RecorderSettings &settings,
                                       const RecorderDescription &description, AVPixelFormat outputFormat);
};

} // namespace dualrec::media
