#include "tests/support/xvfbserver.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QThread>

#include <algorithm>

namespace dualrec::test {

XvfbServer::XvfbServer()
{
    const auto xvfb = QStandardPaths::findExecutable(QStringLiteral("Xvfb"));
    if (xvfb.isEmpty()) {
        m_error = QStringLiteral("Xvfb is not installed (scripts/setup installs it)");
        return;
    }
    // -displayfd: the server picks a free display and writes its number to our stdout.
    m_server.start(xvfb, {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-screen"), QStringLiteral("0"),
                          QStringLiteral("1280x800x24"), QStringLiteral("-nolisten"), QStringLiteral("tcp")});
    QElapsedTimer timer;
    timer.start();
    QByteArray output;
    while (timer.elapsed() < 15000 && !output.contains('\n')) {
        if (!m_server.waitForReadyRead(500) && m_server.state() == QProcess::NotRunning)
            break;
        output += m_server.readAllStandardOutput();
    }
    const auto number = output.trimmed();
    if (number.isEmpty()) {
        m_error = QStringLiteral("Xvfb did not report a display: ") + QString::fromLocal8Bit(m_server.readAllStandardError());
        return;
    }
    m_display = u':' + QString::fromLatin1(number);
}

XvfbServer::~XvfbServer()
{
    if (m_server.state() != QProcess::NotRunning) {
        m_server.terminate();
        if (!m_server.waitForFinished(5000))
            m_server.kill();
        m_server.waitForFinished(2000);
    }
}

QString XvfbServer::windowTree() const
{
    QProcess tree;
    tree.start(QStringLiteral("xwininfo"), {QStringLiteral("-display"), m_display, QStringLiteral("-root"), QStringLiteral("-tree")});
    tree.waitForFinished(10000);
    return QString::fromUtf8(tree.readAllStandardOutput());
}

QProcessEnvironment XvfbServer::appEnvironment(const QString &home) const
{
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DISPLAY"), m_display);
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/xdgdata"));
    environment.insert(QStringLiteral("DUALREC_KEY_STORE"), QStringLiteral("file"));
    return environment;
}

bool XvfbServer::screenshot(const QString &pngPath) const
{
    QProcess import;
    import.start(QStringLiteral("import"), {QStringLiteral("-display"), m_display, QStringLiteral("-window"), QStringLiteral("root"), pngPath});
    return import.waitForFinished(20000) && import.exitStatus() == QProcess::NormalExit && import.exitCode() == 0;
}

QString XvfbServer::waitForWindow(const QStringList &titles, const QProcess &program, int timeoutMs) const
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        const QString tree = windowTree();
        const bool shown = std::any_of(titles.cbegin(), titles.cend(), [&](const QString &title) { return tree.contains(title); });
        if (shown || program.state() != QProcess::Running || timer.elapsed() >= timeoutMs)
            return tree;
        QThread::msleep(200);
    }
}

} // namespace dualrec::test
