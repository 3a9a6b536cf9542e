#include "core/voice/pcmclip.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace dualrec::voice {

std::chrono::milliseconds PcmClip::duration() const
{
    if (sampleRate <= 0)
        return std::chrono::milliseconds(0);
    return std::chrono::milliseconds(frameCount() * 1000 / sampleRate);
}

double PcmClip::peakDbfs() const
{
    int peak = 0;
    const auto count = frameCount();
    for (qsizetype i = 0; i < count; ++i) {
        qint16 sample = 0;
        std::memcpy(&sample, samples.constData() + i * qsizetype(sizeof sample), sizeof sample);
        peak = std::max(peak, std::abs(int(sample)));
    }
    return peak == 0 ? -120.0 : std::max(-120.0, 20.0 * std::log10(double(peak) / 32768.0));
}

PcmClip PcmClip::resampled(int rate) const
{
    if (rate == sampleRate || isEmpty() || rate <= 0)
        return rate == sampleRate ? *this : PcmClip{rate, {}};
    const auto inCount = frameCount();
    const auto outCount = qsizetype(double(inCount) * rate / sampleRate);
    PcmClip out{rate, QByteArray(outCount * qsizetype(sizeof(qint16)), Qt::Uninitialized)};
    const auto sampleAt = [this](qsizetype i) {
        qint16 sample = 0;
        std::memcpy(&sample, samples.constData() + i * qsizetype(sizeof sample), sizeof sample);
        return double(sample);
    };
    const double step = double(sampleRate) / rate;
    for (qsizetype i = 0; i < outCount; ++i) {
        const double position = double(i) * step;
        const auto left = std::min(qsizetype(position), inCount - 1);
        const auto right = std::min(left + 1, inCount - 1);
        const double fraction = position - double(left);
        const auto value = qint16(std::lround(sampleAt(left) * (1.0 - fraction) + sampleAt(right) * fraction));
        std::memcpy(out.samples.data() + i * qsizetype(sizeof value), &value, sizeof value);
    }
    return out;
}

} // namespace dualrec::voice
