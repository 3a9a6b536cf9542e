#pragma once

#include "core/workflow/enumnames.h"
#include "core/workflow/placeholders.h"
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

/// How the premium is paid; names are stable (the application import file uses them).
enum class PaymentMethod : quint8 { Invalid = 0, Annual, Single, SemiAnnual, Quarterly, Monthly };

inline constexpr std::array<EnumName<PaymentMethod>, 5> kPaymentMethodNames{{
    {PaymentMethod::Annual, "annual"},
    {PaymentMethod::Single, "single"},
    {PaymentMethod::SemiAnnual, "semi_annual"},
    {PaymentMethod::Quarterly, "quarterly"},
    {PaymentMethod::Monthly, "monthly"},
}};

/// The words a script reads for a payment method (年交, 趸交, ...): the templates are Chinese,
/// whatever the UI language.
[[nodiscard]] QString paymentMethodScriptText(PaymentMethod method);

/// What the customer pays for one product of the sale, as typed or imported.
struct ProductPayment final {
    QString premium;                              ///< per payment, in yuan, as typed ("12000", "12,000.50")
    PaymentMethod method = PaymentMethod::Invalid;
    int years = 0;                                ///< payment period in years; ignored for Single

    friend bool operator==(const ProductPayment &, const ProductPayment &) = default;
};

/// A premium as typed, in fen (1/100 yuan): digits with optional thousands separators, at most
/// two decimals, an optional trailing 元; more than 0 and less than 10^12 yuan. nullopt otherwise.
[[nodiscard]] std::optional<qint64> parseAmountFen(const QString &text);
/// "12000" or "12000.50": how a script reads an amount in fen.
[[nodiscard]] QString amountScriptText(qint64 fen);

/// What the agent typed on the new-session page.
struct SaleForm final {
    QString applicationNo;
    QString policyholderName;
    QString policyholderIdNumber; ///< resident ID; personal data, never logged
    QString insuredName;          ///< empty: the policyholder is the insured
    Channel channel = Channel::Invalid;
    QStringList productTemplateIds; ///< product templates (not bundles), in the order sold
    QList<ProductPayment> payments; ///< per product, parallel to productTemplateIds (missing entries: nothing typed)
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
    BadPremium,        ///< a premium is not an amount (see SaleFormCheck::badPremiums)
    MissingScriptValues, ///< a placeholder of the plan has no value (see SaleFormCheck::missingValues)
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
    QList<int> badPremiums;            ///< product indexes whose premium text is not an amount
    QList<MissingValue> missingValues; ///< placeholders of the plan without a value, in step order

    [[nodiscard]] bool canStart() const { return problems.isEmpty(); }
};

/// Checks a sale form against the library: parses the ID (age on the sale date), composes the
/// plan, decides the scope per product (a sale must be recorded when any of its products
/// must; every matching rule is kept as a reason) and finds the placeholders of the plan that
/// neither the form nor `parties` (agent account, institution) fill. Pure; thread-safe.
[[nodiscard]] SaleFormCheck checkSaleForm(const TemplateLibrary &library, const SaleForm &form, const SaleParties &parties);

/// The values the teleprompter placeholders are filled with: the agent and institution from
/// `parties`, the customer and the per-product payment from the form (product facts come from
/// the plan). An empty or invalid entry gives no value.
[[nodiscard]] SaleContext saleContextOf(const SaleForm &form, const SaleParties &parties);

} // namespace dualrec::workflow
