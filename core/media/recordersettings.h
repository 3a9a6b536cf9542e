#pragma once

#include "core/seal/devicekeys.h"

#include <QDateTime>
#include <QString>

#include <chrono>
#include <memory>

namespace dualrec::media {

/// Whether to try the platform's hardware H.264 encoders before libx264.
enum class HardwareEncoding : quint8 { Invalid = 0, Auto, Off };

/// Defaults: 1280x720, 25 fps, ~1.1 Mbit/s video + 64 kbit/s mono 48 kHz AAC = about 8.7 MB
/// per minute (the target is <= 9 MB). "superfast" keeps 720p25 real time with one core busy
/// elsewhere (tests/bench measures it); a 1 s GOP bounds what a crash can lose.
struct EncoderSettings final {
    int width = 1280;
    int height = 720;
    int framesPerSecond = 25;
    int videoBitrate = 1'100'000;
    int audioBitrate = 64'000;
    int sampleRate = 48'000;
    QString softwarePreset = QStringLiteral("superfast");
    HardwareEncoding hardware = HardwareEncoding::Auto;
    /// Encoder threads for libx264; 0 = automatic.
    int threads = 0;

    /// Bytes per second of the whole file (both streams, plus ~3% container overhead).
    [[nodiscard]] qint64 bytesPerSecond() const { return (qint64(videoBitrate) + audioBitrate) / 8 * 103 / 100; }
};

enum class WatermarkPosition : quint8 { Invalid = 0, TopLeft, TopRight, BottomLeft, BottomRight };

[[nodiscard]] const char *watermarkPositionName(WatermarkPosition position);

/// Burned into every frame: capture date-time (local, with UTC offset), agent id, application
/// number and session id. The labels are part of the evidence, so they are configurable data.
struct WatermarkSettings final {
    bool enabled = true;
    QString fontPath; ///< empty: the platform's font with Chinese characters (watermarkfont.h)
    WatermarkPosition position = WatermarkPosition::TopLeft;
    QString agentId;
    QString applicationNumber;
    QString sessionId;
    QString agentLabel = QStringLiteral("代理人");
    QString applicationLabel = QStringLiteral("投保单号");
    QString sessionLabel = QStringLiteral("会话");
};

/// Everything a Recorder needs to start.
struct RecorderSettings final {
    EncoderSettings encoder;
    WatermarkSettings watermark;
    /// The fragmented MP4 written while recording (crash-safe at every moment).
    QString outputPath;
    /// The data folder's device keys: the recording, its finalized copy and its sidecar are
    /// encrypted as written (docs/security.md). Null only in the media layer's own tests
    /// (plaintext); the application always sets it.
    std::shared_ptr<const seal::DeviceKeys> keys;
    /// Timeline zero on the monotonic clock the sources stamp with; frames before it are dropped.
    std::chrono::nanoseconds origin{0};
    /// Below this much free space on the output's file system the recording stops cleanly.
    qint64 minimumFreeBytes = 8 * 1024 * 1024;
    /// Queue bound between the capture callbacks and the encoder thread (about half a second).
    int videoQueueFrames = 12;
};

} // namespace dualrec::media
