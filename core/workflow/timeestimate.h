#pragma once

#include "core/workflow/workflowsession.h"

#include <chrono>

namespace dualrec::workflow {

/// A calm reading pace for the teleprompter, used to estimate steps without a minimum duration:
/// about four Chinese characters a second, the pace elders are read to.
inline constexpr std::chrono::milliseconds kReadingTimePerCharacter{250};

/// How long a step is expected to take: its minimum duration or its reading time, the longer.
[[nodiscard]] std::chrono::milliseconds expectedStepDuration(const PlannedStep &step);

/// Estimated time left in the session: what the current step still needs plus the expected
/// duration of every later step. Zero once the session has ended. Pure; GUI thread (reads the session).
[[nodiscard]] std::chrono::milliseconds estimatedTimeLeft(const WorkflowSession &session);

} // namespace dualrec::workflow
