#pragma once

// Runs the built `dualrec` binary as a separate process, the way branch IT, QC staff and
// scripts do: no window system (offscreen), a UTF-8 locale, optional standard input.
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

#include <catch2/catch_test_macros.hpp>

namespace dualrec::test {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

/// `environment` entries are added to the system environment (e.g. XDG_CONFIG_HOME).
inline CliRun runDualrec(const QStringList &arguments, const QByteArray &input = {}, int timeoutMs = 60000,
                         const QProcessEnvironment &environment = {})
{
    QProcess process;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    // A new data folder's device key in owner-only files, never in the user's keyring.
    env.insert(QStringLiteral("DUALREC_KEY_STORE"), QStringLiteral("file"));
    env.insert(environment);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(DUALREC_BINARY), arguments);
    REQUIRE(process.waitForStarted(10000));
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    REQUIRE(process.waitForFinished(timeoutMs));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

/// A `dualrec record` that has started recording.
struct StartedRecording {
    QString sessionId;
    QString fragmentedPath; ///< the growing <session>.recording.mp4
};

/// Starts `dualrec record` and waits for its first line, "dualrec: recording session ID (...) to
/// PATH": by then the session is claimed and journaled, the file's header is on disk and the
/// capture runs.
inline StartedRecording startRecording(QProcess &process, const QStringList &arguments,
                                       const QProcessEnvironment &environment)
{
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(DUALREC_BINARY), arguments);
    REQUIRE(process.waitForStarted(10000));
    QByteArray out;
    while (!out.contains('\n') && process.waitForReadyRead(20000))
        out += process.readAllStandardOutput();
    const auto line = QString::fromUtf8(out.left(out.indexOf('\n')));
    INFO(line.toStdString());
    REQUIRE(line.contains(QLatin1String("recording session ")));
    return {line.section(QLatin1String("recording session "), 1).section(u' ', 0, 0),
            line.section(QLatin1String(" to "), -1).trimmed()};
}

} // namespace dualrec::test
