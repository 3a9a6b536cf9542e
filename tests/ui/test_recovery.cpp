// A session interrupted by a crash: the next start closes it, finalizes its recording and the
// window says so. The crash is real: `dualrec record` killed with SIGKILL mid-recording.
#include "core/live/interruptedsessions.h"
#include "tests/storage/storagefixture.h"
#include "tests/support/clirun.h"
#include "tests/support/imagechecks.h"
#include "tests/support/xvfbserver.h"
#include "tests/ui/uifixture.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QThread>

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

#include <csignal>

using namespace dualrec;

namespace {

/// Records with `dualrec record` into `dataDirectory` (journal) and its recordings folder,
/// and kills it with SIGKILL two seconds in.
test::StartedRecording killRecording(const QString &dataDirectory, const QString &applicationNo)
{
    QProcess process;
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    const auto started = test::startRecording(
        process,
        {QStringLiteral("record"), QStringLiteral("--source"), QStringLiteral("demo"), QStringLiteral("--template"),
         QStringLiteral("traditional-life"), QStringLiteral("--application-no"), applicationNo, QStringLiteral("--agent"),
         QStringLiteral("agent01"), QStringLiteral("--answers"), QStringLiteral("auto"), QStringLiteral("--size"),
         QStringLiteral("640x360"), QStringLiteral("--data-dir"), dataDirectory, QStringLiteral("--out"),
         QDir(dataDirectory).filePath(QStringLiteral("recordings"))},
        environment);
    QThread::msleep(2000);
    ::kill(pid_t(process.processId()), SIGKILL);
    REQUIRE(process.waitForFinished(10000));
    return started;
}

} // namespace

TEST_CASE("after a crash the window names the interrupted session and where its recording is")
{
    const auto language = GENERATE(as<QString>(), QStringLiteral("zh_CN"), QStringLiteral("en"));
    INFO(language.toStdString());
    const test::Language catalogue(language);
    test::AppFixture app(language);
    const auto killed = killRecording(app.directory.path(), QStringLiteral("CRASH-1"));
    const auto final = QString(killed.fragmentedPath).replace(QLatin1String(".recording.mp4"), QLatin1String(".mp4"));

    app.openWindow();
    auto *notice = app.find<QWidget>("recoveryNotice");
    CHECK_FALSE(notice->isVisible());
    app.window->showRecoveredSessions({}); // nothing recovered: nothing to say
    CHECK_FALSE(notice->isVisible());

    // What the app does at start-up (in the thread pool there; here directly).
    const auto recovered = live::recoverInterruptedSessions(*app.journal, app.clock);
    REQUIRE(recovered.has_value());
    REQUIRE(recovered->size() == 1);
    CHECK(recovered->first().id.toString() == killed.sessionId);
    CHECK(recovered->first().kind == live::RecoveredSession::Kind::Interrupted);
    CHECK(recovered->first().finalized);
    CHECK(recovered->first().recordingPath == final);
    CHECK(recovered->first().recorded >= std::chrono::seconds(1));
    app.window->showRecoveredSessions(*recovered);
    test::settle();

    REQUIRE(notice->isVisible());
    const auto text = app.find<QLabel>("recoveryText")->text();
    INFO(text.toStdString());
    CHECK(text.contains(QLatin1String("CRASH-1")));
    CHECK(text.contains(QDir::toNativeSeparators(final)));
    CHECK(text.contains(language == QLatin1String("zh_CN") ? QStringLiteral("意外停止") : QStringLiteral("stopped unexpectedly")));
    CHECK(app.find<QLabel>("recoveryText")->accessibleName() == text);
    auto *dismiss = app.find<QPushButton>("recoveryDismiss");
    CHECK_FALSE(dismiss->text().isEmpty());
    app.screenshot(QStringLiteral("notice-recovered-%1").arg(language));

    // The session is closed as failed in the journal, its recording journaled with its digest.
    const auto record = app.journal->sessions().find(recovered->first().id);
    REQUIRE(record.has_value());
    REQUIRE(record->has_value());
    CHECK((*record)->state == workflow::SessionState::Failed);
    const auto files = app.journal->sessions().mediaFiles(recovered->first().id);
    REQUIRE(files.has_value());
    CHECK(std::ranges::any_of(*files, [&](const storage::MediaFile &file) {
        return file.role == storage::MediaRole::Recording && file.path == final && file.sha256.size() == 64;
    }));

    // A second start finds nothing left to close.
    const auto again = live::recoverInterruptedSessions(*app.journal, app.clock);
    REQUIRE(again.has_value());
    CHECK(again->isEmpty());

    test::click(dismiss);
    CHECK_FALSE(notice->isVisible());
}

TEST_CASE("the app started after a crash closes the interrupted session by itself")
{
    test::XvfbServer x;
    INFO(x.error().toStdString());
    REQUIRE_FALSE(x.display().isEmpty());
    QTemporaryDir home;
    REQUIRE(home.isValid());
    const auto data = home.filePath(QStringLiteral("data"));
    const auto killed = killRecording(data, QStringLiteral("CRASH-2"));

    auto environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DISPLAY"), x.display());
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    QProcess app;
    app.setProcessEnvironment(environment);
    app.start(QStringLiteral(DUALREC_BINARY), {QStringLiteral("--source"), QStringLiteral("demo"), QStringLiteral("--data-dir"),
                                              data, QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    REQUIRE(app.waitForStarted(10000));
    QString err;
    QElapsedTimer timer;
    timer.start();
    while (!err.contains(killed.sessionId) && timer.elapsed() < 45000 && app.state() == QProcess::Running) {
        app.waitForReadyRead(500);
        err += QString::fromUtf8(app.readAllStandardError());
    }
    INFO(err.toStdString());
    CHECK(err.contains(killed.sessionId));
    CHECK(err.contains(QLatin1String("CRASH-2")));
    const auto png = QDir(QStringLiteral(DUALREC_TEST_OUTPUT_DIR)).filePath(QStringLiteral("app-window-recovered-zh_CN.png"));
    QThread::msleep(500);
    REQUIRE(x.screenshot(png));
    CHECK(test::distinctColours(QImage(png)) > 50);
    CHECK(app.state() == QProcess::Running);
    app.terminate();
    app.waitForFinished(10000);

    // Its journal says so too.
    SystemClock clock;
    auto journal = storage::Journal::open(data, clock);
    REQUIRE(journal.has_value());
    const auto record = (*journal)->sessions().find(workflow::SessionId::fromString(killed.sessionId));
    REQUIRE(record.has_value());
    REQUIRE(record->has_value());
    CHECK((*record)->state == workflow::SessionState::Failed);
    CHECK(QFile::exists(QString(killed.fragmentedPath).replace(QLatin1String(".recording.mp4"), QLatin1String(".mp4"))));
}

TEST_CASE("a damaged journal without its accounts: the window says so in red and offers no first account")
{
    const auto language = GENERATE(as<QString>(), QStringLiteral("zh_CN"), QStringLiteral("en"));
    INFO(language.toStdString());
    const test::Language catalogue(language);
    test::AppFixture app(language);
    REQUIRE(app.journal->users().add(QStringLiteral("alice"), QStringLiteral("Alice"), storage::UserRole::Supervisor,
                                     QStringLiteral("a-long-password")).has_value());
    // The header is overwritten before any backup exists: the journal is rebuilt without accounts.
    app.journal.reset();
    {
        QFile file(storage::Journal::databasePath(app.directory.path()));
        REQUIRE(file.open(QIODevice::ReadWrite));
        file.write(QByteArray(100, '\xAB'));
    }
    storage::Journal::Options options;
    options.accounts.hashIterations = 1000;
    auto reopened = storage::Journal::open(app.directory.path(), app.clock, options);
    REQUIRE(reopened.has_value());
    app.journal = std::move(*reopened);
    REQUIRE(app.journal->startup().outcome == storage::JournalStartup::Recovered);
    REQUIRE(app.journal->startup().accountsLost);

    app.openWindow();
    auto *notice = app.find<QLabel>("journalNotice");
    REQUIRE(notice->isVisible());
    const auto text = notice->text();
    INFO(text.toStdString());
    CHECK(text.contains(language == QLatin1String("zh_CN") ? QStringLiteral("日志库已损坏") : QStringLiteral("was damaged")));
    CHECK(text.contains(QDir::toNativeSeparators(app.journal->startup().damagedCopy)));
    // Not a first run: whoever sits at the laptop must not become a supervisor.
    auto *login = app.window->findChild<ui::LoginPage *>();
    REQUIRE(login != nullptr);
    CHECK_FALSE(login->firstRun());
}

TEST_CASE("an audit log changed outside DualRec is told to a signed-in supervisor in Chinese with the row, not to an agent")
{
    const auto role = GENERATE(storage::UserRole::Supervisor, storage::UserRole::Agent);
    const test::Language catalogue(QStringLiteral("zh_CN"));
    test::AppFixture app(QStringLiteral("zh_CN"));
    REQUIRE(app.journal->users().add(QStringLiteral("chief"), QStringLiteral("主管"), storage::UserRole::Supervisor,
                                     QStringLiteral("a-long-password")).has_value());
    REQUIRE(app.journal->users().add(QStringLiteral("agent"), QStringLiteral("代理人"), storage::UserRole::Agent,
                                     QStringLiteral("a-long-password"), QStringLiteral("0001")).has_value());
    for (int i = 0; i < 4; ++i)
        REQUIRE(app.journal->audit().append(QStringLiteral("chief"), storage::AuditAction::View, QStringLiteral("s-%1").arg(i)).has_value());
    app.journal.reset();
    {
        test::RawSql raw(storage::Journal::databasePath(app.directory.path()));
        raw.exec(QStringLiteral("DROP TRIGGER audit_log_no_update"));
        raw.exec(QStringLiteral("UPDATE audit_log SET actor = 'nobody' WHERE seq = 3"));
    }
    storage::Journal::Options options;
    options.evidenceKeys = app.keys;
    options.accounts.hashIterations = 1000;
    auto reopened = storage::Journal::open(app.directory.path(), app.clock, options);
    REQUIRE(reopened.has_value());
    app.journal = std::move(*reopened);
    REQUIRE(app.journal->startup().audit.firstBadSeq == 3);

    app.openWindow();
    test::signIn(app, role == storage::UserRole::Supervisor ? QStringLiteral("chief") : QStringLiteral("agent"),
                 QStringLiteral("a-long-password"));
    auto *notice = app.find<QLabel>("journalNotice");
    const auto text = notice->text();
    INFO(text.toStdString());
    if (role == storage::UserRole::Supervisor) {
        CHECK(notice->isVisible());
        CHECK(text.contains(QStringLiteral("审计日志在 DualRec 之外被改动过")));
        CHECK(text.contains(QStringLiteral("第 3 条")));
        CHECK(text.contains(QStringLiteral("dualrec verify --journal")));
    } else {
        CHECK_FALSE(text.contains(QStringLiteral("审计日志")));
    }
}
