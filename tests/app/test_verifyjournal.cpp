// `dualrec verify --journal` after each kind of tampering (issue 15, finding 2), and the data
// folder's permissions (finding 6), run as separate processes the way branch IT runs them.
#include "core/seal/devicekeys.h"
#include "core/seal/evidencefile.h"
#include "core/seal/keystore.h"
#include "core/seal/passwordhash.h"
#include "core/storage/journal.h"
#include "core/util/clock.h"
#include "core/util/filedigest.h"
#include "tests/storage/storagefixture.h"
#include "tests/support/clirun.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

#include <sys/stat.h>

using namespace dualrec;
using dualrec::test::RawSql;

namespace {

test::CliRun verifyJournal(const QString &data, const QStringList &more = {})
{
    return test::runDualrec(QStringList{QStringLiteral("verify"), QStringLiteral("--journal"), QStringLiteral("--data-dir"), data,
                                        QStringLiteral("--lang"), QStringLiteral("en")}
                            + more);
}

/// A data folder as DualRec leaves it: an agent, ten audit rows, one unsealed session with a
/// plaintext recording and an encrypted sidecar, each with its SHA-256 in the journal.
struct Folder {
    QTemporaryDir dir;
    QString recording;
    QString sidecar;

    Folder()
    {
        const SystemClock clock;
        storage::Journal::Options options;
        options.accounts.hashIterations = 1000;
        auto journal = storage::Journal::open(dir.path(), clock, options);
        REQUIRE(journal.has_value());
        REQUIRE((*journal)->users().add(QStringLiteral("alice"), QStringLiteral("Alice"), storage::UserRole::Agent,
                                        QStringLiteral("a-long-password")).has_value());
        for (int i = 0; i < 10; ++i)
            REQUIRE((*journal)->audit().append(QStringLiteral("alice"), storage::AuditAction::View, QStringLiteral("s-%1").arg(i)).has_value());
        storage::SessionRecord record;
        record.id = workflow::SessionId::generate();
        record.applicationNo = QStringLiteral("APP-1");
        record.agentId = QStringLiteral("alice");
        record.templateId = QStringLiteral("traditional-life");
        record.templateVersion = QStringLiteral("1.0.0");
        record.createdAt = clock.wallNow();
        REQUIRE((*journal)->sessions().create(record).has_value());
        const QDir recordings(storage::Journal::recordingsPath(dir.path()));
        REQUIRE(QDir().mkpath(recordings.path()));
        recording = recordings.filePath(record.id.toString() + QStringLiteral(".mp4"));
        {
            QFile file(recording);
            REQUIRE(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(4096, 'r'));
        }
        seal::FileKeyStore store(dir.filePath(QStringLiteral("keys")));
        auto keys = seal::DeviceKeys::open(dir.path(), store);
        REQUIRE(keys.has_value());
        sidecar = recordings.filePath(record.id.toString() + QStringLiteral(".json"));
        REQUIRE(seal::writeEvidenceFile(sidecar, QByteArray("{\"session\":\"sidecar\"}"), &*keys).has_value());
        for (const auto &[role, path] : {std::pair{storage::MediaRole::Recording, recording}, std::pair{storage::MediaRole::Sidecar, sidecar}})
            REQUIRE((*journal)->sessions().addMediaFile(record.id, {role, path, QFileInfo(path).size(), sha256OfFile(path).value(), clock.wallNow()}).has_value());
    }
    [[nodiscard]] QString journalPath() const { return storage::Journal::databasePath(dir.path()); }
};

} // namespace

TEST_CASE("dualrec verify --journal passes an untouched data folder and finds every kind of tampering with its row")
{
    struct Case {
        const char *name;
        std::function<void(Folder &)> tamper;
        const char *expected; ///< on a FAILED line of stdout
    };
    const auto sql = [](const QString &statement) {
        return [statement](Folder &folder) {
            RawSql raw(folder.journalPath());
            raw.exec(QStringLiteral("DROP TRIGGER IF EXISTS audit_log_no_update"));
            raw.exec(QStringLiteral("DROP TRIGGER IF EXISTS audit_log_no_delete"));
            for (const auto &part : statement.split(QStringLiteral("; ")))
                raw.exec(part);
        };
    };
    const std::vector<Case> cases{
        {"edit a row", sql(QStringLiteral("UPDATE audit_log SET detail = 'nothing to see' WHERE seq = 4")), "row 4 was edited"},
        {"delete a row", sql(QStringLiteral("DELETE FROM audit_log WHERE seq = 5")), "row 5 is missing"},
        {"reorder two rows",
         sql(QStringLiteral("UPDATE audit_log SET seq = -1 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 6; "
                            "UPDATE audit_log SET seq = 6 WHERE seq = -1")),
         "row 3 does not follow row 2"},
        {"trigger dropped, a row edited and the unkeyed chain and anchor recomputed",
         [](Folder &folder) {
             RawSql raw(folder.journalPath());
             raw.exec(QStringLiteral("DROP TRIGGER audit_log_no_update"));
             raw.exec(QStringLiteral("UPDATE audit_log SET actor = 'mallory' WHERE seq = 4"));
             QString previous = storage::AuditLog::kGenesisHash;
             for (qint64 n = 1; n <= 10; ++n) {
                 const auto field = [&](const char *column) {
                     return raw.value(QStringLiteral("SELECT %1 FROM audit_log WHERE seq = %2").arg(QLatin1String(column)).arg(n));
                 };
                 const auto hash = storage::AuditLog::hashOf(previous, n, field("at_utc"), field("actor"), field("action"),
                                                             field("subject"), field("detail"));
                 raw.exec(QStringLiteral("UPDATE audit_log SET prev_hash = '%1', row_hash = '%2' WHERE seq = %3").arg(previous, hash).arg(n));
                 previous = hash;
             }
             // The anchor rewritten too, keeping the keyed fields an attacker cannot recompute.
             QFile anchor(folder.journalPath() + QStringLiteral(".audit-anchor"));
             REQUIRE(anchor.open(QIODevice::ReadOnly));
             auto parts = QString::fromLatin1(anchor.readAll()).trimmed().split(u' ');
             anchor.close();
             parts[1] = previous;
             REQUIRE(anchor.open(QIODevice::WriteOnly | QIODevice::Truncate));
             anchor.write((parts.join(u' ') + u'\n').toLatin1());
         },
         "row 4 does not match its keyed seal"},
        {"the media hash in the journal changed", sql(QStringLiteral("UPDATE media_files SET sha256 = '%1' WHERE role = 'recording'").arg(QString(64, u'0'))),
         "the journal says 0000000000000000000000000000000000000000000000000000000000000000"},
        {"a recording's bytes changed",
         [](Folder &folder) {
             QFile file(folder.recording);
             REQUIRE(file.open(QIODevice::ReadWrite));
             file.seek(100);
             file.write("X");
         },
         ", recording): "},
        {"an encrypted sidecar replaced", [](Folder &folder) {
             REQUIRE(QFile::remove(folder.sidecar));
             QFile file(folder.sidecar);
             REQUIRE(file.open(QIODevice::WriteOnly));
             file.write("{\"session\":\"forged\"}");
         },
         ", sidecar): "},
        {"a supervisor row inserted straight into SQLite",
         sql(QStringLiteral("INSERT INTO users (login, display_name, role, password_hash, failed_attempts, created_at_utc) "
                            "VALUES ('mallory', 'Mallory', 'supervisor', 'x', 0, '2026-01-01T00:00:00.000Z')")),
         "account mallory (role supervisor) has no keyed seal"},
    };

    {
        Folder pristine;
        const auto run = verifyJournal(pristine.dir.path());
        INFO(run.out.toStdString() << run.err.toStdString());
        CHECK(run.exitCode == 0);
        CHECK(run.out.contains(QLatin1String("ok     audit log: 10 rows checked")));
        CHECK(run.out.contains(QLatin1String("ok     media: 2 files")));
        CHECK_FALSE(run.out.contains(QLatin1String("FAILED")));
    }
    for (const auto &tampering : cases) {
        INFO(tampering.name);
        Folder folder;
        tampering.tamper(folder);
        const auto run = verifyJournal(folder.dir.path());
        INFO(run.out.toStdString() << run.err.toStdString());
        CHECK(run.exitCode == 1);
        const auto failed = run.out.split(u'\n').filter(QStringLiteral("FAILED "));
        CHECK(failed.join(u'\n').contains(QLatin1String(tampering.expected)));
        CHECK(run.err.contains(QLatin1String("does not verify")));
    }
}

TEST_CASE("dualrec verify --journal --json names the row; a folder without a journal is an error and is not created")
{
    Folder folder;
    {
        RawSql raw(folder.journalPath());
        raw.exec(QStringLiteral("DROP TRIGGER audit_log_no_update"));
        raw.exec(QStringLiteral("UPDATE audit_log SET subject = 'other' WHERE seq = 7"));
    }
    const auto run = verifyJournal(folder.dir.path(), {QStringLiteral("--json")});
    INFO(run.out.toStdString() << run.err.toStdString());
    CHECK(run.exitCode == 1);
    const auto report = QJsonDocument::fromJson(run.out.toUtf8()).object();
    CHECK(report.value(QStringLiteral("ok")) == false);
    const auto breaks = report.value(QStringLiteral("audit")).toObject().value(QStringLiteral("breaks")).toArray();
    REQUIRE_FALSE(breaks.isEmpty());
    CHECK(breaks.first().toObject().value(QStringLiteral("row")).toInteger() == 7);
    CHECK(report.value(QStringLiteral("media")).toObject().value(QStringLiteral("files_checked")).toInt() == 2);

    QTemporaryDir parent;
    const QString typo = parent.filePath(QStringLiteral("no-such-folder"));
    const auto missing = verifyJournal(typo, {QStringLiteral("--json")});
    CHECK(missing.exitCode == 2);
    CHECK(missing.err.contains(QLatin1String("there is no DualRec journal")));
    CHECK(QJsonDocument::fromJson(missing.out.toUtf8()).object().value(QStringLiteral("ok")) == false);
    CHECK_FALSE(QFileInfo::exists(typo));
}

TEST_CASE("a new data folder and every file in it are readable by their owner only, whatever the umask")
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    const auto previous = ::umask(022); // a permissive umask, as in a usual login shell
    const auto added = test::runDualrec({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("boss"), QStringLiteral("--role"),
                                         QStringLiteral("supervisor"), QStringLiteral("--data-dir"), data, QStringLiteral("--lang"),
                                         QStringLiteral("en")},
                                        "a-long-password\n");
    ::umask(previous);
    INFO(added.err.toStdString());
    REQUIRE(added.exitCode == 0);
    const auto modeOf = [](const QString &path) {
        struct stat status {};
        REQUIRE(::lstat(QFile::encodeName(path).constData(), &status) == 0);
        return status.st_mode & 0777;
    };
    CHECK(modeOf(data) == 0700);
    int files = 0;
    QDirIterator it(data, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const auto path = it.next();
        INFO(path.toStdString());
        CHECK(modeOf(path) == (QFileInfo(path).isDir() ? 0700u : 0600u));
        files += QFileInfo(path).isFile() ? 1 : 0;
    }
    CHECK(files >= 4); // journal, its anchor, the folder marker, the device key

    // An existing folder left open by an older version is tightened, and that is audited.
    REQUIRE(::chmod(QFile::encodeName(data).constData(), 0755) == 0);
    REQUIRE(::chmod(QFile::encodeName(storage::Journal::databasePath(data)).constData(), 0644) == 0);
    const auto listed = test::runDualrec({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--data-dir"), data,
                                          QStringLiteral("--lang"), QStringLiteral("en")});
    INFO(listed.err.toStdString());
    CHECK(listed.exitCode == 0);
    CHECK(listed.err.contains(QLatin1String("was open to other users (mode 0755)")));
    CHECK(modeOf(data) == 0700);
    CHECK(modeOf(storage::Journal::databasePath(data)) == 0600);
    RawSql raw(storage::Journal::databasePath(data));
    CHECK(raw.value(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'permissions-tightened'")) == QLatin1String("1"));
}

TEST_CASE("with a Secret Service the journal's keys come from the device key there: no key file in the data folder", "[.secretservice]")
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    QProcessEnvironment osStore;
    osStore.insert(QStringLiteral("DUALREC_KEY_STORE"), QStringLiteral("os"));
    const auto added = test::runDualrec({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("boss"), QStringLiteral("--role"),
                                         QStringLiteral("supervisor"), QStringLiteral("--data-dir"), data, QStringLiteral("--lang"),
                                         QStringLiteral("en")},
                                        "a-long-password\n", 60000, osStore);
    INFO(added.err.toStdString());
    REQUIRE(added.exitCode == 0);
    CHECK_FALSE(QFileInfo::exists(QDir(data).filePath(QStringLiteral("keys"))));
    const auto verified = test::runDualrec({QStringLiteral("verify"), QStringLiteral("--journal"), QStringLiteral("--data-dir"), data,
                                            QStringLiteral("--lang"), QStringLiteral("en")},
                                           {}, 60000, osStore);
    INFO(verified.out.toStdString() << verified.err.toStdString());
    CHECK(verified.exitCode == 0);
    // The same folder with the key store's answer missing (files instead of the Secret
    // Service): a clear error, and no key is made.
    QProcessEnvironment files;
    files.insert(QStringLiteral("DUALREC_KEY_STORE"), QStringLiteral("file"));
    files.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent"));
    const auto without = test::runDualrec({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--data-dir"), data,
                                           QStringLiteral("--lang"), QStringLiteral("en")},
                                          {}, 60000, files);
    CHECK(without.exitCode == 2);
    CHECK(without.err.contains(QLatin1String("cannot be opened")));
    CHECK_FALSE(QFileInfo::exists(QDir(data).filePath(QStringLiteral("keys"))));
}
