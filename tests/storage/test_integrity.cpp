// Issue 15, findings 2 and 6: the keyed audit chain and account seals, their upgrade from older
// journals, the start-up check, the personal-data key in the device key hierarchy and
// owner-only permissions. Real SQLite files, real OpenSSL, raw SQL as an attacker would use it.
#include "core/seal/devicekeys.h"
#include "core/seal/encryptedfile.h"
#include "core/seal/keystore.h"
#include "core/seal/passwordhash.h"
#include "core/storage/journal.h"
#include "core/storage/schema.h"

#include "tests/storage/storagefixture.h"
#include "tests/support/testclock.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>

using namespace dualrec::storage;
using dualrec::ErrorCode;
using dualrec::test::ManualClock;
using dualrec::test::RawSql;
namespace seal = dualrec::seal;

namespace {

constexpr auto kOwnerOnlyFile = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser;
constexpr auto kOwnerOnlyFolder =
    QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadUser | QFile::WriteUser | QFile::ExeUser;

const QString kBossPassword = QStringLiteral("correct horse battery");

SessionRecord customerSession(const QDateTime &created)
{
    SessionRecord record;
    record.id = dualrec::workflow::SessionId::generate();
    record.applicationNo = QStringLiteral("APP-1");
    record.agentId = QStringLiteral("agent-1");
    record.customerRef = QStringLiteral("ref-1");
    record.templateId = QStringLiteral("traditional-life");
    record.templateVersion = QStringLiteral("1.0.0");
    record.products = {{QStringLiteral("P1"), QStringLiteral("产品1")}};
    record.scopeReason = QStringLiteral("bank channel");
    record.createdAt = created;
    record.customer = CustomerData{QStringLiteral("王秀英"), QStringLiteral("11010519491231002X"), QStringLiteral("13800000000"),
                                   QStringLiteral("张伟")};
    return record;
}

/// A data folder as the version before schema 9 left it: the folder marker and device key in
/// owner-only files, a raw personal-data key file beside the data, a journal at schema 8 with a
/// session holding personal data, five audit rows in the unkeyed chain with its old anchor, and
/// a supervisor account.
struct LegacyFolder {
    QTemporaryDir dir;
    ManualClock clock;
    dualrec::workflow::SessionId session;

    explicit LegacyFolder(std::optional<qint64> editedRow = std::nullopt)
    {
        seal::FileKeyStore store(dir.filePath(QStringLiteral("keys")));
        REQUIRE(seal::DeviceKeys::open(dir.path(), store).has_value());
        auto raw = seal::SecretKey::loadOrCreate(dir.filePath(QStringLiteral("keys/customer-data.key")));
        REQUIRE(raw.has_value());
        auto database = Database::open(Journal::databasePath(dir.path()));
        REQUIRE(database.has_value());
        REQUIRE(Schema::migrate(**database, 8).has_value());
        {
            SessionRepository sessions(*database, *raw);
            const auto record = customerSession(clock.wallNow());
            session = record.id;
            REQUIRE(sessions.create(record).has_value());
        }
        QString previous = AuditLog::kGenesisHash;
        for (qint64 seq = 1; seq <= 5; ++seq) {
            const auto at = clock.wallNow().addSecs(seq * 60).toUTC().toString(Qt::ISODateWithMs);
            const auto actor = QStringLiteral("boss");
            const auto hash = AuditLog::hashOf(previous, seq, at, actor, QStringLiteral("view"), QStringLiteral("s-%1").arg(seq), {});
            REQUIRE((*database)
                        ->run(QStringLiteral("INSERT INTO audit_log (seq, at_utc, actor, action, subject, detail, prev_hash, row_hash) "
                                             "VALUES (?,?,?,?,?,?,?,?)"),
                              {seq, at, actor, QStringLiteral("view"), QStringLiteral("s-%1").arg(seq), QString(), previous, hash})
                        .has_value());
            previous = hash;
        }
        QFile anchor(Journal::databasePath(dir.path()) + QStringLiteral(".audit-anchor"));
        REQUIRE(anchor.open(QIODevice::WriteOnly));
        anchor.write(QStringLiteral("5 %1\n").arg(previous).toLatin1());
        anchor.close();
        REQUIRE((*database)
                    ->run(QStringLiteral("INSERT INTO users (login, display_name, role, password_hash, failed_attempts, "
                                         "created_at_utc, licence_no) VALUES ('boss', 'Boss', 'supervisor', ?, 0, ?, '')"),
                          {seal::hashPassword(kBossPassword, 1000).value(), clock.wallNow().toUTC().toString(Qt::ISODateWithMs)})
                    .has_value());
        if (editedRow) {
            // Tampered with before the upgrade: the trigger dropped, one row edited.
            REQUIRE((*database)->run(QStringLiteral("DROP TRIGGER audit_log_no_update")).has_value());
            REQUIRE((*database)->run(QStringLiteral("UPDATE audit_log SET actor = 'nobody' WHERE seq = ?"), {*editedRow}).has_value());
        }
    }
    [[nodiscard]] QString path(const char *relative) const { return dir.filePath(QLatin1String(relative)); }
};

Journal::Options fewIterations()
{
    Journal::Options options;
    options.accounts.hashIterations = 1000;
    return options;
}

qint64 countActions(Journal &journal, const char *action)
{
    const auto entries = journal.audit().entries().value();
    return std::ranges::count_if(entries, [action](const AuditEntry &entry) { return entry.action == QLatin1String(action); });
}

/// What someone with the sqlite3 tool and no key does: drops the trigger, edits row `seq`,
/// recomputes the unkeyed chain from there on and rewrites the anchor in its old form.
void editAndRehash(const QString &dataDirectory, qint64 seq)
{
    RawSql raw(Journal::databasePath(dataDirectory));
    raw.exec(QStringLiteral("DROP TRIGGER IF EXISTS audit_log_no_update"));
    raw.exec(QStringLiteral("UPDATE audit_log SET actor = 'mallory' WHERE seq = %1").arg(seq));
    const auto rows = raw.column(QStringLiteral("SELECT seq FROM audit_log ORDER BY seq"));
    QString previous = AuditLog::kGenesisHash;
    for (const auto &text : rows) {
        const auto n = text.toLongLong();
        const auto field = [&](const char *column) {
            return raw.value(QStringLiteral("SELECT %1 FROM audit_log WHERE seq = %2").arg(QLatin1String(column)).arg(n));
        };
        const auto hash = AuditLog::hashOf(previous, n, field("at_utc"), field("actor"), field("action"), field("subject"), field("detail"));
        raw.exec(QStringLiteral("UPDATE audit_log SET prev_hash = '%1', row_hash = '%2' WHERE seq = %3").arg(previous, hash).arg(n));
        previous = hash;
    }
    QFile anchor(Journal::databasePath(dataDirectory) + QStringLiteral(".audit-anchor"));
    REQUIRE(anchor.open(QIODevice::WriteOnly | QIODevice::Truncate));
    anchor.write(QStringLiteral("%1 %2\n").arg(rows.last(), previous).toLatin1());
}

} // namespace

TEST_CASE("an older journal's chain is verified with the old scheme before it is keyed; its raw personal-data key moves into the device key hierarchy")
{
    LegacyFolder legacy;
    {
        auto journal = Journal::open(legacy.dir.path(), legacy.clock, fewIterations());
        INFO((journal ? QString() : journal.error().toString()).toStdString());
        REQUIRE(journal.has_value());
        const auto &report = (*journal)->startup();
        CHECK(report.schemaVersionFound == 8);
        CHECK(report.integrityUpgrade.contains(QLatin1String("5 row(s) verified with the old unkeyed scheme and was keyed")));
        CHECK_FALSE(report.integrityBroken());
        CHECK(report.personalDataKeyMoved);
        // No raw key beside the data any more; its wrapped copy opens only with the device key.
        CHECK_FALSE(QFileInfo::exists(legacy.path("keys/customer-data.key")));
        const QFileInfo wrapped(Journal::wrappedPersonalDataKeyPath(legacy.dir.path()));
        CHECK(wrapped.size() == seal::DeviceKeys::kWrappedSize);
        CHECK(wrapped.permissions() == kOwnerOnlyFile);
        // The customer's data written with the old key still reads.
        const auto found = (*journal)->sessions().find(legacy.session);
        REQUIRE((found.has_value() && found->has_value()));
        CHECK((*found)->customer->name == QStringLiteral("王秀英"));
        // Every old row is keyed now; the upgrade is audited with the accounts it sealed.
        RawSql raw(Journal::databasePath(legacy.dir.path()));
        CHECK(raw.value(QStringLiteral("SELECT COUNT(*) FROM audit_mac WHERE seq <= 5")) == QLatin1String("5"));
        const auto entries = (*journal)->audit().entries().value();
        const auto upgrade = std::ranges::find_if(entries, [](const AuditEntry &e) { return e.action == QLatin1String("integrity-upgrade") && e.subject == QLatin1String("audit-log"); });
        REQUIRE(upgrade != entries.end());
        CHECK(upgrade->detail.contains(QLatin1String("boss (supervisor)")));
        CHECK(countActions(**journal, "integrity-upgrade") == 2); // the chain, the personal-data key
        CHECK((*journal)->audit().verify()->intact);
        const auto login = (*journal)->users().authenticate(QStringLiteral("boss"), kBossPassword);
        CHECK(login->result == LoginResult::Accepted);
    }
    // The next start keys nothing again and finds everything intact.
    auto again = Journal::open(legacy.dir.path(), legacy.clock, fewIterations());
    REQUIRE(again.has_value());
    CHECK((*again)->startup().integrityUpgrade.isEmpty());
    CHECK_FALSE((*again)->startup().integrityBroken());
    CHECK((*(*again)->sessions().find(legacy.session))->customer->idNumber == QLatin1String("11010519491231002X"));
}

TEST_CASE("a broken older chain is reported at the upgrade and never keyed")
{
    LegacyFolder legacy(3);
    auto journal = Journal::open(legacy.dir.path(), legacy.clock, fewIterations());
    REQUIRE(journal.has_value());
    const auto &report = (*journal)->startup();
    CHECK(report.oldChainBroken);
    CHECK(report.integrityBroken());
    CHECK(report.integrityUpgrade.contains(QLatin1String("row 3")));
    RawSql raw(Journal::databasePath(legacy.dir.path()));
    CHECK(raw.value(QStringLiteral("SELECT COUNT(*) FROM audit_mac WHERE seq <= 5")) == QLatin1String("0"));
    // The full check says so at every later check, not only once.
    const auto verified = (*journal)->audit().verify();
    REQUIRE(verified.has_value());
    CHECK_FALSE(verified->intact);
    CHECK(verified->problem.contains(QLatin1String("rows 1 to 5")));
    CHECK(std::ranges::any_of(verified->breaks, [](const AuditBreak &b) { return b.seq == 3 && b.problem.contains(QLatin1String("row 3 was edited")); }));
    CHECK(countActions(**journal, "integrity-alert") == 1);
}

TEST_CASE("the start-up check finds an edited row whose unkeyed chain was recomputed, tells once and audits it")
{
    QTemporaryDir dir;
    ManualClock clock;
    {
        auto journal = Journal::open(dir.path(), clock);
        REQUIRE(journal.has_value());
        for (int i = 0; i < 6; ++i)
            REQUIRE((*journal)->audit().append(QStringLiteral("chief"), AuditAction::View, QStringLiteral("s-%1").arg(i)).has_value());
    }
    {
        clock.advance(std::chrono::hours(1));
        auto journal = Journal::open(dir.path(), clock); // the first full check: the verified mark is set
        REQUIRE(journal.has_value());
        CHECK((*journal)->startup().fullCheck);
    }
    {
        // A start that checks only the rows after the verified mark still finds the new break.
        clock.advance(std::chrono::hours(1));
        auto journal = Journal::open(dir.path(), clock);
        REQUIRE(journal.has_value());
        CHECK_FALSE((*journal)->startup().fullCheck);
        CHECK((*journal)->startup().audit.intact);
        REQUIRE((*journal)->audit().append(QStringLiteral("chief"), AuditAction::View, QStringLiteral("s-7")).has_value());
        REQUIRE((*journal)->audit().append(QStringLiteral("chief"), AuditAction::View, QStringLiteral("s-8")).has_value());
    }
    editAndRehash(dir.path(), 8);
    for (int start = 0; start < 2; ++start) {
        clock.advance(std::chrono::hours(1));
        auto journal = Journal::open(dir.path(), clock);
        REQUIRE(journal.has_value());
        const auto &report = (*journal)->startup();
        CHECK_FALSE(report.fullCheck);
        CHECK(report.integrityBroken());
        CHECK(report.audit.firstBadSeq == 8);
        INFO(report.audit.problem.toStdString());
        CHECK(report.audit.problem.contains(QLatin1String("row 8 does not match its keyed seal")));
        CHECK(report.integrityProblems().join(u' ').contains(QLatin1String("row 8")));
        // Audited once, not at every start.
        CHECK(countActions(**journal, "integrity-alert") == 1);
        const auto entries = (*journal)->audit().entries().value();
        CHECK(std::ranges::find_if(entries, [](const AuditEntry &e) { return e.action == QLatin1String("integrity-alert"); })->subject
              == QLatin1String("audit-row-8"));
    }
}

TEST_CASE("a supervisor inserted straight into SQLite is found, cannot sign in and is audited")
{
    QTemporaryDir dir;
    ManualClock clock;
    {
        auto journal = Journal::open(dir.path(), clock, fewIterations());
        REQUIRE(journal.has_value());
        REQUIRE((*journal)->users().add(QStringLiteral("alice"), QStringLiteral("Alice"), UserRole::Agent, kBossPassword).has_value());
        CHECK((*journal)->startup().accountProblems.isEmpty());
    }
    {
        RawSql raw(Journal::databasePath(dir.path()));
        raw.exec(QStringLiteral("INSERT INTO users (login, display_name, role, password_hash, failed_attempts, created_at_utc) "
                                "VALUES ('mallory', 'Mallory', 'supervisor', '%1', 0, '2026-01-01T00:00:00.000Z')")
                     .arg(seal::hashPassword(kBossPassword, 1000).value()));
        // Promoting an existing account outside DualRec breaks its seal too.
        raw.exec(QStringLiteral("UPDATE users SET role = 'it' WHERE login = 'alice'"));
    }
    auto journal = Journal::open(dir.path(), clock, fewIterations());
    REQUIRE(journal.has_value());
    const auto &problems = (*journal)->startup().accountProblems;
    REQUIRE(problems.size() == 2);
    CHECK(problems.at(0).login == QLatin1String("alice"));
    CHECK(problems.at(0).problem.contains(QLatin1String("changed outside DualRec")));
    CHECK(problems.at(1).login == QLatin1String("mallory"));
    CHECK(problems.at(1).problem.contains(QLatin1String("has no keyed seal")));
    const auto list = (*journal)->users().list().value();
    CHECK(std::ranges::none_of(list, [](const User &user) { return user.confirmed; }));
    CHECK((*journal)->users().authenticate(QStringLiteral("mallory"), kBossPassword)->result == LoginResult::Rejected);
    CHECK((*journal)->users().authenticate(QStringLiteral("alice"), kBossPassword)->result == LoginResult::Rejected);
    CHECK(countActions(**journal, "integrity-alert") == 1);
}

TEST_CASE("a missing personal-data key is an error that changes nothing, never a new key")
{
    SECTION("the raw key file of an older folder was deleted")
    {
        LegacyFolder legacy;
        REQUIRE(QFile::remove(legacy.path("keys/customer-data.key")));
        const auto before = RawSql(Journal::databasePath(legacy.dir.path())).value(QStringLiteral("PRAGMA user_version"));
        const auto opened = Journal::open(legacy.dir.path(), legacy.clock, fewIterations());
        REQUIRE_FALSE(opened.has_value());
        CHECK(opened.error().code == ErrorCode::NotFound);
        CHECK(opened.error().detail.contains(QLatin1String("never made again")));
        CHECK_FALSE(QFileInfo::exists(legacy.path("keys/customer-data.key")));
        CHECK_FALSE(QFileInfo::exists(Journal::wrappedPersonalDataKeyPath(legacy.dir.path())));
        CHECK(RawSql(Journal::databasePath(legacy.dir.path())).value(QStringLiteral("SELECT COUNT(*) FROM sessions")) == QLatin1String("1"));
        CHECK_FALSE(before.isEmpty());
    }
    SECTION("the wrapped key of a migrated folder was deleted")
    {
        LegacyFolder legacy;
        REQUIRE(Journal::open(legacy.dir.path(), legacy.clock, fewIterations()).has_value());
        REQUIRE(QFile::remove(Journal::wrappedPersonalDataKeyPath(legacy.dir.path())));
        const auto opened = Journal::open(legacy.dir.path(), legacy.clock, fewIterations());
        REQUIRE_FALSE(opened.has_value());
        CHECK(opened.error().code == ErrorCode::NotFound);
        CHECK(opened.error().detail.contains(QLatin1String("customer-data.wrapped")));
    }
}

TEST_CASE("a data folder open to other users is made owner-only, with an audit entry")
{
    QTemporaryDir dir;
    ManualClock clock;
    REQUIRE(Journal::open(dir.path(), clock).has_value());
    const QString recording = dir.filePath(QStringLiteral("recordings/old.mp4"));
    REQUIRE(QDir().mkpath(QFileInfo(recording).path()));
    {
        QFile file(recording);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("not really a recording");
    }
    const auto open = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;
    REQUIRE(QFile::setPermissions(dir.path(), open | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther));
    REQUIRE(QFile::setPermissions(recording, open));
    REQUIRE(QFile::setPermissions(Journal::databasePath(dir.path()), open));

    auto journal = Journal::open(dir.path(), clock);
    REQUIRE(journal.has_value());
    const auto &report = (*journal)->startup();
    CHECK(report.permissionsTightened.contains(QLatin1String("mode 0755")));
    CHECK(QFileInfo(dir.path()).permissions() == kOwnerOnlyFolder);
    CHECK(QFileInfo(recording).permissions() == kOwnerOnlyFile);
    CHECK(QFileInfo(Journal::databasePath(dir.path())).permissions() == kOwnerOnlyFile);
    CHECK(QFileInfo(QFileInfo(recording).path()).permissions() == kOwnerOnlyFolder);
    CHECK(countActions(**journal, "permissions-tightened") == 1);
    journal->reset();
    // Owner-only already: nothing to tighten, nothing audited.
    auto again = Journal::open(dir.path(), clock);
    REQUIRE(again.has_value());
    CHECK((*again)->startup().permissionsTightened.isEmpty());
    CHECK(countActions(**again, "permissions-tightened") == 1);
}

TEST_CASE("an anchor left one row behind by a crash is no tampering when the later rows carry valid seals; cut rows still are")
{
    QTemporaryDir dir;
    ManualClock clock;
    auto journal = Journal::open(dir.path(), clock);
    REQUIRE(journal.has_value());
    for (int i = 0; i < 4; ++i)
        REQUIRE((*journal)->audit().append(QStringLiteral("chief"), AuditAction::View, QStringLiteral("s-%1").arg(i)).has_value());
    const QString anchorPath = Journal::databasePath(dir.path()) + QStringLiteral(".audit-anchor");
    QFile anchor(anchorPath);
    REQUIRE(anchor.open(QIODevice::ReadOnly));
    const auto afterFour = anchor.readAll();
    anchor.close();
    REQUIRE((*journal)->audit().append(QStringLiteral("chief"), AuditAction::View, QStringLiteral("s-4")).has_value());
    // As if killed after row 5's commit, before its anchor was written.
    REQUIRE(anchor.open(QIODevice::WriteOnly | QIODevice::Truncate));
    anchor.write(afterFour);
    anchor.close();
    const auto lagging = (*journal)->audit().verify();
    REQUIRE(lagging.has_value());
    CHECK(lagging->intact);
    REQUIRE(anchor.open(QIODevice::ReadOnly));
    CHECK(anchor.readAll().startsWith("5 ")); // brought forward
    anchor.close();

    // Rows cut off the end with an older anchor kept: the anchor names more rows than there are.
    RawSql raw(Journal::databasePath(dir.path()));
    raw.exec(QStringLiteral("DROP TRIGGER audit_log_no_delete"));
    raw.exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 5"));
    const auto cut = (*journal)->audit().verify();
    REQUIRE(cut.has_value());
    CHECK_FALSE(cut->intact);
    CHECK(cut->problem.contains(QLatin1String("rows 5 to 5 were removed from the end")));
}

TEST_CASE("a data folder from before encryption at rest is adopted at its first start, loudly; an unmarked folder of a later DualRec is refused")
{
    // DualRec <= 0.4: a journal of schema version 4, its raw personal-data key, a plaintext
    // recording, no folder marker and no device key.
    const auto makeOldFolder = [](const QTemporaryDir &dir, int schemaVersion) {
        REQUIRE(QDir().mkpath(dir.filePath(QStringLiteral("recordings"))));
        QFile recording(dir.filePath(QStringLiteral("recordings/old.mp4")));
        REQUIRE(recording.open(QIODevice::WriteOnly));
        REQUIRE(recording.write(QByteArray("\0\0\0\x18" "ftypisom", 12) + QByteArray(4000, 'm')) > 0);
        recording.close();
        REQUIRE(seal::SecretKey::loadOrCreate(dir.filePath(QStringLiteral("keys/customer-data.key"))).has_value());
        auto database = Database::open(Journal::databasePath(dir.path()));
        REQUIRE(database.has_value());
        REQUIRE(Schema::migrate(**database, schemaVersion).has_value());
    };
    const auto deviceKeyFiles = [](const QTemporaryDir &dir) {
        return QDir(dir.filePath(QStringLiteral("keys"))).entryList({QStringLiteral("device-*")}, QDir::Files);
    };

    {
        QTemporaryDir dir;
        makeOldFolder(dir, 4);
        const auto before = QFileInfo(dir.filePath(QStringLiteral("recordings/old.mp4"))).size();
        ManualClock clock;
        auto journal = Journal::open(dir.path(), clock, fewIterations());
        INFO((journal ? QString() : journal.error().toString()).toStdString());
        REQUIRE(journal.has_value());
        const auto &report = (*journal)->startup();
        CHECK(report.folderAdopted.contains(QLatin1String("from before encryption at rest")));
        CHECK(report.folderAdopted.contains(QLatin1String("its 1 older recording file(s) stay as they were, unencrypted")));
        CHECK(report.personalDataKeyMoved);
        CHECK(deviceKeyFiles(dir).size() == 1);
        QFile marker(dir.filePath(seal::DeviceKeys::markerName()));
        REQUIRE(marker.open(QIODevice::ReadOnly));
        CHECK(marker.readAll().contains("\"adopted\""));
        const auto entries = (*journal)->audit().entries().value();
        CHECK(std::ranges::count_if(entries, [](const AuditEntry &e) {
                  return e.action == QLatin1String("integrity-upgrade") && e.subject == QLatin1String("folder-marker");
              }) == 1);
        CHECK(QFileInfo(dir.filePath(QStringLiteral("recordings/old.mp4"))).size() == before);
        journal->reset();
        // The next start is an ordinary one: nothing adopted again.
        auto again = Journal::open(dir.path(), clock, fewIterations());
        REQUIRE(again.has_value());
        CHECK((*again)->startup().folderAdopted.isEmpty());
    }
    {
        // The same folder with one encrypted file in it: a later DualRec wrote here and its marker
        // was lost. Refused, naming the file; no key, no marker, nothing changed.
        QTemporaryDir dir;
        makeOldFolder(dir, 4);
        QTemporaryDir elsewhere;
        seal::FileKeyStore otherStore(elsewhere.filePath(QStringLiteral("keys")));
        auto otherKeys = seal::DeviceKeys::open(elsewhere.filePath(QStringLiteral("data")), otherStore);
        REQUIRE(otherKeys.has_value());
        const auto encrypted = dir.filePath(QStringLiteral("recordings/new.mp4"));
        {
            auto writer = seal::EncryptedWriter::create(encrypted, *otherKeys);
            REQUIRE(writer.has_value());
            REQUIRE((*writer)->write("content").has_value());
            REQUIRE((*writer)->finish().has_value());
        }
        ManualClock clock;
        auto journal = Journal::open(dir.path(), clock, fewIterations());
        REQUIRE_FALSE(journal.has_value());
        CHECK(journal.error().code == ErrorCode::DataCorrupt);
        CHECK(journal.error().detail.contains(encrypted));
        CHECK(deviceKeyFiles(dir).isEmpty());
        CHECK_FALSE(QFileInfo::exists(dir.filePath(seal::DeviceKeys::markerName())));
    }
    {
        // A journal of today's schema without its marker: refused, naming the schema version.
        QTemporaryDir dir;
        makeOldFolder(dir, Schema::kLatestVersion);
        ManualClock clock;
        auto journal = Journal::open(dir.path(), clock, fewIterations());
        REQUIRE_FALSE(journal.has_value());
        CHECK(journal.error().detail.contains(QStringLiteral("schema version %1").arg(Schema::kLatestVersion)));
        CHECK(deviceKeyFiles(dir).isEmpty());
    }
}
