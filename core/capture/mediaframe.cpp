#include "core/capture/mediaframe.h"

namespace dualrec::capture {

qsizetype frameBytes(PixelFormat format, int width, int height)
{
    if (width <= 0 || height <= 0)
        return 0;
    const auto pixels = qsizetype(width) * height;
    switch (format) {
    case PixelFormat::I420:
    case PixelFormat::Nv12:
        if (width % 2 != 0 || height % 2 != 0)
            return 0;
        return pixels + pixels / 2;
    case PixelFormat::Bgra:
        return pixels * 4;
    case PixelFormat::Invalid:
        return 0;
    }
    return 0;
}

const char *sourceEventTypeName(SourceEventType type)
{
    switch (type) {
    case SourceEventType::Invalid: return "invalid";
    case SourceEventType::VideoLost: return "video-lost";
    case SourceEventType::VideoRestored: return "video-restored";
    case SourceEventType::AudioLost: return "audio-lost";
    case SourceEventType::AudioRestored: return "audio-restored";
    case SourceEventType::EndOfInput: return "end-of-input";
    case SourceEventType::Failed: return "failed";
    }
    return "unknown";
}

} // namespace dualrec::capture
