#include "app/capturesetup.h"

#include "core/capture/camera/camerasource.h"
#include "core/capture/filesource.h"

#include <QCameraDevice>
#include <QMediaDevices>

namespace dualrec::app {

std::unique_ptr<capture::CaptureSource> makeSource(SourceKind kind, const QString &file, const SourceFormat &format,
                                                   const Clock &clock)
{
    switch (kind) {
    case SourceKind::Demo: {
        capture::SyntheticSettings synthetic;
        synthetic.width = format.width;
        synthetic.height = format.height;
        synthetic.framesPerSecond = format.framesPerSecond;
        synthetic.pace = format.pace;
        synthetic.origin = format.origin;
        synthetic.duration = format.demoDuration;
        return std::make_unique<capture::SyntheticSource>(synthetic, clock);
    }
    case SourceKind::File:
        return std::make_unique<capture::FileSource>(file, format.pace, clock, format.loopFile);
    case SourceKind::Camera: {
        capture::CameraSettings camera;
        camera.width = format.width;
        camera.height = format.height;
        camera.framesPerSecond = format.framesPerSecond;
        camera.cameraId = format.cameraId;
        camera.microphoneId = format.microphoneId;
        return std::make_unique<capture::CameraSource>(camera, clock);
    }
    case SourceKind::Invalid:
        break;
    }
    return {};
}

CameraOrDemoSource::CameraOrDemoSource(SourceFormat format, const Clock &clock) : m_format(std::move(format)), m_clock(clock)
{
}

Result<void> CameraOrDemoSource::start(capture::CaptureSink &sink)
{
    if (!m_chosen) {
        const auto cameras = QMediaDevices::videoInputs();
        m_cameraFound = !cameras.isEmpty();
        if (*m_cameraFound)
            m_cameraName = QMediaDevices::defaultVideoInput().description();
        m_chosen = makeSource(*m_cameraFound ? SourceKind::Camera : SourceKind::Demo, QString(), m_format, m_clock);
    }
    return m_chosen->start(sink);
}

void CameraOrDemoSource::stop()
{
    if (m_chosen)
        m_chosen->stop();
}

QString CameraOrDemoSource::description() const
{
    return m_chosen ? m_chosen->description() : QStringLiteral("the camera, or the demo source without one (not started)");
}

Result<std::unique_ptr<vision::PresenceGuard>> makeGuard(const QString &commandLineModel, FaceModelChoice &choice)
{
    auto model = chooseFaceModel(commandLineModel);
    if (!model)
        return std::unexpected(model.error());
    choice = *model;
    vision::AnalyzerConfig analyzer;
    analyzer.detector.yunetModelPath = model->yunetModelPath;
    return vision::PresenceGuard::create(analyzer);
}

} // namespace dualrec::app
