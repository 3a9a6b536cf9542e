#pragma once

#include <QByteArray>

#include <chrono>

namespace dualrec::voice {

/// Sound to play: 16-bit signed native-endian mono samples at `sampleRate`.
struct PcmClip final {
    int sampleRate = 0;
    QByteArray samples;

    [[nodiscard]] qsizetype frameCount() const { return samples.size() / qsizetype(sizeof(qint16)); }
    [[nodiscard]] bool isEmpty() const { return sampleRate <= 0 || frameCount() == 0; }
    [[nodiscard]] std::chrono::milliseconds duration() const;
    /// Peak level in dB full scale (-120 for silence).
    [[nodiscard]] double peakDbfs() const;
    /// The same sound at `rate` (linear interpolation; the prompt is speech, not music).
    [[nodiscard]] PcmClip resampled(int rate) const;
};

} // namespace dualrec::voice
