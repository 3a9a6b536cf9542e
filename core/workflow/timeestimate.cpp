#include "core/workflow/timeestimate.h"

#include <algorithm>

namespace dualrec::workflow {

std::chrono::milliseconds expectedStepDuration(const PlannedStep &step)
{
    const std::chrono::milliseconds reading{kReadingTimePerCharacter.count() * step.definition.text.size()};
    return std::max<std::chrono::milliseconds>(step.definition.requirements.minDuration, reading);
}

std::chrono::milliseconds estimatedTimeLeft(const WorkflowSession &session)
{
    if (isEndState(session.state()))
        return std::chrono::milliseconds{0};
    const auto &steps = session.plan().steps();
    std::chrono::milliseconds left{0};
    const auto current = session.currentStep();
    if (current < steps.size()) {
        const auto expected = expectedStepDuration(steps.at(current));
        left += std::max(session.remainingDuration(), expected - std::min(expected, session.countedTime()));
    }
    for (auto i = current + 1; i < steps.size(); ++i)
        left += expectedStepDuration(steps.at(i));
    return left;
}

} // namespace dualrec::workflow
