#include "core/vision/guardtap.h"

#include <opencv2/imgproc.hpp>

namespace dualrec::vision {

GuardTap::GuardTap(capture::CaptureSink &downstream, PresenceGuard &guard, double checksPerSecond, int analysisWidth)
    : m_downstream(downstream), m_guard(guard),
      m_interval(std::chrono::nanoseconds(qint64(1e9 / std::max(0.1, checksPerSecond)))), m_width(analysisWidth)
{
}

cv::Mat GuardTap::toBgr(const capture::VideoFrame &frame, int width)
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

void GuardTap::deliverVideo(capture::VideoFrame frame)
{
    if (!m_lastOffered || frame.timestamp - *m_lastOffered >= m_interval) {
        if (auto picture = toBgr(frame, m_width); !picture.empty()) {
            m_guard.submitFrame(picture, frame.timestamp);
            m_lastOffered = frame.timestamp;
        }
    }
    m_downstream.deliverVideo(std::move(frame));
}

void GuardTap::deliverAudio(capture::AudioChunk chunk)
{
    m_downstream.deliverAudio(std::move(chunk));
}

void GuardTap::deliverEvent(capture::SourceEvent event)
{
    m_downstream.deliverEvent(std::move(event));
}

void GuardTap::awaitCapacity(const std::stop_token &stop)
{
    m_downstream.awaitCapacity(stop);
}

} // namespace dualrec::vision
