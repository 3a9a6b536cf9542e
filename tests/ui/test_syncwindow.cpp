// The window's uploads (issue 14) against the real reference ingest server (scripts/ingest-server,
// @tus/server from npm; skipped, saying so, when the npm packages are missing): the status bar,
// the evidence lifecycle, a server that dies in the middle, and a supervisor's retry and
// "first" in the history. Screenshots under tests/artifacts.
#include "core/sync/syncservice.h"
#include "ui/endpage.h"
#include "ui/historypage.h"
#include "tests/support/xvfbserver.h"

#include "tests/sync/syncfixture.h"
#include "tests/ui/uifixture.h"

#include <QStatusBar>
#include <QTableWidget>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;
using namespace std::chrono_literals;

namespace {

/// A finished session of the fixture's journal whose evidence is sealed: a seals row and a
/// package of `size` random bytes at <data>/packages/<id>.dualrec (what sealing leaves; the
/// upload only needs these).
workflow::SessionId sealSession(test::AppFixture &app, qint64 size, const QString &applicationNo)
{
    storage::SessionRecord record;
    record.id = workflow::SessionId::generate();
    record.applicationNo = applicationNo;
    record.agentId = QStringLiteral("agent01");
    record.templateId = QStringLiteral("traditional-life");
    record.state = workflow::SessionState::Finished;
    record.createdAt = QDateTime::currentDateTimeUtc();
    REQUIRE(app.journal->sessions().create(record).has_value());
    auto &db = app.journal->database();
    REQUIRE(db.run(QStringLiteral("INSERT INTO seals (session_id, sealed_at_utc, manifest_sha256) VALUES (?, ?, ?)"),
                   {record.id.toString(), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                    QString::fromLatin1(QByteArray(32, 'm').toHex())})
                .has_value());
    REQUIRE(db.run(QStringLiteral("UPDATE sessions SET evidence_state = 'sealed' WHERE id = ?"), {record.id.toString()}).has_value());
    QDir().mkpath(app.directory.filePath(QStringLiteral("packages")));
    QFile file(sync::UploadQueue::packagePath(app.directory.path(), record.id));
    REQUIRE(file.open(QIODevice::WriteOnly));
    QByteArray block(1 << 20, Qt::Uninitialized);
    for (qint64 written = 0; written < size;) {
        const auto n = std::min<qint64>(block.size(), size - written);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        REQUIRE(file.write(block.constData(), n) == n);
        written += n;
    }
    return record.id;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

storage::EvidenceState evidence(test::AppFixture &app, const workflow::SessionId &id)
{
    auto state = app.journal->sessions().evidenceState(id);
    REQUIRE(state.has_value());
    return *state;
}

/// The window's upload service as app/application.cpp makes it, against `server`.
std::unique_ptr<sync::SyncService> makeService(test::AppFixture &app, const test::IngestServer &server, qint64 bandwidth = 0,
                                               const QString &token = {})
{
    auto endpoint = test::endpointFor(server.url());
    endpoint.bandwidthLimit = bandwidth;
    endpoint.bearerToken = token;
    sync::SyncScheduler::Options options; // the window's: the defaults, but quicker retries for a test
    options.backoffBase = 500ms;
    options.backoffCap = 2s;
    return std::make_unique<sync::SyncService>(*app.journal, app.directory.path(), endpoint, *app.activeClock, options,
                                               QStringLiteral("dualrec window"));
}

/// Opens the window with the upload service (UiServices::sync) and signs a supervisor in.
void openWindowWith(test::AppFixture &app, sync::SyncService &service)
{
    app.addUser(QStringLiteral("sup"), QStringLiteral("王主管"), storage::UserRole::Supervisor, QStringLiteral("Passw0rd!sup"));
    media::RecorderSettings recording;
    recording.keys = app.keys;
    app.window = std::make_unique<ui::MainWindow>(
        ui::UiServices{app.library, *app.journal, *app.activeClock, *app.settings, nullptr, nullptr, recording, nullptr, nullptr,
                       &service},
        ui::ShellInfo{QStringLiteral("demo"), app.directory.path(), QStringLiteral("zh_CN")});
    app.window->resize(1280, 820);
    app.window->show();
    test::settle();
    app.clickSignIn(QStringLiteral("sup"), QStringLiteral("Passw0rd!sup"));
    REQUIRE(app.window->user().has_value());
}

QString statusText(test::AppFixture &app)
{
    return app.find<QLabel>("syncStatus")->text();
}

/// Selects the history row of `applicationNo` (the detail pane then shows its upload).
void selectInHistory(test::AppFixture &app, const QString &applicationNo)
{
    app.awaitHistory();
    auto *table = app.find<QTableWidget>("historyTable");
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 1) && table->item(row, 1)->text() == applicationNo) {
            table->setCurrentCell(row, 1);
            app.awaitHistory();
            return;
        }
    }
    FAIL("no history row for " << applicationNo.toStdString());
}

} // namespace

TEST_CASE("the window uploads sealed sessions: status bar, lifecycle to acknowledged, a session sealed later is queued at once")
{
    test::IngestServer server;
    test::AppFixture app(QStringLiteral("zh_CN"), false, test::AppFixture::Time::System);
    test::Language language(QStringLiteral("zh_CN"));
    const auto a = sealSession(app, 3 << 20, QStringLiteral("AP-UP-1"));
    const auto b = sealSession(app, 2 << 20, QStringLiteral("AP-UP-2"));
    // 2 MB/s: the upload takes a few seconds, long enough to see it move.
    auto service = makeService(app, server, 2 << 20);
    openWindowWith(app, *service);
    service->start();

    QStringList seen;
    REQUIRE(test::waitUntil([&] {
        seen.append(statusText(app));
        return service->status().phase == sync::SyncStatus::Phase::Uploading && service->status().percent > 0;
    }, 20000));
    const auto uploading = statusText(app);
    INFO(uploading.toStdString());
    CHECK(uploading.contains(QStringLiteral("正在上传第 1 个录像")));
    CHECK(uploading.contains(QStringLiteral("共 2 个")));
    app.screenshot(QStringLiteral("sync-uploading-zh_CN"));

    REQUIRE(test::waitUntil([&] { return service->status().phase == sync::SyncStatus::Phase::AllUploaded; }, 60000));
    CHECK(statusText(app).contains(QStringLiteral("全部录像均已上传")));
    app.screenshot(QStringLiteral("sync-all-uploaded-zh_CN"));
    sync::UploadQueue queue(app.journal->database(), app.directory.path(), *app.activeClock);
    for (const auto &id : {a, b}) {
        auto record = queue.find(id);
        REQUIRE(record.has_value());
        REQUIRE(record->has_value());
        CHECK((*record)->state == sync::UploadState::Acknowledged);
        CHECK(server.stored((*record)->uploadUrl) == fileBytes(queue.packagePath(id)));
        // The lifecycle moved as `dualrec sync` moves it: sealed -> uploading -> acknowledged.
        CHECK(evidence(app, id) == storage::EvidenceState::Acknowledged);
        auto transitions = app.journal->sessions().evidenceTransitions(id);
        REQUIRE(transitions.has_value());
        REQUIRE(transitions->size() >= 2);
        CHECK(transitions->at(transitions->size() - 2).to == storage::EvidenceState::Uploading);
        CHECK(transitions->last().detail == QLatin1String("dualrec window"));
    }

    // A session sealed while the window is open: queued at once (SealQueue::sealed ->
    // enqueueSealed), not at the next poll 30 s later.
    const auto c = sealSession(app, 1 << 20, QStringLiteral("AP-UP-3"));
    QElapsedTimer timer;
    timer.start();
    service->enqueueSealed();
    REQUIRE(test::waitUntil([&] { return evidence(app, c) == storage::EvidenceState::Acknowledged; }, 20000));
    CHECK(timer.elapsed() < 25000); // well below the 30 s poll
    CHECK(server.events(QStringLiteral("create")).size() == 3);
}

TEST_CASE("the server dies in the middle of an upload: the status bar says it waits for the network, and it resumes")
{
    test::IngestServer server;
    test::AppFixture app(QStringLiteral("zh_CN"), false, test::AppFixture::Time::System);
    test::Language language(QStringLiteral("zh_CN"));
    const auto id = sealSession(app, 12 << 20, QStringLiteral("AP-KILL-1"));
    auto service = makeService(app, server, 2 << 20);
    openWindowWith(app, *service);
    service->start();
    REQUIRE(test::waitUntil([&] { return service->status().phase == sync::SyncStatus::Phase::Uploading && service->status().percent >= 20; },
                            30000));
    server.kill();
    REQUIRE(test::waitUntil([&] { return service->status().phase == sync::SyncStatus::Phase::WaitingForNetwork; }, 30000));
    const auto waiting = statusText(app);
    INFO(waiting.toStdString());
    CHECK(waiting.contains(QStringLiteral("正在等待网络")));
    app.screenshot(QStringLiteral("sync-waiting-zh_CN"));
    sync::UploadQueue queue(app.journal->database(), app.directory.path(), *app.activeClock);
    auto stopped = queue.find(id);
    REQUIRE(stopped.has_value());
    REQUIRE(stopped->has_value());
    const qint64 stoppedAt = (*stopped)->confirmedOffset;
    CHECK(stoppedAt > 0);
    CHECK(evidence(app, id) == storage::EvidenceState::Uploading);

    server.start(); // same port and folder
    REQUIRE(test::waitUntil([&] { return service->status().phase == sync::SyncStatus::Phase::AllUploaded; }, 90000));
    auto done = queue.find(id);
    REQUIRE(done.has_value());
    REQUIRE(done->has_value());
    CHECK((*done)->state == sync::UploadState::Acknowledged);
    CHECK(server.stored((*done)->uploadUrl) == fileBytes(queue.packagePath(id)));
    CHECK(server.events(QStringLiteral("create")).size() == 1); // resumed, not started again
    CHECK(evidence(app, id) == storage::EvidenceState::Acknowledged);
    CHECK(statusText(app).contains(QStringLiteral("全部录像均已上传")));
}

TEST_CASE("on a metered network the status bar says the uploads are paused and why; they go on when it is no longer metered")
{
    test::IngestServer server;
    test::AppFixture app(QStringLiteral("zh_CN"), false, test::AppFixture::Time::System);
    test::Language language(QStringLiteral("zh_CN"));
    const auto id = sealSession(app, 8 << 20, QStringLiteral("AP-METER-1"));
    test::ManualMeteredNetwork metered; // a metered NetworkManager connection cannot be made here (syncfixture.h)
    metered.setMetered(true);
    auto service = makeService(app, server, 2 << 20);
    service->setMeteredNetwork(&metered);
    openWindowWith(app, *service);
    service->start();
    REQUIRE(test::waitUntil([&] { return service->status().phase == sync::SyncStatus::Phase::PausedOnMeteredNetwork; }, 20000));
    const auto paused = statusText(app);
    INFO(paused.toStdString());
    CHECK(paused.contains(QStringLiteral("按流量计费")));
    CHECK(paused.contains(QStringLiteral("1 个录像")));
    REQUIRE(service->upload(id).has_value());
    CHECK(service->upload(id)->pausedOnMeteredNetwork);
    CHECK(server.events(QStringLiteral("create")).isEmpty());
    app.screenshot(QStringLiteral("sync-metered-zh_CN"));

    metered.setMetered(false);
    REQUIRE(test::waitUntil([&] { return service->status().phase == sync::SyncStatus::Phase::Uploading && service->status().percent > 0; },
                            20000));
    CHECK_FALSE(statusText(app).contains(QStringLiteral("按流量计费")));
    // Metered again in the middle: paused (no failure), then on to the end from the journal's offset.
    metered.setMetered(true);
    REQUIRE(test::waitUntil([&] { return service->status().phase == sync::SyncStatus::Phase::PausedOnMeteredNetwork; }, 20000));
    metered.setMetered(false);
    REQUIRE(test::waitUntil([&] { return service->status().phase == sync::SyncStatus::Phase::AllUploaded; }, 60000));
    CHECK(evidence(app, id) == storage::EvidenceState::Acknowledged);
    CHECK(server.events(QStringLiteral("create")).size() == 1);
    sync::UploadQueue queue(app.journal->database(), app.directory.path(), *app.activeClock);
    auto record = queue.find(id);
    REQUIRE(record.has_value());
    REQUIRE(record->has_value());
    CHECK((*record)->attempts == 0);
    CHECK(server.stored((*record)->uploadUrl) == fileBytes(queue.packagePath(id)));
}

TEST_CASE("a supervisor tries a failed upload again and puts a session first, from the history")
{
    test::IngestServer server;
    test::AppFixture app(QStringLiteral("zh_CN"), false, test::AppFixture::Time::System);
    test::Language language(QStringLiteral("zh_CN"));
    const auto broken = sealSession(app, 1 << 20, QStringLiteral("AP-RETRY"));
    // Changed after it was queued (taken with its SHA-256): the server's acknowledgement
    // cannot match, the upload is blocked until a person acts.
    sync::UploadQueue queue(app.journal->database(), app.directory.path(), *app.activeClock);
    REQUIRE(queue.enqueueSealed() == 1);
    const auto original = fileBytes(queue.packagePath(broken));
    {
        QFile file(queue.packagePath(broken));
        REQUIRE(file.open(QIODevice::ReadWrite));
        file.seek(1000);
        file.write("tampered");
    }
    auto service = makeService(app, server, 2 << 20);
    openWindowWith(app, *service);
    service->start();
    REQUIRE(test::waitUntil([&] { return service->status().phase == sync::SyncStatus::Phase::Failed; }, 30000));
    const auto failed = statusText(app);
    INFO(failed.toStdString());
    CHECK(failed.contains(QStringLiteral("1 个录像未能上传")));
    CHECK_FALSE(app.find<QLabel>("syncStatus")->toolTip().isEmpty()); // the technical detail, for IT

    test::click(app.find<QPushButton>("navHistory"));
    selectInHistory(app, QStringLiteral("AP-RETRY"));
    auto *retry = app.find<QPushButton>("historyRetryUpload");
    auto *first = app.find<QPushButton>("historyPrioritizeUpload");
    CHECK(retry->isVisible());
    CHECK(retry->isEnabled());
    CHECK(app.find<QLabel>("historyUploadDetail")->text().contains(QStringLiteral("上传已停止")));
    app.screenshot(QStringLiteral("sync-history-failed-zh_CN"));

    // The package is put right (restored from the backup, say) and the supervisor retries.
    {
        QFile file(queue.packagePath(broken));
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(original);
    }
    test::click(retry);
    REQUIRE(test::waitUntil([&] { return evidence(app, broken) == storage::EvidenceState::Acknowledged; }, 30000));
    REQUIRE(test::waitUntil([&] { return !retry->isEnabled() && !first->isEnabled(); }, 5000));
    CHECK(app.find<QLabel>("historyUploadDetail")->text().contains(QStringLiteral("已上传")));
    {
        auto audit = app.journal->database().run(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor = 'sup' AND action = 'upload'"));
        REQUIRE(audit.has_value());
        REQUIRE(audit->next());
        CHECK(audit->value(0).toInt() == 1); // the retry, with who asked
        audit->finish(); // no read transaction left open on this thread's connection
    }

    // Three more; while the first uploads, the third is asked for first: it goes next.
    const auto p1 = sealSession(app, 6 << 20, QStringLiteral("AP-Q-1"));
    const auto p2 = sealSession(app, 1 << 20, QStringLiteral("AP-Q-2"));
    const auto p3 = sealSession(app, 1 << 20, QStringLiteral("AP-Q-3"));
    service->enqueueSealed();
    REQUIRE(test::waitUntil([&] { return evidence(app, p1) == storage::EvidenceState::Uploading; }, 20000));
    test::click(app.find<QPushButton>("historyApply")); // reload: the new sessions are listed
    selectInHistory(app, QStringLiteral("AP-Q-3"));
    REQUIRE(first->isEnabled());
    test::click(first);
    REQUIRE(test::waitUntil([&] {
        return evidence(app, p1) == storage::EvidenceState::Acknowledged && evidence(app, p2) == storage::EvidenceState::Acknowledged
               && evidence(app, p3) == storage::EvidenceState::Acknowledged;
    }, 60000));
    QStringList order;
    for (const auto &event : server.events(QStringLiteral("create")))
        order.append(event.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("session_id")).toString());
    INFO(order.join(u' ').toStdString());
    const auto at = [&](const workflow::SessionId &id) { return order.indexOf(id.toString()); };
    CHECK(at(p1) >= 0);
    CHECK(at(p1) < at(p3));
    CHECK(at(p3) < at(p2));
    app.screenshot(QStringLiteral("sync-history-done-zh_CN"));
}

TEST_CASE("the end page says where the ended session's upload stands, next to its seal status")
{
    test::Language language(QStringLiteral("zh_CN"));
    ui::EndPage page;
    auto *label = page.findChild<QLabel *>(QStringLiteral("endUpload"));
    REQUIRE(label);
    page.show();
    test::settle();
    CHECK_FALSE(label->isVisible()); // uploads not set up: nothing said
    sync::SessionUpload upload;
    upload.sessionId = workflow::SessionId::generate();
    upload.state = sync::UploadState::Uploading;
    upload.totalBytes = 1000;
    upload.confirmedBytes = 450;
    page.setUploadStatus(upload);
    CHECK(label->isVisible());
    CHECK(label->text() == QStringLiteral("正在上传至保险公司，已完成 45%。"));
    upload.waitingForNetwork = true;
    page.setUploadStatus(upload);
    CHECK(label->text().contains(QStringLiteral("正在等待网络")));
    upload.state = sync::UploadState::Blocked;
    upload.waitingForNetwork = false;
    upload.error = Error{ErrorCode::AccessDenied, QStringLiteral("401 from https://ingest.example/files")};
    page.setUploadStatus(upload);
    CHECK(label->text().contains(QStringLiteral("上传已停止")));
    CHECK_FALSE(label->text().contains(QStringLiteral("401"))); // the detail only in the tooltip
    CHECK(label->toolTip().contains(QStringLiteral("401")));
    upload.state = sync::UploadState::Acknowledged;
    upload.error.reset();
    page.setUploadStatus(upload);
    CHECK(label->text().startsWith(QStringLiteral("已上传")));
    page.setUploadStatus(std::nullopt);
    CHECK_FALSE(label->isVisible());
}

TEST_CASE("the real app uploads by itself when sync/endpoint is set, with the token from the key store")
{
    const QByteArray token = "window-token-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    test::IngestServer server({QStringLiteral("--token"), QString::fromLatin1(token)});
    test::XvfbServer x;
    REQUIRE_FALSE(x.display().isEmpty());
    QTemporaryDir home;
    const QString data = home.filePath(QStringLiteral("data"));
    QDir().mkpath(home.filePath(QStringLiteral("config/DualRec")));
    {
        QFile settings(home.filePath(QStringLiteral("config/DualRec/DualRec.conf")));
        REQUIRE(settings.open(QIODevice::WriteOnly));
        settings.write("[sync]\nendpoint=" + server.url().toString().toUtf8() + "\n");
    }
    auto environment = x.appEnvironment(home.path());
    environment.remove(QStringLiteral("DUALREC_SYNC_TOKEN"));
    const QStringList arguments{QStringLiteral("--source"), QStringLiteral("demo"), QStringLiteral("--data-dir"), data,
                                QStringLiteral("--lang"), QStringLiteral("zh_CN")};
    const auto startApp = [&](QProcess &app) {
        app.setProcessEnvironment(environment);
        app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        app.start(QStringLiteral(DUALREC_BINARY), arguments);
        REQUIRE(app.waitForStarted(10000));
        REQUIRE(test::waitUntil([&] { return x.windowTree().contains(QLatin1String("DualRec")); }, 60000));
    };
    // The token is stored as a person would, before the window starts.
    QProcess setToken;
    setToken.setProcessEnvironment(environment);
    setToken.start(QStringLiteral(DUALREC_BINARY), {QStringLiteral("sync"), QStringLiteral("--set-token"), QStringLiteral("--data-dir"), data});
    REQUIRE(setToken.waitForStarted(10000));
    setToken.write(token + "\n");
    setToken.closeWriteChannel();
    REQUIRE(setToken.waitForFinished(30000));
    REQUIRE(setToken.exitCode() == 0);
    CHECK_FALSE(setToken.readAll().contains(token));

    // A sealed session appears in the folder (as sealing leaves it) while the window is open.
    QProcess app;
    startApp(app);
    // The app has made the folder (marker, keys, journal) before this process opens the journal.
    REQUIRE(test::waitUntil([&] {
        return QFileInfo::exists(QDir(data).filePath(QStringLiteral("dualrec-folder.json")))
               && QFileInfo::exists(storage::Journal::databasePath(data));
    }, 60000));
    QThread::msleep(1500);
    SystemClock clock;
    auto journal = storage::Journal::open(data, clock);
    REQUIRE(journal.has_value());
    const auto id = workflow::SessionId::generate();
    const auto now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    REQUIRE((*journal)->database()
                .run(QStringLiteral("INSERT INTO sessions (id, application_no, agent_id, template_id, template_version, scope_required, "
                                    "scope_reason, state, created_at_utc, updated_at_utc, evidence_state) VALUES (?, 'AP-APP-1', 'agent-7', 't', "
                                    "'1', 1, 'r', ?, ?, ?, 'sealed')"),
                     {id.toString(), QLatin1String(workflow::sessionStateName(workflow::SessionState::Finished)), now, now})
                .has_value());
    QDir().mkpath(QDir(data).filePath(QStringLiteral("packages")));
    {
        QFile package(sync::UploadQueue::packagePath(data, id));
        REQUIRE(package.open(QIODevice::WriteOnly));
        package.write(QByteArray(300 * 1024, 'p'));
    }
    REQUIRE((*journal)->database()
                .run(QStringLiteral("INSERT INTO seals (session_id, sealed_at_utc, manifest_sha256) VALUES (?, ?, ?)"),
                     {id.toString(), now, QString::fromLatin1(QByteArray(32, 'm').toHex())})
                .has_value());
    // The window's scheduler looks for newly sealed packages every 30 s (the seal queue's own
    // sealed signal queues them at once; that path is the in-process test above).
    sync::UploadQueue queue((*journal)->database(), data, clock);
    const bool uploaded = test::waitUntil([&] {
        auto record = queue.find(id);
        return record && *record && (*record)->state == sync::UploadState::Acknowledged;
    }, 75000);
    auto record = queue.find(id);
    INFO((record && *record ? QString::fromLatin1(sync::uploadStateName((*record)->state)) + u' ' + (*record)->lastErrorDetail
                            : QStringLiteral("not queued")).toStdString());
    REQUIRE(uploaded);
    // The lifecycle follows the acknowledgement a moment later (the scheduler's signal).
    storage::EvidenceState state = storage::EvidenceState::Invalid;
    CHECK(test::waitUntil([&] {
        state = (*journal)->sessions().evidenceState(id).value_or(storage::EvidenceState::Invalid);
        return state == storage::EvidenceState::Acknowledged;
    }, 10000));
    INFO(storage::evidenceStateName(state).toStdString());
    CHECK(server.events(QStringLiteral("unauthorized")).isEmpty()); // the stored token was sent
    const auto png = QDir(QStringLiteral(DUALREC_TEST_OUTPUT_DIR)).filePath(QStringLiteral("sync-app-window-zh_CN.png"));
    QThread::msleep(500);
    CHECK(x.screenshot(png));
    app.terminate();
    CHECK(app.waitForFinished(20000));
}
