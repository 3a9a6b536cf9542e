#pragma once

#include "core/vision/presencecheck.h"
#include "core/vision/presencetimeline.h"
#include "core/workflow/step.h"
#include "core/workflow/workflowsession.h"

#include <array>
#include <chrono>
#include <optional>
#include <vector>

namespace dualrec::vision {

/// The two tracked parties. The customer is the policyholder (投保人).
enum class Party : quint8 { Invalid = 0, Agent, Customer };

[[nodiscard]] const char *partyName(Party party); ///< "agent" / "customer"

/// Undecodable and AnalysisFailed come from QC of a file (the recording is damaged there, or the
/// detector could not look at it): a file with either never passes.
enum class DefectKind : quint8 { Invalid = 0, PartyAbsent, ThirdParty, CameraBlocked, Undecodable, AnalysisFailed };

[[nodiscard]] const char *defectKindName(DefectKind kind); ///< "party_absent" / "third_party" / "camera_blocked" / "undecodable" / "analysis_failed"

/// What the presence banner must say right now. The UI maps each value to its (Chinese) text;
/// core only names it (presenceProblemName, stable English for logs).
enum class PresenceProblem : quint8 { Invalid = 0, None, AgentMissing, CustomerMissing, BothMissing, ThirdParty, CameraBlocked };

[[nodiscard]] const char *presenceProblemName(PresenceProblem problem);

/// A QC defect: something was wrong from `start` to `end` (times of the checks that saw it begin
/// and end, in the checks' clock). `open` while it lasts.
struct PresenceDefect final {
    DefectKind kind = DefectKind::Invalid;
    Party who = Party::Invalid; ///< PartyAbsent only
    std::chrono::nanoseconds start{0};
    std::chrono::nanoseconds end{0};
    bool open = true;
};

/// Which side of the picture the agent sits on when the roles are taken from positions.
enum class AgentSide : quint8 { Invalid = 0, Left, Right };

struct PolicyConfig final {
    /// A condition (party missing, extra face, blocked camera) must last this long to count.
    std::chrono::milliseconds grace{1500};
    /// ... and must be gone this long to end, so one stray detection does not split a defect.
    std::chrono::milliseconds recovery{400};
    AgentSide agentSide = AgentSide::Left;
    /// A face whose centre is within this distance (fraction of the frame) of a party's last
    /// position is that party.
    float trackGate = 0.35F;
};

/// Turns checks into who is present (with hysteresis), QC defects and the presence timeline.
///
/// Roles: the first check with two or more faces assigns them by position (the agent on
/// config.agentSide, the other the customer), unless assignRoles() named them at an identity
/// step. Afterwards each face is matched to the party whose last position is nearest (within
/// trackGate); a party that lost its track picks up an unmatched face on its side. Faces matched
/// to no party are third parties. Without face recognition a stranger who sits down in the
/// customer's chair while the customer is away is taken for the customer.
///
/// Blocked camera: while the picture is blocked the parties count as not present (facts), but
/// the defect is camera_blocked, not party_absent.
///
/// Pure and deterministic: time comes only from the checks' timestamps.
/// Thread contract: single thread; not thread-safe.
class PresencePolicy final
{
public:
    explicit PresencePolicy(PolicyConfig config = {});

    /// Feeds one check; timestamps must not decrease.
    void addCheck(const PresenceCheck &check);
    /// Closes open defects and the timeline at `end` (end of the recording).
    void finish(std::chrono::nanoseconds end);

    /// Names the parties from their boxes (identity steps); later checks track from there.
    void assignRoles(const FaceBox &agent, const FaceBox &customer);
    [[nodiscard]] bool rolesAssigned() const { return m_rolesAssigned; }

    /// Which absences are defects from now on (the current step's requirement). None: no party
    /// is required; Agent: only the agent; Both and AllParties: both. Third parties and a
    /// blocked camera are defects under every requirement.
    void setRequirement(workflow::PresenceRequirement requirement);

    /// Who is present, after the grace period: feed to WorkflowSession::setPresence().
    /// allParties equals agent && policyholder: insured persons and guardians are not tracked
    /// as separate roles yet.
    [[nodiscard]] workflow::PresenceFacts facts() const;
    /// What is wrong under the current requirement, the most severe first.
    [[nodiscard]] PresenceProblem problem() const;

    [[nodiscard]] const std::vector<PresenceDefect> &defects() const { return m_defects; }
    [[nodiscard]] const PresenceTimeline &timeline() const { return m_timeline; }
    [[nodiscard]] int checks() const { return m_checks; }

private:
    /// A raw per-check condition with hysteresis: active after `grace` of raw true (dated from
    /// its onset), inactive after `recovery` of raw false (dated from the first false check).
    struct Condition {
        bool active = false;
        std::optional<std::chrono::nanoseconds> onset;
        std::optional<std::chrono::nanoseconds> clearSince;
    };
    enum class Change : quint8 { Invalid = 0, None, Started, Ended };
    [[nodiscard]] Change update(Condition &condition, bool raw, std::chrono::nanoseconds time) const;
    void updateDefect(Condition &condition, bool raw, std::chrono::nanoseconds time, DefectKind kind, Party who);
    void closeDefect(DefectKind kind, Party who, std::chrono::nanoseconds end);
    [[nodiscard]] bool required(Party party) const;
    /// Matches faces to parties; returns {agent seen, customer seen, unmatched faces}.
    struct Match {
        bool agent = false;
        bool customer = false;
        int extras = 0;
    };
    [[nodiscard]] Match match(const std::vector<FaceBox> &faces);

    PolicyConfig m_config;
    workflow::PresenceRequirement m_requirement = workflow::PresenceRequirement::Both;
    bool m_rolesAssigned = false;
    std::array<FaceBox, 2> m_lastSeen{}; ///< agent, customer
    int m_checks = 0;

    // For the facts: a party is absent until seen (both start active).
    std::array<Condition, 2> m_missing;
    // For the defects.
    std::array<Condition, 2> m_absentDefect;
    Condition m_thirdParty;
    Condition m_blocked;

    std::vector<PresenceDefect> m_defects;
    PresenceTimeline m_timeline;
};

} // namespace dualrec::vision
