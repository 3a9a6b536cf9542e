#include "core/vision/presencepolicy.h"

#include <algorithm>
#include <cmath>

namespace dualrec::vision {

using workflow::PresenceRequirement;

const char *partyName(Party party)
{
    switch (party) {
    case Party::Agent: return "agent";
    case Party::Customer: return "customer";
    case Party::Invalid: return "invalid";
    }
    return "invalid";
}

const char *defectKindName(DefectKind kind)
{
    switch (kind) {
    case DefectKind::PartyAbsent: return "party_absent";
    case DefectKind::ThirdParty: return "third_party";
    case DefectKind::CameraBlocked: return "camera_blocked";
    case DefectKind::Undecodable: return "undecodable";
    case DefectKind::AnalysisFailed: return "analysis_failed";
    case DefectKind::Invalid: return "invalid";
    }
    return "invalid";
}

const char *presenceProblemName(PresenceProblem problem)
{
    switch (problem) {
    case PresenceProblem::None: return "none";
    case PresenceProblem::AgentMissing: return "agent_missing";
    case PresenceProblem::CustomerMissing: return "customer_missing";
    case PresenceProblem::BothMissing: return "both_missing";
    case PresenceProblem::ThirdParty: return "third_party";
    case PresenceProblem::CameraBlocked: return "camera_blocked";
    case PresenceProblem::Invalid: return "invalid";
    }
    return "invalid";
}

namespace {

constexpr std::size_t kAgent = 0;
constexpr std::size_t kCustomer = 1;

Party partyAt(std::size_t index) { return index == kAgent ? Party::Agent : Party::Customer; }

float distance(const FaceBox &a, const FaceBox &b)
{
    return std::hypot(a.centerX() - b.centerX(), a.centerY() - b.centerY());
}

} // namespace

PresencePolicy::PresencePolicy(PolicyConfig config)
    : m_config(config)
{
    // Nobody counts as present before a check has seen them.
    for (auto &missing : m_missing)
        missing.active = true;
}

void PresencePolicy::assignRoles(const FaceBox &agent, const FaceBox &customer)
{
    m_lastSeen[kAgent] = agent;
    m_lastSeen[kCustomer] = customer;
    m_rolesAssigned = true;
}

void PresencePolicy::setRequirement(PresenceRequirement requirement)
{
    m_requirement = requirement;
}

bool PresencePolicy::required(Party party) const
{
    switch (m_requirement) {
    case PresenceRequirement::None: return false;
    case PresenceRequirement::Agent: return party == Party::Agent;
    case PresenceRequirement::Both:
    case PresenceRequirement::AllParties:
    case PresenceRequirement::Invalid: // unknown: the strictest reading
        return true;
    }
    return true;
}

PresencePolicy::Match PresencePolicy::match(const std::vector<FaceBox> &faces)
{
    Match result;
    if (!m_rolesAssigned) {
        if (faces.size() < 2) {
            // Before the roles are known a single face is taken for the agent, who starts the
            // session; the customer counts as missing.
            result.agent = faces.size() == 1;
            return result;
        }
        // The two largest faces are the parties at the desk.
        std::vector<FaceBox> largest = faces;
        std::ranges::sort(largest, [](const FaceBox &a, const FaceBox &b) { return a.width * a.height > b.width * b.height; });
        auto left = largest[0];
        auto right = largest[1];
        if (left.centerX() > right.centerX())
            std::swap(left, right);
        if (m_config.agentSide == AgentSide::Right)
            std::swap(left, right);
        assignRoles(left, right);
        result.agent = true;
        result.customer = true;
        result.extras = static_cast<int>(faces.size()) - 2;
        return result;
    }

    struct Pair {
        float distance;
        std::size_t role;
        std::size_t face;
    };
    std::vector<Pair> pairs;
    for (std::size_t role = 0; role < 2; ++role) {
        for (std::size_t face = 0; face < faces.size(); ++face) {
            const float d = distance(m_lastSeen[role], faces[face]);
            if (d <= m_config.trackGate)
                pairs.push_back({d, role, face});
        }
    }
    std::ranges::sort(pairs, [](const Pair &a, const Pair &b) { return a.distance < b.distance; });
    std::array<std::optional<std::size_t>, 2> matched;
    std::vector<bool> taken(faces.size(), false);
    for (const auto &pair : pairs) {
        if (matched[pair.role] || taken[pair.face])
            continue;
        matched[pair.role] = pair.face;
        taken[pair.face] = true;
    }
    // A party gone for longer than the grace may come back elsewhere (changed chairs): it takes
    // the nearest unmatched face that is closer to its last position than to the other party's.
    for (std::size_t role = 0; role < 2; ++role) {
        if (matched[role] || !m_missing[role].active)
            continue;
        const std::size_t other = 1 - role;
        std::optional<std::size_t> best;
        for (std::size_t face = 0; face < faces.size(); ++face) {
            if (taken[face])
                continue;
            const float own = distance(m_lastSeen[role], faces[face]);
            if (own >= distance(m_lastSeen[other], faces[face]))
                continue;
            if (!best || own < distance(m_lastSeen[role], faces[*best]))
                best = face;
        }
        if (best) {
            matched[role] = best;
            taken[*best] = true;
        }
    }
    for (std::size_t role = 0; role < 2; ++role) {
        if (matched[role])
            m_lastSeen[role] = faces[*matched[role]];
    }
    result.agent = matched[kAgent].has_value();
    result.customer = matched[kCustomer].has_value();
    result.extras = static_cast<int>(std::ranges::count(taken, false));
    return result;
}

PresencePolicy::Change PresencePolicy::update(Condition &condition, bool raw, std::chrono::nanoseconds time) const
{
    if (raw) {
        condition.clearSince.reset();
        if (condition.active)
            return Change::None;
        if (!condition.onset)
            condition.onset = time;
        if (time - *condition.onset >= m_config.grace) {
            condition.active = true;
            return Change::Started;
        }
        return Change::None;
    }
    if (!condition.active) {
        condition.onset.reset();
        return Change::None;
    }
    if (!condition.clearSince)
        condition.clearSince = time;
    if (time - *condition.clearSince >= m_config.recovery) {
        condition.active = false;
        condition.onset.reset();
        return Change::Ended; // clearSince stays for the caller to read
    }
    return Change::None;
}

void PresencePolicy::closeDefect(DefectKind kind, Party who, std::chrono::nanoseconds end)
{
    for (auto &defect : m_defects) {
        if (defect.open && defect.kind == kind && defect.who == who) {
            defect.end = end;
            defect.open = false;
        }
    }
}

void PresencePolicy::updateDefect(Condition &condition, bool raw, std::chrono::nanoseconds time, DefectKind kind, Party who)
{
    switch (update(condition, raw, time)) {
    case Change::Started:
        m_defects.push_back({kind, who, *condition.onset, time, true});
        break;
    case Change::Ended:
        closeDefect(kind, who, *condition.clearSince);
        condition.clearSince.reset();
        break;
    case Change::None:
        for (auto &defect : m_defects) {
            if (defect.open && defect.kind == kind && defect.who == who)
                defect.end = time;
        }
        break;
    case Change::Invalid:
        break;
    }
}

void PresencePolicy::addCheck(const PresenceCheck &check)
{
    ++m_checks;
    const auto time = check.timestamp;
    const bool blocked = check.blocked != BlockedReason::None;
    const Match seen = match(check.faces);
    m_timeline.append(time, {static_cast<int>(check.faces.size()), seen.agent, seen.customer, blocked});

    const std::array<bool, 2> visible{seen.agent, seen.customer};
    for (std::size_t role = 0; role < 2; ++role) {
        if (update(m_missing[role], !visible[role], time) == Change::Ended)
            m_missing[role].clearSince.reset();
        updateDefect(m_absentDefect[role], !visible[role] && !blocked && required(partyAt(role)), time,
                     DefectKind::PartyAbsent, partyAt(role));
    }
    updateDefect(m_thirdParty, seen.extras > 0, time, DefectKind::ThirdParty, Party::Invalid);
    updateDefect(m_blocked, blocked, time, DefectKind::CameraBlocked, Party::Invalid);
}

void PresencePolicy::finish(std::chrono::nanoseconds end)
{
    const auto close = [&](Condition &condition, DefectKind kind, Party who) {
        if (condition.active)
            closeDefect(kind, who, condition.clearSince.value_or(end));
    };
    close(m_absentDefect[kAgent], DefectKind::PartyAbsent, Party::Agent);
    close(m_absentDefect[kCustomer], DefectKind::PartyAbsent, Party::Customer);
    close(m_thirdParty, DefectKind::ThirdParty, Party::Invalid);
    close(m_blocked, DefectKind::CameraBlocked, Party::Invalid);
    m_timeline.finish(end);
}

workflow::PresenceFacts PresencePolicy::facts() const
{
    const bool usable = !m_blocked.active;
    const bool agent = usable && !m_missing[kAgent].active;
    const bool customer = usable && !m_missing[kCustomer].active;
    return {agent, customer, agent && customer};
}

PresenceProblem PresencePolicy::problem() const
{
    if (m_blocked.active)
        return PresenceProblem::CameraBlocked;
    const bool agentMissing = required(Party::Agent) && m_missing[kAgent].active;
    const bool customerMissing = required(Party::Customer) && m_missing[kCustomer].active;
    if (agentMissing && customerMissing)
        return PresenceProblem::BothMissing;
    if (agentMissing)
        return PresenceProblem::AgentMissing;
    if (customerMissing)
        return PresenceProblem::CustomerMissing;
    if (m_thirdParty.active)
        return PresenceProblem::ThirdParty;
    return PresenceProblem::None;
}

} // namespace dualrec::vision
