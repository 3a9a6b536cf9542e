#pragma once

#include "core/capture/capturesource.h"
#include "core/util/clock.h"

#include <QByteArray>
#include <QObject>

#include <memory>

namespace dualrec::capture {

struct CameraSettings final {
    QByteArray cameraId;     ///< QCameraDevice::id(); empty: the system default
    QByteArray microphoneId; ///< QAudioDevice::id(); empty: the system default
    int width = 1280;        ///< wanted; the closest format the camera offers is used
    int height = 720;
    int framesPerSecond = 25;
    int sampleRate = 48000;
};

/// Camera + microphone through Qt Multimedia. Picks the camera format closest to the wanted
/// size whose frame-rate range covers the wanted rate; stamps frames and audio with the shared
/// monotonic clock on arrival. Watches QMediaDevices: when the camera or microphone disappears
/// it reports VideoLost/AudioLost, and when the same device id comes back it reopens it and
/// reports VideoRestored/AudioRestored.
///
/// Thread contract: create, start and stop in a thread with an event loop (the GUI thread);
/// frames are delivered from Qt Multimedia's threads.
class CameraSource final : public QObject, public CaptureSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CameraSource)

public:
    CameraSource(CameraSettings settings, const Clock &clock, QObject *parent = nullptr);
    ~CameraSource() override;

    /// Fails with DeviceUnavailable when there is no such camera or microphone.
    Result<void> start(CaptureSink &sink) override;
    void stop() override;
    [[nodiscard]] QString description() const override;

    /// The ids of the cameras present now ("id: description" for --help and logs).
    [[nodiscard]] static QStringList availableCameras();

private:
    struct Devices;
    Result<void> openCamera();
    Result<void> openMicrophone();
    void onVideoInputsChanged();
    void onAudioInputsChanged();

    CameraSettings m_settings;
    const Clock &m_clock;
    CaptureSink *m_sink = nullptr;
    std::unique_ptr<Devices> m_devices;
    bool m_videoLost = false;
    bool m_audioLost = false;
};

} // namespace dualrec::capture
