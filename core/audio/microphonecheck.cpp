#include "core/audio/microphonecheck.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace dualrec::audio {

using namespace std::chrono;

namespace {

constexpr nanoseconds kBlock = 100ms;
constexpr int kFullScale = 32700;

} // namespace

MicrophoneState MicrophoneCheck::feed(const capture::AudioChunk &chunk)
{
    if (chunk.sampleRate <= 0 || chunk.channels <= 0)
        return m_state;
    const auto frames = chunk.frameCount();
    if (!m_started || chunk.timestamp < m_blockStart || chunk.timestamp - m_blockStart > 2 * kBlock) {
        // The first chunk, or audio that does not follow (a device came back): judge afresh.
        m_started = true;
        m_blockStart = chunk.timestamp;
        m_blockPeak = 0;
        m_blockClipped = 0;
        m_quietRunning = false;
    }
    const auto *bytes = chunk.samples.constData();
    for (qsizetype f = 0; f < frames; ++f) {
        const auto at = chunk.timestamp + nanoseconds(f * 1'000'000'000LL / chunk.sampleRate);
        if (at - m_blockStart >= kBlock)
            endBlock(at);
        for (int c = 0; c < chunk.channels; ++c) {
            qint16 sample = 0;
            std::memcpy(&sample, bytes + (f * chunk.channels + c) * qsizetype(sizeof sample), sizeof sample);
            const int level = std::abs(int(sample));
            m_blockPeak = std::max(m_blockPeak, level);
            if (level >= kFullScale)
                ++m_blockClipped;
        }
    }
    return m_state;
}

void MicrophoneCheck::endBlock(nanoseconds end)
{
    const double peakDbfs = m_blockPeak == 0 ? -120.0 : 20.0 * std::log10(double(m_blockPeak) / 32768.0);
    if (peakDbfs < m_settings.quietBelowDbfs) {
        if (!m_quietRunning) {
            m_quietRunning = true;
            m_quietSince = m_blockStart;
        }
        m_state.tooQuiet = end - m_quietSince >= m_settings.quietFor;
    } else {
        m_quietRunning = false;
        m_state.tooQuiet = false;
    }
    if (m_blockClipped >= m_settings.clippedSamples) {
        m_state.clipping = true;
        m_lastClip = end;
    } else if (m_state.clipping && end - m_lastClip >= m_settings.clipClearsAfter) {
        m_state.clipping = false;
    }
    m_blockStart = end;
    m_blockPeak = 0;
    m_blockClipped = 0;
}

} // namespace dualrec::audio
