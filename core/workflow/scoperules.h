#pragma once

#include "core/util/result.h"
#include "core/workflow/diagnostic.h"
#include "core/workflow/product.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace dualrec::workflow {

inline constexpr int kRulesFormatVersion = 1;

enum class Channel : quint8 { Invalid = 0, Agency, Bancassurance, AncillaryAgency, Broker, Direct, Telephone, Internet };
enum class PolicyholderKind : quint8 { Invalid = 0, NaturalPerson, Organisation };

inline constexpr std::array<EnumName<Channel>, 7> kChannelNames{{
    {Channel::Agency, "agency"},
    {Channel::Bancassurance, "bancassurance"},
    {Channel::AncillaryAgency, "ancillary_agency"},
    {Channel::Broker, "broker"},
    {Channel::Direct, "direct"},
    {Channel::Telephone, "telephone"},
    {Channel::Internet, "internet"},
}};

inline constexpr std::array<EnumName<PolicyholderKind>, 2> kPolicyholderNames{{
    {PolicyholderKind::NaturalPerson, "natural_person"},
    {PolicyholderKind::Organisation, "organisation"},
}};

/// All conditions of a rule; an absent condition always holds.
struct RuleConditions final {
    QList<PolicyholderKind> policyholder;
    QList<Channel> channel;
    QList<Channel> channelNot;
    QList<ProductCategory> category;
    QList<ProductDesign> design;
    std::optional<double> termYearsGreaterThan;
    std::optional<double> termYearsAtLeast;
    std::optional<int> ageAtLeast;
    std::optional<int> ageBelow;

    [[nodiscard]] bool needsAge() const { return ageAtLeast || ageBelow; }
};

struct ScopeRule final {
    QString id;
    QString reason;
    QDate effectiveFrom;
    QDate effectiveUntil; ///< exclusive; null when open-ended
    RuleConditions when;
};

struct RuleSet final {
    QString filePath;
    QString id;
    QString version;
    QString title;
    QString provinceCode; ///< empty: applies everywhere
    QString regionName;
    QList<ScopeRule> rules;
};

struct RuleSetParse final {
    std::optional<RuleSet> value; ///< set only when there are no diagnostics
    Diagnostics diagnostics;
};

/// Parses and checks a rule set file's content (docs/script-format.md §2). Pure; thread-safe.
[[nodiscard]] RuleSetParse parseRuleSet(const QByteArray &json, const QString &filePath);
[[nodiscard]] RuleSetParse loadRuleSet(const QString &filePath);

/// The facts of a sale that decide whether it must be recorded.
struct ScopeInput final {
    PolicyholderKind policyholder = PolicyholderKind::Invalid;
    Channel channel = Channel::Invalid;
    ProductCategory category = ProductCategory::Invalid;
    ProductDesign design = ProductDesign::Invalid;
    PolicyTerm term;
    QDate policyholderBirthDate; ///< from the resident ID; may be null for organisations
    QString provinceCode;        ///< two-digit GB/T 2260 code of where the sale happens
    QDate saleDate;
};

struct ScopeMatch final {
    QString ruleSetId;
    QString ruleId;
    QString reason;
};

struct ScopeDecision final {
    bool required = false;
    QList<ScopeMatch> matches;  ///< every rule that requires the recording
    QStringList ruleSetsApplied; ///< "id@version" of the sets that applied to this province
    std::optional<int> policyholderAge;

    /// One line for the agent: the reasons, or why none applies.
    [[nodiscard]] QString summary() const;
};

/// Decides whether a sale must be recorded. Fails when the input lacks a fact a rule needs
/// (for example a birth date for an age rule). Pure; thread-safe.
[[nodiscard]] Result<ScopeDecision> decideScope(const QList<RuleSet> &ruleSets, const ScopeInput &input);

} // namespace dualrec::workflow
