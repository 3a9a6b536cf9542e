#pragma once

#include "core/util/result.h"

#include <QString>

#include <opencv2/core/mat.hpp>

#include <chrono>
#include <functional>

namespace dualrec::vision {

struct VideoFileInfo final {
    int width = 0;
    int height = 0;
    double framesPerSecond = 0;
    qint64 frames = 0;                    ///< frames decoded
    std::chrono::nanoseconds end{0};      ///< last frame's time + one frame duration
};

/// Called per decoded frame (BGR, valid only during the call) with its presentation time from
/// the start of the file; return false to stop early.
using FrameSink = std::function<bool(const cv::Mat &bgr, std::chrono::nanoseconds timestamp)>;

/// Decodes every video frame of a file, in order, for analysis.
///
/// This uses OpenCV's own decoder (cv::VideoCapture, FFmpeg backend on Debian). It is the one
/// place the vision code reads files, so it can be replaced by the recording pipeline's FFmpeg
/// file source (core/media) once that exists, with the same signature.
///
/// Fails with NotFound (no such file), IoError (not readable) or FormatError (no decodable
/// video, or no frame at all), naming the file.
[[nodiscard]] Result<VideoFileInfo> readVideoFrames(const QString &path, const FrameSink &sink);

} // namespace dualrec::vision
