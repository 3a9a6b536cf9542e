// `dualrec pending` and the .deb's prerm (issue 17): the recordings the insurer has not
// acknowledged are counted from the journal alone (no key, read-only), the uninstaller names
// them, and nothing in the data folder is deleted or changed.
#include "core/storage/unsyncedevidence.h"
#include "tests/support/clirun.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

using dualrec::test::runDualrec;

namespace {

void setEvidenceState(const QString &data, const QString &state)
{
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("pending-edit"));
        db.setDatabaseName(QDir(data).filePath(QStringLiteral("journal.sqlite")));
        REQUIRE(db.open());
        QSqlQuery query(db);
        REQUIRE(query.exec(QStringLiteral("UPDATE sessions SET evidence_state = '%1'").arg(state)));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("pending-edit"));
}

/// Every file below `folder` with the SHA-256 of its bytes (SQLite's -wal/-shm left out: a
/// reader may create them).
QMap<QString, QByteArray> snapshot(const QString &folder)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.endsWith(QLatin1String("-wal")) || path.endsWith(QLatin1String("-shm")))
            continue;
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        files.insert(path, QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
    }
    return files;
}

struct Prerm {
    int exitCode = -1;
    QString err;
};

Prerm runPrerm(const QString &root, const QString &action = QStringLiteral("remove"))
{
    QProcess process;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DUALREC_PRERM_ROOT"), root);
    env.insert(QStringLiteral("DUALREC_PRERM_BIN"), QStringLiteral(DUALREC_BINARY));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("DUALREC_KEY_STORE"), QStringLiteral("file"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral("/bin/sh"), {QStringLiteral(DUALREC_SOURCE_DIR "/packaging/linux/prerm"), action});
    REQUIRE(process.waitForFinished(120000));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

TEST_CASE("the evidence states that exist only on this computer")
{
    using dualrec::storage::EvidenceState;
    for (const auto state : {EvidenceState::Recording, EvidenceState::Recorded, EvidenceState::Stored, EvidenceState::Sealed, EvidenceState::Uploading})
        CHECK(dualrec::storage::evidenceAwaitsInsurer(state));
    for (const auto state : {EvidenceState::NoRecording, EvidenceState::Acknowledged, EvidenceState::Purged, EvidenceState::Missing, EvidenceState::Invalid})
        CHECK_FALSE(dualrec::storage::evidenceAwaitsInsurer(state));
}

TEST_CASE("pending counts what the insurer has not acknowledged; the .deb's prerm warns and deletes nothing")
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("root"));
    // One user's default data folder below the prefixed root, and a folder with a space in its
    // name named by the IT policy (with a comment after the value, as docs/deployment.md shows it).
    const QString data = QDir(root).filePath(QStringLiteral("home/agent/.local/share/DualRec/DualRec"));
    const QString policyData = dir.filePath(QStringLiteral("branch data"));
    const auto record = [](const QString &folder, const QString &applicationNo) {
        const auto recorded = runDualrec({QStringLiteral("record"), QStringLiteral("--data-dir"), folder, QStringLiteral("--out"),
                                          QDir(folder).filePath(QStringLiteral("recordings")), QStringLiteral("--source"), QStringLiteral("demo"),
                                          QStringLiteral("--template"), QStringLiteral("traditional-life"), QStringLiteral("--application-no"),
                                          applicationNo, QStringLiteral("--agent"), QStringLiteral("A-007"), QStringLiteral("--duration"),
                                          QStringLiteral("1"), QStringLiteral("--answers"), QStringLiteral("auto"), QStringLiteral("--size"),
                                          QStringLiteral("320x240"), QStringLiteral("--pace"), QStringLiteral("fast")});
        INFO(recorded.out.toStdString() << recorded.err.toStdString());
        REQUIRE(recorded.exitCode == 0);
    };
    record(data, QStringLiteral("P2026-0101"));
    record(policyData, QStringLiteral("P2026-0102"));
    REQUIRE(QDir().mkpath(QDir(root).filePath(QStringLiteral("etc/dualrec"))));
    {
        QFile policy(QDir(root).filePath(QStringLiteral("etc/dualrec/policy.ini")));
        REQUIRE(policy.open(QIODevice::WriteOnly));
        policy.write("[ui]\nlanguage=zh_CN\n\n[storage]\nfolder=" + policyData.toUtf8() + "   ; the branch's data\n");
    }
    // A folder that exists but holds no journal is passed over; a damaged journal is named.
    REQUIRE(QDir().mkpath(QDir(root).filePath(QStringLiteral("home/empty/.local/share/DualRec/DualRec"))));
    const QString damaged = QDir(root).filePath(QStringLiteral("root/.local/share/DualRec/DualRec"));
    REQUIRE(QDir().mkpath(damaged));
    {
        QFile junk(QDir(damaged).filePath(QStringLiteral("journal.sqlite")));
        REQUIRE(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(4096, 'x'));
    }

    SECTION("pending: a stored, unsealed recording waits; so does a sealed one; an acknowledged one does not")
    {
        const auto stored = runDualrec({QStringLiteral("pending"), QStringLiteral("--data-dir"), data, QStringLiteral("--lang"), QStringLiteral("en")});
        INFO(stored.out.toStdString() << stored.err.toStdString());
        CHECK(stored.exitCode == 1);
        CHECK(stored.out.contains(QStringLiteral("1 recording in %1 is not yet acknowledged by the insurer (1 not sealed yet, 0 sealed").arg(data)));
        const auto zh = runDualrec({QStringLiteral("pending"), QStringLiteral("--data-dir"), data, QStringLiteral("--lang"), QStringLiteral("zh_CN")});
        CHECK(zh.out.contains(QStringLiteral("1 段录像尚未得到保险公司确认")));

        setEvidenceState(data, QStringLiteral("sealed"));
        const auto json = runDualrec({QStringLiteral("pending"), QStringLiteral("--data-dir"), data, QStringLiteral("--json")});
        CHECK(json.exitCode == 1);
        const auto report = QJsonDocument::fromJson(json.out.toUtf8()).object();
        CHECK(report.value(QStringLiteral("notAcknowledged")).toInt() == 1);
        CHECK(report.value(QStringLiteral("notSealed")).toInt() == 0);
        CHECK(report.value(QStringLiteral("sealedNotAcknowledged")).toInt() == 1);
        CHECK(report.value(QStringLiteral("sessionsByState")).toObject().value(QStringLiteral("sealed")).toInt() == 1);

        // A state a newer DualRec may write counts as waiting, never as safe to lose.
        setEvidenceState(data, QStringLiteral("archived-by-a-newer-version"));
        CHECK(runDualrec({QStringLiteral("pending"), QStringLiteral("--data-dir"), data}).exitCode == 1);

        setEvidenceState(data, QStringLiteral("acknowledged"));
        const auto done = runDualrec({QStringLiteral("pending"), QStringLiteral("--data-dir"), data, QStringLiteral("--lang"), QStringLiteral("en")});
        CHECK(done.exitCode == 0);
        CHECK(done.out.contains(QStringLiteral("nothing would be lost")));

        // No journal: exit 2, the folder named and not created; a damaged file: exit 2, named.
        const QString typo = dir.filePath(QStringLiteral("no-such-folder"));
        const auto none = runDualrec({QStringLiteral("pending"), QStringLiteral("--data-dir"), typo, QStringLiteral("--lang"), QStringLiteral("en")});
        CHECK(none.exitCode == 2);
        CHECK(none.err.contains(QStringLiteral("there is no DualRec journal in %1").arg(typo)));
        CHECK_FALSE(QFileInfo::exists(typo));
        const auto junk = runDualrec({QStringLiteral("pending"), QStringLiteral("--data-dir"), damaged, QStringLiteral("--lang"), QStringLiteral("en")});
        CHECK(junk.exitCode == 2);
        CHECK(junk.err.contains(QDir(damaged).filePath(QStringLiteral("journal.sqlite"))));
    }

    SECTION("prerm names each folder with recordings the insurer lacks, keeps every file, never fails")
    {
        const auto before = snapshot(root);
        const auto beforePolicy = snapshot(policyData);
        const auto removed = runPrerm(root);
        INFO(removed.err.toStdString());
        CHECK(removed.exitCode == 0);
        CHECK(removed.err.contains(QStringLiteral("dualrec: WARNING: 1 recording in %1 is not yet acknowledged").arg(data)));
        CHECK(removed.err.contains(QStringLiteral("dualrec: WARNING: 1 recording in %1 is not yet acknowledged").arg(policyData)));
        CHECK(removed.err.contains(QStringLiteral("dualrec: 警告：%1 中有 1 段录像尚未得到保险公司确认").arg(data)));
        CHECK(removed.err.contains(QStringLiteral("%1: could not be checked").arg(damaged)));
        CHECK(removed.err.contains(QStringLiteral("are NOT deleted")));
        CHECK(removed.err.count(QStringLiteral("WARNING")) == 2);
        CHECK(snapshot(root) == before);
        CHECK(snapshot(policyData) == beforePolicy);

        // Acknowledged everywhere: no warning, only the note on where the data stays.
        setEvidenceState(data, QStringLiteral("acknowledged"));
        setEvidenceState(policyData, QStringLiteral("purged"));
        const auto clean = runPrerm(root, QStringLiteral("purge"));
        CHECK(clean.exitCode == 0);
        CHECK_FALSE(clean.err.contains(QStringLiteral("WARNING")));
        CHECK(clean.err.contains(QStringLiteral("are NOT deleted")));

        // An upgrade checks nothing and says nothing.
        setEvidenceState(data, QStringLiteral("stored"));
        const auto upgrade = runPrerm(root, QStringLiteral("upgrade"));
        CHECK(upgrade.exitCode == 0);
        CHECK(upgrade.err.isEmpty());
    }
}
