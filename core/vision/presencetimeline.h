#pragma once

#include <QJsonArray>

#include <chrono>
#include <vector>

namespace dualrec::vision {

/// What one check saw, reduced to what the timeline keeps.
struct PresenceSample final {
    int faces = 0;
    bool agent = false;    ///< the agent's track was matched in this check
    bool customer = false; ///< the customer's (policyholder's) track was matched
    bool blocked = false;  ///< the picture was dark, uniform or frozen

    friend bool operator==(const PresenceSample &, const PresenceSample &) = default;
};

/// A run of checks that all saw the same thing: [start, end).
struct PresenceSegment final {
    std::chrono::nanoseconds start{0};
    std::chrono::nanoseconds end{0};
    PresenceSample sample;
};

/// The per-session presence timeline in run-length form: a new segment starts only when what
/// the checks see changes, so a 30-minute session with people sitting still is a few lines.
/// Raw detections (before the policy's grace), so QC sees the evidence, not the verdict.
class PresenceTimeline final
{
public:
    /// Adds the check at `timestamp` (ascending).
    void append(std::chrono::nanoseconds timestamp, const PresenceSample &sample);
    /// Closes the last segment at `end` (the end of the recording).
    void finish(std::chrono::nanoseconds end);

    [[nodiscard]] const std::vector<PresenceSegment> &segments() const { return m_segments; }
    /// [{"start_s", "end_s", "faces", "agent", "customer", "blocked"}...], times relative to `origin`.
    [[nodiscard]] QJsonArray toJson(std::chrono::nanoseconds origin = {}) const;

private:
    std::vector<PresenceSegment> m_segments;
};

} // namespace dualrec::vision
