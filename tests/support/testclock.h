#pragma once

#include "core/util/clock.h"

namespace dualrec::test {

/// A clock the test moves by hand; both clocks advance together.
class ManualClock final : public Clock
{
public:
    [[nodiscard]] QDateTime wallNow() const override { return m_wall; }
    [[nodiscard]] std::chrono::nanoseconds monotonicNow() const override { return m_monotonic; }

    void advance(std::chrono::milliseconds by)
    {
        m_monotonic += by;
        m_wall = m_wall.addMSecs(by.count());
    }
    /// The wall clock jumps (NTP, user); the monotonic clock does not.
    void jumpWall(std::chrono::seconds by) { m_wall = m_wall.addSecs(by.count()); }

private:
    QDateTime m_wall = QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC);
    std::chrono::nanoseconds m_monotonic{std::chrono::hours(1)};
};

} // namespace dualrec::test
