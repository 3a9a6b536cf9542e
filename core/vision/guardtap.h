#pragma once

#include "core/capture/capturesource.h"
#include "core/vision/presenceguard.h"

#include <QMutex>

namespace dualrec::vision {

/// Puts the presence guard on the capture path: passes everything on to the recorder (the
/// `downstream` sink) unchanged and, at most `checksPerSecond` times a second by capture time,
/// offers the guard a small BGR copy of the picture.
///
/// The conversion (colour + downscale to `analysisWidth`) runs on the capture thread only for
/// the frames the guard will look at — a few milliseconds a handful of times a second — and the
/// guard's mailbox never waits, so capture and encoding are never held up.
/// Thread contract: as CaptureSink (called from the source's thread).
class GuardTap final : public capture::CaptureSink
{
public:
    GuardTap(capture::CaptureSink &downstream, PresenceGuard &guard, double checksPerSecond = 8.0, int analysisWidth = 320);

    void deliverVideo(capture::VideoFrame frame) override;
    void deliverAudio(capture::AudioChunk chunk) override;
    void deliverEvent(capture::SourceEvent event) override;
    void awaitCapacity(const std::stop_token &stop) override;

    /// A frame as a BGR picture `width` pixels wide (aspect kept); empty when the frame is invalid.
    [[nodiscard]] static cv::Mat toBgr(const capture::VideoFrame &frame, int width);

private:
    capture::CaptureSink &m_downstream;
    PresenceGuard &m_guard;
    std::chrono::nanoseconds m_interval;
    int m_width;
    std::optional<std::chrono::nanoseconds> m_lastOffered;
};

} // namespace dualrec::vision
