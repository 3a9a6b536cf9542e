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
/// a file played as if live. `Camera` with no camera on the machine gives the demo source when
/// `demoWithoutCamera` (the window), else the camera source, which then reports it cannot start.
[[nodiscard]] std::unique_ptr<capture::CaptureSource> makeSource(SourceKind kind, const QString &file,
                                                                 const SourceFormat &format, const Clock &clock,
                                                                 bool demoWithoutCamera = false);

/// The presence guard with the face model chosen by chooseFaceModel(); `choice` tells which.
[[nodiscard]] Result<std::unique_ptr<vision::PresenceGuard>> makeGuard(const QString &commandLineModel,
                                                                       FaceModelChoice &choice);

} // namespace dualrec::app
