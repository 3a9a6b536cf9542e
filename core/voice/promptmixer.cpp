#include "core/voice/promptmixer.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace dualrec::voice {

using namespace std::chrono;

void PromptMixer::start(PcmClip clip, nanoseconds at)
{
    const std::lock_guard lock(m_mutex);
    const auto length = clip.sampleRate > 0 ? nanoseconds(clip.frameCount() * 1'000'000'000LL / clip.sampleRate) : nanoseconds(0);
    m_clip = std::move(clip);
    m_atRate = {};
    m_start = at;
    m_end = at + length;
    m_unmixed = false;
    log({at, m_end});
}

void PromptMixer::startUnmixed(nanoseconds at)
{
    const std::lock_guard lock(m_mutex);
    m_clip = {};
    m_atRate = {};
    m_start = at;
    m_end = nanoseconds::max();
    m_unmixed = true;
    log({at, m_end});
}

void PromptMixer::log(Playback playback)
{
    // A new prompt ends the one before it.
    if (!m_playbacks.isEmpty())
        m_playbacks.last().end = std::min(m_playbacks.last().end, playback.start);
    m_playbacks.append(playback);
    if (m_playbacks.size() > kPlaybackLog)
        m_playbacks.removeFirst();
}

QList<PromptMixer::Playback> PromptMixer::playbacks() const
{
    const std::lock_guard lock(m_mutex);
    return m_playbacks;
}

void PromptMixer::stop(nanoseconds at)
{
    const std::lock_guard lock(m_mutex);
    m_end = std::min(m_end, std::max(at, m_start));
    if (!m_playbacks.isEmpty())
        m_playbacks.last().end = std::min(m_playbacks.last().end, std::max(at, m_playbacks.last().start));
}

bool PromptMixer::playing(nanoseconds at) const
{
    const std::lock_guard lock(m_mutex);
    return (!m_clip.isEmpty() || m_unmixed) && at >= m_start && at < m_end;
}

void PromptMixer::mixInto(capture::AudioChunk &chunk)
{
    const std::lock_guard lock(m_mutex);
    if (m_clip.isEmpty() || chunk.sampleRate <= 0 || chunk.channels <= 0)
        return;
    const auto frames = chunk.frameCount();
    const auto chunkEnd = chunk.timestamp + nanoseconds(frames * 1'000'000'000LL / chunk.sampleRate);
    if (chunkEnd <= m_start || chunk.timestamp >= m_end)
        return;
    if (m_atRate.sampleRate != chunk.sampleRate)
        m_atRate = m_clip.resampled(chunk.sampleRate);
    const auto rate = chunk.sampleRate;
    // Frame k of the chunk sounds at timestamp + k/rate; the prompt's frame there is
    // (that time - start) * rate.
    const auto offset = qsizetype(std::llround(double((chunk.timestamp - m_start).count()) * rate / 1e9));
    const auto lastFrame = qsizetype(std::llround(double((m_end - m_start).count()) * rate / 1e9));
    const auto promptFrames = std::min(m_atRate.frameCount(), lastFrame);
    auto *out = chunk.samples.data(); // detaches once: the recorder's copy only
    const auto *prompt = m_atRate.samples.constData();
    for (qsizetype k = 0; k < frames; ++k) {
        const auto index = offset + k;
        if (index < 0)
            continue;
        if (index >= promptFrames)
            break;
        qint16 add = 0;
        std::memcpy(&add, prompt + index * qsizetype(sizeof add), sizeof add);
        const int scaled = int(std::lround(add * kGain));
        for (int c = 0; c < chunk.channels; ++c) {
            auto *slot = out + (k * chunk.channels + c) * qsizetype(sizeof(qint16));
            qint16 sample = 0;
            std::memcpy(&sample, slot, sizeof sample);
            const auto mixed = qint16(std::clamp(int(sample) + scaled, -32768, 32767));
            std::memcpy(slot, &mixed, sizeof mixed);
        }
    }
}

} // namespace dualrec::voice
