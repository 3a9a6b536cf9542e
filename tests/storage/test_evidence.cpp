#include "core/storage/evidencestate.h"
#include "core/storage/journal.h"
#include "core/storage/schema.h"

#include "tests/storage/storagefixture.h"
#include "tests/support/testclock.h"

#include <QTemporaryDir>

#include <catch2/generators/catch_generators.hpp>

#include <set>

using namespace dualrec::storage;
using namespace dualrec::workflow;
using dualrec::ErrorCode;
using dualrec::test::ManualClock;
using dualrec::test::RawSql;

namespace {

SessionRecord sampleRecord(const QDateTime &created)
{
    SessionRecord record;
    record.id = SessionId::generate();
    record.applicationNo = QStringLiteral("APP-1");
    record.agentId = QStringLiteral("agent-1");
    record.templateId = QStringLiteral("traditional-life");
    record.templateVersion = QStringLiteral("traditional-life@1.0.0");
    record.scopeReason = QStringLiteral("bank channel");
    record.createdAt = created;
    return record;
}

} // namespace

TEST_CASE("the evidence lifecycle allows exactly its documented transitions")
{
    // The diagram in evidencestate.h, edge by edge.
    const std::set<std::tuple<EvidenceState, EvidenceStep, EvidenceState>> allowed{
        {EvidenceState::NoRecording, EvidenceStep::RecordingOpened, EvidenceState::Recording},
        {EvidenceState::Recording, EvidenceStep::RecordingClosed, EvidenceState::Recorded},
        {EvidenceState::Recorded, EvidenceStep::RecordingStored, EvidenceState::Stored},
        {EvidenceState::Stored, EvidenceStep::Sealed, EvidenceState::Sealed},
        {EvidenceState::Sealed, EvidenceStep::UploadStarted, EvidenceState::Uploading},
        {EvidenceState::Uploading, EvidenceStep::Acknowledged, EvidenceState::Acknowledged},
        {EvidenceState::Acknowledged, EvidenceStep::Purged, EvidenceState::Purged},
        {EvidenceState::Recording, EvidenceStep::RecordingMissing, EvidenceState::Missing},
        {EvidenceState::Recorded, EvidenceStep::RecordingMissing, EvidenceState::Missing},
    };
    int edges = 0;
    for (int from = 0; from <= int(EvidenceState::Missing); ++from) {
        for (int step = 0; step <= int(EvidenceStep::RecordingMissing); ++step) {
            const auto next = nextEvidenceState(EvidenceState(from), EvidenceStep(step));
            INFO("from " << evidenceStateName(EvidenceState(from)).toStdString() << " with "
                         << evidenceStepName(EvidenceStep(step)).toStdString());
            if (next) {
                ++edges;
                CHECK(allowed.contains({EvidenceState(from), EvidenceStep(step), *next}));
            }
        }
    }
    CHECK(edges == int(allowed.size()));
    // Every state has a name, and names read back.
    for (int state = 1; state <= int(EvidenceState::Missing); ++state) {
        const auto name = evidenceStateName(EvidenceState(state));
        CHECK(name != QLatin1String("invalid"));
        CHECK(enumFromName(kEvidenceStateNames, name) == EvidenceState(state));
    }
    CHECK(evidenceStepsBetween(EvidenceState::NoRecording, EvidenceState::Stored)
          == QList{EvidenceStep::RecordingOpened, EvidenceStep::RecordingClosed, EvidenceStep::RecordingStored});
    CHECK(evidenceStepsBetween(EvidenceState::Stored, EvidenceState::Recording).isEmpty());
    CHECK(evidenceStepsBetween(EvidenceState::Recording, EvidenceState::Missing).isEmpty());
}

TEST_CASE("the journal moves a session's evidence only forward and logs every step")
{
    QTemporaryDir dir;
    ManualClock clock;
    auto journal = Journal::open(dir.path(), clock);
    REQUIRE(journal.has_value());
    auto &sessions = (*journal)->sessions();
    const auto record = sampleRecord(clock.wallNow());
    REQUIRE(sessions.create(record).has_value());
    CHECK(sessions.evidenceState(record.id).value() == EvidenceState::NoRecording);
    CHECK(sessions.find(record.id).value()->evidence == EvidenceState::NoRecording);

    CHECK(sessions.advanceEvidence(record.id, EvidenceStep::RecordingOpened, clock.wallNow(), QStringLiteral("a.mp4")).value()
          == EvidenceState::Recording);
    // Not allowed from "recording": refused, nothing changes.
    const auto refused = sessions.advanceEvidence(record.id, EvidenceStep::Sealed, clock.wallNow());
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code == ErrorCode::InvalidState);
    CHECK(refused.error().detail.contains(QLatin1String("\"sealed\"")));
    CHECK(refused.error().detail.contains(QLatin1String("\"recording\"")));
    CHECK(sessions.evidenceState(record.id).value() == EvidenceState::Recording);

    CHECK(sessions.adoptEvidence(record.id, EvidenceState::Stored, clock.wallNow(), QStringLiteral("test")).value()
          == EvidenceState::Stored);
    const auto log = sessions.evidenceTransitions(record.id);
    REQUIRE(log.has_value());
    REQUIRE(log->size() == 3);
    CHECK(log->at(0).step == EvidenceStep::RecordingOpened);
    CHECK(log->at(0).detail == QLatin1String("a.mp4"));
    CHECK(log->at(2).from == EvidenceState::Recorded);
    CHECK(log->at(2).to == EvidenceState::Stored);
    CHECK(sessions.sessionsWithEvidence({EvidenceState::Stored}).value() == QList{record.id});
    CHECK(sessions.sessionsWithEvidence({EvidenceState::Recording}).value().isEmpty());

    // An unknown session and a state name the build does not know are errors, not guesses.
    CHECK(sessions.evidenceState(SessionId::generate()).error().code == ErrorCode::NotFound);
    {
        RawSql raw(Journal::databasePath(dir.path()));
        raw.exec(QStringLiteral("UPDATE sessions SET evidence_state = 'teleported'"));
    }
    CHECK(sessions.evidenceState(record.id).error().code == ErrorCode::DataCorrupt);
    CHECK_FALSE(sessions.advanceEvidence(record.id, EvidenceStep::Sealed, clock.wallNow()).has_value());
}

TEST_CASE("sessions journaled before the lifecycle get the state their files say")
{
    QTemporaryDir dir;
    const auto path = dir.filePath(QStringLiteral("old.sqlite"));
    {
        auto database = Database::open(path);
        REQUIRE(database.has_value());
        REQUIRE(Schema::migrate(**database, 5).has_value());
    }
    {
        RawSql raw(path);
        for (const auto *id : {"stored", "open", "none", "sealed"})
            raw.exec(QStringLiteral("INSERT INTO sessions (id, application_no, agent_id, template_id, template_version, "
                                    "scope_required, scope_reason, state, created_at_utc, updated_at_utc) "
                                    "VALUES ('%1', 'A', 'a', 't', '1', 1, '', 'finished', '2026-01-01', '2026-01-01')")
                         .arg(QLatin1String(id)));
        const auto media = [&raw](const char *id, const char *role, int n) {
            raw.exec(QStringLiteral("INSERT INTO media_files (session_id, role, path, size_bytes, sha256, created_at_utc) "
                                    "VALUES ('%1', '%2', '/r/%1-%3', 1, '', '2026-01-01')")
                         .arg(QLatin1String(id), QLatin1String(role))
                         .arg(n));
        };
        media("stored", "recording-fragmented", 1);
        media("stored", "recording", 2);
        media("stored", "sidecar", 3);
        media("open", "recording-fragmented", 1);
        media("sealed", "recording", 1);
        media("sealed", "sidecar", 2);
        raw.exec(QStringLiteral("INSERT INTO seals (session_id, sealed_at_utc, manifest_sha256) VALUES ('sealed', '2026-01-02', 'ab')"));
    }
    auto database = Database::open(path);
    REQUIRE(database.has_value());
    REQUIRE(Schema::migrate(**database).has_value());
    RawSql raw(path);
    const auto state = [&raw](const char *id) {
        return raw.value(QStringLiteral("SELECT evidence_state FROM sessions WHERE id = '%1'").arg(QLatin1String(id)));
    };
    CHECK(state("stored") == QLatin1String("stored"));
    CHECK(state("open") == QLatin1String("recording"));
    CHECK(state("none") == QLatin1String("no-recording"));
    CHECK(state("sealed") == QLatin1String("sealed"));
}
