#pragma once

#include <QByteArray>
#include <QString>

#include <chrono>

namespace dualrec::capture {

/// Pixel layouts a source may deliver. Planes are stored tightly packed, one after the other.
enum class PixelFormat : quint8 {
    Invalid = 0,
    I420, ///< planar Y, U, V; U and V at half width and height (even sizes only)
    Nv12, ///< planar Y, then interleaved UV at half height (even sizes only)
    Bgra, ///< 4 bytes per pixel, B G R A in memory order
};

/// Bytes one frame of `format` takes with tightly packed planes; 0 for an invalid combination.
[[nodiscard]] qsizetype frameBytes(PixelFormat format, int width, int height);

/// One captured picture. `timestamp` is the capture time on the monotonic clock every source of
/// a recording shares (Clock::monotonicNow()), so video and audio line up.
struct VideoFrame final {
    std::chrono::nanoseconds timestamp{0};
    PixelFormat format = PixelFormat::Invalid;
    int width = 0;
    int height = 0;
    QByteArray data; ///< frameBytes(format, width, height) bytes (implicitly shared: cheap to pass)

    [[nodiscard]] bool isValid() const { return width > 0 && height > 0 && data.size() == frameBytes(format, width, height); }
};

/// A run of captured audio: interleaved signed 16-bit samples. `timestamp` is the capture time
/// of the first sample on the same clock as the video.
struct AudioChunk final {
    std::chrono::nanoseconds timestamp{0};
    int sampleRate = 48000;
    int channels = 1;
    QByteArray samples;

    [[nodiscard]] qsizetype frameCount() const { return channels > 0 ? samples.size() / qsizetype(2 * channels) : 0; }
};

/// Something happened to a source's devices or input.
enum class SourceEventType : quint8 {
    Invalid = 0,
    VideoLost,     ///< the camera disappeared (unplugged, taken by another program)
    VideoRestored, ///< ... and is back
    AudioLost,
    AudioRestored,
    EndOfInput,    ///< a file or a finite synthetic source has delivered everything
    Failed,        ///< the source cannot continue (detail says why)
};

[[nodiscard]] const char *sourceEventTypeName(SourceEventType type);

struct SourceEvent final {
    SourceEventType type = SourceEventType::Invalid;
    std::chrono::nanoseconds timestamp{0}; ///< monotonic, same clock as the frames
    QString detail;                        ///< stable English
};

} // namespace dualrec::capture
