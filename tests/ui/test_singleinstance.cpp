// One window per data folder, with two real dualrec processes on a private X server: the second
// start brings the first window to the front, says so and ends; commands that only read still
// run; a window killed with SIGKILL leaves a stale lock the next start takes over.
#include "tests/support/xvfbserver.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <catch2/catch_test_macros.hpp>

#include <csignal>

using dualrec::test::XvfbServer;

namespace {

const QString kTitle = QStringLiteral("DualRec — insurance sales recording");

int windowsNamed(const XvfbServer &x, const QString &title)
{
    return int(x.windowTree().count(u'"' + title + u'"'));
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QThread::msleep(200);
    return done();
}

} // namespace

TEST_CASE("a second window on the same data folder brings the first to the front and ends")
{
    XvfbServer x;
    INFO(x.error().toStdString());
    REQUIRE_FALSE(x.display().isEmpty());
    QTemporaryDir home;
    REQUIRE(home.isValid());
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DISPLAY"), x.display());
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
    const QString data = home.filePath(QStringLiteral("shared data"));
    const QStringList arguments{QStringLiteral("--source"), QStringLiteral("demo"), QStringLiteral("--data-dir"), data,
                                QStringLiteral("--lang"), QStringLiteral("en")};
    auto start = [&](QProcess &process, const QStringList &args) {
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(DUALREC_BINARY), args);
        REQUIRE(process.waitForStarted(10000));
    };

    QProcess first;
    start(first, arguments);
    REQUIRE(waitFor([&] { return windowsNamed(x, kTitle) == 1; }, 30000));

    QProcess second;
    start(second, arguments);
    REQUIRE(second.waitForFinished(30000));
    const auto secondErr = QString::fromUtf8(second.readAllStandardError());
    INFO(secondErr.toStdString());
    CHECK(second.exitStatus() == QProcess::NormalExit);
    CHECK(second.exitCode() == 0);
    CHECK(secondErr.contains(QStringLiteral("already open for the data folder")));
    // The first window heard it and came to the front; still one window, the first still runs.
    QString firstErr;
    QElapsedTimer reading;
    reading.start();
    while (!firstErr.contains(QStringLiteral("came to the front")) && reading.elapsed() < 10000) {
        first.waitForReadyRead(200);
        firstErr += QString::fromUtf8(first.readAllStandardError());
    }
    INFO(firstErr.toStdString());
    CHECK(firstErr.contains(QStringLiteral("came to the front")));
    CHECK(first.state() == QProcess::Running);
    CHECK(windowsNamed(x, kTitle) == 1);

    // The same folder given another way (a relative path with "..") is the same folder.
    QProcess third;
    third.setWorkingDirectory(home.path());
    start(third, {QStringLiteral("--source"), QStringLiteral("demo"), QStringLiteral("--data-dir"),
                  QStringLiteral("config/../shared data"), QStringLiteral("--lang"), QStringLiteral("en")});
    REQUIRE(third.waitForFinished(30000));
    CHECK(third.exitCode() == 0);
    CHECK(QString::fromUtf8(third.readAllStandardError()).contains(QStringLiteral("already open")));

    // Commands that only read run beside the window.
    QProcess list;
    start(list, {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--data-dir"), data});
    REQUIRE(list.waitForFinished(30000));
    CHECK(list.exitCode() == 0);

    // Killed outright, the first leaves its lock and socket behind: the next start takes over.
    ::kill(pid_t(first.processId()), SIGKILL);
    REQUIRE(first.waitForFinished(10000));
    REQUIRE(waitFor([&] { return windowsNamed(x, kTitle) == 0; }, 10000));
    QProcess after;
    start(after, arguments);
    CHECK(waitFor([&] { return windowsNamed(x, kTitle) == 1; }, 30000));
    CHECK(after.state() == QProcess::Running);
    after.terminate();
    after.waitForFinished(10000);
}
