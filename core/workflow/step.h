#pragma once

#include "core/workflow/enumnames.h"

#include <QString>

#include <array>
#include <chrono>
#include <optional>

namespace dualrec::workflow {

/// The regulated kinds of step, in the order their sections must appear in a recording
/// (docs/script-format.md §1.3). The numeric order *is* the section order.
enum class StepKind : quint8 {
    Invalid = 0,
    Consent,
    MandatedPrompt,
    AgentIdentity,
    DocumentsShown,
    Explanation,
    CustomerAnswer,
    Signature,
    RiskStatement,
    Closing,
};

/// Steps of sale scope are recorded once per application; product steps once per product.
enum class StepScope : quint8 { Invalid = 0, Sale, Product };

/// What the explanation duty (明确说明) must cover.
enum class ExplanationTopic : quint8 {
    Invalid = 0,
    Insurer,
    Coverage,
    Payment,
    Term,
    CoolingOff,
    SurrenderLoss,
    BenefitUncertainty,
    Exclusions,
    Other,
};

/// Who must be in frame while the step runs.
enum class PresenceRequirement : quint8 { Invalid = 0, None, Agent, Both, AllParties };

/// What must be held to the camera (and snapshotted) before the step can complete.
enum class CloseUp : quint8 { Invalid = 0, None, AgentId, CustomerId, Documents, Signature, RiskStatement };

inline constexpr std::array<EnumName<StepKind>, 9> kStepKindNames{{
    {StepKind::Consent, "consent"},
    {StepKind::MandatedPrompt, "mandated_prompt"},
    {StepKind::AgentIdentity, "agent_identity"},
    {StepKind::DocumentsShown, "documents_shown"},
    {StepKind::Explanation, "explanation"},
    {StepKind::CustomerAnswer, "customer_answer"},
    {StepKind::Signature, "signature"},
    {StepKind::RiskStatement, "risk_statement"},
    {StepKind::Closing, "closing"},
}};

inline constexpr std::array<EnumName<ExplanationTopic>, 9> kExplanationTopicNames{{
    {ExplanationTopic::Insurer, "insurer"},
    {ExplanationTopic::Coverage, "coverage"},
    {ExplanationTopic::Payment, "payment"},
    {ExplanationTopic::Term, "term"},
    {ExplanationTopic::CoolingOff, "cooling_off"},
    {ExplanationTopic::SurrenderLoss, "surrender_loss"},
    {ExplanationTopic::BenefitUncertainty, "benefit_uncertainty"},
    {ExplanationTopic::Exclusions, "exclusions"},
    {ExplanationTopic::Other, "other"},
}};

inline constexpr std::array<EnumName<PresenceRequirement>, 4> kPresenceNames{{
    {PresenceRequirement::None, "none"},
    {PresenceRequirement::Agent, "agent"},
    {PresenceRequirement::Both, "both"},
    {PresenceRequirement::AllParties, "all_parties"},
}};

inline constexpr std::array<EnumName<CloseUp>, 5> kCloseUpNames{{
    {CloseUp::AgentId, "agent_id"},
    {CloseUp::CustomerId, "customer_id"},
    {CloseUp::Documents, "documents"},
    {CloseUp::Signature, "signature"},
    {CloseUp::RiskStatement, "risk_statement"},
}};

/// The scope a kind has (docs/script-format.md §1.3).
[[nodiscard]] constexpr StepScope scopeOf(StepKind kind)
{
    switch (kind) {
    case StepKind::DocumentsShown:
    case StepKind::Explanation:
        return StepScope::Product;
    case StepKind::Consent:
    case StepKind::MandatedPrompt:
    case StepKind::AgentIdentity:
    case StepKind::CustomerAnswer:
    case StepKind::Signature:
    case StepKind::RiskStatement:
    case StepKind::Closing:
        return StepScope::Sale;
    case StepKind::Invalid:
        return StepScope::Invalid;
    }
    return StepScope::Invalid;
}

struct StepRequirements final {
    PresenceRequirement presence = PresenceRequirement::Both;
    std::chrono::milliseconds minDuration{0};
    bool answerRequired = false;
    CloseUp closeUp = CloseUp::None;
    bool lockedText = false;

    friend bool operator==(const StepRequirements &, const StepRequirements &) = default;
};

/// One step as written in a template.
struct StepDefinition final {
    QString id;
    StepKind kind = StepKind::Invalid;
    ExplanationTopic topic = ExplanationTopic::Invalid; ///< Explanation steps only
    QString title;
    QString text;      ///< teleprompter text, may hold {{placeholders}}
    QString audioPath; ///< absolute path of the voice broadcast, empty when none
    StepRequirements requirements;

    friend bool operator==(const StepDefinition &, const StepDefinition &) = default;
};

} // namespace dualrec::workflow
