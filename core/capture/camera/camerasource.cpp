#include "core/capture/camera/camerasource.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSource>
#include <QCamera>
#include <QCameraDevice>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QVideoFrame>
#include <QVideoSink>

#include <cstring>

namespace dualrec::capture {

using namespace std::chrono;

struct CameraSource::Devices {
    QMediaDevices watcher;
    QCameraDevice cameraDevice;
    QAudioDevice microphoneDevice;
    std::unique_ptr<QCamera> camera;
    std::unique_ptr<QMediaCaptureSession> session;
    std::unique_ptr<QVideoSink> videoSink;
    std::unique_ptr<QAudioSource> audio;
    QIODevice *audioStream = nullptr;
    QString description;
};

namespace {

/// Copies a mapped frame into our tightly packed layout; formats we do not know go through
/// QVideoFrame::toImage() (BGRA).
VideoFrame convert(QVideoFrame frame, nanoseconds timestamp)
{
    VideoFrame out;
    out.timestamp = timestamp;
    const auto format = frame.pixelFormat();
    const int w = frame.width() & ~1;
    const int h = frame.height() & ~1;
    if ((format == QVideoFrameFormat::Format_YUV420P || format == QVideoFrameFormat::Format_NV12)
        && frame.map(QVideoFrame::ReadOnly)) {
        out.format = format == QVideoFrameFormat::Format_YUV420P ? PixelFormat::I420 : PixelFormat::Nv12;
        out.width = w;
        out.height = h;
        out.data.resize(frameBytes(out.format, w, h));
        auto *dst = reinterpret_cast<uchar *>(out.data.data());
        const auto copyPlane = [&](int plane, int rowBytes, int rows) {
            for (int row = 0; row < rows; ++row) {
                std::memcpy(dst, frame.bits(plane) + qsizetype(row) * frame.bytesPerLine(plane), size_t(rowBytes));
                dst += rowBytes;
            }
        };
        copyPlane(0, w, h);
        if (out.format == PixelFormat::I420) {
            copyPlane(1, w / 2, h / 2);
            copyPlane(2, w / 2, h / 2);
        } else {
            copyPlane(1, w, h / 2);
        }
        frame.unmap();
        return out;
    }
    const auto image = frame.toImage().convertToFormat(QImage::Format_ARGB32); // BGRA in memory (little endian)
    out.format = PixelFormat::Bgra;
    out.width = image.width() & ~1;
    out.height = image.height() & ~1;
    out.data.resize(frameBytes(PixelFormat::Bgra, out.width, out.height));
    for (int row = 0; row < out.height; ++row)
        std::memcpy(out.data.data() + qsizetype(row) * out.width * 4, image.constScanLine(row), size_t(out.width) * 4);
    return out;
}

} // namespace

CameraSource::CameraSource(CameraSettings settings, const Clock &clock, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_clock(clock)
{
}

CameraSource::~CameraSource()
{
    stop();
}

QStringList CameraSource::availableCameras()
{
    QStringList cameras;
    for (const auto &device : QMediaDevices::videoInputs())
        cameras.append(QString::fromUtf8(device.id()) + QStringLiteral(": ") + device.description());
    return cameras;
}

QString CameraSource::description() const
{
    return m_devices ? m_devices->description : QStringLiteral("camera");
}

Result<void> CameraSource::start(CaptureSink &sink)
{
    if (m_devices)
        return fail(ErrorCode::InvalidState, QStringLiteral("camera already started"));
    m_sink = &sink;
    m_devices = std::make_unique<Devices>();
    const auto cameras = QMediaDevices::videoInputs();
    for (const auto &device : cameras) {
        if (m_settings.cameraId.isEmpty() ? device == QMediaDevices::defaultVideoInput() : device.id() == m_settings.cameraId)
            m_devices->cameraDevice = device;
    }
    if (m_devices->cameraDevice.isNull()) {
        m_devices.reset();
        return fail(ErrorCode::DeviceUnavailable, m_settings.cameraId.isEmpty()
                                                      ? QStringLiteral("no camera found")
                                                      : QStringLiteral("camera %1 not found").arg(QString::fromUtf8(m_settings.cameraId)));
    }
    for (const auto &device : QMediaDevices::audioInputs()) {
        if (m_settings.microphoneId.isEmpty() ? device == QMediaDevices::defaultAudioInput() : device.id() == m_settings.microphoneId)
            m_devices->microphoneDevice = device;
    }
    if (m_devices->microphoneDevice.isNull()) {
        m_devices.reset();
        return fail(ErrorCode::DeviceUnavailable, QStringLiteral("no microphone found"));
    }
    // Remember the ids, so that an unplugged device is recognised when it returns.
    m_settings.cameraId = m_devices->cameraDevice.id();
    m_settings.microphoneId = m_devices->microphoneDevice.id();
    connect(&m_devices->watcher, &QMediaDevices::videoInputsChanged, this, &CameraSource::onVideoInputsChanged);
    connect(&m_devices->watcher, &QMediaDevices::audioInputsChanged, this, &CameraSource::onAudioInputsChanged);
    if (auto opened = openCamera(); !opened) {
        m_devices.reset();
        return opened;
    }
    if (auto opened = openMicrophone(); !opened) {
        m_devices.reset();
        return opened;
    }
    return {};
}

Result<void> CameraSource::openCamera()
{
    auto &d = *m_devices;
    // Format negotiation: the frame rate must fit; then the size closest to the wanted one;
    // then a YUV format (copied without conversion).
    QCameraFormat best;
    qint64 bestScore = std::numeric_limits<qint64>::max();
    for (const auto &format : d.cameraDevice.videoFormats()) {
        if (format.maxFrameRate() + 0.5f < float(m_settings.framesPerSecond))
            continue;
        const auto size = format.resolution();
        qint64 score = std::abs(qint64(size.width()) * size.height() - qint64(m_settings.width) * m_settings.height);
        if (format.pixelFormat() != QVideoFrameFormat::Format_YUV420P && format.pixelFormat() != QVideoFrameFormat::Format_NV12)
            score += 1;
        if (score < bestScore) {
            bestScore = score;
            best = format;
        }
    }
    d.camera = std::make_unique<QCamera>(d.cameraDevice);
    if (!best.isNull())
        d.camera->setCameraFormat(best);
    d.session = std::make_unique<QMediaCaptureSession>();
    d.videoSink = std::make_unique<QVideoSink>();
    d.session->setCamera(d.camera.get());
    d.session->setVideoSink(d.videoSink.get());
    connect(d.videoSink.get(), &QVideoSink::videoFrameChanged, this, [this](const QVideoFrame &frame) {
        if (frame.isValid() && m_sink)
            m_sink->deliverVideo(convert(frame, m_clock.monotonicNow()));
    }, Qt::DirectConnection);
    connect(d.camera.get(), &QCamera::errorOccurred, this, [this](QCamera::Error error, const QString &text) {
        if (error != QCamera::NoError && m_sink)
            m_sink->deliverEvent({SourceEventType::VideoLost, m_clock.monotonicNow(), QStringLiteral("camera error: ") + text});
    });
    d.description = QStringLiteral("camera %1 (%2x%3), microphone %4")
                        .arg(d.cameraDevice.description())
                        .arg(best.resolution().width())
                        .arg(best.resolution().height())
                        .arg(d.microphoneDevice.description());
    d.camera->start();
    return {};
}

Result<void> CameraSource::openMicrophone()
{
    auto &d = *m_devices;
    QAudioFormat format;
    format.setSampleRate(m_settings.sampleRate);
    format.setChannelCount(1);
    format.setSampleFormat(QAudioFormat::Int16);
    if (!d.microphoneDevice.isFormatSupported(format))
        format = d.microphoneDevice.preferredFormat();
    if (format.sampleFormat() != QAudioFormat::Int16) {
        format.setSampleFormat(QAudioFormat::Int16);
        if (!d.microphoneDevice.isFormatSupported(format))
            return fail(ErrorCode::DeviceUnavailable, QStringLiteral("microphone offers no 16-bit format"));
    }
    d.audio = std::make_unique<QAudioSource>(d.microphoneDevice, format);
    d.audioStream = d.audio->start();
    if (!d.audioStream)
        return fail(ErrorCode::DeviceUnavailable, QStringLiteral("microphone cannot be opened"));
    const int rate = format.sampleRate();
    const int channels = format.channelCount();
    connect(d.audioStream, &QIODevice::readyRead, this, [this, rate, channels] {
        if (!m_devices || !m_devices->audioStream || !m_sink)
            return;
        AudioChunk chunk;
        chunk.samples = m_devices->audioStream->readAll();
        chunk.sampleRate = rate;
        chunk.channels = channels;
        // The samples just read ended now; the first one was captured their length earlier.
        chunk.timestamp = m_clock.monotonicNow() - nanoseconds(chunk.frameCount() * 1'000'000'000LL / rate);
        m_sink->deliverAudio(std::move(chunk));
    });
    return {};
}

void CameraSource::onVideoInputsChanged()
{
    if (!m_devices || !m_sink)
        return;
    const auto inputs = QMediaDevices::videoInputs();
    const auto it = std::find_if(inputs.begin(), inputs.end(), [this](const QCameraDevice &device) { return device.id() == m_settings.cameraId; });
    if (it == inputs.end() && !m_videoLost) {
        m_videoLost = true;
        m_devices->session.reset();
        m_devices->camera.reset();
        m_sink->deliverEvent({SourceEventType::VideoLost, m_clock.monotonicNow(), QStringLiteral("camera unplugged")});
    } else if (it != inputs.end() && m_videoLost) {
        m_devices->cameraDevice = *it;
        if (openCamera()) {
            m_videoLost = false;
            m_sink->deliverEvent({SourceEventType::VideoRestored, m_clock.monotonicNow(), QStringLiteral("camera back")});
        }
    }
}

void CameraSource::onAudioInputsChanged()
{
    if (!m_devices || !m_sink)
        return;
    const auto inputs = QMediaDevices::audioInputs();
    const auto it = std::find_if(inputs.begin(), inputs.end(), [this](const QAudioDevice &device) { return device.id() == m_settings.microphoneId; });
    if (it == inputs.end() && !m_audioLost) {
        m_audioLost = true;
        m_devices->audioStream = nullptr;
        m_devices->audio.reset();
        m_sink->deliverEvent({SourceEventType::AudioLost, m_clock.monotonicNow(), QStringLiteral("microphone unplugged")});
    } else if (it != inputs.end() && m_audioLost) {
        m_devices->microphoneDevice = *it;
        if (openMicrophone()) {
            m_audioLost = false;
            m_sink->deliverEvent({SourceEventType::AudioRestored, m_clock.monotonicNow(), QStringLiteral("microphone back")});
        }
    }
}

void CameraSource::stop()
{
    if (!m_devices)
        return;
    if (m_devices->camera)
        m_devices->camera->stop();
    if (m_devices->audio)
        m_devices->audio->stop();
    m_devices.reset();
    m_sink = nullptr;
}

} // namespace dualrec::capture
