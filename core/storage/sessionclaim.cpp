#include "core/storage/sessionclaim.h"

#include <QDir>

namespace dualrec::storage {

SessionClaim::SessionClaim(const QString &path) : m_lock(path)
{
    // Only a dead owner makes a lock stale, never its age: a session may record for hours.
    m_lock.setStaleLockTime(0);
}

SessionClaim::~SessionClaim()
{
    m_lock.unlock();
}

QString SessionClaim::lockPath(const QString &dataDirectory, const workflow::SessionId &id)
{
    return QDir(dataDirectory).filePath(QStringLiteral("open-sessions/") + id.toString() + QStringLiteral(".lock"));
}

Result<std::unique_ptr<SessionClaim>> SessionClaim::take(const QString &dataDirectory, const workflow::SessionId &id)
{
    const auto path = lockPath(dataDirectory, id);
    const auto folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return fail(ErrorCode::IoError, QStringLiteral("cannot create %1").arg(QDir::toNativeSeparators(folder)));
    std::unique_ptr<SessionClaim> claim(new SessionClaim(path));
    if (claim->m_lock.tryLock(0))
        return claim;
    // A lock file whose content cannot be read (a power cut between its creation and its first
    // write) names no owner, so it would never count as stale: remove it unless a live process
    // still holds it (Qt checks that with a file lock), and try once more.
    qint64 ownerPid = 0;
    QString ownerHost;
    QString ownerApplication;
    const bool named = claim->m_lock.getLockInfo(&ownerPid, &ownerHost, &ownerApplication);
    if (claim->m_lock.error() == QLockFile::LockFailedError && !named && claim->m_lock.removeStaleLockFile()
        && claim->m_lock.tryLock(0))
        return claim;
    switch (claim->m_lock.error()) {
    case QLockFile::LockFailedError:
        return fail(ErrorCode::InvalidState, QStringLiteral("session %1 is open in a running DualRec (process %2 on %3)")
                                                 .arg(id.toString())
                                                 .arg(ownerPid)
                                                 .arg(ownerHost));
    case QLockFile::PermissionError:
    case QLockFile::UnknownError:
    case QLockFile::NoError:
        break;
    }
    return fail(ErrorCode::IoError, QStringLiteral("cannot write the lock file %1").arg(QDir::toNativeSeparators(path)));
}

} // namespace dualrec::storage
