#pragma once

#include "app/commandline.h"
#include "app/facemodelsetting.h"
#include "core/capture/capturesource.h"
#include "core/capture/syntheticsource.h"
#include "core/util/clock.h"
#include "core/vision/presenceguard.h"

#include <memory>

namespace dualrec::app {

/// The picture a source should deliver.
struct SourceFormat final {
    int width = 1280;
    int height = 720;
    int framesPerSecond = 25;
    capture::Pace pace = capture::Pace::RealTime;
    std::optional<std::chrono::nanoseconds> origin;          ///< demo source: timeline zero
    std::optional<std::chrono::milliseconds> demoDuration;   ///< demo source: ends after this much
    bool loopFile = false; ///< file source: start again at the end (the window), else end of input
    QByteArray cameraId;     ///< camera source: QCameraDevice::id(); empty: the system default
    QByteArray microphoneId; ///< camera source: QAudioDevice::id(); empty: the system default
};

/// The capture source `--source` names: the camera and microphone, the built-in demo source, or
/// a file played as if live. `Camera` with no camera on the machine gives the camera source,
/// which then reports it cannot start (the window uses CameraOrDemoSource instead).
[[nodiscard]] std::unique_ptr<capture::CaptureSource> makeSource(SourceKind kind, const QString &file,
                                                                 const SourceFormat &format, const Clock &clock);

/// The window's default source: the camera and microphone when the system has a camera, else
/// the built-in demo source, decided when it starts, not when it is made: asking the system for
/// cameras loads Qt Multimedia's back end, which the first window does not wait for
/// (scripts/bench startup). Same thread contract as CaptureSource.
class CameraOrDemoSource final : public capture::CaptureSource
{
public:
    CameraOrDemoSource(SourceFormat format, const Clock &clock);
    Result<void> start(capture::CaptureSink &sink) override;
    void stop() override;
    [[nodiscard]] QString description() const override;
    /// After start(): whether a camera was found (the camera records) or not (the demo source).
    [[nodiscard]] std::optional<bool> cameraFound() const { return m_cameraFound; }
    /// After start() with a camera: the system's name for it.
    [[nodiscard]] QString cameraName() const { return m_cameraName; }

private:
    SourceFormat m_format;
    const Clock &m_clock;
    std::unique_ptr<capture::CaptureSource> m_chosen;
    std::optional<bool> m_cameraFound;
    QString m_cameraName;
};

/// The presence guard with the face model chosen by chooseFaceModel(); `choice` tells which.
[[nodiscard]] Result<std::unique_ptr<vision::PresenceGuard>> makeGuard(const QString &commandLineModel,
                                                                       FaceModelChoice &choice);

} // namespace dualrec::app
