// RateSlots: the steady sampling the live hub and the presence guard use.
#include "core/util/rateslots.h"

#include <catch2/catch_test_macros.hpp>

#include <vector>

using namespace std::chrono_literals;
using dualrec::RateSlots;

namespace {

/// Timestamps taken from `seconds` of a `fps` stream starting at `from`.
std::vector<std::chrono::nanoseconds> takenFrom(RateSlots &slots, int fps, int seconds, std::chrono::nanoseconds from = 0ns)
{
    std::vector<std::chrono::nanoseconds> taken;
    for (int i = 0; i < fps * seconds; ++i) {
        const auto at = from + std::chrono::nanoseconds(1'000'000'000LL * i / fps);
        if (slots.take(at))
            taken.push_back(at);
    }
    return taken;
}

} // namespace

TEST_CASE("rate slots take the asked rate from a faster stream / not every nth item")
{
    for (const double perSecond : {8.0, 10.0, 5.0}) {
        for (const int fps : {25, 15, 30}) {
            INFO(perSecond << "/s from " << fps << " fps");
            RateSlots slots(perSecond);
            const auto taken = takenFrom(slots, fps, 10);
            CHECK(taken.size() == std::size_t(perSecond * 10));
            const auto frame = std::chrono::nanoseconds(1'000'000'000LL / fps);
            for (std::size_t i = 1; i < taken.size(); ++i) {
                const auto gap = taken[i] - taken[i - 1];
                CHECK(gap >= slots.interval() - frame);
                CHECK(gap <= slots.interval() + frame);
            }
        }
    }
}

TEST_CASE("rate slots: asking does not take / a stream slower than the rate gives every item")
{
    RateSlots slots(8.0);
    CHECK(slots.due(0ns));
    CHECK(slots.due(0ns)); // only take() moves on
    CHECK(slots.take(0ns));
    CHECK_FALSE(slots.due(100ms));
    CHECK_FALSE(slots.take(100ms));
    CHECK(slots.due(125ms));

    RateSlots slow(8.0);
    CHECK(takenFrom(slow, 5, 4).size() == 20);
}

TEST_CASE("rate slots start again when time goes back or jumps ahead / and 0 per second takes nothing")
{
    RateSlots slots(10.0);
    CHECK(takenFrom(slots, 25, 2).size() == 20);
    // A looping file starts at 0 again: taken at once, not after the old slots.
    CHECK(slots.take(0ns));
    CHECK_FALSE(slots.take(40ms));
    // A camera back after 5 s: no burst to catch up, the next item one slot later.
    CHECK(slots.take(5s));
    CHECK_FALSE(slots.take(5s + 40ms));
    CHECK(slots.take(5s + 120ms));

    RateSlots never(0.0);
    CHECK(takenFrom(never, 25, 2).empty());
    CHECK_FALSE(never.due(0ns));
}
