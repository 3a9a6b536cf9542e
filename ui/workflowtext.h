#pragma once

#include "core/workflow/scoperules.h"
#include "core/workflow/step.h"
#include "core/workflow/workflowsession.h"

#include <QCoreApplication>
#include <QString>

namespace dualrec::ui {

/// The one place that turns workflow enums into translated, user-visible text (style P15):
/// widgets call these instead of spelling enum values themselves.
class WorkflowText final
{
    Q_DECLARE_TR_FUNCTIONS(WorkflowText)

public:
    [[nodiscard]] static QString stepKind(workflow::StepKind kind);
    [[nodiscard]] static QString topic(workflow::ExplanationTopic topic);
    [[nodiscard]] static QString presence(workflow::PresenceRequirement presence);
    [[nodiscard]] static QString closeUp(workflow::CloseUp closeUp);
    [[nodiscard]] static QString category(workflow::ProductCategory category);
    [[nodiscard]] static QString design(workflow::ProductDesign design);
    [[nodiscard]] static QString channel(workflow::Channel channel);
    [[nodiscard]] static QString unmet(workflow::UnmetRequirement requirement);
    [[nodiscard]] static QString sessionState(workflow::SessionState state);
    /// A one-line summary of what a step requires before it can be completed.
    [[nodiscard]] static QString requirements(const workflow::StepRequirements &requirements);
};

} // namespace dualrec::ui
