#include "app/singleinstance.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QThread>

namespace dualrec::app {

namespace {

constexpr QByteArrayView kActivate = "activate\n";
constexpr QByteArrayView kActivated = "activated\n";

} // namespace

SingleInstance::SingleInstance(QObject *parent) : QObject(parent) {}

SingleInstance::~SingleInstance()
{
    if (m_server)
        m_server->close();
}

QString SingleInstance::serverName(const QString &dataDirectory)
{
    QString path = QFileInfo(dataDirectory).canonicalFilePath();
    if (path.isEmpty())
        path = QDir::cleanPath(QDir(dataDirectory).absolutePath());
    const auto digest = QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha256).toHex().left(24);
    return QStringLiteral("dualrec-window-") + QString::fromLatin1(digest);
}

QString SingleInstance::lockPath(const QString &dataDirectory)
{
    return QDir(dataDirectory).absoluteFilePath(QStringLiteral("window.lock"));
}

Result<SingleInstance::Claim> SingleInstance::claim(const QString &dataDirectory, int answerTimeoutMs)
{
    const auto name = serverName(dataDirectory);
    m_lock = std::make_unique<QLockFile>(lockPath(dataDirectory));
    m_lock->setStaleLockTime(0); // a running window keeps its lock however long it runs
    const QDeadlineTimer deadline(answerTimeoutMs);
    while (!m_lock->tryLock(0)) {
        if (m_lock->error() != QLockFile::LockFailedError)
            return fail(ErrorCode::IoError, QStringLiteral("cannot write the lock file %1")
                                                .arg(QDir::toNativeSeparators(lockPath(dataDirectory))));
        // Another window has the folder: ask it to come to the front. It may still be starting
        // (lock taken, socket not yet listening): try again until the deadline.
        QLocalSocket socket;
        socket.connectToServer(name);
        if (socket.waitForConnected(500)) {
            socket.write(kActivate.data(), kActivate.size());
            socket.flush();
            while (socket.bytesAvailable() < kActivated.size() && socket.waitForReadyRead(int(qMax<qint64>(deadline.remainingTime(), 1))))
                ;
            if (socket.readAll().startsWith(QByteArray(kActivated.data(), kActivated.size())))
                return Claim::OtherActivated;
        }
        if (deadline.hasExpired()) {
            qint64 pid = 0;
            QString host;
            QString application;
            m_lock->getLockInfo(&pid, &host, &application);
            return fail(ErrorCode::InvalidState,
                        QStringLiteral("another DualRec (process %1) uses the data folder %2 but does not answer")
                            .arg(pid)
                            .arg(QDir::toNativeSeparators(dataDirectory)));
        }
        QThread::msleep(100);
    }
    // The folder is ours: a socket left by a killed window is removed before listening.
    QLocalServer::removeServer(name);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(name))
        return fail(ErrorCode::IoError,
                    QStringLiteral("cannot listen for other starts on %1: %2").arg(name, m_server->errorString()));
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    return Claim::Taken;
}

void SingleInstance::onNewConnection()
{
    while (auto *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine())
                return;
            if (socket->readLine() == QByteArray(kActivate.data(), kActivate.size())) {
                socket->write(kActivated.data(), kActivated.size());
                socket->flush();
                Q_EMIT activationRequested();
            }
            socket->disconnectFromServer();
        });
    }
}

} // namespace dualrec::app
