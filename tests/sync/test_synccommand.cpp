// `dualrec sync` as a separate process: one line per package, --once exit codes, SIGKILL in
// the middle of an upload and a restart that resumes, and the per-package lock it shares
// with the window.
#include "tests/support/clirun.h"
#include "tests/sync/syncfixture.h"

#include <QDirIterator>
#include <QLockFile>

using namespace dualrec;
using namespace dualrec::test;

namespace {

QStringList syncArguments(const SealedFolder &folder, const QUrl &endpoint, QStringList extra = {})
{
    return QStringList{QStringLiteral("sync"), QStringLiteral("--once"), QStringLiteral("--endpoint"), endpoint.toString(),
                       QStringLiteral("--data-dir"), folder.path(), QStringLiteral("--lang"), QStringLiteral("en")}
           + extra;
}

} // namespace

TEST_CASE("dualrec sync --once uploads every sealed package and prints one line per package")
{
    IngestServer server;
    SealedFolder folder;
    const auto a = folder.seal(700 * 1024, QStringLiteral("APP-1"));
    const auto b = folder.seal(300 * 1024, QStringLiteral("APP-2"));
    const auto ran = runDualrec(syncArguments(folder, server.url()));
    INFO(ran.out.toStdString() << ran.err.toStdString());
    CHECK(ran.exitCode == 0);
    for (const auto &id : {a, b}) {
        const auto line = ran.out.split(QLatin1Char('\n')).filter(id.toString()).filter(QStringLiteral("acknowledged: the insurer holds all"));
        CHECK(line.size() == 1);
        CHECK(folder.record(id).state == sync::UploadState::Acknowledged);
        CHECK(server.stored(folder.record(id).uploadUrl) == folder.package(id));
    }
    // Nothing left: a second run uploads nothing and still exits 0.
    const auto again = runDualrec(syncArguments(folder, server.url()));
    CHECK(again.exitCode == 0);
    CHECK(server.events(QStringLiteral("create")).size() == 2);
}

TEST_CASE("dualrec sync --once exits 1 with the reason when a package is left")
{
    IngestServer server({QStringLiteral("--token"), QStringLiteral("secret")});
    SealedFolder folder;
    const auto id = folder.seal(100 * 1024);
    const auto refused = runDualrec(syncArguments(folder, server.url()));
    CHECK(refused.exitCode == 1);
    CHECK(refused.err.contains(QStringLiteral("401")));
    CHECK(refused.out.contains(QStringLiteral("blocked until someone acts")));
    QProcessEnvironment token;
    token.insert(QStringLiteral("DUALREC_SYNC_TOKEN"), QStringLiteral("secret"));
    // Blocked by refused credentials: a person fixed the token; --once tries again only what is
    // queued, so the blocked package is left until the window's retry (or resume) unblocks it.
    REQUIRE(folder.queue().retryBlocked() == 1);
    const auto accepted = runDualrec(syncArguments(folder, server.url()), {}, 60000, token);
    INFO(accepted.err.toStdString());
    CHECK(accepted.exitCode == 0);
    CHECK(folder.record(id).state == sync::UploadState::Acknowledged);
}

TEST_CASE("dualrec sync refuses a bad endpoint, pin or data folder with a specific message")
{
    SealedFolder folder;
    const auto noScheme = runDualrec(syncArguments(folder, QUrl(QStringLiteral("ftp://example.com/files"))));
    CHECK(noScheme.exitCode == 2);
    CHECK(noScheme.err.contains(QStringLiteral("expected an https://")));
    const auto badPin = runDualrec(syncArguments(folder, QUrl(QStringLiteral("https://127.0.0.1:9/files")), {QStringLiteral("--pin"), QStringLiteral("abc")}));
    CHECK(badPin.exitCode == 2);
    CHECK(badPin.err.contains(QStringLiteral("public key pin")));
    QTemporaryDir empty;
    const auto noJournal = runDualrec({QStringLiteral("sync"), QStringLiteral("--once"), QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:9/files"),
                                       QStringLiteral("--data-dir"), empty.path(), QStringLiteral("--lang"), QStringLiteral("en")});
    CHECK(noJournal.exitCode == 2);
    CHECK(noJournal.err.contains(QStringLiteral("no DualRec journal")));
    CHECK_FALSE(QFile::exists(empty.filePath(QStringLiteral("journal.sqlite"))));
}

TEST_CASE("a package locked by another uploader (the window) is left alone")
{
    IngestServer server;
    SealedFolder folder;
    const auto id = folder.seal(100 * 1024);
    const QString lockPath = sync::SyncScheduler::lockPath(folder.path(), id);
    QDir().mkpath(QFileInfo(lockPath).absolutePath());
    QLockFile lock(lockPath);
    REQUIRE(lock.tryLock(0));
    const auto ran = runDualrec(syncArguments(folder, server.url()));
    CHECK(ran.exitCode == 1);
    CHECK(server.events(QStringLiteral("create")).isEmpty());
    lock.unlock();
    CHECK(runDualrec(syncArguments(folder, server.url())).exitCode == 0);
}

TEST_CASE("dualrec sync killed with SIGKILL mid-upload resumes from the stored offset after a restart")
{
    IngestServer server;
    SealedFolder folder;
    const auto id = folder.seal(24 * 1024 * 1024);
    // 6 MB/s: about four seconds, long enough to kill it in the middle.
    QProcess client;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    client.setProcessEnvironment(env);
    client.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    client.start(QStringLiteral(DUALREC_BINARY), syncArguments(folder, server.url(), {QStringLiteral("--bandwidth"), QStringLiteral("6000000")}));
    REQUIRE(client.waitForStarted(10000));
    QElapsedTimer waited;
    waited.start();
    qint64 stored = 0;
    while (waited.elapsed() < 30000) {
        auto row = folder.queue().find(id);
        stored = row && *row ? (*row)->confirmedOffset : 0;
        if (stored >= 6 * 1024 * 1024)
            break;
        QThread::msleep(20);
    }
    REQUIRE(stored >= 6 * 1024 * 1024);
    ::kill(pid_t(client.processId()), SIGKILL);
    REQUIRE(client.waitForFinished(5000));
    const auto atKill = folder.record(id);
    REQUIRE(atKill.confirmedOffset < atKill.totalBytes);
    // Let the server take in what was still on its way when the client died (the kernel delivers
    // a killed process's sent bytes) and log the broken PATCH: its log is still for a second.
    QList<QJsonObject> patchesBefore = server.events(QStringLiteral("patch"));
    for (QElapsedTimer settled; patchesBefore.isEmpty() || !settled.isValid() || settled.elapsed() < 1000;) {
        if (!settled.isValid())
            settled.start();
        QThread::msleep(100);
        const auto now = server.events(QStringLiteral("patch"));
        if (now.size() != patchesBefore.size() || (!now.isEmpty() && now.last() != patchesBefore.last()))
            settled.restart();
        patchesBefore = now;
        if (waited.elapsed() > 60000)
            break;
    }
    qint64 serverOffset = 0;
    for (const auto &patch : patchesBefore)
        serverOffset = std::max<qint64>(serverOffset, patch.value(QStringLiteral("end")).toInteger());

    const auto resumed = runDualrec(syncArguments(folder, server.url()));
    INFO(resumed.err.toStdString());
    CHECK(resumed.exitCode == 0);
    const auto patches = server.events(QStringLiteral("patch"));
    REQUIRE(patches.size() > patchesBefore.size());
    const auto firstAfter = patches.at(patchesBefore.size());
    // From the server's side: the restarted client went on at the server's offset (not at 0),
    // and that offset was at most one chunk (16 MiB at most) past what the journal had stored.
    CHECK(firstAfter.value(QStringLiteral("start")).toInteger() == serverOffset);
    CHECK(serverOffset >= atKill.confirmedOffset);
    CHECK(serverOffset - atKill.confirmedOffset <= 16 * 1024 * 1024);
    // Every byte arrived exactly once: the PATCHes' ranges tile the package.
    qint64 received = 0;
    for (const auto &patch : patches)
        received += patch.value(QStringLiteral("end")).toInteger() - patch.value(QStringLiteral("start")).toInteger();
    CHECK(received == atKill.totalBytes);
    CHECK(server.events(QStringLiteral("create")).size() == 1);
    CHECK(folder.record(id).state == sync::UploadState::Acknowledged);
    CHECK(server.stored(atKill.uploadUrl) == folder.package(id));
}

TEST_CASE("dualrec sync takes the endpoint from the settings when --endpoint is not given, and says when there is none")
{
    IngestServer server;
    SealedFolder folder;
    const auto id = folder.seal(100 * 1024);
    QTemporaryDir config;
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    const QStringList arguments{QStringLiteral("sync"), QStringLiteral("--once"), QStringLiteral("--data-dir"), folder.path(),
                                QStringLiteral("--lang"), QStringLiteral("en")};
    const auto none = runDualrec(arguments, {}, 60000, environment);
    CHECK(none.exitCode == 2);
    CHECK(none.err.contains(QStringLiteral("sync/endpoint")));

    QDir().mkpath(config.filePath(QStringLiteral("DualRec")));
    QFile settings(config.filePath(QStringLiteral("DualRec/DualRec.conf")));
    REQUIRE(settings.open(QIODevice::WriteOnly));
    settings.write("[sync]\nendpoint=" + server.url().toString().toUtf8() + "\n");
    settings.close();
    const auto configured = runDualrec(arguments, {}, 60000, environment);
    INFO(configured.err.toStdString());
    CHECK(configured.exitCode == 0);
    CHECK(folder.record(id).state == sync::UploadState::Acknowledged);
}

TEST_CASE("sync/retentionDays decides when an acknowledged package is deleted; 0 keeps it; a bad value is refused by name")
{
    IngestServer server;
    SealedFolder folder;
    const auto early = folder.seal(64 * 1024);
    const auto late = folder.seal(64 * 1024);
    QTemporaryDir config;
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    QDir().mkpath(config.filePath(QStringLiteral("DualRec")));
    const auto setRetention = [&](const QByteArray &value) {
        QFile settings(config.filePath(QStringLiteral("DualRec/DualRec.conf")));
        REQUIRE(settings.open(QIODevice::WriteOnly | QIODevice::Truncate));
        settings.write("[sync]\nretentionDays=" + value + "\n");
    };
    const auto acknowledgedDaysAgo = [&](const workflow::SessionId &id, int days) {
        REQUIRE(folder.journal().database().run(QStringLiteral("UPDATE uploads SET acknowledged_at_utc = ? WHERE session_id = ?"),
                                                 {folder.clock().wallNow().addDays(-days).toString(Qt::ISODateWithMs), id.toString()})
                    .has_value());
    };

    // A bad value: nothing is done, the key, the file and what is expected are named.
    setRetention("a month");
    const auto refused = runDualrec(syncArguments(folder, server.url()), {}, 60000, environment);
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains(QStringLiteral("sync/retentionDays")));
    CHECK(refused.err.contains(QStringLiteral("\"a month\"")));
    CHECK(refused.err.contains(QStringLiteral("DualRec.conf")));
    CHECK(refused.err.contains(QStringLiteral("whole number of days from 0 to 3650")));
    CHECK(server.events(QStringLiteral("create")).isEmpty());

    // 2 days: both uploaded; acknowledged 3 and 1 days ago, the first is deleted, the second kept.
    setRetention("2");
    const auto uploaded = runDualrec(syncArguments(folder, server.url()), {}, 60000, environment);
    INFO(uploaded.out.toStdString() << uploaded.err.toStdString());
    REQUIRE(uploaded.exitCode == 0);
    acknowledgedDaysAgo(early, 3);
    acknowledgedDaysAgo(late, 1);
    const auto purged = runDualrec(syncArguments(folder, server.url()), {}, 60000, environment);
    CHECK(purged.exitCode == 0);
    CHECK(folder.record(early).state == sync::UploadState::Purged);
    CHECK_FALSE(QFileInfo::exists(folder.queue().packagePath(early)));
    CHECK(folder.record(late).state == sync::UploadState::Acknowledged);
    CHECK(QFileInfo::exists(folder.queue().packagePath(late)));
    auto audited = folder.journal().database().run(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'purge' AND subject = ?"),
                                                   {early.toString()});
    REQUIRE(audited);
    REQUIRE(audited->next());
    CHECK(audited->value(0).toInt() == 1);
    audited->finish();

    // 0: kept for ever, however old the acknowledgement.
    setRetention("0");
    acknowledgedDaysAgo(late, 4000);
    const auto kept = runDualrec(syncArguments(folder, server.url()), {}, 60000, environment);
    CHECK(kept.exitCode == 0);
    CHECK(folder.record(late).state == sync::UploadState::Acknowledged);
    CHECK(QFileInfo::exists(folder.queue().packagePath(late)));
}

TEST_CASE("dualrec sync --help names every setting it reads, in sentences")
{
    const auto help = runDualrec({QStringLiteral("sync"), QStringLiteral("--help"), QStringLiteral("--lang"), QStringLiteral("en")});
    CHECK(help.exitCode == 0);
    for (const char *key : {"sync/endpoint", "sync/caFile", "sync/pin", "sync/bandwidthLimit", "sync/uploadOnMetered", "sync/retentionDays",
                            "DUALREC_SYNC_TOKEN", "--set-token"})
        CHECK(help.out.contains(QLatin1String(key)));
    CHECK(help.out.contains(QStringLiteral("0 keeps it for\n")));
}

namespace {

/// Every file under `root` that holds `needle` (the home folder's keyring keeps secrets encrypted).
QStringList filesContaining(const QString &root, const QByteArray &needle)
{
    QStringList found;
    QDirIterator files(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.size() < 100 * 1024 * 1024 && file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            found.append(file.fileName());
    }
    return found;
}

/// `dualrec sync --set-token` then `dualrec sync --once` against a server that wants `token`;
/// nothing either prints holds the token.
void storeTokenAndUpload(const QProcessEnvironment &environment)
{
    const QByteArray token = "tok-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16) + "-upload";
    IngestServer server({QStringLiteral("--token"), QString::fromLatin1(token)});
    SealedFolder folder;
    const auto id = folder.seal(200 * 1024);
    const auto refused = runDualrec(syncArguments(folder, server.url()), {}, 60000, environment);
    CHECK(refused.exitCode == 1); // no token yet: 401
    REQUIRE(folder.queue().retryBlocked() == 1);

    const auto set = runDualrec({QStringLiteral("sync"), QStringLiteral("--set-token"), QStringLiteral("--data-dir"), folder.path(),
                                 QStringLiteral("--lang"), QStringLiteral("en")},
                                token + "\n", 60000, environment);
    INFO(set.out.toStdString() << set.err.toStdString());
    REQUIRE(set.exitCode == 0);
    CHECK(set.out.contains(QStringLiteral("key store")));
    const auto ran = runDualrec(syncArguments(folder, server.url()), {}, 60000, environment);
    INFO(ran.out.toStdString() << ran.err.toStdString());
    CHECK(ran.exitCode == 0);
    CHECK(folder.record(id).state == sync::UploadState::Acknowledged);
    for (const auto &text : {set.out, set.err, ran.out, ran.err, refused.out, refused.err})
        CHECK_FALSE(text.toUtf8().contains(token));
    // DUALREC_SYNC_TOKEN overrides the key store (tests, automation): a wrong one is refused.
    const auto again = folder.seal(50 * 1024);
    auto withWrong = environment;
    withWrong.insert(QStringLiteral("DUALREC_SYNC_TOKEN"), QStringLiteral("wrong-token"));
    const auto overridden = runDualrec(syncArguments(folder, server.url()), {}, 60000, withWrong);
    CHECK(overridden.exitCode == 1);
    CHECK(folder.record(again).state == sync::UploadState::Blocked);

    // Bad input is refused and changes nothing; empty input removes the token.
    const auto bad = runDualrec({QStringLiteral("sync"), QStringLiteral("--set-token"), QStringLiteral("--data-dir"), folder.path(),
                                 QStringLiteral("--lang"), QStringLiteral("en")},
                                "two words\n", 60000, environment);
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.contains(QStringLiteral("not an upload token")));
    REQUIRE(folder.queue().retryBlocked() == 1);
    const auto still = runDualrec(syncArguments(folder, server.url()), {}, 60000, environment);
    INFO(still.out.toStdString() << still.err.toStdString());
    CHECK(still.exitCode == 0); // the stored token still works
    if (environment.value(QStringLiteral("DUALREC_KEY_STORE")) == QLatin1String("file")) {
        const QString keyFile = QDir(folder.path()).filePath(QStringLiteral("keys/sync-token.key"));
        CHECK(QFileInfo::exists(keyFile));
        CHECK(QFileInfo(keyFile).permissions() == (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser));
    }
    const auto removed = runDualrec({QStringLiteral("sync"), QStringLiteral("--set-token"), QStringLiteral("--data-dir"), folder.path(),
                                     QStringLiteral("--lang"), QStringLiteral("en")},
                                    "\n", 60000, environment);
    CHECK(removed.exitCode == 0);
    CHECK(removed.out.contains(QStringLiteral("removed")));
    const auto third = folder.seal(50 * 1024);
    const auto without = runDualrec(syncArguments(folder, server.url()), {}, 60000, environment);
    INFO(without.out.toStdString() << without.err.toStdString());
    CHECK(without.exitCode == 1);
    CHECK(folder.record(third).state == sync::UploadState::Blocked);
    for (const auto &text : {bad.out, bad.err, still.out, still.err, removed.out, removed.err, without.out, without.err})
        CHECK_FALSE(text.toUtf8().contains(token));
    // Removed from the store, and neither the journal nor the audit log ever held it. Read
    // last: closing a descriptor of the journal file drops this process's SQLite locks.
    CHECK(filesContaining(folder.path(), token).isEmpty());
    if (environment.value(QStringLiteral("DUALREC_KEY_STORE")) != QLatin1String("file"))
        CHECK(filesContaining(QDir::homePath(), token).isEmpty()); // the throw-away home of the keyring session
}

} // namespace

TEST_CASE("the upload token is kept in the file key store with DUALREC_KEY_STORE=file, owner-only, never printed")
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("DUALREC_KEY_STORE"), QStringLiteral("file"));
    storeTokenAndUpload(environment);
}

TEST_CASE("the upload token lives in the Secret Service, not in a file, and is never printed", "[.secretservice]")
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("DUALREC_KEY_STORE"), QString()); // the OS key store
    storeTokenAndUpload(environment); // and nowhere in the data or home folder in the clear
}

TEST_CASE("dualrec sync on a metered network: one line says why it waits, --once exits 1; sync/uploadOnMetered uploads anyway")
{
    IngestServer server;
    SealedFolder folder;
    const auto id = folder.seal(100 * 1024);
    // A metered NetworkManager connection cannot be made here: the documented override stands in.
    QTemporaryDir config;
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("DUALREC_NETWORK_METERED"), QStringLiteral("1"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    const auto metered = runDualrec(syncArguments(folder, server.url()), {}, 60000, environment);
    INFO(metered.out.toStdString() << metered.err.toStdString());
    CHECK(metered.exitCode == 1);
    CHECK(metered.out.split(QLatin1Char('\n')).filter(QStringLiteral("the network connection is metered")).size() == 1);
    CHECK(metered.out.contains(QStringLiteral("0 of 102400 bytes on the server")));
    CHECK(server.events(QStringLiteral("create")).isEmpty());

    QDir().mkpath(config.filePath(QStringLiteral("DualRec")));
    QFile settings(config.filePath(QStringLiteral("DualRec/DualRec.conf")));
    REQUIRE(settings.open(QIODevice::WriteOnly));
    settings.write("[sync]\nuploadOnMetered=true\n");
    settings.close();
    const auto allowed = runDualrec(syncArguments(folder, server.url()), {}, 60000, environment);
    INFO(allowed.out.toStdString() << allowed.err.toStdString());
    CHECK(allowed.exitCode == 0);
    CHECK_FALSE(allowed.out.contains(QStringLiteral("metered")));
    CHECK(folder.record(id).state == sync::UploadState::Acknowledged);
}
