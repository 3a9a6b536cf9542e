#include "core/storage/journal.h"
#include "core/storage/schema.h"

#include "tests/storage/storagefixture.h"
#include "tests/support/testclock.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace dualrec::storage;
using namespace dualrec::workflow;
using dualrec::ErrorCode;
using dualrec::test::ManualClock;
using dualrec::test::RawSql;

namespace {

/// A recording as the recorder leaves it: a media file and its sidecar (docs/recording.md).
SessionId writeRecording(const QString &folderPath, const QString &applicationNo, const char *state)
{
    const auto id = SessionId::generate();
    const QDir folder(folderPath);
    REQUIRE(QDir().mkpath(folder.path()));
    QFile media(folder.filePath(id.toString() + QStringLiteral(".mp4")));
    REQUIRE(media.open(QIODevice::WriteOnly));
    media.write(QByteArray(1000, 'x'));
    media.close();
    const QJsonObject sidecar{
        {QStringLiteral("format"), QStringLiteral("dualrec-recording/1")},
        {QStringLiteral("session_id"), id.toString()},
        {QStringLiteral("application_no"), applicationNo},
        {QStringLiteral("agent_id"), QStringLiteral("agent-9")},
        {QStringLiteral("template_id"), QStringLiteral("critical-illness")},
        {QStringLiteral("template_version"), QStringLiteral("1.0.0")},
        {QStringLiteral("state"), QLatin1String(state)},
        {QStringLiteral("started_at"), QStringLiteral("2026-11-20T10:00:00.000Z")},
        {QStringLiteral("products"), QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("CI")},
                                                            {QStringLiteral("name"), QStringLiteral("重疾")}}}},
        {QStringLiteral("files"), QJsonObject{{QStringLiteral("fragmented"), QString(id.toString() + QStringLiteral(".recording.mp4"))},
                                              {QStringLiteral("final"), QString(id.toString() + QStringLiteral(".mp4"))}}}};
    QFile file(folder.filePath(id.toString() + QStringLiteral(".json")));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(sidecar).toJson());
    return id;
}

void damage(const QString &path, qint64 offset, const QByteArray &bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadWrite));
    REQUIRE(file.seek(offset));
    file.write(bytes);
}

} // namespace

TEST_CASE("opening a data folder creates the journal and the key file with owner-only access")
{
    QTemporaryDir dir;
    ManualClock clock;
    auto journal = Journal::open(dir.path(), clock);
    REQUIRE(journal.has_value());
    CHECK((*journal)->startup().outcome == JournalStartup::Created);
    const QFileInfo key(dir.filePath(QStringLiteral("keys/customer-data.key")));
    CHECK(key.size() == 32);
    CHECK(key.permissions() == (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser));
    journal->reset();

    auto again = Journal::open(dir.path(), clock);
    REQUIRE(again.has_value());
    CHECK((*again)->startup().outcome == JournalStartup::Healthy);
    CHECK((*again)->startup().schemaVersionFound == Schema::kLatestVersion);
    again->reset();

    QFile::setPermissions(key.filePath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
    const auto exposed = Journal::open(dir.path(), clock);
    REQUIRE_FALSE(exposed.has_value());
    CHECK(exposed.error().detail.contains(QLatin1String("0600")));
}

TEST_CASE("quick check on every start and the full integrity check once a week or when asked")
{
    QTemporaryDir dir;
    ManualClock clock;
    auto open = [&](bool force = false) {
        Journal::Options options;
        options.forceFullCheck = force;
        auto journal = Journal::open(dir.path(), clock, options);
        REQUIRE(journal.has_value());
        return (*journal)->startup().fullCheck;
    };
    CHECK_FALSE(open());          // created: nothing to check
    CHECK(open());                // never fully checked yet
    CHECK_FALSE(open());          // checked just now: quick check
    clock.advance(std::chrono::hours(24 * 6));
    CHECK_FALSE(open());
    clock.advance(std::chrono::hours(24));
    CHECK(open());                // a week later
    CHECK_FALSE(open());
    CHECK(open(true));            // on demand
}

TEST_CASE("a damaged journal is copied aside and the recordings are re-indexed from their sidecars")
{
    struct Damage {
        const char *name;
        qint64 offset;
        QByteArray bytes;
    };
    const std::vector<Damage> damages{
        {"header overwritten", 0, QByteArray(100, '\xAB')},
        {"a table page overwritten", 4096 * 3, QByteArray(4096, '\x5A')},
    };
    for (const auto &kind : damages) {
        INFO(kind.name);
        QTemporaryDir dir;
        ManualClock clock;
        SessionId kept;
        {
            auto journal = Journal::open(dir.path(), clock);
            REQUIRE(journal.has_value());
            // Enough rows that the file has several pages, checkpointed into the main file.
            for (int i = 0; i < 200; ++i) {
                SessionRecord record;
                record.id = SessionId::generate();
                record.applicationNo = QStringLiteral("OLD-%1").arg(i);
                record.agentId = QStringLiteral("agent-1");
                record.templateId = QStringLiteral("t");
                record.templateVersion = QStringLiteral("1.0.0");
                record.scopeReason = QString(200, u'x');
                const auto created = (*journal)->sessions().create(record);
                INFO((created ? QString() : created.error().detail).toStdString());
                REQUIRE(created.has_value());
            }
            REQUIRE((*journal)->audit().append(QStringLiteral("agent-1"), AuditAction::Login, QStringLiteral("app")).has_value());
            REQUIRE((*journal)->database().run(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")).has_value());
        }
        const auto finished = writeRecording(Journal::recordingsPath(dir.path()), QStringLiteral("APP-1"), "finished");
        const auto cut = writeRecording(dir.filePath(QStringLiteral("elsewhere")), QStringLiteral("APP-2"), "recording"); // crashed
        REQUIRE(Journal::rememberRecordingFolder(dir.path(), dir.filePath(QStringLiteral("elsewhere"))).has_value());
        QDir(Journal::recordingsPath(dir.path())).mkpath(QStringLiteral("junk"));
        QFile junk(Journal::recordingsPath(dir.path()) + QStringLiteral("/junk/bad.json"));
        REQUIRE(junk.open(QIODevice::WriteOnly));
        junk.write("{not json");
        junk.close();

        damage(Journal::databasePath(dir.path()), kind.offset, kind.bytes);

        Journal::Options options;
        options.forceFullCheck = true;
        auto journal = Journal::open(dir.path(), clock, options);
        REQUIRE(journal.has_value());
        const auto &report = (*journal)->startup();
        CHECK(report.outcome == JournalStartup::Recovered);
        CHECK_FALSE(report.damage.isEmpty());
        CHECK(QFileInfo::exists(report.damagedCopy));
        CHECK(report.damagedCopy.startsWith(dir.filePath(QStringLiteral("damaged"))));
        CHECK(report.reindexedSessions == 2);
        CHECK(report.unreadableSidecars.size() == 1);

        const auto first = (*journal)->sessions().find(finished);
        REQUIRE((first.has_value() && first->has_value()));
        CHECK((*first)->applicationNo == QLatin1String("APP-1"));
        CHECK((*first)->state == SessionState::Finished);
        CHECK((*first)->products.size() == 1);
        const auto second = (*journal)->sessions().find(cut);
        REQUIRE((second.has_value() && second->has_value()));
        CHECK((*second)->state == SessionState::Failed); // never finished: must be reviewed or re-recorded
        const auto media = (*journal)->sessions().mediaFiles(finished);
        REQUIRE(media.has_value());
        CHECK(media->size() == 2); // the recording and its sidecar
        // The new journal's audit log starts a new, intact chain that records the recovery.
        const auto audit = (*journal)->audit().verify();
        REQUIRE(audit.has_value());
        CHECK(audit->intact);
        CHECK((*journal)->audit().entries()->first().action == QLatin1String("journal-recovered"));
        RawSql raw(Journal::databasePath(dir.path()));
        CHECK(raw.value(QStringLiteral("PRAGMA integrity_check")) == QLatin1String("ok"));
    }
}

TEST_CASE("a journal from a newer DualRec is not treated as damage")
{
    QTemporaryDir dir;
    ManualClock clock;
    REQUIRE(Journal::open(dir.path(), clock).has_value());
    {
        RawSql raw(Journal::databasePath(dir.path()));
        raw.exec(QStringLiteral("PRAGMA user_version = 12"));
    }
    const auto refused = Journal::open(dir.path(), clock);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().detail.contains(QLatin1String("newer DualRec")));
    CHECK_FALSE(QDir(dir.filePath(QStringLiteral("damaged"))).exists());
}
