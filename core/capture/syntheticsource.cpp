#include "core/capture/syntheticsource.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>
#include <random>

namespace dualrec::capture {

using namespace std::chrono;

SyntheticSource::SyntheticSource(SyntheticSettings settings, const Clock &clock)
    : m_settings(settings), m_clock(clock)
{
}

SyntheticSource::~SyntheticSource()
{
    stop();
}

QString SyntheticSource::description() const
{
    return QStringLiteral("synthetic %1x%2@%3").arg(m_settings.width).arg(m_settings.height).arg(m_settings.framesPerSecond);
}

Result<void> SyntheticSource::start(CaptureSink &sink)
{
    if (m_thread.joinable())
        return fail(ErrorCode::InvalidState, QStringLiteral("synthetic source already started"));
    if (frameBytes(PixelFormat::I420, m_settings.width, m_settings.height) == 0 || m_settings.framesPerSecond <= 0
        || m_settings.sampleRate <= 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("synthetic source: invalid size, frame rate or sample rate"));
    m_origin = m_settings.origin.value_or(m_clock.monotonicNow());
    m_thread = std::jthread([this, &sink](std::stop_token stop) { run(stop, sink); });
    return {};
}

void SyntheticSource::stop()
{
    if (m_thread.joinable()) {
        m_thread.request_stop();
        m_thread.join();
    }
    m_thread = {};
}

void SyntheticSource::paint(qint64 frameIndex, QByteArray &data) const
{
    const int w = m_settings.width;
    const int h = m_settings.height;
    auto *y = reinterpret_cast<uchar *>(data.data());
    auto *u = y + qsizetype(w) * h;
    auto *v = u + qsizetype(w / 2) * (h / 2);
    const auto interval = std::max<qint64>(1, m_settings.syncInterval.count() * m_settings.framesPerSecond / 1000);
    if (frameIndex % interval == 0) {
        // The flash: the whole picture white, nothing else in it.
        std::memset(y, 235, size_t(w) * size_t(h));
        std::memset(u, 128, size_t(w / 2) * size_t(h / 2));
        std::memset(v, 128, size_t(w / 2) * size_t(h / 2));
        return;
    }
    // Dark vertical bars (mean luma stays far below the flash) and a box moving left to right.
    for (int col = 0; col < w; ++col)
        y[col] = uchar(32 + ((col * 8 / w) * 10));
    for (int row = 1; row < h; ++row)
        std::memcpy(y + qsizetype(row) * w, y, size_t(w));
    const int box = std::max(8, h / 6) & ~1;
    const int boxX = int((frameIndex * 8) % std::max(1, w - box)) & ~1;
    const int boxY = (h - box) / 2 & ~1;
    for (int row = boxY; row < boxY + box; ++row)
        std::memset(y + qsizetype(row) * w + boxX, 160, size_t(box));
    for (int row = 0; row < h / 2; ++row) {
        std::memset(u + qsizetype(row) * (w / 2), 128 + (row * 64 / (h / 2)) - 32, size_t(w / 2));
        std::memset(v + qsizetype(row) * (w / 2), 128, size_t(w / 2));
    }
    if (m_settings.noise) {
        thread_local std::minstd_rand random(12345);
        for (qsizetype i = 0; i < qsizetype(w) * h; i += 1) {
            const int value = int(y[i]) + int(random() % 48) - 24;
            y[i] = uchar(std::clamp(value, 16, 235));
        }
    }
}

void SyntheticSource::run(const std::stop_token &stop, CaptureSink &sink)
{
    const auto fps = m_settings.framesPerSecond;
    const auto rate = m_settings.sampleRate;
    const auto frameDuration = [fps](qint64 n) { return nanoseconds(n * 1'000'000'000LL / fps); };
    const qint64 frameLimit = m_settings.duration ? m_settings.duration->count() * fps / 1000 : -1;
    const qint64 syncSamples = m_settings.syncInterval.count() * rate / 1000;
    const qint64 beepSamples = m_settings.beepLength.count() * rate / 1000;
    qint64 samplesSent = 0;
    const auto bytes = frameBytes(PixelFormat::I420, m_settings.width, m_settings.height);

    for (qint64 n = 0; !stop.stop_requested() && (frameLimit < 0 || n < frameLimit); ++n) {
        const auto due = m_origin + frameDuration(n);
        if (m_settings.pace == Pace::RealTime) {
            const auto wait = due - m_clock.monotonicNow();
            if (wait > nanoseconds::zero())
                std::this_thread::sleep_for(wait);
        } else {
            sink.awaitCapacity(stop);
            if (stop.stop_requested())
                break;
        }

        // Audio up to the end of this frame, sample-exact on the same origin.
        const qint64 samplesDue = (n + 1) * rate / fps;
        AudioChunk chunk;
        chunk.timestamp = m_origin + nanoseconds(samplesSent * 1'000'000'000LL / rate);
        chunk.sampleRate = rate;
        chunk.channels = 1;
        chunk.samples.resize((samplesDue - samplesSent) * 2);
        auto *pcm = reinterpret_cast<qint16 *>(chunk.samples.data());
        const qint64 given = m_settings.audio.size() / qint64(sizeof(qint16));
        for (qint64 s = samplesSent; !m_settings.audio.isEmpty() && s < samplesDue; ++s) {
            qint16 sample = 0;
            if (s < given)
                std::memcpy(&sample, m_settings.audio.constData() + s * qint64(sizeof sample), sizeof sample);
            pcm[s - samplesSent] = sample;
        }
        for (qint64 s = samplesSent; m_settings.audio.isEmpty() && s < samplesDue; ++s) {
            const double t = double(s) / rate;
            const bool beep = syncSamples > 0 && (s % syncSamples) < beepSamples;
            const double value = beep ? 0.8 * std::sin(2 * std::numbers::pi * 1000 * t)
                                      : m_settings.toneLevel * std::sin(2 * std::numbers::pi * 440 * t);
            pcm[s - samplesSent] = qint16(std::lround(std::clamp(value, -1.0, 1.0) * 32767));
        }
        samplesSent = samplesDue;

        VideoFrame frame;
        frame.timestamp = due;
        frame.format = PixelFormat::I420;
        frame.width = m_settings.width;
        frame.height = m_settings.height;
        frame.data.resize(bytes);
        paint(n, frame.data);
        sink.deliverVideo(std::move(frame));
        sink.deliverAudio(std::move(chunk));
    }
    if (!stop.stop_requested())
        sink.deliverEvent({SourceEventType::EndOfInput, m_clock.monotonicNow(), QStringLiteral("synthetic source finished")});
}

} // namespace dualrec::capture
