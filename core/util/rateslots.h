#pragma once

#include <chrono>
#include <optional>

namespace dualrec {

/// Picks items at a steady rate from a stream that has its own timing (video frames, audio
/// chunks): one item per slot of 1/perSecond, the slots counted on from the first item taken.
/// So 8 a second from a 25 fps camera are 8 (gaps of 120 and 160 ms), not every fourth frame,
/// and 10 a second are 10, not every third. Far behind, or a timestamp going backwards (a looping
/// file, a restarted camera), starts the slots again. 0 (or less) per second takes nothing.
/// Not thread-safe: one owner, or a lock around it.
class RateSlots final
{
public:
    explicit RateSlots(double perSecond)
        : m_interval(perSecond > 0 ? std::chrono::nanoseconds(static_cast<long long>(1e9 / perSecond))
                                   : std::chrono::nanoseconds::max())
    {
    }

    /// Whether an item at `now` would be taken.
    [[nodiscard]] bool due(std::chrono::nanoseconds now) const
    {
        if (m_interval == std::chrono::nanoseconds::max())
            return false;
        return !(m_next && now < *m_next && *m_next - now <= m_interval);
    }

    /// Takes the item at `now` when it is due; says whether it did.
    bool take(std::chrono::nanoseconds now)
    {
        if (!due(now))
            return false;
        m_next = (m_next && now >= *m_next && now - *m_next < m_interval) ? *m_next + m_interval : now + m_interval;
        return true;
    }

    [[nodiscard]] std::chrono::nanoseconds interval() const { return m_interval; }

private:
    std::chrono::nanoseconds m_interval;
    std::optional<std::chrono::nanoseconds> m_next; ///< the start of the next slot
};

} // namespace dualrec
