#include "core/util/clock.h"

namespace dualrec {

QDateTime SystemClock::wallNow() const
{
    return QDateTime::currentDateTimeUtc();
}

std::chrono::nanoseconds SystemClock::monotonicNow() const
{
    return std::chrono::steady_clock::now().time_since_epoch();
}

} // namespace dualrec
