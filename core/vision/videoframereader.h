#pragma once

#include "core/util/result.h"

#include <QString>

#include "core/seal/devicekeys.h"

#include <opencv2/core/mat.hpp>

#include <chrono>
#include <functional>
#include <vector>

namespace dualrec::vision {

/// A stretch of the file that did not decode cleanly: a packet the decoder rejected, a frame it
/// marked corrupt, frames missing between two that decoded, a container that could not be read
/// on, or a tail the container promises but no frame covers.
struct DecodeIssue final {
    std::chrono::nanoseconds start{0};
    std::chrono::nanoseconds end{0};
    QString detail; ///< stable English (FFmpeg's words)
};

struct VideoFileInfo final {
    int width = 0;
    int height = 0;
    double framesPerSecond = 0;
    qint64 frames = 0;                    ///< frames decoded
    std::chrono::nanoseconds end{0};      ///< last frame's time + one frame duration (or the container's duration, when longer)
    std::vector<DecodeIssue> issues;      ///< merged, in time order; empty: the whole file decoded cleanly
};

/// Called per decoded frame (BGR, valid only during the call) with its presentation time from
/// the start of the file; return false to stop early.
using FrameSink = std::function<bool(const cv::Mat &bgr, std::chrono::nanoseconds timestamp)>;

/// Decodes every video frame of a file, in order, for analysis, with FFmpeg's libraries (the
/// same as the recording pipeline; no OpenCV video I/O). The decoder is strict (bitstream and
/// CRC checks, errors reported, not concealed): what does not decode cleanly is listed in
/// VideoFileInfo::issues with its time range, and decoding goes on after it.
///
/// Fails with NotFound (no such file), IoError (not readable) or FormatError (no decodable
/// video, or no frame at all), naming the file.
/// An encrypted recording is decrypted on the fly with `keys` (no plaintext copy); without keys
/// it fails with InvalidState, naming the file.
/// Thread contract: reentrant (no shared state).
[[nodiscard]] Result<VideoFileInfo> readVideoFrames(const QString &path, const FrameSink &sink,
                                                    const seal::DeviceKeys *keys = nullptr);

} // namespace dualrec::vision
