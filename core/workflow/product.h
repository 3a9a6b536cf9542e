#pragma once

#include "core/workflow/enumnames.h"

#include <QString>

#include <array>

namespace dualrec::workflow {

enum class ProductCategory : quint8 { Invalid = 0, Life, Annuity, CriticalIllness, Health, Accident };

/// Participating, universal and investment-linked designs have uncertain benefits: they need the
/// benefit-uncertainty explanation and the hand-copied risk statement.
enum class ProductDesign : quint8 { Invalid = 0, Traditional, Participating, Universal, InvestmentLinked };

inline constexpr std::array<EnumName<ProductCategory>, 5> kProductCategoryNames{{
    {ProductCategory::Life, "life"},
    {ProductCategory::Annuity, "annuity"},
    {ProductCategory::CriticalIllness, "critical_illness"},
    {ProductCategory::Health, "health"},
    {ProductCategory::Accident, "accident"},
}};

inline constexpr std::array<EnumName<ProductDesign>, 4> kProductDesignNames{{
    {ProductDesign::Traditional, "traditional"},
    {ProductDesign::Participating, "participating"},
    {ProductDesign::Universal, "universal"},
    {ProductDesign::InvestmentLinked, "investment_linked"},
}};

[[nodiscard]] constexpr bool hasUncertainBenefits(ProductDesign design)
{
    switch (design) {
    case ProductDesign::Participating:
    case ProductDesign::Universal:
    case ProductDesign::InvestmentLinked:
        return true;
    case ProductDesign::Traditional:
    case ProductDesign::Invalid:
        return false;
    }
    return false;
}

/// Policy term in years; whole-life policies have no upper bound.
struct PolicyTerm final {
    int years = 0;
    bool wholeLife = false;

    [[nodiscard]] double asYears() const { return wholeLife ? 1.0e9 : double(years); }
    friend bool operator==(const PolicyTerm &, const PolicyTerm &) = default;
};

struct Product final {
    QString code;
    QString name;
    QString insurer;
    ProductCategory category = ProductCategory::Invalid;
    ProductDesign design = ProductDesign::Invalid;
    PolicyTerm term;
    int coolingOffDays = 15;

    friend bool operator==(const Product &, const Product &) = default;
};

} // namespace dualrec::workflow
