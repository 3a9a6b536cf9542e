#include "core/storage/journal.h"
#include "core/storage/schema.h"
#include "core/workflow/templatelibrary.h"
#include "core/workflow/workflowsession.h"

#include "tests/storage/storagefixture.h"
#include "tests/support/testclock.h"

#include <QTemporaryDir>

using namespace dualrec::storage;
using namespace dualrec::workflow;
using dualrec::ErrorCode;
using dualrec::test::FailNth;
using dualrec::test::ManualClock;
using dualrec::test::RawSql;

namespace {

SessionRecord sampleRecord(int i, const QDateTime &created)
{
    SessionRecord record;
    record.id = SessionId::generate();
    record.applicationNo = QStringLiteral("APP-%1").arg(i, 5, 10, QLatin1Char('0'));
    record.agentId = QStringLiteral("agent-%1").arg(i % 3);
    record.customerRef = QStringLiteral("ref-%1").arg(i);
    record.templateId = QStringLiteral("traditional-life");
    record.templateVersion = QStringLiteral("1.0.0");
    record.products = {{QStringLiteral("P%1").arg(i % 2), QStringLiteral("产品%1").arg(i % 2)}};
    record.scopeReason = QStringLiteral("bank channel");
    record.createdAt = created;
    return record;
}

} // namespace

TEST_CASE("sessions round-trip and the customer's personal data is stored only encrypted")
{
    QTemporaryDir dir;
    ManualClock clock;
    auto journal = Journal::open(dir.path(), clock);
    REQUIRE(journal.has_value());
    auto &sessions = (*journal)->sessions();

    auto record = sampleRecord(1, clock.wallNow());
    record.customer = CustomerData{QStringLiteral("王秀英"), QStringLiteral("11010519491231002X"), QStringLiteral("13800000000"), QStringLiteral("张伟")};
    REQUIRE(sessions.create(record).has_value());
    const auto found = sessions.find(record.id);
    REQUIRE(found.has_value());
    REQUIRE(found->has_value());
    CHECK((*found)->applicationNo == record.applicationNo);
    CHECK((*found)->customer == record.customer);
    CHECK((*found)->products == record.products);
    CHECK((*found)->createdAt == record.createdAt);
    CHECK((*found)->state == SessionState::Created);

    // Not in clear anywhere in the file.
    (*journal).reset();
    QFile file(Journal::databasePath(dir.path()));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll() + [&] {
        QFile wal(Journal::databasePath(dir.path()) + QStringLiteral("-wal"));
        return wal.open(QIODevice::ReadOnly) ? wal.readAll() : QByteArray();
    }();
    CHECK_FALSE(bytes.contains(QStringLiteral("王秀英").toUtf8()));
    CHECK_FALSE(bytes.contains("11010519491231002X"));
    CHECK_FALSE(bytes.contains("13800000000"));

    // A ciphertext moved to another row does not decrypt.
    auto reopened = Journal::open(dir.path(), clock);
    REQUIRE(reopened.has_value());
    auto other = sampleRecord(2, clock.wallNow());
    REQUIRE((*reopened)->sessions().create(other).has_value());
    {
        RawSql raw(Journal::databasePath(dir.path()));
        raw.exec(QStringLiteral("UPDATE sessions SET customer_pii = (SELECT customer_pii FROM sessions WHERE id = '%1') WHERE id = '%2'")
                     .arg(record.id.toString(), other.id.toString()));
    }
    const auto moved = (*reopened)->sessions().find(other.id);
    REQUIRE_FALSE(moved.has_value());
    CHECK(moved.error().code == ErrorCode::FormatError);
}

TEST_CASE("a session's events from the workflow engine are journaled and move its state")
{
    QTemporaryDir dir;
    ManualClock clock;
    auto journal = Journal::open(dir.path(), clock);
    REQUIRE(journal.has_value());
    auto &sessions = (*journal)->sessions();
    const auto library = TemplateLibrary::loadDirectories({QStringLiteral(DUALREC_SOURCE_DIR "/resources/scripts")});
    auto plan = library.plan(QStringLiteral("traditional-life"));
    REQUIRE(plan.has_value());
    auto session = WorkflowSession::create(SessionId::generate(), *plan, clock);
    REQUIRE(session.has_value());
    auto record = sampleRecord(1, clock.wallNow());
    record.id = (*session)->id();
    REQUIRE(sessions.create(record).has_value());

    REQUIRE((*session)->start().has_value());
    REQUIRE((*session)->pause(QStringLiteral("break")).has_value());
    const auto appended = sessions.appendEvents(record.id, 0, (*session)->events());
    INFO((appended ? QString() : appended.error().detail).toStdString());
    REQUIRE(appended.has_value());
    CHECK(sessions.find(record.id).value()->state == SessionState::Paused);
    const auto already = (*session)->events().size();
    REQUIRE((*session)->abort(QStringLiteral("customer left")).has_value());
    REQUIRE(sessions.appendEvents(record.id, already, (*session)->events().mid(already)).has_value());

    const auto stored = sessions.events(record.id);
    REQUIRE(stored.has_value());
    REQUIRE(stored->size() == (*session)->events().size());
    for (qsizetype i = 0; i < stored->size(); ++i) {
        const auto &a = stored->at(i);
        const auto &b = (*session)->events().at(i);
        CHECK(a.type == b.type);
        CHECK(a.wallTime == b.wallTime);
        CHECK(a.monotonic == b.monotonic);
        CHECK(a.from == b.from);
        CHECK(a.to == b.to);
        CHECK(a.trigger == b.trigger);
        CHECK(a.stepId == b.stepId);
        CHECK(a.detail == b.detail);
    }
    const auto final = sessions.find(record.id).value();
    CHECK(final->state == SessionState::Aborted);
    CHECK(final->finishedAt.isValid());

    // Sequence numbers are unique: the same events cannot be appended twice.
    CHECK_FALSE(sessions.appendEvents(record.id, 0, (*session)->events()).has_value());
    CHECK(sessions.events(record.id)->size() == stored->size());
    // Foreign keys: no events for an unknown session.
    CHECK_FALSE(sessions.appendEvents(SessionId::generate(), 0, (*session)->events().mid(0, 1)).has_value());

    REQUIRE(sessions.addMediaFile(record.id, {MediaRole::Recording, QStringLiteral("/r/x.mp4"), 42,
                                              QStringLiteral("00ff"), clock.wallNow()}).has_value());
    CHECK(sessions.mediaFiles(record.id)->size() == 1);
}

TEST_CASE("history: filters / newest first and paging")
{
    QTemporaryDir dir;
    ManualClock clock;
    auto journal = Journal::open(dir.path(), clock);
    REQUIRE(journal.has_value());
    auto &sessions = (*journal)->sessions();
    const QDateTime start(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC);
    QList<SessionId> ids;
    for (int i = 0; i < 30; ++i) {
        auto record = sampleRecord(i, start.addSecs(qint64(i) * 3600 * 7)); // every 7 hours
        if (i % 5 == 0)
            record.state = SessionState::Failed;
        REQUIRE(sessions.create(record).has_value());
        ids.append(record.id);
    }
    {
        RawSql raw(Journal::databasePath(dir.path()));
        raw.exec(QStringLiteral("UPDATE sessions SET qc_verdict = 'fail' WHERE id = '%1'").arg(ids.at(3).toString()));
        raw.exec(QStringLiteral("INSERT INTO uploads (session_id, state, updated_at_utc) VALUES ('%1', 'acknowledged', 'x')").arg(ids.at(4).toString()));
    }

    auto all = sessions.history({}, 0, 10);
    REQUIRE(all.has_value());
    CHECK(all->total == 30);
    REQUIRE(all->rows.size() == 10);
    CHECK(all->rows.first().id == ids.last()); // newest first
    CHECK(all->rows.first().products == QStringLiteral("产品1"));
    CHECK_FALSE(all->rows.first().uploadState.has_value()); // never queued
    auto last = sessions.history({}, 20, 10);
    REQUIRE(last.has_value());
    CHECK(last->rows.size() == 10);
    CHECK(last->rows.last().id == ids.first());

    struct Row {
        const char *name;
        HistoryFilter filter;
        qint64 expected;
    };
    HistoryFilter byAgent;
    byAgent.agentId = QStringLiteral("agent-1");
    HistoryFilter byApplication;
    byApplication.applicationNo = QStringLiteral("APP-00007");
    HistoryFilter byProduct;
    byProduct.productCode = QStringLiteral("P0");
    HistoryFilter byState;
    byState.state = SessionState::Failed;
    HistoryFilter byQc;
    byQc.qcVerdict = StoredVerdict::Fail;
    HistoryFilter byUpload;
    byUpload.uploadState = UploadState::Acknowledged;
    HistoryFilter notUploaded;
    notUploaded.neverUploaded = true;
    HistoryFilter byDates; // 2026-11-02 00:00 to 2026-11-04 00:00 UTC: sessions 3 to 8 (9 is at exactly 00:00 on the 4th)
    byDates.from = QDate(2026, 11, 2);
    byDates.to = QDate(2026, 11, 3);
    HistoryFilter combined = byAgent;
    combined.productCode = QStringLiteral("P0");
    const std::vector<Row> rows{{"agent", byAgent, 10},      {"application", byApplication, 1}, {"product", byProduct, 15},
                                {"state", byState, 6},       {"qc", byQc, 1},                   {"upload", byUpload, 1},
                                {"not uploaded", notUploaded, 29}, {"dates", byDates, 6},       {"agent and product", combined, 5}};
    for (const auto &row : rows) {
        INFO(row.name);
        const auto page = sessions.history(row.filter, 0, 50);
        REQUIRE(page.has_value());
        CHECK(page->total == row.expected);
        CHECK(page->rows.size() == row.expected);
    }
}

TEST_CASE("a failing statement at any point leaves no partial session and the next run converges")
{
    QTemporaryDir dir;
    ManualClock clock;
    const auto library = TemplateLibrary::loadDirectories({QStringLiteral(DUALREC_SOURCE_DIR "/resources/scripts")});
    auto plan = library.plan(QStringLiteral("life-plus-critical-illness"));
    REQUIRE(plan.has_value());
    auto engine = WorkflowSession::create(SessionId::generate(), *plan, clock);
    REQUIRE(engine.has_value());
    REQUIRE((*engine)->start().has_value());
    REQUIRE((*engine)->abort(QStringLiteral("test")).has_value());
    const auto events = (*engine)->events();
    auto record = sampleRecord(1, clock.wallNow());
    record.id = (*engine)->id();
    record.products.append({QStringLiteral("CI"), QStringLiteral("重疾")});

    // The unit of work, written to be re-run: create the session if missing, then its events.
    auto recordSession = [&](Database &database) -> dualrec::Result<void> {
        SessionRepository sessions(std::shared_ptr<Database>(&database, [](Database *) {}), std::nullopt);
        auto existing = sessions.find(record.id);
        if (!existing)
            return std::unexpected(existing.error());
        if (!*existing) {
            if (auto created = sessions.create(record); !created)
                return created;
        }
        auto stored = sessions.events(record.id);
        if (!stored)
            return std::unexpected(stored.error());
        if (stored->isEmpty())
            return sessions.appendEvents(record.id, 0, events);
        return {};
    };

    int n = 0;
    for (;; ++n) {
        REQUIRE(n < 500);
        const auto path = dir.filePath(QStringLiteral("j%1.sqlite").arg(n));
        {
            auto database = Database::open(path);
            REQUIRE(database.has_value());
            REQUIRE(Schema::migrate(**database).has_value());
        }
        FailNth faults(n + 1); // statement 0 is the journal_mode pragma of opening
        auto database = Database::open(path, &faults);
        REQUIRE(database.has_value());
        const auto result = recordSession(**database);
        if (!faults.fired()) {
            REQUIRE(result.has_value());
            break;
        }
        INFO("fault at statement " << n);
        CHECK_FALSE(result.has_value());
        {
            RawSql raw(path);
            const auto sessionRows = raw.value(QStringLiteral("SELECT COUNT(*) FROM sessions")).toInt();
            const auto productRows = raw.value(QStringLiteral("SELECT COUNT(*) FROM session_products")).toInt();
            const auto eventRows = raw.value(QStringLiteral("SELECT COUNT(*) FROM events")).toInt();
            // Either nothing, or the whole session without events, or everything: never half.
            CHECK((sessionRows == 0 || sessionRows == 1));
            CHECK(productRows == 2 * sessionRows);
            CHECK((eventRows == 0 || eventRows == events.size()));
            if (sessionRows == 1)
                CHECK(raw.value(QStringLiteral("SELECT state FROM sessions")) == QLatin1String(eventRows == 0 ? "created" : "aborted"));
        }
        // The next run, without the fault, converges on the complete result.
        auto clean = Database::open(path);
        REQUIRE(clean.has_value());
        const auto converged = recordSession(**clean);
        INFO((converged ? QString() : converged.error().detail).toStdString());
        REQUIRE(converged.has_value());
        RawSql raw(path);
        CHECK(raw.value(QStringLiteral("SELECT COUNT(*) FROM events")).toInt() == events.size());
        CHECK(raw.value(QStringLiteral("SELECT state FROM sessions")) == QLatin1String("aborted"));
        CHECK(raw.value(QStringLiteral("PRAGMA integrity_check")) == QLatin1String("ok"));
    }
    CHECK(n >= 8);
}

TEST_CASE("the presence timeline is stored run by run and replaced as a whole")
{
    QTemporaryDir dir;
    ManualClock clock;
    auto journal = Journal::open(dir.path(), clock);
    REQUIRE(journal.has_value());
    auto &sessions = (*journal)->sessions();
    const auto record = sampleRecord(1, clock.wallNow());
    REQUIRE(sessions.create(record).has_value());
    using std::chrono::milliseconds;
    const QList<PresenceRun> runs{{milliseconds(0), milliseconds(8100), 2, true, true},
                                  {milliseconds(8100), milliseconds(11900), 1, true, false},
                                  {milliseconds(11900), milliseconds(20000), 2, true, true}};
    REQUIRE(sessions.savePresenceRuns(record.id, runs).has_value());
    CHECK(sessions.presenceRuns(record.id).value() == runs);
    REQUIRE(sessions.savePresenceRuns(record.id, runs.mid(0, 1)).has_value());
    CHECK(sessions.presenceRuns(record.id).value() == runs.mid(0, 1));
    CHECK_FALSE(sessions.savePresenceRuns(SessionId::generate(), runs).has_value()); // foreign key
    CHECK(sessions.presenceRuns(record.id)->size() == 1);
}

TEST_CASE("a session's speech is stored with the analysed flag, replaced as a whole, and bad ranges are refused by name")
{
    QTemporaryDir dir;
    ManualClock clock;
    auto journal = Journal::open(dir.path(), clock);
    REQUIRE(journal.has_value());
    auto &sessions = (*journal)->sessions();
    const auto record = sampleRecord(1, clock.wallNow());
    REQUIRE(sessions.create(record).has_value());
    using std::chrono::milliseconds;
    // Never analysed: not "no speech".
    const auto none = sessions.speech(record.id);
    REQUIRE(none.has_value());
    CHECK_FALSE(none->analysed);
    CHECK(none->ranges.isEmpty());

    SpeechAnalysis analysis;
    analysis.analysed = true;
    analysis.detector = QStringLiteral("webrtc-vad 0.3 low/150/100/300/-55/9");
    analysis.analysedAudio = milliseconds(61000);
    analysis.droppedAudio = milliseconds(40);
    analysis.ranges = {{milliseconds(12400), milliseconds(13100)}, {milliseconds(30050), milliseconds(31900)}};
    REQUIRE(sessions.saveSpeech(record.id, analysis).has_value());
    CHECK(sessions.speech(record.id).value() == analysis);

    // Analysed, nothing heard: an empty list with the flag set.
    auto silent = analysis;
    silent.ranges.clear();
    REQUIRE(sessions.saveSpeech(record.id, silent).has_value());
    const auto stored = sessions.speech(record.id);
    CHECK(stored->analysed);
    CHECK(stored->ranges.isEmpty());

    auto overlapping = analysis;
    overlapping.ranges.append({milliseconds(31000), milliseconds(32000)});
    const auto refused = sessions.saveSpeech(record.id, overlapping);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code == ErrorCode::InvalidArgument);
    CHECK(refused.error().detail.contains(QLatin1String("range 3 (31000-32000 ms)")));
    CHECK(sessions.speech(record.id).value() == silent); // nothing changed
    CHECK_FALSE(sessions.saveSpeech(SessionId::generate(), analysis).has_value()); // foreign key
}

TEST_CASE("media roles, QC verdicts and session states are types in the API and names only in SQL; an unknown name "
          "read from the journal is an error naming the table, column and value")
{
    QTemporaryDir dir;
    ManualClock clock;
    auto journal = Journal::open(dir.path(), clock);
    REQUIRE(journal.has_value());
    auto &sessions = (*journal)->sessions();
    auto &database = (*journal)->database();

    // Round trip: every role, every verdict, as written and as the SQL sees it.
    auto record = sampleRecord(7, clock.wallNow());
    record.qcVerdict = StoredVerdict::NeedsReview;
    REQUIRE(sessions.create(record).has_value());
    QList<MediaFile> written;
    for (const auto &[role, name] : kMediaRoleNames) {
        written.append({role, QStringLiteral("/r/%1").arg(QLatin1String(name)), 1, QString(), clock.wallNow()});
        REQUIRE(sessions.addMediaFile(record.id, written.last()).has_value());
    }
    const auto files = sessions.mediaFiles(record.id);
    REQUIRE(files.has_value());
    CHECK(*files == written);
    auto stored = database.run(QStringLiteral("SELECT role FROM media_files ORDER BY id"));
    REQUIRE(stored.has_value());
    QStringList roles;
    while (stored->next())
        roles.append(stored->value(0).toString());
    CHECK(roles == QStringList{QStringLiteral("recording"), QStringLiteral("recording-fragmented"), QStringLiteral("sidecar"),
                               QStringLiteral("snapshot")});
    for (const auto &[verdict, name] : kStoredVerdictNames) {
        REQUIRE(database.run(QStringLiteral("UPDATE sessions SET qc_verdict = ? WHERE id = ?"),
                             {QLatin1String(name), record.id.toString()}).has_value());
        CHECK(sessions.find(record.id).value()->qcVerdict == verdict);
        HistoryFilter filter;
        filter.qcVerdict = verdict;
        filter.state = SessionState::Created;
        const auto page = sessions.history(filter, 0, 10);
        REQUIRE(page.has_value());
        REQUIRE(page->rows.size() == 1);
        CHECK(page->rows.first().qcVerdict == verdict);
        CHECK(page->rows.first().state == SessionState::Created);
    }
    // Every upload state, as the history reads it and filters by it (uploads.state holds the name).
    REQUIRE(database.run(QStringLiteral("INSERT INTO uploads (session_id, state, updated_at_utc) VALUES (?, 'queued', 'x')"),
                         {record.id.toString()}).has_value());
    for (const auto &[upload, name] : kUploadStateNames) {
        REQUIRE(database.run(QStringLiteral("UPDATE uploads SET state = ? WHERE session_id = ?"),
                             {QLatin1String(name), record.id.toString()}).has_value());
        HistoryFilter filter;
        filter.uploadState = upload;
        const auto page = sessions.history(filter, 0, 10);
        REQUIRE(page.has_value());
        REQUIRE(page->rows.size() == 1);
        CHECK(page->rows.first().uploadState == upload);
        HistoryFilter never;
        never.neverUploaded = true;
        CHECK(sessions.history(never, 0, 10).value().rows.isEmpty());
    }
    REQUIRE(database.run(QStringLiteral("UPDATE uploads SET state = 'teleported'")).has_value());
    const auto badUpload = sessions.history({}, 0, 10);
    REQUIRE_FALSE(badUpload.has_value());
    CHECK(badUpload.error().code == ErrorCode::DataCorrupt);
    CHECK(badUpload.error().detail.contains(QLatin1String("uploads.state")));
    CHECK(badUpload.error().detail.contains(QLatin1String("teleported")));
    REQUIRE(database.run(QStringLiteral("DELETE FROM uploads")).has_value());
    CHECK(storedVerdictName(StoredVerdict::NeedsReview) == QLatin1String("needs_review"));
    CHECK(mediaRoleName(MediaRole::RecordingFragmented) == QLatin1String("recording-fragmented"));

    // Unknown names (a damaged or tampered journal, a newer DualRec): errors that say where, never mapped.
    const auto says = [](const dualrec::Error &error, const char *where, const char *value) {
        INFO(error.detail.toStdString());
        CHECK(error.code == ErrorCode::DataCorrupt);
        CHECK(error.detail.contains(QLatin1String(where)));
        CHECK(error.detail.contains(QLatin1String(value)));
    };
    REQUIRE(database.run(QStringLiteral("UPDATE media_files SET role = 'thumbnail' WHERE role = 'snapshot'")).has_value());
    const auto badRole = sessions.mediaFiles(record.id);
    REQUIRE_FALSE(badRole.has_value());
    says(badRole.error(), "media_files.role", "thumbnail");

    REQUIRE(database.run(QStringLiteral("UPDATE sessions SET qc_verdict = 'maybe' WHERE id = ?"), {record.id.toString()}).has_value());
    const auto badVerdict = sessions.find(record.id);
    REQUIRE_FALSE(badVerdict.has_value());
    says(badVerdict.error(), "sessions.qc_verdict", "maybe");
    const auto badPage = sessions.history({}, 0, 10);
    REQUIRE_FALSE(badPage.has_value());
    says(badPage.error(), "sessions.qc_verdict", "maybe");

    REQUIRE(database.run(QStringLiteral("UPDATE sessions SET qc_verdict = 'pass', state = 'wandering' WHERE id = ?"),
                         {record.id.toString()}).has_value());
    const auto badState = sessions.find(record.id);
    REQUIRE_FALSE(badState.has_value());
    says(badState.error(), "sessions.state", "wandering");
    const auto badStatePage = sessions.history({}, 0, 10);
    REQUIRE_FALSE(badStatePage.has_value());
    says(badStatePage.error(), "sessions.state", "wandering");

    REQUIRE(database.run(QStringLiteral("UPDATE sessions SET state = 'created', evidence_state = 'misplaced' WHERE id = ?"),
                         {record.id.toString()}).has_value());
    const auto badEvidence = sessions.find(record.id);
    REQUIRE_FALSE(badEvidence.has_value());
    says(badEvidence.error(), "sessions.evidence_state", "misplaced");

    // The QC repository: the verdict column of qc_verdicts.
    REQUIRE(database.run(QStringLiteral("UPDATE sessions SET evidence_state = 'no-recording' WHERE id = ?"),
                         {record.id.toString()}).has_value());
    REQUIRE((*journal)->qc().recordAutomatic(record.id, StoredVerdict::Pass, {}, clock.wallNow()).has_value());
    CHECK((*journal)->qc().verdicts(record.id).value().first().verdict == StoredVerdict::Pass);
    CHECK((*journal)->qc().recordAutomatic(record.id, StoredVerdict::Pending, {}, clock.wallNow()).error().code
          == ErrorCode::InvalidArgument);
    REQUIRE(database.run(QStringLiteral("UPDATE qc_verdicts SET verdict = 'so-so'")).has_value());
    const auto badStoredVerdict = (*journal)->qc().verdicts(record.id);
    REQUIRE_FALSE(badStoredVerdict.has_value());
    says(badStoredVerdict.error(), "qc_verdicts.verdict", "so-so");
}
