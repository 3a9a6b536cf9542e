// `dualrec seal`, `verify`, `open` and `device csr` as separate processes, on a session recorded
// with `dualrec record`; the insurer's commands from docs/package-format.md run as written.
#include "core/workflow/receipt.h"
#include "tests/seal/sealfixture.h"
#include "tests/support/clirun.h"
#include "tests/support/evidencetools.h"
#include "tests/support/tsaserver.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QCoreApplication>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <catch2/catch_test_macros.hpp>

#include <csignal>

#include <unistd.h>

using dualrec::test::readAll;
using dualrec::test::runDualrec;

namespace {

struct Recorded {
    QString sessionId;
    QString recording;
};

/// A short session recorded with the demo source into `data`.
Recorded record(const QString &data)
{
    const auto run = runDualrec({QStringLiteral("record"), QStringLiteral("--data-dir"), data, QStringLiteral("--out"),
                                 QDir(data).filePath(QStringLiteral("recordings")), QStringLiteral("--source"), QStringLiteral("demo"),
                                 QStringLiteral("--template"), QStringLiteral("traditional-life"), QStringLiteral("--application-no"),
                                 QStringLiteral("P2026-0042"), QStringLiteral("--agent"), QStringLiteral("A-007"), QStringLiteral("--duration"),
                                 QStringLiteral("2"), QStringLiteral("--answers"), QStringLiteral("auto"), QStringLiteral("--size"),
                                 QStringLiteral("320x240"), QStringLiteral("--pace"), QStringLiteral("fast")});
    INFO(run.out.toStdString() << run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    const auto match = QRegularExpression(QStringLiteral("^recording: (.*)$"), QRegularExpression::MultilineOption).match(run.out);
    REQUIRE(match.hasMatch());
    const QString recording = match.captured(1).trimmed();
    return {QFileInfo(recording).completeBaseName(), recording};
}

QString lastLine(const QString &text)
{
    return text.trimmed().section(u'\n', -1);
}

int bash(const QString &script, const QStringList &environment, const QString &folder, QString &output)
{
    QProcess process;
    auto env = QProcessEnvironment::systemEnvironment();
    for (const auto &entry : environment)
        env.insert(entry.section(u'=', 0, 0), entry.section(u'=', 1));
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(folder);
    process.start(QStringLiteral("bash"), {QStringLiteral("-c"), script});
    REQUIRE(process.waitForFinished(120000));
    output = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

/// The shell block after "<!-- insurer-commands -->" in docs/package-format.md.
QString insurerCommands()
{
    const QString doc = QString::fromUtf8(readAll(QStringLiteral(DUALREC_SOURCE_DIR "/docs/package-format.md")));
    const auto start = doc.indexOf(QLatin1String("<!-- insurer-commands -->\n```sh\n"));
    REQUIRE(start > 0);
    const auto from = doc.indexOf(u'\n', doc.indexOf(QLatin1String("```sh"), start)) + 1;
    return doc.mid(from, doc.indexOf(QLatin1String("\n```"), from) - from);
}

} // namespace

TEST_CASE("seal, verify and open a recorded session; the insurer's commands from the doc give the same files")
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    const auto session = record(data);
    // The recording is encrypted at rest (docs/security.md): what the insurer opens is its plaintext.
    QTemporaryDir plainDir;
    const auto recordingPlain = readAll(dualrec::test::decryptTo(
        session.recording, *dualrec::test::openTestKeys(data, QDir(data).filePath(QStringLiteral("keys"))),
        plainDir.filePath(QStringLiteral("recording.mp4"))));
    const auto ec = dualrec::test::makeRecipient(dir.path(), QStringLiteral("insurer"), QStringLiteral("ec"));
    const auto rsa = dualrec::test::makeRecipient(dir.path(), QStringLiteral("archive"), QStringLiteral("rsa"));

    // No certificate configured: a clear message, non-zero, nothing written.
    const QProcessEnvironment noPolicy = [&] {
        QProcessEnvironment env;
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        return env;
    }();
    auto none = runDualrec({QStringLiteral("seal"), session.sessionId, QStringLiteral("--data-dir"), data, QStringLiteral("--lang"), QStringLiteral("en")}, {}, 60000, noPolicy);
    CHECK(none.exitCode == 1);
    CHECK(none.err.contains(QLatin1String("no insurer certificate is configured")));
    CHECK(!QFileInfo::exists(QDir(data).filePath(QStringLiteral("packages"))));

    auto sealed = runDualrec({QStringLiteral("seal"), session.sessionId, QStringLiteral("--data-dir"), data, QStringLiteral("--insurer-cert"),
                              ec.certificate, QStringLiteral("--insurer-cert"), rsa.certificate},
                             {}, 60000, noPolicy);
    INFO(sealed.out.toStdString() << sealed.err.toStdString());
    REQUIRE(sealed.exitCode == 0);
    const QString package = lastLine(sealed.out);
    CHECK(package == QDir(data).filePath(QStringLiteral("packages/%1.dualrec").arg(session.sessionId)));
    REQUIRE(QFileInfo::exists(package));

    // The journal's seals row describes the file on disk.
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("seal-row"));
        db.setDatabaseName(QDir(data).filePath(QStringLiteral("journal.sqlite")));
        REQUIRE(db.open());
        QSqlQuery row(db);
        REQUIRE(row.exec(QStringLiteral("SELECT package_path, package_size, package_sha256, recipients, length(signature) FROM seals WHERE session_id = '%1'")
                             .arg(session.sessionId)));
        REQUIRE(row.next());
        CHECK(row.value(0).toString() == package);
        CHECK(row.value(1).toLongLong() == QFileInfo(package).size());
        CHECK(row.value(2).toString() == QString::fromLatin1(QCryptographicHash::hash(readAll(package), QCryptographicHash::Sha256).toHex()));
        CHECK(row.value(3).toString().split(u' ').size() == 2);
        CHECK(row.value(4).toInt() > 500);
        // The evidence lifecycle took its step: stored -> sealed, logged with the package.
        QSqlQuery lifecycle(db);
        REQUIRE(lifecycle.exec(QStringLiteral("SELECT s.evidence_state, (SELECT group_concat(step, ' ') FROM evidence_transitions t "
                                              "WHERE t.session_id = s.id) FROM sessions s WHERE s.id = '%1'")
                                   .arg(session.sessionId)));
        REQUIRE(lifecycle.next());
        CHECK(lifecycle.value(0).toString() == QLatin1String("sealed"));
        CHECK(lifecycle.value(1).toString() == QLatin1String("recording-opened recording-closed recording-stored sealed"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("seal-row"));

    // Sealed again: the same path, the package unchanged.
    const QByteArray before = readAll(package);
    auto again = runDualrec({QStringLiteral("seal"), session.sessionId, QStringLiteral("--data-dir"), data}, {}, 60000, noPolicy);
    CHECK(again.exitCode == 0);
    CHECK(lastLine(again.out) == package);
    CHECK(readAll(package) == before);

    // verify: one line per check, exit 0; with the insurer key every file decrypted; with the
    // device certificate as CA.
    auto verified = runDualrec({QStringLiteral("verify"), package});
    INFO(verified.out.toStdString() << verified.err.toStdString());
    CHECK(verified.exitCode == 0);
    CHECK(verified.out.contains(QLatin1String("ok     signature:")));
    const QString deviceCertificate = QDir(data).filePath(QStringLiteral("device-certificate.pem"));
    auto full = runDualrec({QStringLiteral("verify"), package, QStringLiteral("--insurer-key"), rsa.key, QStringLiteral("--ca"), deviceCertificate});
    INFO(full.out.toStdString() << full.err.toStdString());
    CHECK(full.exitCode == 0);
    CHECK(full.out.count(QLatin1String("decrypted and authenticated")) == 2);
    CHECK(full.out.contains(QLatin1String("enrolled with the given CA")));
    auto wrongCa = runDualrec({QStringLiteral("verify"), package, QStringLiteral("--ca"), ec.certificate});
    CHECK(wrongCa.exitCode == 1);
    CHECK(wrongCa.out.contains(QLatin1String("FAILED signature:")));
    CHECK(runDualrec({QStringLiteral("verify")}).exitCode == 2);
    CHECK(runDualrec({QStringLiteral("verify"), dir.filePath(QStringLiteral("nothing.dualrec"))}).exitCode == 2);
    CHECK(runDualrec({QStringLiteral("verify"), package, QStringLiteral("--insurer-key"), dir.filePath(QStringLiteral("missing.key"))}).exitCode == 2);

    // The manifest validates against docs/manifest.schema.json (python3-jsonschema).
    QTemporaryDir unpacked;
    dualrec::test::runTool(QStringLiteral("tar"), {QStringLiteral("-xf"), package, QStringLiteral("-C"), unpacked.path()});
    QString schemaOutput;
    const int schemaExit = bash(QStringLiteral("python3 -c 'import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), "
                                               "json.load(open(sys.argv[2])))' manifest.json " DUALREC_SOURCE_DIR "/docs/manifest.schema.json"),
                                {}, unpacked.path(), schemaOutput);
    INFO(schemaOutput.toStdString());
    CHECK(schemaExit == 0);
    const auto manifest = QJsonDocument::fromJson(readAll(unpacked.filePath(QStringLiteral("manifest.json")))).object();
    CHECK(manifest.value(QStringLiteral("session")).toObject().value(QStringLiteral("application_no")).toString() == QLatin1String("P2026-0042"));
    CHECK(!manifest.value(QStringLiteral("events")).toArray().isEmpty());
    // The session's QC verdict, computed when it ended, is sealed with its reasons (each with its
    // kind, severity, step and time range) and the spot-checks (none yet).
    const auto qc = manifest.value(QStringLiteral("qc")).toObject();
    INFO(QJsonDocument(qc).toJson().toStdString());
    CHECK(qc.value(QStringLiteral("verdict")).toString() != QLatin1String("pending"));
    CHECK(!qc.value(QStringLiteral("computed_at")).toString().isEmpty());
    CHECK(qc.value(QStringLiteral("reasons")).isArray());
    CHECK(qc.value(QStringLiteral("spot_checks")).toArray().isEmpty());
    for (const auto &reason : qc.value(QStringLiteral("reasons")).toArray()) {
        CHECK(!reason.toObject().value(QStringLiteral("kind")).toString().isEmpty());
        CHECK(reason.toObject().contains(QStringLiteral("start_ms")));
    }

    // One digest from the agent's table to the insurer's archive: the journal's digest of the
    // recording (and so the customer's receipt code) is its plaintext's, the one the manifest
    // carries and the insurer can compute from what it decrypts.
    {
        const auto plainSha = QString::fromLatin1(QCryptographicHash::hash(recordingPlain, QCryptographicHash::Sha256).toHex());
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("media-row"));
        db.setDatabaseName(QDir(data).filePath(QStringLiteral("journal.sqlite")));
        REQUIRE(db.open());
        QSqlQuery row(db);
        REQUIRE(row.exec(QStringLiteral("SELECT sha256 FROM media_files WHERE session_id = '%1' AND role = 'recording'").arg(session.sessionId)));
        REQUIRE(row.next());
        CHECK(row.value(0).toString() == plainSha);
        CHECK(row.value(0).toString() != QString::fromLatin1(QCryptographicHash::hash(readAll(session.recording), QCryptographicHash::Sha256).toHex()));
        db.close();
        QStringList manifestDigests;
        for (const auto &file : manifest.value(QStringLiteral("files")).toArray())
            manifestDigests.append(file.toObject().value(QStringLiteral("sha256")).toString());
        INFO(manifestDigests.join(u' ').toStdString());
        CHECK(manifestDigests.contains(plainSha));
        CHECK(!dualrec::workflow::receiptCheckCode(plainSha).isEmpty());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("media-row"));

    // dualrec open: the files, byte for byte.
    const QString opened = dir.filePath(QStringLiteral("opened"));
    auto open = runDualrec({QStringLiteral("open"), package, QStringLiteral("--insurer-key"), ec.key, QStringLiteral("--out"), opened});
    INFO(open.out.toStdString() << open.err.toStdString());
    REQUIRE(open.exitCode == 0);
    CHECK(readAll(QDir(opened).filePath(QFileInfo(session.recording).fileName())) == recordingPlain);

    // The doc's commands, exactly, with each key.
    for (const auto &key : {ec.key, rsa.key}) {
        QTemporaryDir insurer;
        QString output;
        const int exit = bash(insurerCommands(),
                              {QStringLiteral("PACKAGE=") + package, QStringLiteral("KEY=") + key, QStringLiteral("DEVICE_CERT=") + deviceCertificate},
                              insurer.path(), output);
        INFO(output.toStdString());
        REQUIRE(exit == 0);
        CHECK(readAll(insurer.filePath(QStringLiteral("out/") + QFileInfo(session.recording).fileName())) == recordingPlain);
        CHECK(QDir(insurer.filePath(QStringLiteral("out"))).entryList(QDir::Files).size() == 2);
    }

    // The doc's commands on a damaged package: they stop, and keep no plaintext of the damaged file.
    QByteArray damaged = before;
    damaged[1000] = char(damaged[1000] ^ 0x01); // inside files/01.bin
    const QString damagedPath = dir.filePath(QStringLiteral("damaged.dualrec"));
    dualrec::test::writeAll(damagedPath, damaged);
    QTemporaryDir insurer;
    QString output;
    CHECK(bash(insurerCommands(), {QStringLiteral("PACKAGE=") + damagedPath, QStringLiteral("KEY=") + ec.key, QStringLiteral("DEVICE_CERT=") + deviceCertificate},
               insurer.path(), output)
          != 0);
    CHECK(!QFileInfo::exists(insurer.filePath(QStringLiteral("out/") + QFileInfo(session.recording).fileName())));
    // openssl itself refuses the flipped ciphertext when asked to decrypt it (the GCM tag).
    QString opensslOutput;
    CHECK(bash(QStringLiteral("tar -xf \"$PACKAGE\" && openssl cms -decrypt -binary -inform DER -in files/01.cms -content files/01.bin -inkey \"$KEY\" -out plain"),
               {QStringLiteral("PACKAGE=") + damagedPath, QStringLiteral("KEY=") + ec.key}, insurer.path(), opensslOutput)
          != 0);

    // A sample of 50 random mutations through `dualrec verify`: every one exit 1 with a failed line.
    QRandomGenerator random(42);
    for (int round = 0; round < 50; ++round) {
        QByteArray mutated = before;
        QString what;
        switch (round % 4) {
        case 0: {
            const auto at = random.bounded(qint64(before.size()));
            mutated[at] = char(mutated[at] ^ (1 << random.bounded(8)));
            what = QStringLiteral("bit flip at %1").arg(at);
            break;
        }
        case 1:
            mutated.truncate(random.bounded(qint64(before.size())));
            what = QStringLiteral("truncated to %1").arg(mutated.size());
            break;
        case 2:
            mutated.insert(random.bounded(qint64(before.size())), QByteArray(1 + random.bounded(100), 'x'));
            what = QStringLiteral("bytes inserted");
            break;
        default:
            mutated.append(QByteArray(1 + random.bounded(1024), '\0'));
            what = QStringLiteral("trailing bytes");
            break;
        }
        dualrec::test::writeAll(damagedPath, mutated);
        auto result = runDualrec({QStringLiteral("verify"), damagedPath, QStringLiteral("--insurer-key"), ec.key});
        INFO(round << ": " << what.toStdString() << "\n" << result.out.toStdString() << result.err.toStdString());
        CHECK(result.exitCode == 1);
        CHECK(result.out.contains(QLatin1String("FAILED ")));
    }
}

TEST_CASE("device csr prints a request openssl accepts, and --version says what protects the signing key")
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    QProcessEnvironment env;
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + dir.filePath(QStringLiteral("no-bus")));
    auto before = runDualrec({QStringLiteral("--version"), QStringLiteral("--data-dir"), data, QStringLiteral("--lang"), QStringLiteral("en")}, {}, 60000, env);
    CHECK(before.exitCode == 0);
    CHECK(before.out.contains(QLatin1String("not made yet")));
    auto csr = runDualrec({QStringLiteral("device"), QStringLiteral("csr"), QStringLiteral("--data-dir"), data}, {}, 60000, env);
    INFO(csr.err.toStdString());
    REQUIRE(csr.exitCode == 0);
    CHECK(csr.out.startsWith(QLatin1String("-----BEGIN CERTIFICATE REQUEST-----")));
    dualrec::test::writeAll(dir.filePath(QStringLiteral("device.csr")), csr.out.toUtf8());
    const auto checked = dualrec::test::runTool(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-in"), dir.filePath(QStringLiteral("device.csr")),
                                                                           QStringLiteral("-verify"), QStringLiteral("-noout")});
    CHECK(checked.contains(QLatin1String("verify OK")));
    auto after = runDualrec({QStringLiteral("--version"), QStringLiteral("--data-dir"), data, QStringLiteral("--lang"), QStringLiteral("en")}, {}, 60000, env);
    auto chinese = runDualrec({QStringLiteral("--version"), QStringLiteral("--data-dir"), data, QStringLiteral("--lang"), QStringLiteral("zh_CN")}, {}, 60000, env);
    CHECK(chinese.out.contains(QStringLiteral("设备签名密钥")));
    CHECK(after.out.contains(QLatin1String("owner-only file")));
    // The same key the next time.
    auto second = runDualrec({QStringLiteral("device"), QStringLiteral("csr"), QStringLiteral("--data-dir"), data}, {}, 60000, env);
    CHECK(second.err.section(QLatin1String("SHA-256 "), 1).left(64) == csr.err.section(QLatin1String("SHA-256 "), 1).left(64));
    CHECK(runDualrec({QStringLiteral("device")}).exitCode == 2);
    CHECK(runDualrec({QStringLiteral("seal"), QStringLiteral("not-a-session")}).exitCode == 2);
    CHECK(runDualrec({QStringLiteral("verify"), QStringLiteral("x"), QStringLiteral("--insurer-cert"), QStringLiteral("y")}).exitCode == 2);
}

TEST_CASE("with a Secret Service the signing key lives there, not in a file", "[.secretservice]")
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    // The OS key store here, not the owner-only files the other CLI tests choose.
    QProcessEnvironment osStore;
    osStore.insert(QStringLiteral("DUALREC_KEY_STORE"), QStringLiteral("os"));
    auto csr = runDualrec({QStringLiteral("device"), QStringLiteral("csr"), QStringLiteral("--data-dir"), data, QStringLiteral("--lang"), QStringLiteral("en")}, {}, 60000, osStore);
    INFO(csr.err.toStdString());
    REQUIRE(csr.exitCode == 0);
    CHECK(csr.err.contains(QLatin1String("the operating system's key store (Secret Service)")));
    CHECK(!QFileInfo::exists(QDir(data).filePath(QStringLiteral("keys"))));
    const auto marker = QJsonDocument::fromJson(readAll(QDir(data).filePath(QStringLiteral("device-signing.json")))).object();
    CHECK(marker.value(QStringLiteral("key_store")).toString() == QLatin1String("Secret Service"));
    auto version = runDualrec({QStringLiteral("--version"), QStringLiteral("--data-dir"), data, QStringLiteral("--lang"), QStringLiteral("en")}, {}, 60000, osStore);
    CHECK(version.out.contains(QLatin1String("device signing key: the operating system's key store (Secret Service)")));
    auto again = runDualrec({QStringLiteral("device"), QStringLiteral("csr"), QStringLiteral("--data-dir"), data, QStringLiteral("--lang"), QStringLiteral("en")}, {}, 60000, osStore);
    CHECK(again.err.section(QLatin1String("SHA-256 "), 1).left(64) == csr.err.section(QLatin1String("SHA-256 "), 1).left(64));
    // No private key anywhere in the data folder.
    QDirIterator files(data, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        CHECK(!readAll(path).contains("PRIVATE KEY"));
    }
}

namespace {

void copyFolder(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = to + path.mid(from.size());
        if (path.mid(from.size()).startsWith(QLatin1String("/recordings")))
            continue; // the journal names the files in the pristine folder; they are only read
        if (QFileInfo(path).isDir())
            QDir().mkpath(target);
        else
            REQUIRE(QFile::copy(path, target));
    }
}

} // namespace

TEST_CASE("sealing killed with SIGKILL at 20 random moments: never a package that does not verify, one valid package after the next run")
{
    QTemporaryDir dir;
    const QString pristine = dir.filePath(QStringLiteral("pristine"));
    const auto session = record(pristine);
    const auto ec = dualrec::test::makeRecipient(dir.path(), QStringLiteral("insurer"), QStringLiteral("ec"));
    // A 24 MB close-up file journaled with the session, so that sealing takes long enough to be
    // interrupted at many points.
    const QString big = QDir(pristine).filePath(QStringLiteral("recordings/%1-closeup.jpg").arg(session.sessionId));
    {
        QFile file(big);
        REQUIRE(file.open(QIODevice::WriteOnly));
        QRandomGenerator random(5);
        QByteArray block(1024 * 1024, '\0');
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (int i = 0; i < 24; ++i) {
            for (auto &byte : block)
                byte = char(random.bounded(256));
            file.write(block);
            hash.addData(block);
        }
        file.close();
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("seal-crash"));
        db.setDatabaseName(QDir(pristine).filePath(QStringLiteral("journal.sqlite")));
        REQUIRE(db.open());
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO media_files (session_id, role, path, size_bytes, sha256, created_at_utc) VALUES (?, 'snapshot', ?, ?, ?, ?)"));
        insert.addBindValue(session.sessionId);
        insert.addBindValue(big);
        insert.addBindValue(qint64(24) * 1024 * 1024);
        insert.addBindValue(QString::fromLatin1(hash.result().toHex()));
        insert.addBindValue(QStringLiteral("2026-12-03T00:00:00.000Z"));
        REQUIRE(insert.exec());
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("seal-crash"));

    // How long a whole seal takes here (process start included): the kills fall inside it.
    qint64 wholeMs = 0;
    {
        const QString data = dir.filePath(QStringLiteral("calibration"));
        copyFolder(pristine, data);
        QElapsedTimer timer;
        timer.start();
        const auto whole = runDualrec({QStringLiteral("seal"), session.sessionId, QStringLiteral("--data-dir"), data, QStringLiteral("--insurer-cert"), ec.certificate});
        wholeMs = timer.elapsed();
        REQUIRE(whole.exitCode == 0);
        QDir(data).removeRecursively();
    }
    QRandomGenerator random(1234);
    int killedWhileWriting = 0;
    for (int run = 0; run < 20; ++run) {
        const QString data = dir.filePath(QStringLiteral("run-%1").arg(run));
        copyFolder(pristine, data);
        // The paths in the journal point into the pristine copy: sealing reads them from there.
        const QString package = QDir(data).filePath(QStringLiteral("packages/%1.dualrec").arg(session.sessionId));
        QProcess sealing;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        sealing.setProcessEnvironment(env);
        sealing.start(QStringLiteral(DUALREC_BINARY), {QStringLiteral("seal"), session.sessionId, QStringLiteral("--data-dir"), data,
                                                       QStringLiteral("--insurer-cert"), ec.certificate});
        REQUIRE(sealing.waitForStarted(10000));
        QThread::msleep(random.bounded(wholeMs + 1));
        ::kill(pid_t(sealing.processId()), SIGKILL);
        sealing.waitForFinished(10000);
        if (QFileInfo::exists(package + QStringLiteral(".part")))
            ++killedWhileWriting;
        // Whatever is under the real name verifies.
        if (QFileInfo::exists(package)) {
            const auto check = runDualrec({QStringLiteral("verify"), package, QStringLiteral("--lang"), QStringLiteral("en")});
            INFO("run " << run << ": " << check.out.toStdString());
            CHECK(check.exitCode == 0);
        }
        // The next run ends with one valid package.
        auto next = runDualrec({QStringLiteral("seal"), session.sessionId, QStringLiteral("--data-dir"), data, QStringLiteral("--insurer-cert"), ec.certificate});
        INFO("run " << run << ": " << next.out.toStdString() << next.err.toStdString());
        REQUIRE(next.exitCode == 0);
        CHECK(lastLine(next.out) == package);
        CHECK(runDualrec({QStringLiteral("verify"), package, QStringLiteral("--insurer-key"), ec.key}).exitCode == 0);
        CHECK(!QFileInfo::exists(package + QStringLiteral(".part")));
        QDir(data).removeRecursively();
    }
    INFO(killedWhileWriting << " of 20 runs were killed while the package was being written");
    CHECK(killedWhileWriting >= 3);
}

TEST_CASE("a session being sealed by another process is not sealed twice: the second is told and changes nothing")
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    const auto session = record(data);
    const auto ec = dualrec::test::makeRecipient(dir.path(), QStringLiteral("insurer"), QStringLiteral("ec"));
    const QStringList seal{QStringLiteral("seal"), session.sessionId, QStringLiteral("--data-dir"), data, QStringLiteral("--insurer-cert"),
                           ec.certificate, QStringLiteral("--lang"), QStringLiteral("en")};
    const QString package = QDir(data).filePath(QStringLiteral("packages/%1.dualrec").arg(session.sessionId));
    {
        // This test process plays the other DualRec: it holds the session's sealing lock.
        QDir().mkpath(QFileInfo(package).absolutePath());
        QLockFile other(package + QStringLiteral(".lock"));
        REQUIRE(other.tryLock(0));
        const auto busy = runDualrec(seal);
        INFO(busy.out.toStdString() << busy.err.toStdString());
        CHECK(busy.exitCode == 1);
        CHECK(busy.err.contains(QStringLiteral("is being sealed by another DualRec process")));
        CHECK(busy.err.contains(QString::number(QCoreApplication::applicationPid())));
        CHECK(!QFileInfo::exists(package));
    }
    // Released (as when the other process ends, or dies: QLockFile takes over a dead one's lock).
    const auto sealed = runDualrec(seal);
    INFO(sealed.out.toStdString() << sealed.err.toStdString());
    CHECK(sealed.exitCode == 0);
    CHECK(QFileInfo::exists(package));
}

namespace {

QString sha256Of(const QString &path)
{
    return QString::fromLatin1(QCryptographicHash::hash(readAll(path), QCryptographicHash::Sha256).toHex());
}

} // namespace

TEST_CASE("timestamps: taken at sealing, or later when the TSA was away (the package unchanged); verify and the doc's openssl ts commands check them")
{
    QTemporaryDir dir;
    const QString dataA = dir.filePath(QStringLiteral("a"));
    const auto session = record(dataA);
    // The same session in a second data folder (a copy before sealing): a second package whose
    // manifest differs (sealed at another time), for a token that belongs to another package.
    const QString dataB = dir.filePath(QStringLiteral("b"));
    copyFolder(dataA, dataB);
    const auto ec = dualrec::test::makeRecipient(dir.path(), QStringLiteral("insurer"), QStringLiteral("ec"));
    dualrec::test::TsaServer tsa;
    const QString tsaCa = tsa.file(QStringLiteral("ca.pem"));
    // The TSA as IT sets it (the user's settings file here; the policy file works the same way).
    QProcessEnvironment config;
    config.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    QDir().mkpath(dir.filePath(QStringLiteral("config/DualRec")));
    dualrec::test::writeAll(dir.filePath(QStringLiteral("config/DualRec/DualRec.conf")),
                            QStringLiteral("[seal]\ntsaUrl=%1\ntsaCaCertificates=%2\n").arg(tsa.url().toString(), tsaCa).toUtf8());
    const auto seal = [&](const QString &data) {
        return runDualrec({QStringLiteral("seal"), session.sessionId, QStringLiteral("--data-dir"), data, QStringLiteral("--insurer-cert"), ec.certificate,
                           QStringLiteral("--lang"), QStringLiteral("en")},
                          {}, 60000, config);
    };
    const auto verify = [&](const QString &package, const QStringList &extra = {}) {
        return runDualrec(QStringList{QStringLiteral("verify"), package, QStringLiteral("--lang"), QStringLiteral("en")} + extra);
    };

    // A: the TSA answers: the token is there as soon as the package is.
    const auto sealedA = seal(dataA);
    INFO(sealedA.out.toStdString() << sealedA.err.toStdString());
    REQUIRE(sealedA.exitCode == 0);
    const QString packageA = lastLine(sealedA.out);
    CHECK(sealedA.err.contains(QLatin1String("timestamp: 20")));
    REQUIRE(QFileInfo::exists(packageA + QStringLiteral(".tsr")));
    const auto okA = verify(packageA, {QStringLiteral("--tsa-ca"), tsaCa});
    INFO(okA.out.toStdString());
    CHECK(okA.exitCode == 0);
    CHECK(QRegularExpression(QStringLiteral("\\nok     timestamp: OK, 20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC by CN=DualRec test TSA,O=DualRec tests "
                                            "\\(issued by a CA in --tsa-ca\\)\\n"))
              .match(okA.out)
              .hasMatch());

    // B: the TSA answers 500 while sealing: sealed without a token, and said so.
    tsa.setFault("500");
    const auto sealedB = seal(dataB);
    INFO(sealedB.out.toStdString() << sealedB.err.toStdString());
    REQUIRE(sealedB.exitCode == 0);
    const QString packageB = lastLine(sealedB.out);
    const QString tsrB = packageB + QStringLiteral(".tsr");
    CHECK(sealedB.err.contains(QLatin1String("timestamp: none yet")));
    CHECK(sealedB.err.contains(QLatin1String("HTTP 500")));
    CHECK_FALSE(QFileInfo::exists(tsrB));
    const auto noneYet = verify(packageB);
    CHECK(noneYet.exitCode == 0);
    CHECK(noneYet.out.contains(QLatin1String("ok     timestamp: none yet")));
    const QString hashB = sha256Of(packageB);
    // The TSA is back: sealing again asks for the missing timestamp; the package is untouched.
    tsa.setFault({});
    const auto later = seal(dataB);
    INFO(later.out.toStdString() << later.err.toStdString());
    REQUIRE(later.exitCode == 0);
    CHECK(lastLine(later.out) == packageB);
    REQUIRE(QFileInfo::exists(tsrB));
    CHECK(sha256Of(packageB) == hashB);
    CHECK(verify(packageB, {QStringLiteral("--tsa-ca"), tsaCa}).exitCode == 0);
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tsr-row"));
        db.setDatabaseName(QDir(dataB).filePath(QStringLiteral("journal.sqlite")));
        REQUIRE(db.open());
        QSqlQuery row(db);
        REQUIRE(row.exec(QStringLiteral("SELECT timestamp_token, package_sha256 FROM seals WHERE session_id = '%1'").arg(session.sessionId)));
        REQUIRE(row.next());
        CHECK(row.value(0).toByteArray() == readAll(tsrB));
        CHECK(row.value(1).toString() == hashB);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tsr-row"));
    // Asked again: nothing changes.
    const QByteArray goodB = readAll(tsrB);
    CHECK(seal(dataB).exitCode == 0);
    CHECK(readAll(tsrB) == goodB);

    // The doc's commands, exactly, with the token.
    const QString deviceCertificate = QDir(dataB).filePath(QStringLiteral("device-certificate.pem"));
    const QStringList docEnvironment{QStringLiteral("PACKAGE=") + packageB, QStringLiteral("KEY=") + ec.key, QStringLiteral("DEVICE_CERT=") + deviceCertificate,
                                     QStringLiteral("TSA_CA=") + tsaCa};
    {
        QTemporaryDir insurer;
        QString output;
        const int exit = bash(insurerCommands(), docEnvironment, insurer.path(), output);
        INFO(output.toStdString());
        CHECK(exit == 0);
        CHECK(output.contains(QLatin1String("Verification: OK")));
        CHECK(output.contains(QLatin1String("Time stamp: ")));
    }

    // A's token beside B: verify names the imprint; the doc's commands stop too.
    QFile::remove(tsrB);
    REQUIRE(QFile::copy(packageA + QStringLiteral(".tsr"), tsrB));
    const auto foreign = verify(packageB);
    INFO(foreign.out.toStdString());
    CHECK(foreign.exitCode == 1);
    CHECK(foreign.out.contains(QLatin1String("FAILED timestamp: ")));
    CHECK(foreign.out.contains(QLatin1String("message imprint does not match this package's manifest")));
    {
        QTemporaryDir insurer;
        QString output;
        CHECK(bash(insurerCommands(), docEnvironment, insurer.path(), output) != 0);
        CHECK_FALSE(output.contains(QLatin1String("Verification: OK")));
    }
    // A tampered token (one bit in its signature).
    QByteArray tampered = goodB;
    tampered[tampered.size() - 10] = char(tampered[tampered.size() - 10] ^ 0x01);
    dualrec::test::writeAll(tsrB, tampered);
    const auto altered = verify(packageB);
    INFO(altered.out.toStdString());
    CHECK(altered.exitCode == 1);
    CHECK(altered.out.contains(QLatin1String("FAILED timestamp: ")));
    // The same TSTInfo re-signed by a certificate of the same CA that is not a TSA's.
    dualrec::test::writeAll(tsrB, goodB);
    const QString fake = dir.filePath(QStringLiteral("notsa.tsr"));
    tsa.makeNonTsaReply(tsrB, fake);
    dualrec::test::writeAll(tsrB, readAll(fake));
    const auto notTsa = verify(packageB, {QStringLiteral("--tsa-ca"), tsaCa});
    INFO(notTsa.out.toStdString());
    CHECK(notTsa.exitCode == 1);
    CHECK(notTsa.out.contains(QLatin1String("which is not a TSA certificate")));
    // The right token, a CA that did not issue the TSA: untrusted.
    dualrec::test::writeAll(tsrB, goodB);
    const auto untrusted = verify(packageB, {QStringLiteral("--tsa-ca"), ec.certificate});
    CHECK(untrusted.exitCode == 1);
    CHECK(untrusted.out.contains(QLatin1String("untrusted")));
    // dualrec open reports it too.
    const auto opened = runDualrec({QStringLiteral("open"), packageB, QStringLiteral("--insurer-key"), ec.key, QStringLiteral("--out"),
                                    dir.filePath(QStringLiteral("opened")), QStringLiteral("--tsa-ca"), tsaCa});
    INFO(opened.err.toStdString());
    CHECK(opened.exitCode == 0);
    CHECK(opened.err.contains(QLatin1String("timestamp: OK, ")));
}
