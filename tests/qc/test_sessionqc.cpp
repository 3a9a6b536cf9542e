// core/qc: the session QC verdict from constructed inputs — every reason kind, how steps and
// time ranges are attached, the template's severities, and speech that was never analysed.
#include "core/qc/sessionqc.h"

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;
using namespace std::chrono_literals;
using qc::QcReasonKind;
using qc::QcOutcome;
using workflow::QcSeverity;

namespace {

qc::QcStep step(const char *id, std::chrono::milliseconds start, std::chrono::milliseconds end, bool answer = false,
                workflow::PresenceRequirement presence = workflow::PresenceRequirement::Both)
{
    qc::QcStep s;
    s.id = QLatin1String(id);
    s.range = {start, end};
    s.presence = presence;
    s.answerRequired = answer;
    s.completed = true;
    return s;
}

qc::QcInput threeSteps()
{
    qc::QcInput input;
    input.steps = {step("consent", 0ms, 10'000ms, true), step("agent-identity", 10'000ms, 20'000ms, false, workflow::PresenceRequirement::Agent),
                   step("coverage", 20'000ms, 40'000ms, true)};
    input.length = 40'000ms;
    input.audio.analysed = true;
    input.audio.hasTrack = true;
    return input;
}

std::vector<qc::QcReason> ofKind(const qc::QcVerdict &verdict, QcReasonKind kind)
{
    std::vector<qc::QcReason> found;
    for (const auto &reason : verdict.reasons) {
        if (reason.kind == kind)
            found.push_back(reason);
    }
    return found;
}

} // namespace

TEST_CASE("a session without findings passes, and one with findings never does")
{
    const auto clean = qc::evaluate(threeSteps(), {});
    CHECK(clean.outcome == QcOutcome::Pass);
    CHECK(clean.reasons.empty());
    CHECK(clean.toJson().value(QStringLiteral("verdict")).toString() == QLatin1String("pass"));
}

TEST_CASE("presence: an absence counts only in steps that require that party, clipped to each step")
{
    auto input = threeSteps();
    // The customer is away from 8 s to 25 s: consent (both) and coverage (both) count, the
    // agent-identity step (agent only) does not.
    input.presence.push_back({vision::DefectKind::PartyAbsent, vision::Party::Customer, {8'000ms, 25'000ms}, {}});
    const auto verdict = qc::evaluate(input, {});
    const auto missing = ofKind(verdict, QcReasonKind::PresenceMissing);
    REQUIRE(missing.size() == 2);
    CHECK(missing[0].stepId == QLatin1String("consent"));
    CHECK(missing[0].range == qc::TimeRange{8'000ms, 10'000ms});
    CHECK(missing[1].stepId == QLatin1String("coverage"));
    CHECK(missing[1].range == qc::TimeRange{20'000ms, 25'000ms});
    CHECK(missing[0].severity == QcSeverity::Fail);
    CHECK(verdict.outcome == QcOutcome::Fail);

    // The agent away in the agent-identity step counts there.
    auto agent = threeSteps();
    agent.presence.push_back({vision::DefectKind::PartyAbsent, vision::Party::Agent, {12'000ms, 14'000ms}, {}});
    const auto agentVerdict = qc::evaluate(agent, {});
    REQUIRE(ofKind(agentVerdict, QcReasonKind::PresenceMissing).size() == 1);
    CHECK(ofKind(agentVerdict, QcReasonKind::PresenceMissing)[0].stepId == QLatin1String("agent-identity"));
}

TEST_CASE("third party and a blocked camera count in every step and outside them")
{
    auto input = threeSteps();
    input.steps.back().range.end = 35'000ms;
    input.presence.push_back({vision::DefectKind::ThirdParty, {}, {15'000ms, 16'000ms}, {}});
    input.presence.push_back({vision::DefectKind::CameraBlocked, {}, {36'000ms, 38'000ms}, {}});
    const auto verdict = qc::evaluate(input, {});
    REQUIRE(ofKind(verdict, QcReasonKind::ThirdParty).size() == 1);
    CHECK(ofKind(verdict, QcReasonKind::ThirdParty)[0].stepId == QLatin1String("agent-identity"));
    REQUIRE(ofKind(verdict, QcReasonKind::CameraBlocked).size() == 1);
    CHECK(ofKind(verdict, QcReasonKind::CameraBlocked)[0].stepId.isEmpty()); // after the last step
    CHECK(ofKind(verdict, QcReasonKind::CameraBlocked)[0].range == qc::TimeRange{36'000ms, 38'000ms});
    CHECK(verdict.outcome == QcOutcome::Fail);
}

TEST_CASE("recording gaps: lost devices always, short dropped-frame runs not, pauses never")
{
    auto input = threeSteps();
    input.gaps.push_back({media::GapReason::VideoLost, 5'000ms, 5'400ms, false, 0, QStringLiteral("camera unplugged")});
    input.gaps.push_back({media::GapReason::DroppedFrames, 12'000ms, 12'300ms, false, 7, {}});
    input.gaps.push_back({media::GapReason::Pause, 25'000ms, 30'000ms, false, 0, {}});
    input.gaps.push_back({media::GapReason::AudioMissing, 31'000ms, 33'000ms, false, 96000, {}});
    const auto verdict = qc::evaluate(input, {});
    const auto gaps = ofKind(verdict, QcReasonKind::RecordingGap);
    REQUIRE(gaps.size() == 2);
    CHECK(gaps[0].stepId == QLatin1String("consent"));
    CHECK(gaps[0].detail.contains(QLatin1String("camera unplugged")));
    CHECK(gaps[1].range == qc::TimeRange{31'000ms, 33'000ms});
    CHECK(gaps[0].severity == QcSeverity::Review);
    CHECK(verdict.outcome == QcOutcome::NeedsReview);
}

TEST_CASE("a step shorter than its minimum, paused time not counted, is a reason of that step")
{
    auto input = threeSteps();
    input.steps[2].minDuration = 15'000ms; // coverage runs 20 s ...
    input.gaps.push_back({media::GapReason::Pause, 22'000ms, 30'000ms, false, 0, {}}); // ... 8 s of it paused
    input.steps[0].minDuration = 10'000ms; // consent runs exactly 10 s: fine
    const auto verdict = qc::evaluate(input, {});
    const auto shortSteps = ofKind(verdict, QcReasonKind::StepTooShort);
    REQUIRE(shortSteps.size() == 1);
    CHECK(shortSteps[0].stepId == QLatin1String("coverage"));
    CHECK(shortSteps[0].detail == QLatin1String("took 12.0 s, at least 15.0 s required"));
    // A step that was never completed (the session was aborted in it) is not judged for time.
    input.steps[2].completed = false;
    CHECK(ofKind(qc::evaluate(input, {}), QcReasonKind::StepTooShort).empty());
}

TEST_CASE("no audible answer: only for answer steps, only when speech was analysed, in the answer window")
{
    auto input = threeSteps();
    // Not analysed: nothing is said about answers either way.
    CHECK(ofKind(qc::evaluate(input, {}), QcReasonKind::NoAudibleAnswer).empty());

    input.speech.analysed = true;
    // Speech in consent (answer step), none in coverage (answer step), none in agent-identity (no answer needed).
    input.speech.ranges = {{3'000ms, 4'500ms}};
    auto verdict = qc::evaluate(input, {});
    auto silent = ofKind(verdict, QcReasonKind::NoAudibleAnswer);
    REQUIRE(silent.size() == 1);
    CHECK(silent[0].stepId == QLatin1String("coverage"));
    CHECK(silent[0].range == qc::TimeRange{20'000ms, 40'000ms});
    CHECK(verdict.outcome == QcOutcome::NeedsReview);

    // Speech before the prompt's playback ended is the agent reading, not an answer.
    input.speech.ranges = {{3'000ms, 4'500ms}, {21'000ms, 25'000ms}};
    input.steps[2].answerWindowStart = 30'000ms;
    silent = ofKind(qc::evaluate(input, {}), QcReasonKind::NoAudibleAnswer);
    REQUIRE(silent.size() == 1);
    CHECK(silent[0].range == qc::TimeRange{30'000ms, 40'000ms});
    // A short noise (under 300 ms) is no answer; a real one is.
    input.speech.ranges = {{3'000ms, 4'500ms}, {31'000ms, 31'200ms}};
    CHECK(ofKind(qc::evaluate(input, {}), QcReasonKind::NoAudibleAnswer).size() == 1);
    input.speech.ranges = {{3'000ms, 4'500ms}, {31'000ms, 32'000ms}};
    CHECK(ofKind(qc::evaluate(input, {}), QcReasonKind::NoAudibleAnswer).empty());
    CHECK(qc::evaluate(input, {}).outcome == QcOutcome::Pass);
}

TEST_CASE("sound: no track, long silence and clipping; silence during a pause is not missing sound")
{
    auto input = threeSteps();
    input.audio.hasTrack = false;
    auto verdict = qc::evaluate(input, {});
    REQUIRE(ofKind(verdict, QcReasonKind::AudioMissing).size() == 1);
    CHECK(ofKind(verdict, QcReasonKind::AudioMissing)[0].range == qc::TimeRange{0ms, 40'000ms});
    CHECK(verdict.outcome == QcOutcome::Fail);

    input = threeSteps();
    input.audio.silent = {{11'000ms, 15'000ms}, {25'000ms, 29'000ms}};
    input.audio.clipped = {{32'000ms, 32'400ms}};
    input.gaps.push_back({media::GapReason::Pause, 24'000ms, 30'000ms, false, 0, {}});
    verdict = qc::evaluate(input, {});
    const auto missing = ofKind(verdict, QcReasonKind::AudioMissing);
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].stepId == QLatin1String("agent-identity"));
    REQUIRE(ofKind(verdict, QcReasonKind::AudioClipped).size() == 1);
    CHECK(ofKind(verdict, QcReasonKind::AudioClipped)[0].severity == QcSeverity::Review);

    // Not analysed: no sound reasons at all.
    input.audio.analysed = false;
    CHECK(ofKind(qc::evaluate(input, {}), QcReasonKind::AudioMissing).empty());
}

TEST_CASE("the template's rules decide which reason fails, which asks for review and which is ignored")
{
    auto input = threeSteps();
    input.audio.clipped = {{32'000ms, 32'400ms}};
    input.presence.push_back({vision::DefectKind::ThirdParty, {}, {15'000ms, 16'000ms}, {}});
    CHECK(qc::evaluate(input, {}).outcome == QcOutcome::Fail);

    workflow::QcRules rules;
    rules.set(QcReasonKind::ThirdParty, QcSeverity::Review);
    rules.set(QcReasonKind::AudioClipped, QcSeverity::Fail);
    auto verdict = qc::evaluate(input, rules);
    CHECK(verdict.outcome == QcOutcome::Fail);
    CHECK(ofKind(verdict, QcReasonKind::AudioClipped)[0].severity == QcSeverity::Fail);
    CHECK(ofKind(verdict, QcReasonKind::ThirdParty)[0].severity == QcSeverity::Review);

    rules.set(QcReasonKind::AudioClipped, QcSeverity::Ignore);
    verdict = qc::evaluate(input, rules);
    CHECK(ofKind(verdict, QcReasonKind::AudioClipped).empty());
    CHECK(verdict.outcome == QcOutcome::NeedsReview);

    // Several templates: the strictest severity per kind.
    workflow::QcRules lenient;
    lenient.set(QcReasonKind::PresenceMissing, QcSeverity::Review);
    CHECK(lenient.strictest(workflow::QcRules{}).severity(QcReasonKind::PresenceMissing) == QcSeverity::Fail);
}

TEST_CASE("verdict names round-trip and reasons come in time order")
{
    for (const auto outcome : {QcOutcome::Pending, QcOutcome::Pass, QcOutcome::NeedsReview, QcOutcome::Fail})
        CHECK(qc::qcOutcomeFromName(QString::fromLatin1(qc::qcOutcomeName(outcome))) == outcome);
    CHECK_FALSE(qc::qcOutcomeFromName(u"passed").has_value());
    auto input = threeSteps();
    input.audio.clipped = {{32'000ms, 32'400ms}};
    input.presence.push_back({vision::DefectKind::ThirdParty, {}, {15'000ms, 16'000ms}, {}});
    const auto verdict = qc::evaluate(input, {});
    REQUIRE(verdict.reasons.size() == 2);
    CHECK(verdict.reasons[0].kind == QcReasonKind::ThirdParty);
    const auto json = verdict.toJson().value(QStringLiteral("reasons")).toArray();
    CHECK(json.at(1).toObject().value(QStringLiteral("kind")).toString() == QLatin1String("audio_clipped"));
    CHECK(json.at(1).toObject().value(QStringLiteral("start_ms")).toInteger() == 32'000);
}

TEST_CASE("a session without a recording, or with an empty one, never passes: no_recording fails whatever the rules say")
{
    for (const auto presence : {qc::RecordingPresence::Missing, qc::RecordingPresence::Empty}) {
        auto input = threeSteps();
        input.recording = presence;
        input.audio = {}; // nothing to decode
        // The most lenient template: every rule key ignored.
        workflow::QcRules lenient;
        for (const auto &row : workflow::kQcReasonNames)
            lenient.set(row.value, QcSeverity::Ignore);
        const auto verdict = qc::evaluate(input, lenient);
        CHECK(verdict.outcome == QcOutcome::Fail);
        REQUIRE(verdict.reasons.size() == 1);
        CHECK(verdict.reasons[0].kind == QcReasonKind::NoRecording);
        CHECK(verdict.reasons[0].severity == QcSeverity::Fail);
        CHECK(verdict.reasons[0].stepId.isEmpty());
        CHECK(verdict.reasons[0].range == qc::TimeRange{0ms, 40'000ms});
        CHECK(verdict.reasons[0].detail.contains(QLatin1String("no evidence")));
        const auto json = verdict.toJson().value(QStringLiteral("reasons")).toArray();
        CHECK(json.at(0).toObject().value(QStringLiteral("kind")).toString() == QLatin1String("no_recording"));
    }
    CHECK(qc::qcReasonKindFromName(u"no_recording") == QcReasonKind::NoRecording);
    CHECK(QLatin1String(qc::qcReasonKindName(QcReasonKind::NoRecording)) == QLatin1String("no_recording"));
    // Not a rule key: a template cannot weigh it.
    workflow::QcRules rules;
    rules.set(QcReasonKind::NoRecording, QcSeverity::Ignore);
    CHECK(rules.severity(QcReasonKind::NoRecording) == QcSeverity::Fail);
}

TEST_CASE("a session that did not finish never passes: incomplete fails whatever the rules say; a finished one is not touched")
{
    workflow::QcRules lenient;
    for (const auto &row : workflow::kQcReasonNames)
        lenient.set(row.value, QcSeverity::Ignore);
    auto finished = threeSteps();
    finished.audio = {};
    CHECK(qc::evaluate(finished, lenient).outcome == QcOutcome::Pass);
    for (const char *how : {"aborted", "failed", "refused"}) {
        auto input = finished;
        input.unfinished = QLatin1String(how);
        const auto verdict = qc::evaluate(input, lenient);
        CHECK(verdict.outcome == QcOutcome::Fail);
        REQUIRE(verdict.reasons.size() == 1);
        CHECK(verdict.reasons[0].kind == QcReasonKind::Incomplete);
        CHECK(verdict.reasons[0].severity == QcSeverity::Fail);
        CHECK(verdict.reasons[0].detail.contains(QLatin1String(how)));
        const auto json = verdict.toJson().value(QStringLiteral("reasons")).toArray();
        CHECK(json.at(0).toObject().value(QStringLiteral("kind")).toString() == QLatin1String("incomplete"));
    }
    CHECK(qc::qcReasonKindFromName(u"incomplete") == QcReasonKind::Incomplete);
    workflow::QcRules rules;
    rules.set(QcReasonKind::Incomplete, QcSeverity::Ignore);
    CHECK(rules.severity(QcReasonKind::Incomplete) == QcSeverity::Fail);
}
