#pragma once

#include "core/workflow/residentid.h"
#include "core/workflow/scoperules.h"
#include "core/workflow/scriptplan.h"
#include "core/workflow/templatelibrary.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace dualrec::workflow {

/// What the agent typed on the new-session page.
struct SaleForm final {
    QString applicationNo;
    QString policyholderName;
    QString policyholderIdNumber; ///< resident ID; personal data, never logged
    QString insuredName;          ///< empty: the policyholder is the insured
    Channel channel = Channel::Invalid;
    QStringList productTemplateIds; ///< product templates (not bundles), in the order sold
    QString provinceCode;           ///< where the sale happens; empty: national rules only
    QDate saleDate;
};

/// Why a sale form cannot start a recording yet, in the order the page shows them.
enum class SaleFormProblem : quint8 {
    Invalid = 0,
    MissingApplicationNo,
    UnprintableText,   ///< a text field holds a control or invisible character (it would reach the watermark and journal)
    MissingPolicyholderName,
    MissingPolicyholderId,
    BadPolicyholderId, ///< see SaleFormCheck::idError
    MissingChannel,
    NoProduct,
    PlanUnusable,      ///< the templates cannot be merged (see SaleFormCheck::planError)
    ScopeUndecidable,  ///< a rule needs a fact the form lacks (see SaleFormCheck::scopeError)
};

[[nodiscard]] const char *saleFormProblemName(SaleFormProblem problem);

/// The checked form: problems, the policyholder's age, the scope decision and the plan.
struct SaleFormCheck final {
    QList<SaleFormProblem> problems; ///< empty: a recording may start
    std::optional<ResidentIdError> idError;
    std::optional<int> policyholderAge;
    std::optional<ScopeDecision> scope; ///< set once channel, products and date are known
    std::optional<ScriptPlan> plan;
    QString planError;  ///< stable English
    QString scopeError; ///< stable English

    [[nodiscard]] bool canStart() const { return problems.isEmpty(); }
};

/// Checks a sale form against the library: parses the ID (age on the sale date), composes the
/// plan, and decides the scope per product (a sale must be recorded when any of its products
/// must; every matching rule is kept as a reason). Pure; thread-safe.
[[nodiscard]] SaleFormCheck checkSaleForm(const TemplateLibrary &library, const SaleForm &form);

/// The sale-wide values the teleprompter placeholders are filled with (product values come
/// from the plan). Premium and payment details are not asked for yet: they show as gaps.
[[nodiscard]] SaleContext saleContextOf(const SaleForm &form, const QString &agentName, const QString &agentId);

} // namespace dualrec::workflow
