#include "core/vision/frameconvert.h"

#include <opencv2/imgproc.hpp>

namespace dualrec::vision {

cv::Mat toBgr(const capture::VideoFrame &frame, int width)
{
    if (!frame.isValid())
        return {};
    // The frame's bytes are only read here; cvtColor writes a new picture.
    auto *pixels = const_cast<char *>(frame.data.constData());
    cv::Mat bgr;
    switch (frame.format) {
    case capture::PixelFormat::I420:
        cv::cvtColor(cv::Mat(frame.height * 3 / 2, frame.width, CV_8UC1, pixels), bgr, cv::COLOR_YUV2BGR_I420);
        break;
    case capture::PixelFormat::Nv12:
        cv::cvtColor(cv::Mat(frame.height * 3 / 2, frame.width, CV_8UC1, pixels), bgr, cv::COLOR_YUV2BGR_NV12);
        break;
    case capture::PixelFormat::Bgra:
        cv::cvtColor(cv::Mat(frame.height, frame.width, CV_8UC4, pixels), bgr, cv::COLOR_BGRA2BGR);
        break;
    case capture::PixelFormat::Invalid:
        return {};
    }
    if (width <= 0 || width >= frame.width)
        return bgr;
    cv::Mat small;
    cv::resize(bgr, small, cv::Size(width, std::max(2, frame.height * width / frame.width)), 0, 0, cv::INTER_AREA);
    return small;
}

} // namespace dualrec::vision
