#pragma once

#include <QDateTime>

#include <chrono>

namespace dualrec {

/// Both clocks every recorded fact is stamped with: the wall clock (what people read, may jump)
/// and a monotonic clock (what durations are measured with, never jumps).
/// Injected so that tests drive time by hand. Thread-safe implementations only.
class Clock
{
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual QDateTime wallNow() const = 0;
    [[nodiscard]] virtual std::chrono::nanoseconds monotonicNow() const = 0;
};

/// The real clocks: QDateTime::currentDateTimeUtc() and std::chrono::steady_clock.
class SystemClock final : public Clock
{
public:
    [[nodiscard]] QDateTime wallNow() const override;
    [[nodiscard]] std::chrono::nanoseconds monotonicNow() const override;
};

} // namespace dualrec
