// The stable texts of event details and state-change reasons: what the engine writes is what
// the history reads back, and journals written before the reader existed still read.
#include "core/workflow/eventdetail.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

using namespace dualrec::workflow;
using namespace std::chrono_literals;

TEST_CASE("every session reason reads back as written, with its free text")
{
    const auto reason = GENERATE(SessionReason::CustomerAgreed, SessionReason::CustomerDeclined,
                                 SessionReason::PausedByAgent, SessionReason::DeviceLost,
                                 SessionReason::CustomerWantsToStop, SessionReason::CustomerMustLeave,
                                 SessionReason::EquipmentProblem, SessionReason::WrongApplicationDetails,
                                 SessionReason::AgentsOwnWords, SessionReason::WindowClosed,
                                 SessionReason::RecordingFailed, SessionReason::RecordingCouldNotStart,
                                 SessionReason::Interrupted, SessionReason::CommandInterrupted,
                                 SessionReason::DurationLimit, SessionReason::SourceEnded);
    const bool carriesText = reason == SessionReason::AgentsOwnWords || reason == SessionReason::RecordingFailed
                             || reason == SessionReason::RecordingCouldNotStart || reason == SessionReason::SourceEnded;
    const QString text = carriesText ? QStringLiteral("顾客临时有事: disk full") : QString();
    const auto parsed = parseSessionReason(sessionReasonText(reason, text));
    CHECK(parsed.reason == reason);
    CHECK(parsed.text == text);
}

TEST_CASE("reasons as journals already hold them are recognised; others are kept as unknown")
{
    CHECK(parseSessionReason(u"paused by the agent").reason == SessionReason::PausedByAgent);
    CHECK(parseSessionReason(u"customer_must_leave").reason == SessionReason::CustomerMustLeave);
    CHECK(parseSessionReason(u"interrupted: DualRec stopped while the session was open (crash, forced stop or power loss); "
                             u"closed at the next start")
              .reason
          == SessionReason::Interrupted);
    const auto own = parseSessionReason(u"other: 顾客临时有事");
    CHECK(own.reason == SessionReason::AgentsOwnWords);
    CHECK(own.text == QStringLiteral("顾客临时有事"));
    CHECK(parseSessionReason(u"").reason == SessionReason::None);
    const auto unknown = parseSessionReason(u"stopped by a future version");
    CHECK(unknown.reason == SessionReason::Unknown);
    CHECK(unknown.text == QStringLiteral("stopped by a future version"));
    CHECK(abortReasonCode(SessionReason::EquipmentProblem) == QStringLiteral("equipment_problem"));
    CHECK(abortReasonCode(SessionReason::PausedByAgent).isEmpty());
}

TEST_CASE("event details read back into typed facts")
{
    SessionEvent event;
    event.type = SessionEventType::StepStarted;
    event.detail = stepStartedDetail(StepKind::AgentIdentity, false);
    CHECK(event.detail == QStringLiteral("kind=agent_identity presence=unmet"));
    auto detail = parseEventDetail(event);
    CHECK(detail.stepKind == StepKind::AgentIdentity);
    CHECK(detail.presenceMet == false);

    event.type = SessionEventType::PresenceViolated;
    event.detail = presenceDetail({true, false, false});
    detail = parseEventDetail(event);
    REQUIRE(detail.presence.has_value());
    CHECK(*detail.presence == PresenceFacts{true, false, false});

    event.type = SessionEventType::StepCompleted;
    event.detail = QStringLiteral("counted=11603ms violation=3133ms snapshots=2"); // as stored today
    detail = parseEventDetail(event);
    CHECK(detail.counted == 11603ms);
    CHECK(detail.violation == 3133ms);
    CHECK(detail.snapshots == 2);
    CHECK(completedDetail(11603ms, 3133ms, 2) == event.detail);

    event.type = SessionEventType::StepCompletionRefused;
    event.detail = unmetDetail({UnmetRequirement::Presence, UnmetRequirement::CloseUp});
    CHECK(parseEventDetail(event).unmet == QList<UnmetRequirement>{UnmetRequirement::Presence, UnmetRequirement::CloseUp});

    event.type = SessionEventType::AnswerRecorded;
    event.detail = answerDetail(Answer::No);
    CHECK(parseEventDetail(event).answer == Answer::No);

    event.type = SessionEventType::SnapshotRecorded;
    event.detail = snapshotDetail(QStringLiteral("/data/recordings/a b.jpg"));
    CHECK(parseEventDetail(event).snapshot == QStringLiteral("/data/recordings/a b.jpg"));

    const auto previous = SessionId::generate();
    event.type = SessionEventType::Created;
    event.detail = createdDetail(QStringLiteral("traditional-life"), QStringLiteral("1.2"),
                                 {QStringLiteral("a.json"), QStringLiteral("b.json")}, previous);
    detail = parseEventDetail(event);
    CHECK(detail.planId == QStringLiteral("traditional-life"));
    CHECK(detail.planVersion == QStringLiteral("1.2"));
    CHECK(detail.sources == QStringList{QStringLiteral("a.json"), QStringLiteral("b.json")});
    CHECK(detail.previousSession == previous);

    // Damaged text gives unset facts, not made-up ones.
    event.type = SessionEventType::StepCompleted;
    event.detail = QStringLiteral("counted=abc violation=-5ms snapshots=x");
    detail = parseEventDetail(event);
    CHECK_FALSE(detail.counted.has_value());
    CHECK_FALSE(detail.violation.has_value());
    CHECK_FALSE(detail.snapshots.has_value());
}
