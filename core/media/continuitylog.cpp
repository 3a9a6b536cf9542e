#include "core/media/continuitylog.h"

namespace dualrec::media {

using namespace std::chrono;

const char *gapReasonName(GapReason reason)
{
    switch (reason) {
    case GapReason::Invalid: return "invalid";
    case GapReason::Pause: return "pause";
    case GapReason::VideoLost: return "video-lost";
    case GapReason::AudioLost: return "audio-lost";
    case GapReason::DroppedFrames: return "dropped-frames";
    case GapReason::AudioMissing: return "audio-missing";
    }
    return "unknown";
}

void ContinuityLog::begin(GapReason reason, milliseconds at, const QString &detail)
{
    std::lock_guard lock(m_mutex);
    for (const auto &gap : std::as_const(m_gaps)) {
        if (gap.open && gap.reason == reason)
            return;
    }
    m_gaps.append(Gap{reason, at, at, true, 0, detail});
}

void ContinuityLog::end(GapReason reason, milliseconds at)
{
    std::lock_guard lock(m_mutex);
    for (auto &gap : m_gaps) {
        if (gap.open && gap.reason == reason) {
            gap.open = false;
            gap.end = std::max(at, gap.start);
        }
    }
}

void ContinuityLog::add(GapReason reason, milliseconds start, milliseconds end, qint64 count, const QString &detail)
{
    std::lock_guard lock(m_mutex);
    for (auto it = m_gaps.rbegin(); it != m_gaps.rend(); ++it) {
        if (it->reason != reason || it->open)
            continue;
        if (start - it->end < seconds(1)) {
            it->end = std::max(it->end, end);
            it->count += count;
            return;
        }
        break;
    }
    m_gaps.append(Gap{reason, start, std::max(start, end), false, count, detail});
}

void ContinuityLog::closeAll(milliseconds at)
{
    std::lock_guard lock(m_mutex);
    for (auto &gap : m_gaps) {
        if (gap.open) {
            gap.open = false;
            gap.end = std::max(at, gap.start);
        }
    }
}

bool ContinuityLog::explained(milliseconds start, milliseconds end) const
{
    std::lock_guard lock(m_mutex);
    for (const auto &gap : m_gaps) {
        if (gap.reason != GapReason::Pause && gap.reason != GapReason::VideoLost && gap.reason != GapReason::AudioLost)
            continue;
        // An open gap explains everything after its start; a closed one its interval plus a
        // second of slack for the frames already in flight when it was noticed.
        const auto gapEnd = gap.open ? milliseconds::max() : gap.end + seconds(1);
        if (start >= gap.start - seconds(1) && end <= gapEnd)
            return true;
    }
    return false;
}

QList<Gap> ContinuityLog::gaps() const
{
    std::lock_guard lock(m_mutex);
    return m_gaps;
}

} // namespace dualrec::media
