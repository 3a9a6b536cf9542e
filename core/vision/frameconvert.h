#pragma once

#include "core/capture/mediaframe.h"

#include <opencv2/core/mat.hpp>

namespace dualrec::vision {

/// A captured frame as a BGR picture `width` pixels wide (aspect kept; 0 or wider than the frame:
/// full size); empty when the frame is invalid. Converts colour first, then scales (INTER_AREA).
/// The frame's bytes are only read.
[[nodiscard]] cv::Mat toBgr(const capture::VideoFrame &frame, int width);

} // namespace dualrec::vision
