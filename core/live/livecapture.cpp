#include "core/live/livecapture.h"

#include "core/vision/frameconvert.h"

#include <QMetaMethod>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace dualrec::live {

using namespace std::chrono;

namespace {

constexpr double kSilenceDbfs = -120.0;

} // namespace

LiveCapture::LiveCapture(std::unique_ptr<capture::CaptureSource> source, std::unique_ptr<vision::PresenceGuard> guard,
                         LiveOptions options, QObject *parent)
    : QObject(parent), m_source(std::move(source)), m_guard(std::move(guard)), m_options(options)
{
    static const int registered = [] {
        qRegisterMetaType<capture::VideoFrame>();
        qRegisterMetaType<capture::SourceEvent>();
        return 0;
    }();
    Q_UNUSED(registered)
}

LiveCapture::~LiveCapture()
{
    stop();
}

Result<void> LiveCapture::start()
{
    if (m_running)
        return {};
    auto started = m_source->start(*this);
    if (started)
        m_running = true;
    return started;
}

void LiveCapture::stop()
{
    if (!m_running)
        return;
    m_source->stop();
    m_running = false;
}

void LiveCapture::setRecorder(capture::CaptureSink *sink)
{
    const std::unique_lock lock(m_recorderMutex);
    m_recorder = sink;
}

void LiveCapture::setMicrophoneListener(MicrophoneListener *listener)
{
    const std::unique_lock lock(m_recorderMutex);
    m_microphoneListener = listener;
}

capture::VideoFrame LiveCapture::latestFrame() const
{
    const std::lock_guard lock(m_latestMutex);
    return m_latest;
}

std::optional<capture::SourceEvent> LiveCapture::lastEvent() const
{
    const std::lock_guard lock(m_latestMutex);
    return m_lastEvent;
}

namespace {

capture::VideoFrame bgraOf(const cv::Mat &bgr, std::chrono::nanoseconds timestamp)
{
    if (bgr.empty())
        return {};
    capture::VideoFrame picture;
    picture.timestamp = timestamp;
    picture.format = capture::PixelFormat::Bgra;
    picture.width = bgr.cols;
    picture.height = bgr.rows;
    picture.data.resize(capture::frameBytes(picture.format, picture.width, picture.height));
    cv::Mat bgra(picture.height, picture.width, CV_8UC4, picture.data.data());
    cv::cvtColor(bgr, bgra, cv::COLOR_BGR2BGRA);
    return picture;
}

} // namespace

capture::VideoFrame LiveCapture::toBgra(const capture::VideoFrame &frame, int width)
{
    return bgraOf(vision::toBgr(frame, width), frame.timestamp);
}

double LiveCapture::peakDbfs(const capture::AudioChunk &chunk)
{
    const auto count = chunk.samples.size() / qsizetype(sizeof(qint16));
    int peak = 0;
    for (qsizetype i = 0; i < count; ++i) {
        qint16 sample = 0;
        std::memcpy(&sample, chunk.samples.constData() + i * qsizetype(sizeof(qint16)), sizeof sample);
        peak = std::max(peak, std::abs(int(sample)));
    }
    if (peak == 0)
        return kSilenceDbfs;
    return std::max(kSilenceDbfs, 20.0 * std::log10(double(peak) / 32768.0));
}

void LiveCapture::deliverVideo(capture::VideoFrame frame)
{
    const bool preview = m_previewSlots.take(frame.timestamp)
                         && isSignalConnected(QMetaMethod::fromSignal(&LiveCapture::previewReady));
    // Only converted when the guard will take it (its own rate, by capture time).
    const bool check = m_guard && m_guard->wantsFrame(frame.timestamp);
    // The colour conversion of the full frame is the costly part: when both are due, the
    // guard's small copy is scaled down from the preview's.
    cv::Mat previewBgr;
    if (preview) {
        previewBgr = vision::toBgr(frame, m_options.previewWidth);
        if (auto picture = bgraOf(previewBgr, frame.timestamp); picture.isValid())
            Q_EMIT previewReady(picture);
    }
    if (check) {
        cv::Mat small;
        if (!previewBgr.empty() && previewBgr.cols == m_options.analysisWidth)
            small = previewBgr; // the preview's own copy: nothing writes into it any more
        else if (!previewBgr.empty() && previewBgr.cols > m_options.analysisWidth)
            cv::resize(previewBgr, small,
                       cv::Size(m_options.analysisWidth, std::max(2, previewBgr.rows * m_options.analysisWidth / previewBgr.cols)),
                       0, 0, cv::INTER_AREA);
        else
            small = vision::toBgr(frame, m_options.analysisWidth);
        if (!small.empty())
            m_guard->submitFrame(small, frame.timestamp);
    }
    {
        const std::lock_guard lock(m_latestMutex);
        m_latest = frame; // implicitly shared bytes: no copy
    }
    const std::shared_lock lock(m_recorderMutex);
    if (m_recorder)
        m_recorder->deliverVideo(std::move(frame));
}

void LiveCapture::deliverAudio(capture::AudioChunk chunk)
{
    m_peak = std::max(m_peak, peakDbfs(chunk));
    if (m_levelSlots.take(chunk.timestamp)) {
        Q_EMIT audioLevel(m_peak);
        m_peak = kSilenceDbfs;
    }
    const std::shared_lock lock(m_recorderMutex);
    if (m_microphoneListener)
        m_microphoneListener->microphoneAudio(chunk); // before the prompt is mixed in (a shared copy)
    if (m_recorder) {
        m_promptMixer.mixInto(chunk);
        m_recorder->deliverAudio(std::move(chunk));
    }
}

void LiveCapture::deliverEvent(capture::SourceEvent event)
{
    {
        const std::lock_guard lock(m_latestMutex);
        m_lastEvent = event;
    }
    Q_EMIT sourceEvent(event);
    const std::shared_lock lock(m_recorderMutex);
    if (m_recorder)
        m_recorder->deliverEvent(std::move(event));
}

void LiveCapture::awaitCapacity(const std::stop_token &stop)
{
    const std::shared_lock lock(m_recorderMutex);
    if (m_recorder)
        m_recorder->awaitCapacity(stop);
}

} // namespace dualrec::live
