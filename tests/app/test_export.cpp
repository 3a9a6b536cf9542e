// `dualrec export` as a separate process: plain copies of a session's evidence for a supervisor
// or IT who signs in, audited, checked against the journal, never overwriting (issue 12).
#include "tests/seal/sealfixture.h"
#include "tests/support/clirun.h"
#include "tests/support/demorecording.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

using dualrec::test::readAll;
using dualrec::test::runDualrec;
using dualrec::test::addAccount;
using dualrec::test::exportAudit;
using dualrec::test::recordDemo;

namespace {

QStringList exportArgs(const QString &data, const QString &session, const QString &out, const QString &login)
{
    return {QStringLiteral("export"), session, QStringLiteral("--data-dir"), data, QStringLiteral("--out"), out,
            QStringLiteral("--user"), login, QStringLiteral("--lang"), QStringLiteral("en")};
}

void sqlite(const QString &data, const QString &statement)
{
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("export-edit"));
        db.setDatabaseName(QDir(data).filePath(QStringLiteral("journal.sqlite")));
        REQUIRE(db.open());
        QSqlQuery query(db);
        REQUIRE(query.exec(statement));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("export-edit"));
}

} // namespace

TEST_CASE("export writes plain copies for a supervisor only, audited, matching the journal, never overwriting")
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    const auto recorded = recordDemo(data);
    const QString recording = recorded.recording;
    const QString session = recorded.sessionId;
    // Stored encrypted: no MP4 signature on disk.
    CHECK(readAll(recording).mid(4, 4) != QByteArray("ftyp"));
    addAccount(data, QStringLiteral("wang"), QStringLiteral("supervisor"), "supervisor-pass");
    addAccount(data, QStringLiteral("li"), QStringLiteral("agent"), "agent-password");

    QTemporaryDir outDir;
    const QString out = outDir.path();
    const QString folder = QDir(out).filePath(session);

    // Wrong input: a mistyped data folder is not created, a missing --out folder is named.
    const QString typo = dir.filePath(QStringLiteral("no-such-data"));
    const auto noData = runDualrec(exportArgs(typo, session, out, QStringLiteral("wang")), "supervisor-pass\n");
    CHECK(noData.exitCode == 2);
    CHECK(noData.err.contains(QStringLiteral("no DualRec journal")));
    CHECK(!QFileInfo::exists(typo));
    CHECK(runDualrec(exportArgs(data, session, dir.filePath(QStringLiteral("nowhere")), QStringLiteral("wang")), "supervisor-pass\n").exitCode == 2);
    CHECK(runDualrec(exportArgs(data, session, out, QStringLiteral("wang"))).exitCode == 2); // no password on stdin

    // Refusals: an agent, a wrong password. Nothing written, each audited.
    const auto agent = runDualrec(exportArgs(data, session, out, QStringLiteral("li")), "agent-password\n");
    CHECK(agent.exitCode == 1);
    CHECK(agent.err.contains(QStringLiteral("only supervisors and IT")));
    const auto wrong = runDualrec(exportArgs(data, session, out, QStringLiteral("wang")), "not-the-password\n");
    CHECK(wrong.exitCode == 1);
    CHECK(wrong.err.contains(QStringLiteral("password is wrong")));
    CHECK(!QFileInfo::exists(folder));
    CHECK(exportAudit(data) == QStringList{QStringLiteral("li|refused: role agent"), QStringLiteral("wang|refused: sign-in failed")});

    // The supervisor: plain copies, listed in sha256sum's format and in export.json.
    const auto done = runDualrec(exportArgs(data, session, out, QStringLiteral("wang")), "supervisor-pass\n");
    INFO(done.out.toStdString() << done.err.toStdString());
    REQUIRE(done.exitCode == 0);
    REQUIRE(QFileInfo(folder).isDir());
    CHECK((QFile::permissions(folder) & (QFileDevice::ReadOther | QFileDevice::ReadGroup)) == 0);
    const QString plainRecording = QDir(folder).filePath(QFileInfo(recording).fileName());
    const QByteArray plain = readAll(plainRecording);
    CHECK(plain.mid(4, 4) == QByteArray("ftyp"));
    QProcess ffprobe;
    ffprobe.start(QStringLiteral("ffprobe"), {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_entries"),
                                              QStringLiteral("format=duration"), QStringLiteral("-of"), QStringLiteral("csv=p=0"), plainRecording});
    REQUIRE(ffprobe.waitForFinished(30000));
    CHECK(ffprobe.exitCode() == 0);
    CHECK(QString::fromUtf8(ffprobe.readAllStandardOutput()).trimmed().toDouble() > 1.0);

    QProcess check;
    check.setWorkingDirectory(out);
    check.start(QStringLiteral("sha256sum"), {QStringLiteral("-c"), QStringLiteral("-")});
    check.write(done.out.toUtf8());
    check.closeWriteChannel();
    REQUIRE(check.waitForFinished(30000));
    INFO(QString::fromUtf8(check.readAllStandardOutput() + check.readAllStandardError()).toStdString());
    CHECK(check.exitCode() == 0);
    const auto lines = done.out.trimmed().split(u'\n');
    const auto manifest = QJsonDocument::fromJson(readAll(QDir(folder).filePath(QStringLiteral("export.json")))).object();
    CHECK(manifest.value(QStringLiteral("session")).toString() == session);
    CHECK(manifest.value(QStringLiteral("exported_by")).toString() == QLatin1String("wang"));
    const auto files = manifest.value(QStringLiteral("files")).toArray();
    CHECK(files.size() == lines.size());
    QStringList roles;
    for (const auto &file : files)
        roles.append(file.toObject().value(QStringLiteral("role")).toString());
    CHECK(roles.contains(QStringLiteral("recording")));
    CHECK(roles.contains(QStringLiteral("sidecar")));
    // The sidecar copy is readable JSON, not the at-rest format.
    for (const auto &file : files) {
        if (file.toObject().value(QStringLiteral("role")).toString() == QLatin1String("sidecar"))
            CHECK(!QJsonDocument::fromJson(readAll(QDir(folder).filePath(file.toObject().value(QStringLiteral("name")).toString()))).isNull());
    }
    CHECK(exportAudit(data).size() == 3);
    CHECK(exportAudit(data).last().startsWith(QStringLiteral("wang|%1 files to ").arg(files.size())));

    // Never overwrites: a second export into the same folder is refused and leaves the first.
    const auto again = runDualrec(exportArgs(data, session, out, QStringLiteral("wang")), "supervisor-pass\n");
    CHECK(again.exitCode == 1);
    CHECK(again.err.contains(QStringLiteral("exists already")));
    CHECK(readAll(plainRecording) == plain);

    // A journal digest that does not match the stored file: refused, named, nothing left behind.
    QTemporaryDir second;
    sqlite(data, QStringLiteral("UPDATE media_files SET sha256 = '%1' WHERE role = 'recording'").arg(QString(64, u'0')));
    const auto altered = runDualrec(exportArgs(data, session, second.path(), QStringLiteral("wang")), "supervisor-pass\n");
    CHECK(altered.exitCode == 1);
    CHECK(altered.err.contains(QStringLiteral("does not match the journal's SHA-256")));
    CHECK(!QFileInfo::exists(QDir(second.path()).filePath(session)));
    CHECK(exportAudit(data).last().startsWith(QStringLiteral("wang|refused: ")));
}
