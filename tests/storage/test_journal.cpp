#include "core/storage/journal.h"
#include "core/storage/schema.h"
#include "core/util/freespace.h"

#include "tests/storage/storagefixture.h"
#include "tests/support/testclock.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <unistd.h>

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

TEST_CASE("opening a data folder creates the journal and the device key file with owner-only access, no raw key")
{
    QTemporaryDir dir;
    ManualClock clock;
    auto journal = Journal::open(dir.path(), clock);
    REQUIRE(journal.has_value());
    CHECK((*journal)->startup().outcome == JournalStartup::Created);
    // No raw personal-data key beside the data: it is derived from the device key.
    CHECK_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("keys/customer-data.key"))));
    const auto keyFiles = QDir(dir.filePath(QStringLiteral("keys"))).entryInfoList({QStringLiteral("device-*.key")}, QDir::Files);
    REQUIRE(keyFiles.size() == 1);
    const QFileInfo key = keyFiles.first();
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
        raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(Schema::kLatestVersion + 1));
    }
    const auto refused = Journal::open(dir.path(), clock);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().detail.contains(QLatin1String("newer DualRec")));
    CHECK_FALSE(QDir(dir.filePath(QStringLiteral("damaged"))).exists());
}

namespace {

SessionRecord plainSession(const QString &applicationNo)
{
    SessionRecord record;
    record.id = SessionId::generate();
    record.applicationNo = applicationNo;
    record.agentId = QStringLiteral("agent-1");
    record.templateId = QStringLiteral("t");
    record.templateVersion = QStringLiteral("1.0.0");
    record.scopeReason = QString(200, u'x');
    return record;
}

void truncateTo(const QString &path, qint64 size)
{
    QFile file(path);
    REQUIRE(file.size() > size);
    REQUIRE(file.resize(size));
}

} // namespace

TEST_CASE("a damaged journal is restored from its newest good backup: accounts and audit history survive")
{
    struct Damage {
        const char *name;
        bool truncate;
    };
    for (const auto kind : {Damage{"truncated to 64 KiB", true}, Damage{"a byte flipped at 65536", false}}) {
        INFO(kind.name);
        QTemporaryDir dir;
        ManualClock clock;
        const auto journalPath = Journal::databasePath(dir.path());
        SessionId before;
        SessionId after;
        qint64 auditRowsAtBackup = 0;
        {
            auto journal = Journal::open(dir.path(), clock);
            REQUIRE(journal.has_value());
            CHECK((*journal)->backups().list().isEmpty()); // nothing to back up in a new journal
            REQUIRE((*journal)->users().add(QStringLiteral("alice"), QStringLiteral("Alice"), UserRole::Supervisor,
                                            QStringLiteral("a-long-password")).has_value());
            REQUIRE((*journal)->audit().append(QStringLiteral("alice"), AuditAction::Login, QStringLiteral("app")).has_value());
            for (int i = 0; i < 200; ++i)
                REQUIRE((*journal)->sessions().create(plainSession(QStringLiteral("OLD-%1").arg(i))).has_value());
            auto first = plainSession(QStringLiteral("BEFORE"));
            before = first.id;
            REQUIRE((*journal)->sessions().create(first).has_value());
            clock.advance(std::chrono::minutes(5));
            const auto taken = (*journal)->backup(); // a session ended
            INFO((taken ? QString() : taken.error().toString()).toStdString());
            REQUIRE(taken.has_value());
            CHECK(QFile::permissions(taken->path) == QFile::permissions(journalPath));
            auditRowsAtBackup = (*journal)->audit().entries()->size();
            clock.advance(std::chrono::minutes(5));
            // Recorded after the backup: in the journal and in its sidecar.
            after = writeRecording(Journal::recordingsPath(dir.path()), QStringLiteral("AFTER"), "finished");
            REQUIRE((*journal)->audit().append(QStringLiteral("alice"), AuditAction::Logout, QStringLiteral("app")).has_value());
            REQUIRE((*journal)->database().run(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")).has_value());
        }
        if (kind.truncate)
            truncateTo(journalPath, 64 * 1024);
        else
            damage(journalPath, 65536, QByteArray(1, '\xFF'));

        clock.advance(std::chrono::minutes(5));
        Journal::Options options;
        options.forceFullCheck = true;
        auto journal = Journal::open(dir.path(), clock, options);
        REQUIRE(journal.has_value());
        const auto &report = (*journal)->startup();
        CHECK(report.outcome == JournalStartup::Recovered);
        CHECK(report.needsAttention());
        CHECK_FALSE(report.restoredBackup.isEmpty());
        CHECK(report.backupTakenAt.isValid());
        CHECK(report.reindexedSessions == 1); // only the session the backup did not have
        CHECK_FALSE(report.accountsLost);
        CHECK(report.describe().contains(QLatin1String("may be missing")));

        const auto users = (*journal)->users().list();
        REQUIRE(users.has_value());
        REQUIRE(users->size() == 1);
        CHECK(users->first().login == QLatin1String("alice"));
        const auto kept = (*journal)->sessions().find(before);
        CHECK((kept.has_value() && kept->has_value()));
        const auto reindexed = (*journal)->sessions().find(after);
        REQUIRE((reindexed.has_value() && reindexed->has_value()));
        CHECK((*reindexed)->state == SessionState::Finished);

        // The audit history up to the backup is there, the chain is intact (anchor restored
        // with the backup), and the last entry says what happened and what may be missing.
        const auto entries = (*journal)->audit().entries();
        REQUIRE(entries.has_value());
        CHECK(entries->size() == auditRowsAtBackup + 1);
        CHECK(entries->first().action == QLatin1String("login"));
        CHECK(entries->last().action == QLatin1String("journal-recovered"));
        CHECK(entries->last().detail.contains(QLatin1String("may be missing")));
        const auto verified = (*journal)->audit().verify();
        REQUIRE(verified.has_value());
        INFO(verified->problem.toStdString());
        CHECK(verified->intact);
        // The restored journal is backed up again at once.
        CHECK((*journal)->backups().list().first().takenAt == clock.wallNow());
    }
}

TEST_CASE("a damaged backup is skipped for an older good one")
{
    QTemporaryDir dir;
    ManualClock clock;
    {
        auto journal = Journal::open(dir.path(), clock);
        REQUIRE(journal.has_value());
        REQUIRE((*journal)->users().add(QStringLiteral("bob"), QStringLiteral("Bob"), UserRole::Agent,
                                        QStringLiteral("a-long-password")).has_value());
        for (int i = 0; i < 100; ++i)
            REQUIRE((*journal)->sessions().create(plainSession(QStringLiteral("S-%1").arg(i))).has_value());
        REQUIRE((*journal)->backup().has_value());
        clock.advance(std::chrono::minutes(1));
        const auto newest = (*journal)->backup();
        REQUIRE(newest.has_value());
        damage(newest->path, 0, QByteArray(100, '\xAB'));
    }
    damage(Journal::databasePath(dir.path()), 0, QByteArray(100, '\xAB'));
    auto journal = Journal::open(dir.path(), clock);
    REQUIRE(journal.has_value());
    const auto &report = (*journal)->startup();
    CHECK(report.outcome == JournalStartup::Recovered);
    CHECK(report.unusableBackups.size() == 1);
    CHECK_FALSE(report.restoredBackup.isEmpty());
    CHECK((*journal)->users().count().value_or(0) == 1);
}

TEST_CASE("the journal is backed up at start at most once a day, a few generations kept")
{
    QTemporaryDir dir;
    ManualClock clock;
    Journal::Options options;
    options.backupGenerations = 3;
    REQUIRE(Journal::open(dir.path(), clock, options).has_value()); // created: nothing to back up yet
    const JournalBackups backups(dir.path());
    CHECK(backups.list().isEmpty());
    REQUIRE(Journal::open(dir.path(), clock, options).has_value());
    CHECK(backups.list().size() == 1);
    clock.advance(std::chrono::hours(23));
    REQUIRE(Journal::open(dir.path(), clock, options).has_value());
    CHECK(backups.list().size() == 1);
    for (int day = 0; day < 4; ++day) {
        clock.advance(std::chrono::hours(25));
        REQUIRE(Journal::open(dir.path(), clock, options).has_value());
    }
    const auto kept = backups.list();
    REQUIRE(kept.size() == 3);
    CHECK(kept.first().takenAt == clock.wallNow());
    CHECK(QFileInfo(JournalBackups::folder(dir.path())).permissions()
          == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadUser
              | QFileDevice::WriteUser | QFileDevice::ExeUser));
}

TEST_CASE("a data folder that has had accounts never looks like a first run")
{
    QTemporaryDir dir;
    ManualClock clock;
    {
        auto journal = Journal::open(dir.path(), clock);
        REQUIRE(journal.has_value());
        CHECK_FALSE((*journal)->users().hadAccounts());
        REQUIRE((*journal)->users().add(QStringLiteral("alice"), QStringLiteral("Alice"), UserRole::Supervisor,
                                        QStringLiteral("a-long-password")).has_value());
        CHECK((*journal)->users().hadAccounts());
    }
    // The journal and every backup are gone (deleted, or replaced by an empty one).
    for (const auto *suffix : {"", "-wal", "-shm", ".audit-anchor"})
        QFile::remove(Journal::databasePath(dir.path()) + QLatin1String(suffix));
    QDir(JournalBackups::folder(dir.path())).removeRecursively();
    auto journal = Journal::open(dir.path(), clock);
    REQUIRE(journal.has_value());
    CHECK((*journal)->users().count().value_or(-1) == 0);
    CHECK((*journal)->users().hadAccounts());
    CHECK((*journal)->startup().accountsLost);
    CHECK((*journal)->startup().needsAttention());
    CHECK((*journal)->audit().entries()->last().action == QLatin1String("journal-recovered"));
}

namespace {

/// A small tmpfs, unmounted when the test ends (needs root; CI runs as root).
class SmallDisk final
{
public:
    explicit SmallDisk(int megabytes)
    {
        QProcess mount;
        mount.start(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                              QStringLiteral("size=%1m").arg(megabytes), QStringLiteral("tmpfs"), m_dir.path()});
        m_mounted = mount.waitForFinished(10000) && mount.exitCode() == 0;
    }
    ~SmallDisk()
    {
        if (m_mounted)
            QProcess::execute(QStringLiteral("umount"), {m_dir.path()});
    }
    Q_DISABLE_COPY_MOVE(SmallDisk)
    [[nodiscard]] bool mounted() const { return m_mounted; }
    [[nodiscard]] QString path() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
};

void fillDisk(const QString &path)
{
    QFile filler(path);
    REQUIRE(filler.open(QIODevice::WriteOnly));
    const QByteArray chunk(64 * 1024, 'f');
    while (filler.write(chunk) == chunk.size() && filler.flush()) {
    }
}

} // namespace

TEST_CASE("the free space comes from the system call on the folder itself, which needs no mount table")
{
    if (geteuid() != 0)
        SKIP("needs root to mount a small tmpfs (CI runs as root)");
    SmallDisk disk(16);
    REQUIRE(disk.mounted());
    const auto fromSystem = dualrec::freeBytesFromSystem(disk.path());
    REQUIRE(fromSystem.has_value());
    CHECK(*fromSystem > 15 * 1024 * 1024);
    CHECK(*fromSystem <= 16 * 1024 * 1024);
    CHECK(dualrec::freeBytes(disk.path()) == fromSystem);
    CHECK_FALSE(dualrec::freeBytesFromSystem(QDir(disk.path()).filePath(QStringLiteral("missing"))).has_value());
}

TEST_CASE("the journal's space reserve lets the last writes in when the disk is full, and comes back with space")
{
    if (geteuid() != 0)
        SKIP("needs root to mount a small tmpfs (CI runs as root)");
    SmallDisk disk(16);
    REQUIRE(disk.mounted());
    ManualClock clock;
    const auto data = QDir(disk.path()).filePath(QStringLiteral("data"));
    auto journal = Journal::open(data, clock);
    REQUIRE(journal.has_value());
    CHECK_FALSE((*journal)->startup().spaceReserveMissing);
    CHECK(QFileInfo(Journal::spaceReservePath(data)).size() == 2 * 1024 * 1024);
    fillDisk(QDir(disk.path()).filePath(QStringLiteral("filler")));
    CHECK(dualrec::freeBytesFromSystem(disk.path()).value_or(-1) < 64 * 1024);

    // A session and a batch of events: without the reserve SQLite reports the disk full.
    auto record = plainSession(QStringLiteral("FULL-1"));
    const auto created = (*journal)->sessions().create(record);
    INFO((created ? QString() : created.error().toString()).toStdString());
    REQUIRE(created.has_value());
    QList<SessionEvent> events;
    for (int i = 0; i < 50; ++i) {
        SessionEvent event;
        event.type = SessionEventType::StepStarted;
        event.wallTime = clock.wallNow();
        event.detail = QString(200, u'e');
        events.append(event);
    }
    const auto appended = (*journal)->sessions().appendEvents(record.id, 0, events);
    INFO((appended ? QString() : appended.error().toString()).toStdString());
    CHECK(appended.has_value());
    CHECK_FALSE(QFileInfo::exists(Journal::spaceReservePath(data)));
    journal->reset();

    // Space again: the next start holds the reserve back again.
    REQUIRE(QFile::remove(QDir(disk.path()).filePath(QStringLiteral("filler"))));
    auto reopened = Journal::open(data, clock);
    REQUIRE(reopened.has_value());
    CHECK(QFileInfo(Journal::spaceReservePath(data)).size() == 2 * 1024 * 1024);
    CHECK((*reopened)->sessions().events(record.id)->size() == 50);
}
