#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <span>

namespace dualrec::workflow {

/// Where the value of a teleprompter placeholder comes from. A template may use only
/// placeholders that one of these provides (`dualrec script check` reports the others), and a
/// recording starts only when every placeholder of its plan has a value.
enum class PlaceholderSource : quint8 {
    Invalid = 0,
    AgentAccount,      ///< the signed-in agent's account: display name, licence number (执业证号)
    InstitutionPolicy, ///< the IT policy (or the supervisor's settings): institution name and short name
    SaleForm,          ///< the new-session form (or the imported application): customer, premium, payment
    ProductTemplate,   ///< the product definition in the template: name, insurer, term, cooling-off period
};

[[nodiscard]] const char *placeholderSourceName(PlaceholderSource source);

struct PlaceholderDefinition final {
    const char *name;
    PlaceholderSource source;
    bool perProduct; ///< a value per product of the sale (premium, payment method, ...)
};

/// Every placeholder a template may use, with its source (docs/script-format.md §1.2).
[[nodiscard]] std::span<const PlaceholderDefinition> placeholderDefinitions();
[[nodiscard]] std::optional<PlaceholderDefinition> placeholderDefinition(QStringView name);

/// The values of a sale that no form field gives: who sells, for which institution.
struct SaleParties final {
    QString agentName;            ///< the account's display name
    QString agentLicenceNo;       ///< the account's licence number (执业证号)
    QString institutionName;      ///< policy "institution/name"
    QString institutionShortName; ///< policy "institution/shortName" (规范简称)
};

/// A placeholder of a plan that has no value for the sale.
struct MissingValue final {
    QString placeholder;
    PlaceholderSource source = PlaceholderSource::Invalid;
    int productIndex = -1; ///< the product (index into the plan's products) for per-product values; -1 otherwise

    friend bool operator==(const MissingValue &, const MissingValue &) = default;
};

} // namespace dualrec::workflow
