#pragma once

#include "core/storage/journal.h"
#include "core/storage/userrepository.h"
#include "core/util/preflight.h"
#include "core/vision/presencepolicy.h"
#include "core/workflow/residentid.h"
#include "core/workflow/saleform.h"
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
    /// The presence banner: what is wrong in the picture, in large calm words.
    [[nodiscard]] static QString presenceProblem(vision::PresenceProblem problem);
    [[nodiscard]] static QString residentIdError(workflow::ResidentIdError error);
    /// Why the new-session form cannot start a recording yet.
    [[nodiscard]] static QString saleProblem(workflow::SaleFormProblem problem, const workflow::SaleFormCheck &check);
    /// Why an account form cannot be saved, as a sentence naming the field.
    [[nodiscard]] static QString accountProblem(storage::AccountProblem problem, int minimumPasswordLength);
    /// A payment method as the form shows it (the script reads workflow::paymentMethodScriptText).
    [[nodiscard]] static QString paymentMethod(workflow::PaymentMethod method);
    /// A value the script needs and the sale lacks, and where it is filled in, for the list on
    /// the new-session page ("your licence number (a supervisor adds it on the accounts page)").
    [[nodiscard]] static QString missingValue(const workflow::MissingValue &value, const workflow::SaleFormCheck &check);
    [[nodiscard]] static QString userRole(storage::UserRole role);
    [[nodiscard]] static QString answer(workflow::Answer answer);
    [[nodiscard]] static QString eventType(workflow::SessionEventType type);
    /// One pre-flight check's result in plain words.
    [[nodiscard]] static QString preflight(const PreflightResult &result);
    /// A step's title as people should read it: in a sale of several products, a product's own
    /// step names its product ("出示投保文件（福佑终身寿险）"), so equal titles are told apart.
    [[nodiscard]] static QString stepTitle(const workflow::ScriptPlan &plan, qsizetype index);
    /// The language the window speaks now ("zh_CN" or "en"): the installed catalogue says it.
    [[nodiscard]] static QString languageInUse();
    /// "m:ss" (or "h:mm:ss"), rounded down to whole seconds.
    [[nodiscard]] static QString duration(std::chrono::milliseconds duration);
    /// What a damaged journal or lost accounts mean for the person, in sentences (empty when
    /// the journal came up without trouble). The window's notice and the commands' stderr.
    [[nodiscard]] static QString journalStartup(const storage::JournalStartupReport &report);
    /// For supervisors: the audit log or an account was changed outside DualRec (row numbers,
    /// logins); empty when the start-up check found nothing.
    [[nodiscard]] static QString journalIntegrity(const storage::JournalStartupReport &report);
};

} // namespace dualrec::ui
