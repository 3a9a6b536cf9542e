#include "tests/support/pulseserver.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QThread>

namespace dualrec::test {

namespace {

QProcessEnvironment privateEnvironment(const QString &home)
{
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), home);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home);
    environment.remove(QStringLiteral("PULSE_SERVER"));
    return environment;
}

} // namespace

PulseServer::PulseServer()
{
    const auto pulseaudio = QStandardPaths::findExecutable(QStringLiteral("pulseaudio"));
    if (pulseaudio.isEmpty() || !m_home.isValid()) {
        m_error = QStringLiteral("pulseaudio is not installed (scripts/setup installs it)");
        return;
    }
    m_socket = m_home.filePath(QStringLiteral("native"));
    m_server.setProcessEnvironment(privateEnvironment(m_home.path()));
    m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_server.start(pulseaudio, {QStringLiteral("--daemonize=no"), QStringLiteral("--exit-idle-time=-1"),
                                QStringLiteral("--disallow-exit"), QStringLiteral("-n"), QStringLiteral("--log-level=error"),
                                QStringLiteral("--load=module-null-sink sink_name=speaker"),
                                QStringLiteral("--load=module-native-protocol-unix auth-anonymous=1 socket=") + m_socket});
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 15000 && !QFileInfo::exists(m_socket) && m_server.state() != QProcess::NotRunning)
        QThread::msleep(50);
    if (!QFileInfo::exists(m_socket)) {
        m_error = QStringLiteral("pulseaudio did not start");
        return;
    }
    qputenv("PULSE_SERVER", QByteArray("unix:") + m_socket.toLocal8Bit());
}

PulseServer::~PulseServer()
{
    qunsetenv("PULSE_SERVER");
    if (m_server.state() != QProcess::NotRunning) {
        m_server.terminate();
        if (!m_server.waitForFinished(5000))
            m_server.kill();
        m_server.waitForFinished(2000);
    }
}

int PulseServer::playingStreams() const
{
    QProcess pactl;
    auto environment = privateEnvironment(m_home.path());
    environment.insert(QStringLiteral("PULSE_SERVER"), QStringLiteral("unix:") + m_socket);
    pactl.setProcessEnvironment(environment);
    pactl.start(QStringLiteral("pactl"), {QStringLiteral("list"), QStringLiteral("short"), QStringLiteral("sink-inputs")});
    if (!pactl.waitForFinished(10000) || pactl.exitCode() != 0)
        return -1;
    const auto lines = pactl.readAllStandardOutput().trimmed();
    return lines.isEmpty() ? 0 : int(lines.count('\n')) + 1;
}

} // namespace dualrec::test
