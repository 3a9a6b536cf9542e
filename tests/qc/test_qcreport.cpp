// What goes into a session's QC report (core/qc/qcreport.h), from a real journal: the steps with
// their times and reasons, the presence timeline as states, the speech, the automatic verdict's
// reasons with the moments to show (those that fail first, at most 12), the spot-checks with the
// reviewer's name; an unknown session is NotFound. No drawing here (that is ui/).
#include "core/qc/qcreport.h"
#include "core/storage/journal.h"
#include "core/workflow/templatelibrary.h"
#include "tests/support/testclock.h"

#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;
using namespace std::chrono_literals;
using std::chrono::milliseconds;

TEST_CASE("the report model: steps, presence states, speech, reasons with pictures (failures first, at most 12), spot-checks")
{
    QTemporaryDir dir;
    test::ManualClock clock;
    auto journal = storage::Journal::open(dir.path(), clock);
    REQUIRE(journal.has_value());
    auto &j = **journal;
    const auto library = workflow::TemplateLibrary::loadDirectories({QStringLiteral(DUALREC_SOURCE_DIR "/resources/scripts")});
    const auto plan = library.plan(QStringLiteral("traditional-life"));
    REQUIRE(plan.has_value());

    storage::SessionRecord record;
    record.id = workflow::SessionId::generate();
    record.applicationNo = QStringLiteral("AP-MODEL");
    record.agentId = QStringLiteral("li");
    record.templateId = plan->id();
    record.createdAt = clock.wallNow();
    REQUIRE(j.sessions().create(record).has_value());
    REQUIRE(j.users()
                .add(QStringLiteral("li"), QStringLiteral("李晓"), storage::UserRole::Agent, QStringLiteral("agent-password-1"),
                     QStringLiteral("02000144010080020190001"))
                .has_value());
    REQUIRE(j.users().add(QStringLiteral("chief"), QStringLiteral("王主管"), storage::UserRole::Supervisor, QStringLiteral("chief-password-1")).has_value());

    // Two steps: the first completed at 20 s, the second running until the last event at 50 s.
    const auto state = [&](workflow::SessionState from, workflow::SessionState to, std::chrono::seconds at) {
        workflow::SessionEvent e;
        e.type = workflow::SessionEventType::StateChanged;
        e.wallTime = record.createdAt.addSecs(at.count());
        e.monotonic = at;
        e.from = from;
        e.to = to;
        return e;
    };
    const auto event = [&](workflow::SessionEventType type, std::chrono::seconds at, qsizetype index) {
        workflow::SessionEvent e;
        e.type = type;
        e.wallTime = record.createdAt.addSecs(at.count());
        e.monotonic = at;
        e.stepIndex = index;
        e.stepId = index >= 0 ? plan->steps().at(index).id : QString();
        return e;
    };
    REQUIRE(j.sessions()
                .appendEvents(record.id, 0,
                              {event(workflow::SessionEventType::StepStarted, 1s, 0), event(workflow::SessionEventType::StepCompleted, 20s, 0),
                               event(workflow::SessionEventType::StepStarted, 20s, 1), state(workflow::SessionState::Steps, workflow::SessionState::Paused, 30s),
                               state(workflow::SessionState::Paused, workflow::SessionState::Steps, 35s),
                               state(workflow::SessionState::Steps, workflow::SessionState::Aborted, 50s)})
                .has_value());
    REQUIRE(j.sessions()
                .savePresenceRuns(record.id, {{0ms, 10'000ms, 2, true, true},
                                              {10'000ms, 15'000ms, 1, true, false},
                                              {15'000ms, 18'000ms, 3, true, true},
                                              {18'000ms, 19'000ms, 0, false, false},
                                              {19'000ms, 50'000ms, 1, false, true}})
                .has_value());
    storage::SpeechAnalysis speech;
    speech.analysed = true;
    speech.detector = QStringLiteral("webrtc-vad");
    speech.ranges = {{22'000ms, 24'000ms}};
    REQUIRE(j.sessions().saveSpeech(record.id, speech).has_value());
    // 14 reasons: 10 to review at 0..9 s, then 4 that fail at 40..43 s (and one gap that fails).
    QList<storage::QcReasonRecord> reasons;
    for (int i = 0; i < 10; ++i)
        reasons.append({QStringLiteral("third_party"), QStringLiteral("review"), plan->steps().at(0).id, milliseconds(i * 1000),
                        milliseconds(i * 1000 + 800), QString()});
    for (int i = 0; i < 3; ++i)
        reasons.append({QStringLiteral("presence_missing"), QStringLiteral("fail"), plan->steps().at(1).id, milliseconds(40'000 + i * 1000),
                        milliseconds(40'000 + i * 1000 + 600), QString()});
    reasons.append({QStringLiteral("recording_gap"), QStringLiteral("fail"), plan->steps().at(1).id, 45'000ms, 47'000ms, QString()});
    REQUIRE(j.qc().recordAutomatic(record.id, storage::StoredVerdict::Fail, reasons, clock.wallNow()).has_value());
    storage::SpotCheck check;
    check.passed = false;
    check.reasonCodes = {QStringLiteral("misleading_statement")};
    REQUIRE(j.qc().recordSpotCheck(record.id, check, *j.users().find(QStringLiteral("chief")), clock.wallNow()).has_value());

    const auto model = qc::buildQcReport({j.sessions(), j.qc(), j.users(), library}, record.id);
    REQUIRE(model.has_value());
    CHECK(model->applicationNo == QLatin1String("AP-MODEL"));
    CHECK(model->agentName == QStringLiteral("李晓"));
    CHECK(model->agentLicence == QLatin1String("02000144010080020190001"));
    CHECK(model->length == 50'000ms);
    REQUIRE(model->plan.has_value());
    REQUIRE(model->steps.size() == 2);
    CHECK(model->steps[0].planIndex == 0);
    CHECK(model->steps[0].range == qc::TimeRange{1000ms, 20'000ms});
    CHECK(model->steps[0].completed);
    CHECK(model->steps[0].reviewReasons == 10);
    CHECK(model->steps[0].failReasons == 0);
    CHECK(model->steps[1].planIndex == 1);
    CHECK_FALSE(model->steps[1].completed);
    CHECK(model->steps[1].failReasons == 4);
    CHECK(model->pauses == std::vector<qc::TimeRange>{{30'000ms, 35'000ms}});
    REQUIRE(model->presence.size() == 5);
    CHECK(model->presence[0].state == qc::PresenceState::Everyone);
    CHECK(model->presence[1].state == qc::PresenceState::CustomerAway);
    CHECK(model->presence[2].state == qc::PresenceState::ThirdPerson);
    CHECK(model->presence[3].state == qc::PresenceState::NobodyThere);
    CHECK(model->presence[4].state == qc::PresenceState::AgentAway);
    CHECK(model->speech.analysed);
    CHECK(model->speech.ranges.size() == 1);
    CHECK(model->outcome == qc::QcOutcome::Fail);
    REQUIRE(model->reasons.size() == 14);
    // Pictures: the 4 failures, then the first 8 reviews; the gap 0.5 s before it starts.
    int pictures = 0;
    for (const auto &row : model->reasons)
        pictures += row.pictureAt ? 1 : 0;
    CHECK(pictures == qc::kMaxReportPictures);
    CHECK(model->reasons[10].pictureAt == 40'300ms); // the middle of its range
    CHECK(model->reasons[13].pictureAt == 44'500ms);
    CHECK(model->reasons[0].pictureAt == 400ms);
    CHECK(model->reasons[7].pictureAt.has_value());
    CHECK_FALSE(model->reasons[8].pictureAt.has_value());
    CHECK_FALSE(model->reasons[9].pictureAt.has_value());
    CHECK(model->pictureTimes().size() == 12);
    REQUIRE(model->spotChecks.size() == 1);
    CHECK(model->people.value(QStringLiteral("chief")) == QStringLiteral("王主管"));
    CHECK(model->recordingPath.isEmpty()); // none registered

    const auto unknown = workflow::SessionId::generate();
    const auto missing = qc::buildQcReport({j.sessions(), j.qc(), j.users(), library}, unknown);
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == ErrorCode::NotFound);
    CHECK(missing.error().detail.contains(unknown.toString()));
}

TEST_CASE("stills of a recording that is not there or not a video are errors naming the file")
{
    QTemporaryDir dir;
    const auto absent = dir.filePath(QStringLiteral("absent.mp4"));
    const auto none = qc::grabPictures(absent, {1000ms}, nullptr);
    REQUIRE_FALSE(none.has_value());
    CHECK(none.error().code == ErrorCode::NotFound);
    CHECK(none.error().detail.contains(absent));
    const auto text = dir.filePath(QStringLiteral("text.mp4"));
    QFile file(text);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("this is not a recording");
    file.close();
    const auto garbage = qc::grabPictures(text, {1000ms}, nullptr);
    REQUIRE_FALSE(garbage.has_value());
    CHECK(garbage.error().detail.contains(text));
    CHECK(qc::grabPictures(text, {}, nullptr).value().empty()); // nothing asked, nothing read
}
