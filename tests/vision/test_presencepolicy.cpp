#include "core/vision/presencepolicy.h"

#include "tests/vision/visionfixture.h"

#include <QJsonObject>

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

using namespace dualrec::vision;
using namespace std::chrono_literals;
using dualrec::test::seconds;
using dualrec::test::toSeconds;
using dualrec::workflow::PresenceFacts;
using dualrec::workflow::PresenceRequirement;

namespace {

const FaceBox kAgent{0.15F, 0.35F, 0.12F, 0.2F, 1.0F};
const FaceBox kCustomer{0.70F, 0.35F, 0.12F, 0.2F, 1.0F};
const FaceBox kStranger{0.42F, 0.15F, 0.10F, 0.17F, 0.95F};

PresenceCheck checkAt(double time, std::vector<FaceBox> faces, BlockedReason blocked = BlockedReason::None)
{
    PresenceCheck check;
    check.timestamp = seconds(time);
    check.faces = std::move(faces);
    check.blocked = blocked;
    return check;
}

/// Feeds checks at 10 per second from `from` to `to` (exclusive) that all see `faces`.
void feed(PresencePolicy &policy, double from, double to, const std::vector<FaceBox> &faces,
          BlockedReason blocked = BlockedReason::None)
{
    for (int tenth = static_cast<int>(std::lround(from * 10)); tenth < std::lround(to * 10); ++tenth)
        policy.addCheck(checkAt(tenth / 10.0, faces, blocked));
}

constexpr PresenceFacts kBoth{true, true, true};
constexpr PresenceFacts kAgentOnly{true, false, false};
constexpr PresenceFacts kNobody{false, false, false};

} // namespace

TEST_CASE("presence policy: nobody counts as present before being seen / roles come from positions")
{
    PresencePolicy policy;
    CHECK(policy.facts() == kNobody);
    CHECK(policy.problem() == PresenceProblem::BothMissing);
    feed(policy, 0, 0.3, {kCustomer, kAgent}); // order in the list must not matter
    CHECK(policy.rolesAssigned());
    CHECK(policy.facts() == kNobody); // recovery (0.4 s) not over yet
    feed(policy, 0.3, 1.0, {kCustomer, kAgent});
    CHECK(policy.facts() == kBoth);
    CHECK(policy.problem() == PresenceProblem::None);
    policy.finish(seconds(1.0));
    CHECK(policy.defects().empty());
}

TEST_CASE("presence policy: a brief miss does not alarm / a long absence is one defect dated from its onset")
{
    PresencePolicy policy;
    feed(policy, 0, 5, {kAgent, kCustomer});
    feed(policy, 5, 5.5, {kAgent}); // 0.5 s dip
    feed(policy, 5.5, 6, {kAgent, kCustomer});
    CHECK(policy.defects().empty());
    CHECK(policy.facts() == kBoth);

    feed(policy, 6, 7.4, {kAgent});
    CHECK(policy.facts() == kBoth); // within the grace of 1.5 s
    feed(policy, 7.4, 7.6, {kAgent});
    CHECK(policy.facts() == kAgentOnly);
    CHECK(policy.problem() == PresenceProblem::CustomerMissing);
    REQUIRE(policy.defects().size() == 1);
    CHECK(policy.defects()[0].open);

    feed(policy, 7.6, 9, {kAgent});
    feed(policy, 9, 9.1, {kAgent, kCustomer}); // one stray sighting: the absence goes on
    feed(policy, 9.1, 10, {kAgent});
    feed(policy, 10, 12, {kAgent, kCustomer});
    CHECK(policy.facts() == kBoth);
    policy.finish(seconds(12));

    REQUIRE(policy.defects().size() == 1);
    const auto &defect = policy.defects()[0];
    CHECK(defect.kind == DefectKind::PartyAbsent);
    CHECK(defect.who == Party::Customer);
    CHECK_FALSE(defect.open);
    CHECK(toSeconds(defect.start) == Catch::Approx(6.0));
    CHECK(toSeconds(defect.end) == Catch::Approx(10.0));
}

TEST_CASE("presence policy: a third face longer than the grace is a third-party defect")
{
    PresencePolicy policy;
    feed(policy, 0, 2, {kAgent, kCustomer});
    feed(policy, 2, 3, {kAgent, kCustomer, kStranger}); // 1 s: passer-by, no defect
    feed(policy, 3, 4, {kAgent, kCustomer});
    CHECK(policy.defects().empty());
    feed(policy, 4, 7, {kAgent, kStranger, kCustomer});
    CHECK(policy.problem() == PresenceProblem::ThirdParty);
    CHECK(policy.facts() == kBoth); // the parties themselves are there
    feed(policy, 7, 9, {kAgent, kCustomer});
    policy.finish(seconds(9));
    REQUIRE(policy.defects().size() == 1);
    CHECK(policy.defects()[0].kind == DefectKind::ThirdParty);
    CHECK(policy.defects()[0].who == Party::Invalid);
    CHECK(toSeconds(policy.defects()[0].start) == Catch::Approx(4.0));
    CHECK(toSeconds(policy.defects()[0].end) == Catch::Approx(7.0));
}

TEST_CASE("presence policy: a blocked camera is one camera_blocked defect / not a party absence")
{
    PresencePolicy policy;
    feed(policy, 0, 2, {kAgent, kCustomer});
    feed(policy, 2, 5, {}, BlockedReason::Dark);
    CHECK(policy.problem() == PresenceProblem::CameraBlocked);
    CHECK(policy.facts() == kNobody);
    feed(policy, 5, 8, {kAgent, kCustomer});
    policy.finish(seconds(8));
    REQUIRE(policy.defects().size() == 1);
    CHECK(policy.defects()[0].kind == DefectKind::CameraBlocked);
    CHECK(toSeconds(policy.defects()[0].start) == Catch::Approx(2.0));
    CHECK(toSeconds(policy.defects()[0].end) == Catch::Approx(5.0));
    // A frozen picture with faces in it does not prove anyone is there either.
    PresencePolicy frozen;
    feed(frozen, 0, 1, {kAgent, kCustomer});
    feed(frozen, 1, 4, {kAgent, kCustomer}, BlockedReason::Frozen);
    CHECK(frozen.facts() == kNobody);
}

TEST_CASE("presence policy: the step's requirement decides which absences are defects")
{
    PresencePolicy policy;
    feed(policy, 0, 1, {kAgent, kCustomer});
    policy.setRequirement(PresenceRequirement::Agent);
    feed(policy, 1, 4, {kAgent});
    CHECK(policy.problem() == PresenceProblem::None);
    CHECK(policy.facts() == kAgentOnly); // the facts stay true to what is seen
    policy.setRequirement(PresenceRequirement::None);
    feed(policy, 4, 7, {});
    CHECK(policy.problem() == PresenceProblem::None);
    CHECK(policy.defects().empty());
    policy.setRequirement(PresenceRequirement::Both);
    CHECK(policy.problem() == PresenceProblem::BothMissing);
    feed(policy, 7, 9, {});
    policy.finish(seconds(9));
    REQUIRE(policy.defects().size() == 2);
    for (const auto &defect : policy.defects()) {
        CHECK(defect.kind == DefectKind::PartyAbsent);
        CHECK(toSeconds(defect.start) == Catch::Approx(7.0));
    }
}

TEST_CASE("presence policy: parties keep their identity while they move and when one comes back")
{
    PolicyConfig config;
    config.agentSide = AgentSide::Right;
    PresencePolicy policy(config);
    feed(policy, 0, 1, {kAgent, kCustomer}); // agent on the right this time: kCustomer's box is the agent
    // The left person walks towards the middle in small steps while the right one stays.
    for (int step = 0; step < 20; ++step) {
        FaceBox moving = kAgent;
        moving.x += 0.012F * static_cast<float>(step);
        policy.addCheck(checkAt(1.0 + step * 0.1, {kCustomer, moving}));
    }
    // The right person (the agent) leaves for 3 s; the moving one stays the customer.
    FaceBox moved = kAgent;
    moved.x += 0.24F;
    feed(policy, 3, 6, {moved});
    CHECK(policy.problem() == PresenceProblem::AgentMissing);
    feed(policy, 6, 8, {moved, kCustomer});
    policy.finish(seconds(8));
    REQUIRE(policy.defects().size() == 1);
    CHECK(policy.defects()[0].who == Party::Agent);

    // Roles named at the identity step override the positions.
    PresencePolicy named;
    named.assignRoles(kCustomer, kAgent);
    feed(named, 0, 1, {kAgent, kCustomer});
    feed(named, 1, 4, {kAgent});
    CHECK(named.problem() == PresenceProblem::AgentMissing);
}

TEST_CASE("presence timeline is run-length: one segment per change")
{
    PresencePolicy policy;
    feed(policy, 0, 5, {kAgent, kCustomer});
    feed(policy, 5, 8, {kAgent});
    feed(policy, 8, 10, {kAgent, kCustomer});
    policy.finish(seconds(10));
    const auto &segments = policy.timeline().segments();
    REQUIRE(segments.size() == 3);
    CHECK(segments[0].sample.faces == 2);
    CHECK(segments[1].sample.faces == 1);
    CHECK(segments[1].sample.agent);
    CHECK_FALSE(segments[1].sample.customer);
    CHECK(toSeconds(segments[1].start) == Catch::Approx(5.0));
    CHECK(toSeconds(segments[1].end) == Catch::Approx(8.0));
    CHECK(toSeconds(segments[2].end) == Catch::Approx(10.0));
    const auto json = policy.timeline().toJson();
    REQUIRE(json.size() == 3);
    CHECK(json[1].toObject().value(QStringLiteral("start_s")).toDouble() == Catch::Approx(5.0));
    CHECK(json[1].toObject().value(QStringLiteral("faces")).toInt() == 1);
}
