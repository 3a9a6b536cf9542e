#include "core/workflow/placeholders.h"

namespace dualrec::workflow {

namespace {

constexpr PlaceholderDefinition kPlaceholders[] = {
    {"agent_name", PlaceholderSource::AgentAccount, false},
    {"agent_id", PlaceholderSource::AgentAccount, false}, // the licence number (执业证号), not the login
    {"institution_name", PlaceholderSource::InstitutionPolicy, false},
    {"institution_short_name", PlaceholderSource::InstitutionPolicy, false},
    {"customer_name", PlaceholderSource::SaleForm, false},
    {"insured_name", PlaceholderSource::SaleForm, false},
    {"application_no", PlaceholderSource::SaleForm, false},
    {"premium", PlaceholderSource::SaleForm, true},
    {"payment_method", PlaceholderSource::SaleForm, true},
    {"payment_period", PlaceholderSource::SaleForm, true},
    {"product_name", PlaceholderSource::ProductTemplate, true},
    {"insurer", PlaceholderSource::ProductTemplate, true},
    {"term", PlaceholderSource::ProductTemplate, true},
    {"cooling_off_days", PlaceholderSource::ProductTemplate, true},
};

} // namespace

const char *placeholderSourceName(PlaceholderSource source)
{
    switch (source) {
    case PlaceholderSource::AgentAccount:
        return "agent_account";
    case PlaceholderSource::InstitutionPolicy:
        return "institution_policy";
    case PlaceholderSource::SaleForm:
        return "sale_form";
    case PlaceholderSource::ProductTemplate:
        return "product_template";
    case PlaceholderSource::Invalid:
        return "invalid";
    }
    return "invalid";
}

std::span<const PlaceholderDefinition> placeholderDefinitions()
{
    return kPlaceholders;
}

std::optional<PlaceholderDefinition> placeholderDefinition(QStringView name)
{
    for (const auto &definition : kPlaceholders) {
        if (name == QLatin1String(definition.name))
            return definition;
    }
    return std::nullopt;
}

} // namespace dualrec::workflow
