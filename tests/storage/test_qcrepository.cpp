// The QC verdicts in the journal: automatic verdicts with their reasons, supervisors'
// spot-checks (stored with who and when, audited, refused to agents), and the history's review
// queue (needs review, plus a stable sample of passed sessions).
#include "core/storage/journal.h"
#include "tests/storage/storagefixture.h"
#include "tests/support/testclock.h"

#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;
using namespace dualrec::storage;
using namespace std::chrono_literals;
using workflow::SessionId;
using test::ManualClock;

namespace {

SessionRecord sessionAt(int i, const QDateTime &created)
{
    SessionRecord record;
    record.id = SessionId::generate();
    record.applicationNo = QStringLiteral("QC-%1").arg(i);
    record.agentId = QStringLiteral("agent-1");
    record.templateId = QStringLiteral("traditional-life");
    record.templateVersion = QStringLiteral("1.0.0");
    record.scopeReason = QStringLiteral("bank channel");
    record.createdAt = created;
    return record;
}

User userWith(const char *login, UserRole role)
{
    User user;
    user.id = 1;
    user.login = QLatin1String(login);
    user.displayName = QLatin1String(login);
    user.role = role;
    return user;
}

} // namespace

TEST_CASE("an automatic verdict is stored with its reasons and becomes the session's verdict")
{
    QTemporaryDir dir;
    ManualClock clock;
    auto journal = Journal::open(dir.path(), clock);
    REQUIRE(journal.has_value());
    const auto record = sessionAt(1, clock.wallNow());
    REQUIRE((*journal)->sessions().create(record).has_value());
    const QList<QcReasonRecord> reasons{
        {QStringLiteral("presence_missing"), QStringLiteral("fail"), QStringLiteral("consent"), 8000ms, 10000ms, QStringLiteral("customer out of the picture")},
        {QStringLiteral("audio_clipped"), QStringLiteral("review"), QString(), 32000ms, 32400ms, QStringLiteral("the sound was at full scale")}};
    auto stored = (*journal)->qc().recordAutomatic(record.id, storage::StoredVerdict::Fail, reasons, clock.wallNow());
    REQUIRE(stored.has_value());
    CHECK((*journal)->sessions().find(record.id).value()->qcVerdict == storage::StoredVerdict::Fail);
    const auto verdicts = (*journal)->qc().verdicts(record.id);
    REQUIRE(verdicts.has_value());
    REQUIRE(verdicts->size() == 1);
    CHECK(verdicts->first().source == QcSource::Automatic);
    CHECK(verdicts->first().reasons == reasons);

    CHECK((*journal)->qc().recordAutomatic(record.id, storage::StoredVerdict::Pending, {}, clock.wallNow()).error().code == ErrorCode::InvalidArgument);
    CHECK((*journal)->qc().recordAutomatic(SessionId::generate(), storage::StoredVerdict::Pass, {}, clock.wallNow()).error().code
          == ErrorCode::NotFound);
}

TEST_CASE("a supervisor's spot-check is stored with who and when and audited; an agent's is refused")
{
    QTemporaryDir dir;
    ManualClock clock;
    auto journal = Journal::open(dir.path(), clock);
    REQUIRE(journal.has_value());
    auto &qc = (*journal)->qc();
    const auto record = sessionAt(1, clock.wallNow());
    REQUIRE((*journal)->sessions().create(record).has_value());
    REQUIRE(qc.recordAutomatic(record.id, storage::StoredVerdict::NeedsReview, {}, clock.wallNow()).has_value());
    const auto auditRows = [&] { return (*journal)->audit().entries().value().size(); };
    const auto before = auditRows();

    SpotCheck failed;
    failed.passed = false;
    failed.reasonCodes = {QStringLiteral("misleading_statement")};
    failed.notes = QStringLiteral("业务员承诺保本收益。");
    // An agent cannot, whatever they send; nothing is stored or audited.
    const auto refused = qc.recordSpotCheck(record.id, failed, userWith("agent07", UserRole::Agent), clock.wallNow());
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code == ErrorCode::AccessDenied);
    CHECK(qc.verdicts(record.id).value().size() == 1);
    CHECK(auditRows() == before);

    // A failed check needs a reason code, and only known ones.
    SpotCheck noReason;
    CHECK(qc.recordSpotCheck(record.id, noReason, userWith("sup1", UserRole::Supervisor), clock.wallNow()).error().code
          == ErrorCode::InvalidArgument);
    SpotCheck badCode = failed;
    badCode.reasonCodes = {QStringLiteral("bad_hair")};
    const auto bad = qc.recordSpotCheck(record.id, badCode, userWith("sup1", UserRole::Supervisor), clock.wallNow());
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().detail.contains(QLatin1String("bad_hair")));
    SpotCheck unknownStep = failed;
    unknownStep.stepId = QStringLiteral("no-such-step");
    CHECK(qc.recordSpotCheck(record.id, unknownStep, userWith("sup1", UserRole::Supervisor), clock.wallNow()).error().code
          == ErrorCode::InvalidArgument);
    CHECK(auditRows() == before);

    clock.advance(5min);
    const auto at = clock.wallNow();
    REQUIRE(qc.recordSpotCheck(record.id, failed, userWith("sup1", UserRole::Supervisor), at).has_value());
    const auto verdicts = qc.verdicts(record.id).value();
    REQUIRE(verdicts.size() == 2);
    const auto &check = verdicts.last();
    CHECK(check.source == QcSource::Supervisor);
    CHECK(check.verdict == storage::StoredVerdict::Fail);
    CHECK(check.reviewer == QLatin1String("sup1"));
    CHECK(check.notes == failed.notes);
    CHECK(check.at == at.toUTC());
    REQUIRE(check.reasons.size() == 1);
    CHECK(check.reasons.first().kind == QLatin1String("misleading_statement"));
    // The automatic verdict stays as it was; the review result is beside it.
    CHECK((*journal)->sessions().find(record.id).value()->qcVerdict == storage::StoredVerdict::NeedsReview);
    const auto entries = (*journal)->audit().entries().value();
    REQUIRE(entries.size() == before + 1);
    CHECK(entries.last().actor == QLatin1String("sup1"));
    CHECK(entries.last().action == QLatin1String("qc-spot-check"));
    CHECK(entries.last().subject == record.id.toString());
    CHECK(entries.last().detail.contains(QLatin1String("misleading_statement")));
    CHECK_FALSE(entries.last().detail.contains(failed.notes)); // the note is in the journal, not the audit line
    CHECK((*journal)->audit().verify().value().intact);
}

TEST_CASE("the review queue: needs review plus a stable sample of passed sessions, none already checked")
{
    QTemporaryDir dir;
    ManualClock clock;
    auto journal = Journal::open(dir.path(), clock);
    REQUIRE(journal.has_value());
    auto &qc = (*journal)->qc();
    const QDateTime start(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC);
    QList<SessionId> passed;
    QList<SessionId> review;
    for (int i = 0; i < 400; ++i) {
        const auto record = sessionAt(i, start.addSecs(qint64(i) * 60));
        REQUIRE((*journal)->sessions().create(record).has_value());
        const auto verdict = i % 10 == 0 ? storage::StoredVerdict::NeedsReview : i % 10 == 1 ? storage::StoredVerdict::Fail : storage::StoredVerdict::Pass;
        REQUIRE(qc.recordAutomatic(record.id, verdict, {}, start).has_value());
        (verdict == storage::StoredVerdict::Pass ? passed : verdict == storage::StoredVerdict::NeedsReview ? review : passed).append(record.id);
        if (verdict == storage::StoredVerdict::Fail)
            passed.removeLast();
    }
    REQUIRE(passed.size() == 320);
    REQUIRE(review.size() == 40);

    HistoryFilter queue;
    queue.reviewQueue = true;
    queue.samplePercent = 5.0;
    const auto page = (*journal)->sessions().history(queue, 0, 1000);
    REQUIRE(page.has_value());
    qint64 sampledPassed = 0;
    QSet<QString> inQueue;
    for (const auto &row : page->rows) {
        inQueue.insert(row.id.toString());
        CHECK(row.qcVerdict != storage::StoredVerdict::Fail);
        if (row.qcVerdict == storage::StoredVerdict::Pass) {
            ++sampledPassed;
            CHECK(QcRepository::sampled(row.id, 5.0)); // the SQL and the C++ rule agree
        }
    }
    for (const auto &id : review)
        CHECK(inQueue.contains(id.toString()));
    qint64 expected = 0;
    for (const auto &id : passed)
        expected += QcRepository::sampled(id, 5.0) ? 1 : 0;
    CHECK(sampledPassed == expected);
    // About 5 % of 320 (16): random ids, so a wide band.
    CHECK(sampledPassed >= 3);
    CHECK(sampledPassed <= 40);
    CHECK(page->total == 40 + sampledPassed);

    // Stable: the same sessions on every query; 0 % samples none, 100 % all.
    CHECK((*journal)->sessions().history(queue, 0, 1000).value().total == page->total);
    queue.samplePercent = 0;
    CHECK((*journal)->sessions().history(queue, 0, 1000).value().total == 40);
    queue.samplePercent = 100;
    CHECK((*journal)->sessions().history(queue, 0, 1000).value().total == 360);

    // A session a supervisor has checked leaves the queue.
    SpotCheck ok;
    ok.passed = true;
    User supervisor;
    supervisor.login = QStringLiteral("sup1");
    supervisor.role = UserRole::Supervisor;
    REQUIRE(qc.recordSpotCheck(review.first(), ok, supervisor, start).has_value());
    CHECK((*journal)->sessions().history(queue, 0, 1000).value().total == 359);
}
