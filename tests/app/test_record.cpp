// `dualrec record`, run as a real process: the headless recording, crash safety under kill -9,
// recovery of a killed session at the next start, and its refusals.
#include "tests/support/clirun.h"
#include "tests/support/evidencetools.h"
#include "tests/support/mediatools.h"

#include <QDir>
#include <QElapsedTimer>
#include <QThread>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QCryptographicHash>
#include <QDir>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

#include <csignal>

#include <unistd.h>

namespace {

QStringList recordArguments(const QString &out, const QStringList &extra)
{
    return QStringList{QStringLiteral("record"), QStringLiteral("--source"), QStringLiteral("demo"), QStringLiteral("--template"),
                       QStringLiteral("traditional-life"), QStringLiteral("--application-no"), QStringLiteral("P2026-0042"),
                       QStringLiteral("--agent"), QStringLiteral("A-007"), QStringLiteral("--out"), out}
           + extra;
}

QTemporaryDir &dataHome()
{
    static QTemporaryDir home;
    return home;
}

QProcessEnvironment environment()
{
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    // The journal goes to the data folder: keep it out of the real one.
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome().path());
    // The device key in owner-only files in the data folder, never in the user's keyring.
    env.insert(QStringLiteral("DUALREC_KEY_STORE"), QStringLiteral("file"));
    return env;
}

/// The data folder dualrec uses under environment() without --data-dir.
QString defaultDataFolder()
{
    return QDir(dataHome().path()).filePath(QStringLiteral("DualRec/DualRec"));
}

/// Recordings and sidecars are encrypted (docs/security.md): ffprobe and the JSON parser get a
/// decrypted copy in `into`, made with the data folder's device key.
QString plainCopy(const QString &path, const QString &dataFolder, const QTemporaryDir &into)
{
    const auto keys = dualrec::test::openTestKeys(dataFolder, QDir(dataFolder).filePath(QStringLiteral("keys")));
    CHECK(dualrec::seal::looksEncrypted(path));
    CHECK_FALSE(dualrec::test::startsLikePlainMedia(path));
    return dualrec::test::decryptTo(path, *keys, into.filePath(QFileInfo(path).fileName()));
}

QJsonObject sidecarObject(const QString &path, const QString &dataFolder)
{
    QTemporaryDir plain;
    QFile file(plainCopy(path, dataFolder, plain));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString valueAfter(const QString &text, const QString &key)
{
    const auto match = QRegularExpression(QStringLiteral("^%1: (.*)$").arg(key), QRegularExpression::MultilineOption).match(text);
    return match.hasMatch() ? match.captured(1).trimmed() : QString();
}

} // namespace

TEST_CASE("record with the demo source writes a finalized recording and its sidecar")
{
    QTemporaryDir dir;
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral(DUALREC_BINARY),
                  recordArguments(dir.path(), {QStringLiteral("--duration"), QStringLiteral("4"), QStringLiteral("--answers"),
                                               QStringLiteral("auto"), QStringLiteral("--size"), QStringLiteral("640x360")}));
    REQUIRE(process.waitForFinished(60000));
    const auto out = QString::fromUtf8(process.readAllStandardOutput());
    INFO(out.toStdString() << QString::fromUtf8(process.readAllStandardError()).toStdString());
    REQUIRE(process.exitCode() == 0);
    const auto recording = valueAfter(out, QStringLiteral("recording"));
    const auto sidecarPath = valueAfter(out, QStringLiteral("sidecar"));
    REQUIRE(recording.endsWith(QLatin1String(".mp4")));
    CHECK(!recording.endsWith(QLatin1String(".recording.mp4"))); // finalized
    CHECK(!QFile::exists(QString(recording).replace(QLatin1String(".mp4"), QLatin1String(".recording.mp4"))));

    QTemporaryDir plain;
    const auto info = dualrec::test::probe(plainCopy(recording, defaultDataFolder(), plain));
    CHECK(info.value(QStringLiteral("format")).toObject().value(QStringLiteral("duration")).toString().toDouble() >= 3.9);
    const auto chapters = info.value(QStringLiteral("chapters")).toArray();
    REQUIRE(chapters.size() >= 1);

    const auto sidecar = sidecarObject(sidecarPath, defaultDataFolder());
    CHECK(sidecar.value(QStringLiteral("application_no")).toString() == QLatin1String("P2026-0042"));
    CHECK(sidecar.value(QStringLiteral("state")).toString() == QLatin1String("aborted"));
    CHECK(sidecar.value(QStringLiteral("state_detail")).toString() == QLatin1String("duration limit"));
    CHECK(sidecar.value(QStringLiteral("chapters")).toArray().size() == chapters.size());
    CHECK(sidecar.value(QStringLiteral("chapters")).toArray()[0].toObject().value(QStringLiteral("id")).toString()
          == QLatin1String("consent"));
    CHECK(sidecar.value(QStringLiteral("statistics")).toObject().value(QStringLiteral("frames_dropped")).toInt() == 0);
}

TEST_CASE("kill -9 at 20 random moments leaves a file that plays to within 2 s of the kill")
{
    auto *random = QRandomGenerator::global();
    for (int run = 0; run < 20; ++run) {
        QTemporaryDir dir;
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(DUALREC_BINARY), recordArguments(dir.path(), {QStringLiteral("--answers"), QStringLiteral("auto")}));
        REQUIRE(process.waitForStarted(10000));
        // The first line comes once the file's header is on disk and capture has started.
        QString line;
        while (!line.contains(QLatin1String("recording session")) && process.waitForReadyRead(10000))
            line += QString::fromUtf8(process.readAllStandardOutput());
        REQUIRE(line.contains(QLatin1String("recording session")));
        QElapsedTimer sinceStart;
        sinceStart.start();
        const auto path = line.section(QLatin1String(" to "), -1).trimmed();
        const int killAfterMs = 500 + int(random->bounded(4500));
        QThread::msleep(killAfterMs);
        const double killedAt = double(sinceStart.elapsed()) / 1000.0;
        ::kill(pid_t(process.processId()), SIGKILL);
        REQUIRE(process.waitForFinished(10000));
        CHECK(process.exitStatus() == QProcess::CrashExit);

        // Encrypted from the first byte: every complete chunk decrypts, a torn last one is left out.
        QTemporaryDir plain;
        const auto plainPath = plainCopy(path, defaultDataFolder(), plain);
        const auto decoded = dualrec::test::decodeVideo(plainPath);
        INFO("run " << run << ": killed after " << killedAt << " s, file plays " << decoded.videoSeconds << " s ("
                    << decoded.frames << " frames); decoder: " << decoded.errors.toStdString());
        CHECK(decoded.videoSeconds >= killedAt - 2.0);
        CHECK(decoded.frames >= qint64((killedAt - 2.0) * 25));
        const auto audio = dualrec::test::pcm(plainPath, 8000);
        CHECK(double(audio.size()) / 8000 >= killedAt - 2.0);
    }
}

TEST_CASE("record from a camera says clearly when there is none")
{
    // This machine has no camera (no /dev/video*): only the "no device" path can run here.
    QTemporaryDir dir;
    QProcess process;
    process.setProcessEnvironment(environment());
    auto arguments = recordArguments(dir.path(), {QStringLiteral("--duration"), QStringLiteral("2")});
    arguments[2] = QStringLiteral("camera");
    process.start(QStringLiteral(DUALREC_BINARY), arguments);
    REQUIRE(process.waitForFinished(30000));
    const auto err = QString::fromUtf8(process.readAllStandardError());
    INFO(err.toStdString());
    if (QString::fromUtf8(process.readAllStandardOutput()).contains(QLatin1String("recording session")))
        SKIP("a camera is present on this machine");
    CHECK(process.exitCode() == 3);
    CHECK((err.contains(QLatin1String("no camera found")) || err.contains(QLatin1String("no microphone found"))));
    CHECK(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

TEST_CASE("record writes the session / its events and its files into the journal of the data folder")
{
    QTemporaryDir dir;
    QTemporaryDir data;
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral(DUALREC_BINARY),
                  recordArguments(dir.path(), {QStringLiteral("--duration"), QStringLiteral("3"), QStringLiteral("--answers"),
                                               QStringLiteral("auto"), QStringLiteral("--size"), QStringLiteral("640x360"),
                                               QStringLiteral("--data-dir"), data.path()}));
    REQUIRE(process.waitForFinished(60000));
    const auto out = QString::fromUtf8(process.readAllStandardOutput());
    INFO(out.toStdString() << QString::fromUtf8(process.readAllStandardError()).toStdString());
    REQUIRE(process.exitCode() == 0);
    const auto journalPath = QDir(data.path()).filePath(QStringLiteral("journal.sqlite"));
    CHECK(valueAfter(out, QStringLiteral("journal")) == QDir::toNativeSeparators(journalPath));
    const auto recording = valueAfter(out, QStringLiteral("recording"));
    const auto sessionId = valueAfter(out, QStringLiteral("session")).section(u' ', 0, 0);

    // The journal keeps the digest of the recording's content (decrypted), the one the receipt
    // and the sealed manifest carry.
    QTemporaryDir plainRecording;
    QFile media(plainCopy(recording, data.path(), plainRecording));
    REQUIRE(media.open(QIODevice::ReadOnly));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    REQUIRE(hash.addData(&media));
    const auto digest = QString::fromLatin1(hash.result().toHex());

    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("record-journal"));
        db.setDatabaseName(journalPath);
        REQUIRE(db.open());
        auto value = [&](const QString &sql) {
            QSqlQuery query(db);
            INFO(sql.toStdString());
            REQUIRE(query.exec(sql));
            REQUIRE(query.next());
            return query.value(0).toString();
        };
        CHECK(value(QStringLiteral("SELECT COUNT(*) FROM sessions")) == QLatin1String("1"));
        CHECK(value(QStringLiteral("SELECT id || ' ' || application_no || ' ' || state FROM sessions"))
              == sessionId + QStringLiteral(" P2026-0042 aborted"));
        CHECK(value(QStringLiteral("SELECT template_version FROM sessions")) == QLatin1String("traditional-life@1.0.0"));
        CHECK(value(QStringLiteral("SELECT evidence_state FROM sessions")) == QLatin1String("stored"));
        CHECK(value(QStringLiteral("SELECT group_concat(action, ' ') FROM audit_log WHERE subject = '") + sessionId + QStringLiteral("'"))
              == QLatin1String("session-start session-stop"));
        CHECK(value(QStringLiteral("SELECT COUNT(*) FROM session_products")).toInt() >= 1);
        CHECK(value(QStringLiteral("SELECT COUNT(*) FROM events WHERE type = 'step-started'")).toInt() >= 1);
        CHECK(value(QStringLiteral("SELECT MIN(seq) || '-' || MAX(seq) || '-' || COUNT(*) FROM events")).section(u'-', 2)
              == QString::number(value(QStringLiteral("SELECT MAX(seq) FROM events")).toInt() + 1));
        CHECK(value(QStringLiteral("SELECT sha256 FROM media_files WHERE role = 'recording'")) == digest);
        CHECK(value(QStringLiteral("SELECT COUNT(*) FROM media_files WHERE role = 'sidecar'")) == QLatin1String("1"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("record-journal"));
    // The folder is remembered, so a rebuilt journal finds the recording again.
    QFile folders(QDir(data.path()).filePath(QStringLiteral("recording-folders.txt")));
    REQUIRE(folders.open(QIODevice::ReadOnly));
    CHECK(QString::fromUtf8(folders.readAll()).contains(QDir(dir.path()).absolutePath()));
    // The end of the session backed the journal up, with the session's files in it.
    const auto backups = QDir(QDir(data.path()).filePath(QStringLiteral("backups")))
                             .entryList({QStringLiteral("journal-*.sqlite")}, QDir::Files);
    REQUIRE(backups.size() == 1);
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("record-backup"));
        db.setDatabaseName(QDir(data.path()).filePath(QStringLiteral("backups/") + backups.first()));
        REQUIRE(db.open());
        QSqlQuery query(db);
        REQUIRE(query.exec(QStringLiteral("SELECT COUNT(*) FROM media_files WHERE role = 'sidecar'")));
        REQUIRE(query.next());
        CHECK(query.value(0).toInt() == 1);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("record-backup"));
}

TEST_CASE("after kill -9 the next start closes the interrupted session and finalizes its recording")
{
    QTemporaryDir dir;
    QTemporaryDir data;
    const QStringList common{QStringLiteral("--answers"), QStringLiteral("auto"), QStringLiteral("--size"),
                             QStringLiteral("640x360"), QStringLiteral("--data-dir"), data.path()};

    // 1. A recording killed after about three seconds: its session stays open in the journal.
    QProcess killed;
    const auto first = dualrec::test::startRecording(killed, recordArguments(dir.path(), common), environment());
    const auto &killedId = first.sessionId;
    const auto &fragmented = first.fragmentedPath;
    REQUIRE(fragmented.endsWith(QLatin1String(".recording.mp4")));
    QThread::msleep(3000);
    ::kill(pid_t(killed.processId()), SIGKILL);
    REQUIRE(killed.waitForFinished(10000));
    REQUIRE(QFile::exists(fragmented));
    // As if it had been killed while finalizing: a partial final file (the encrypted writer never
    // overwrites one) must not stop the next start from finalizing.
    const auto partial = QString(fragmented).replace(QLatin1String(".recording.mp4"), QLatin1String(".mp4.tmp"));
    {
        QFile file(partial);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
    }
    const auto locks = QDir(QDir(data.path()).filePath(QStringLiteral("open-sessions")));
    CHECK(locks.exists(killedId + QStringLiteral(".lock"))); // left behind by the dead process

    // 2. The next start closes it before it records, and holds its own session while ...
    QProcess running;
    const auto second = dualrec::test::startRecording(running, recordArguments(dir.path(), common), environment());
    const auto &runningId = second.sessionId;
    CHECK(locks.exists(runningId + QStringLiteral(".lock")));

    // 3. ... a third DualRec starts on the same data folder: the running session is not its to close.
    const auto third = dualrec::test::runDualrec(recordArguments(dir.path(), common + QStringList{QStringLiteral("--duration"), QStringLiteral("1")}));
    INFO(third.err.toStdString());
    REQUIRE(third.exitCode == 0);
    CHECK_FALSE(third.err.contains(QLatin1String("interrupted session")));
    REQUIRE(running.state() == QProcess::Running); // it really ran all the while
    ::kill(pid_t(running.processId()), SIGINT);
    REQUIRE(running.waitForFinished(60000));
    CHECK(running.exitCode() == 0);
    const auto runningErr = QString::fromUtf8(running.readAllStandardError());
    INFO(runningErr.toStdString());
    CHECK(runningErr.contains(QStringLiteral("closed interrupted session ") + killedId));
    CHECK(runningErr.contains(QLatin1String("(finalized)")));

    // The fragmented file became the final MP4 (the fragmented copy is gone) and it plays
    // what was recorded before the kill, with the steps as chapters.
    const auto final = QString(fragmented).replace(QLatin1String(".recording.mp4"), QLatin1String(".mp4"));
    CHECK_FALSE(QFile::exists(fragmented));
    CHECK_FALSE(QFile::exists(partial));
    REQUIRE(QFile::exists(final));
    QTemporaryDir plain;
    const auto plainFinal = plainCopy(final, data.path(), plain);
    const auto decoded = dualrec::test::decodeVideo(plainFinal);
    INFO("final file plays " << decoded.videoSeconds << " s; decoder: " << decoded.errors.toStdString());
    CHECK(decoded.videoSeconds >= 1.0);
    CHECK(decoded.errors.isEmpty());
    CHECK(dualrec::test::probe(plainFinal).value(QStringLiteral("chapters")).toArray().size() >= 1);

    QFile media(plainFinal); // the content's digest, as journaled
    REQUIRE(media.open(QIODevice::ReadOnly));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    REQUIRE(hash.addData(&media));
    const auto digest = QString::fromLatin1(hash.result().toHex());

    const auto sidecar = sidecarObject(QString(fragmented).replace(QLatin1String(".recording.mp4"), QLatin1String(".json")), data.path());
    CHECK(sidecar.value(QStringLiteral("state")).toString() == QLatin1String("failed"));
    CHECK(sidecar.value(QStringLiteral("state_detail")).toString().startsWith(QLatin1String("interrupted")));
    CHECK(sidecar.value(QStringLiteral("files")).toObject().value(QStringLiteral("final")).toString() == QFileInfo(final).fileName());

    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("recovery-journal"));
        db.setDatabaseName(QDir(data.path()).filePath(QStringLiteral("journal.sqlite")));
        REQUIRE(db.open());
        auto value = [&](const QString &sql, const QVariantList &values) {
            QSqlQuery query(db);
            INFO(sql.toStdString());
            REQUIRE(query.prepare(sql));
            for (const auto &bound : values)
                query.addBindValue(bound);
            REQUIRE(query.exec());
            REQUIRE(query.next());
            return query.value(0).toString();
        };
        CHECK(value(QStringLiteral("SELECT state FROM sessions WHERE id = ?"), {killedId}) == QLatin1String("failed"));
        CHECK(value(QStringLiteral("SELECT detail FROM events WHERE session_id = ? ORDER BY seq DESC LIMIT 1"), {killedId})
                  .startsWith(QLatin1String("interrupted")));
        CHECK(value(QStringLiteral("SELECT from_state FROM events WHERE session_id = ? ORDER BY seq DESC LIMIT 1"), {killedId})
              != QLatin1String("failed"));
        CHECK(value(QStringLiteral("SELECT path || ' ' || sha256 FROM media_files WHERE session_id = ? AND role = 'recording'"), {killedId})
              == QDir::cleanPath(final) + u' ' + digest);
        CHECK(value(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'session-recovered' AND subject = ?"), {killedId})
              == QLatin1String("1"));
        // Its QC verdict, computed when it was closed (never "pending" forever): the crash is a
        // recording gap in the step that was running, from where the recording stops; the
        // demo source's picture and tone give no other reason.
        const auto killedVerdict = value(QStringLiteral("SELECT qc_verdict FROM sessions WHERE id = ?"), {killedId});
        CHECK((killedVerdict == QLatin1String("needs_review") || killedVerdict == QLatin1String("fail"))); // never pass, never pending
        const auto runningStep = value(QStringLiteral("SELECT step_id FROM events WHERE session_id = ? AND type = 'step-started' "
                                                      "ORDER BY seq DESC LIMIT 1"),
                                       {killedId});
        REQUIRE_FALSE(runningStep.isEmpty());
        const auto gap = value(QStringLiteral("SELECT r.kind || ' ' || r.severity || ' ' || r.step_id || ' ' || r.start_ms || ' ' || r.detail "
                                              "FROM qc_reasons r JOIN qc_verdicts v ON v.id = r.verdict_id WHERE v.session_id = ? "
                                              "AND r.detail LIKE 'interrupted%'"),
                               {killedId});
        INFO(gap.toStdString());
        CHECK(gap.startsWith(QStringLiteral("recording_gap review %1 ").arg(runningStep)));
        CHECK(gap.contains(QLatin1String("interrupted: DualRec stopped here")));
        const auto gapStart = gap.section(u' ', 3, 3).toLongLong();
        CHECK(gapStart >= 1000); // about where it was killed (3 s), less what was not yet written
        CHECK(gapStart <= 6000);
        CHECK(runningErr.contains(QStringLiteral("QC verdict: ") + killedVerdict));
        // The one that was running when the third started ended as it would have: untouched.
        CHECK(value(QStringLiteral("SELECT state FROM sessions WHERE id = ?"), {runningId}) == QLatin1String("aborted"));
        CHECK(value(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'session-recovered' AND subject = ?"), {runningId})
              == QLatin1String("0"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("recovery-journal"));
    // No claim is left behind: every process released its session, the dead one's lock was taken over.
    CHECK(locks.entryList(QDir::Files).isEmpty());
}

namespace {

/// A small tmpfs for the data folder, unmounted when the test ends (needs root; CI runs as root).
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
    [[nodiscard]] QString path(const QString &name) const { return QDir(m_dir.path()).filePath(name); }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
};

QString journalValue(const QString &journalPath, const QString &sql, const QVariantList &values = {})
{
    QString result;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("diskfull-journal"));
        db.setDatabaseName(journalPath);
        REQUIRE(db.open());
        QSqlQuery query(db);
        REQUIRE(query.prepare(sql));
        for (const auto &value : values)
            query.addBindValue(value);
        INFO(sql.toStdString());
        REQUIRE(query.exec());
        if (query.next())
            result = query.value(0).toString();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("diskfull-journal"));
    return result;
}

} // namespace

TEST_CASE("disk full mid-recording: the session still ends in the journal, the sidecar stays whole, and the next "
          "start finalizes and hashes the recording once there is space")
{
    if (geteuid() != 0)
        SKIP("needs root to mount a small tmpfs (CI runs as root)");
    SmallDisk disk(48);
    REQUIRE(disk.mounted());
    const auto data = disk.path(QStringLiteral("data"));
    const auto out = disk.path(QStringLiteral("data/recordings"));
    const QStringList common{QStringLiteral("--size"), QStringLiteral("640x360"), QStringLiteral("--data-dir"), data};

    QProcess recording;
    const auto started = dualrec::test::startRecording(
        recording, recordArguments(out, common + QStringList{QStringLiteral("--duration"), QStringLiteral("60")}), environment());
    QThread::msleep(1500);
    // Another program fills the disk to the last byte.
    QFile filler(disk.path(QStringLiteral("filler")));
    REQUIRE(filler.open(QIODevice::WriteOnly));
    const QByteArray chunk(256 * 1024, 'f');
    while (filler.write(chunk) == chunk.size() && filler.flush()) {
    }
    filler.close();
    REQUIRE(recording.waitForFinished(60000));
    const auto err = QString::fromUtf8(recording.readAllStandardError());
    INFO(err.toStdString());
    CHECK(recording.exitCode() == 3);

    // The journal's space reserve let the session's end in: it is not left open.
    const auto journalPath = QDir(data).filePath(QStringLiteral("journal.sqlite"));
    const auto state = journalValue(journalPath, QStringLiteral("SELECT state FROM sessions WHERE id = ?"), {started.sessionId});
    CHECK((state == QLatin1String("failed") || state == QLatin1String("aborted")));
    // The sidecar is whole JSON (written atomically, encrypted and complete), never truncated.
    QTemporaryDir plain;
    QFile sidecar(plainCopy(QDir(out).filePath(started.sessionId + QStringLiteral(".json")), data, plain));
    REQUIRE(sidecar.open(QIODevice::ReadOnly));
    const auto sidecarText = sidecar.readAll();
    CHECK(sidecarText.size() > 100);
    CHECK(QJsonDocument::fromJson(sidecarText).isObject());
    CHECK(journalValue(journalPath, QStringLiteral("SELECT COUNT(*) FROM media_files WHERE session_id = ? AND role = 'recording'"),
                       {started.sessionId})
          == QLatin1String("0"));

    // Space comes back; the next start finalizes the recording and journals its SHA-256.
    REQUIRE(QFile::remove(disk.path(QStringLiteral("filler"))));
    const auto next = dualrec::test::runDualrec(
        recordArguments(out, common + QStringList{QStringLiteral("--duration"), QStringLiteral("1")}), {}, 60000);
    INFO(next.err.toStdString());
    CHECK(next.exitCode == 0);
    CHECK(next.err.contains(started.sessionId));
    const auto final = QDir(out).filePath(started.sessionId + QStringLiteral(".mp4"));
    REQUIRE(QFile::exists(final));
    QTemporaryDir plainFinal;
    QFile media(plainCopy(final, data, plainFinal)); // the content's digest, as journaled
    REQUIRE(media.open(QIODevice::ReadOnly));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    REQUIRE(hash.addData(&media));
    CHECK(journalValue(journalPath, QStringLiteral("SELECT sha256 FROM media_files WHERE session_id = ? AND role = 'recording'"),
                       {started.sessionId})
          == QString::fromLatin1(hash.result().toHex()));
}

TEST_CASE("record refuses to start without enough free space")
{
    if (geteuid() != 0)
        SKIP("needs root to mount a small tmpfs (CI runs as root)");
    // A minute at the default bit rate needs twice its size (the fragmented file and the
    // finalized copy) plus the reserve: about 26 MB, on an 8 MiB disk.
    SmallDisk disk(8);
    REQUIRE(disk.mounted());
    const auto out = disk.path(QStringLiteral("out"));
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral(DUALREC_BINARY), recordArguments(out, {QStringLiteral("--duration"), QStringLiteral("60")}));
    REQUIRE(process.waitForFinished(30000));
    const auto err = QString::fromUtf8(process.readAllStandardError());
    INFO(err.toStdString());
    CHECK(process.exitCode() == 3);
    CHECK(err.contains(QLatin1String("not enough free space")));
    CHECK(QDir(out).entryList(QDir::Files).isEmpty());
}


TEST_CASE("record killed in each evidence state it reaches resumes from that state at the next start")
{
    // recording: killed while it records; recorded: killed after the file was closed, while it
    // is finalized; stored: killed after everything was journaled.
    const auto state = GENERATE(as<QString>{}, QStringLiteral("recording"), QStringLiteral("recorded"), QStringLiteral("stored"));
    INFO("killed in " << state.toStdString());
    QTemporaryDir dir;
    QTemporaryDir data;
    QProcess process;
    auto env = environment();
    env.insert(QStringLiteral("DUALREC_TEST_HOLD_AT_EVIDENCE"), state);
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(QStringLiteral(DUALREC_BINARY),
                  recordArguments(dir.path(), {QStringLiteral("--duration"), QStringLiteral("3"), QStringLiteral("--size"),
                                               QStringLiteral("640x360"), QStringLiteral("--data-dir"), data.path()}));
    REQUIRE(process.waitForStarted());
    QString err;
    QElapsedTimer waited;
    waited.start();
    while (!err.contains(QLatin1String("test hold at evidence state")) && waited.elapsed() < 60000) {
        process.waitForReadyRead(200);
        err += QString::fromUtf8(process.readAllStandardError());
    }
    INFO(err.toStdString());
    REQUIRE(err.contains(QStringLiteral("test hold at evidence state %1").arg(state)));
    if (state == QLatin1String("recording"))
        QThread::msleep(1500); // something recorded
    ::kill(pid_t(process.processId()), SIGKILL);
    REQUIRE(process.waitForFinished(10000));
    const auto journalPath = QDir(data.path()).filePath(QStringLiteral("journal.sqlite"));
    const auto id = journalValue(journalPath, QStringLiteral("SELECT id FROM sessions"));
    REQUIRE_FALSE(id.isEmpty());
    CHECK(journalValue(journalPath, QStringLiteral("SELECT evidence_state FROM sessions")) == state);

    // The next start (another recording) resumes the killed session first.
    QTemporaryDir dir2;
    QProcess next;
    next.setProcessEnvironment(environment());
    next.start(QStringLiteral(DUALREC_BINARY),
               recordArguments(dir2.path(), {QStringLiteral("--duration"), QStringLiteral("1"), QStringLiteral("--pace"),
                                             QStringLiteral("fast"), QStringLiteral("--size"), QStringLiteral("320x180"),
                                             QStringLiteral("--data-dir"), data.path()}));
    REQUIRE(next.waitForFinished(60000));
    const auto nextErr = QString::fromUtf8(next.readAllStandardError());
    INFO(nextErr.toStdString());
    REQUIRE(next.exitCode() == 0);
    const auto where = QStringLiteral(" WHERE session_id = '%1'").arg(id);
    CHECK(journalValue(journalPath, QStringLiteral("SELECT evidence_state FROM sessions WHERE id = '%1'").arg(id))
          == QLatin1String("stored"));
    // Stored exactly once, with its digest; the steps journaled in order, none twice.
    CHECK(journalValue(journalPath, QStringLiteral("SELECT COUNT(*) FROM media_files") + where
                                        + QStringLiteral(" AND role = 'recording' AND length(sha256) = 64"))
          == QLatin1String("1"));
    CHECK(journalValue(journalPath, QStringLiteral("SELECT group_concat(step, ' ') FROM (SELECT step FROM evidence_transitions")
                                        + where + QStringLiteral(" ORDER BY seq)"))
          == QLatin1String("recording-opened recording-closed recording-stored"));
    const auto recovered = journalValue(journalPath, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'session-recovered' AND subject = '%1'").arg(id));
    // A stored session needed nothing: it is not "recovered"; the others are, once.
    CHECK(recovered == (state == QLatin1String("stored") ? QLatin1String("0") : QLatin1String("1")));
    // Its QC verdict was computed when it was resumed, whichever state it was killed in.
    const auto verdict = journalValue(journalPath, QStringLiteral("SELECT qc_verdict FROM sessions WHERE id = '%1'").arg(id));
    CHECK(verdict != QLatin1String("pending"));
    CHECK(journalValue(journalPath, QStringLiteral("SELECT COUNT(*) FROM qc_verdicts") + where) == QLatin1String("1"));
    // Only the one killed while it recorded was interrupted: that is a recording gap.
    const auto interrupted = journalValue(journalPath, QStringLiteral("SELECT COUNT(*) FROM qc_reasons r JOIN qc_verdicts v ON v.id = r.verdict_id")
                                                           + QStringLiteral(" WHERE v.session_id = '%1' AND r.kind = 'recording_gap' AND r.detail LIKE 'interrupted%'").arg(id));
    CHECK(interrupted == (state == QLatin1String("recording") ? QLatin1String("1") : QLatin1String("0")));
    const auto recording = journalValue(journalPath, QStringLiteral("SELECT path FROM media_files") + where
                                                         + QStringLiteral(" AND role = 'recording'"));
    QTemporaryDir plain;
    CHECK(dualrec::test::decodeVideo(plainCopy(recording, data.path(), plain)).videoSeconds > 0.5);
}

TEST_CASE("a missing or different device key is a clear error for record and qc, and loses no file")
{
    QTemporaryDir dir;
    QTemporaryDir data;
    const QStringList common{QStringLiteral("--answers"), QStringLiteral("auto"), QStringLiteral("--size"),
                             QStringLiteral("640x360"), QStringLiteral("--duration"), QStringLiteral("2"),
                             QStringLiteral("--data-dir"), data.path()};
    const auto first = dualrec::test::runDualrec(recordArguments(dir.path(), common));
    INFO(first.err.toStdString());
    REQUIRE(first.exitCode == 0);
    const auto recording = valueAfter(first.out, QStringLiteral("recording"));
    REQUIRE(QFile::exists(recording));
    const auto before = QDir(dir.path()).entryList(QDir::Files, QDir::Name);
    const auto journalBefore = QFileInfo(QDir(data.path()).filePath(QStringLiteral("journal.sqlite"))).size();

    // The key goes missing (a restored disk image without the key store).
    QDir keys(QDir(data.path()).filePath(QStringLiteral("keys")));
    REQUIRE(keys.exists());
    const auto keyFiles = keys.entryList({QStringLiteral("device-*")}, QDir::Files);
    REQUIRE(keyFiles.size() == 1);
    const auto keyPath = keys.filePath(keyFiles.first());
    REQUIRE(QFile::rename(keyPath, keyPath + QStringLiteral(".away")));

    const auto refused = dualrec::test::runDualrec(recordArguments(dir.path(), common));
    INFO(refused.err.toStdString());
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains(QLatin1String("cannot be opened")));
    CHECK(refused.err.contains(QDir::toNativeSeparators(data.path())));
    CHECK(refused.err.contains(QLatin1String("missing from the key store")));
    const auto qc = dualrec::test::runDualrec({QStringLiteral("qc"), recording, QStringLiteral("--data-dir"), data.path()});
    CHECK(qc.exitCode == 2);
    CHECK(qc.err.contains(QLatin1String("missing from the key store")));

    // Another key in its place: refused the same way, and no new key is made.
    {
        QFile other(keyPath);
        REQUIRE(other.open(QIODevice::WriteOnly));
        other.write(QByteArray(32, 'k'));
        other.close();
        other.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    const auto different = dualrec::test::runDualrec(recordArguments(dir.path(), common));
    CHECK(different.exitCode == 2);
    CHECK(different.err.contains(QLatin1String("another key")));
    // Nothing lost or added: the recordings, the journal, the marker.
    CHECK(QDir(dir.path()).entryList(QDir::Files, QDir::Name) == before);
    CHECK(QFileInfo(QDir(data.path()).filePath(QStringLiteral("journal.sqlite"))).size() == journalBefore);
    CHECK(keys.entryList({QStringLiteral("device-*")}, QDir::Files).size() == 2); // the other and the one put away

    // The key back: everything opens again.
    REQUIRE(QFile::remove(keyPath));
    REQUIRE(QFile::rename(keyPath + QStringLiteral(".away"), keyPath));
    const auto again = dualrec::test::runDualrec(recordArguments(dir.path(), common));
    INFO(again.err.toStdString());
    CHECK(again.exitCode == 0);
}
