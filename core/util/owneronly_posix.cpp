#include "core/util/owneronly.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <sys/stat.h>

#include <algorithm>

namespace dualrec {

namespace {

/// Removes group/other bits from one path (not following a symbolic link); true when changed.
Result<bool> tighten(const QString &path, mode_t &before)
{
    struct stat status {};
    const QByteArray native = QFile::encodeName(path);
    if (::lstat(native.constData(), &status) != 0)
        return fail(ErrorCode::IoError, QStringLiteral("cannot read the permissions of %1").arg(path));
    before = status.st_mode & 07777;
    if (S_ISLNK(status.st_mode) || (status.st_mode & (S_IRWXG | S_IRWXO)) == 0)
        return false;
    if (::chmod(native.constData(), status.st_mode & 07700) != 0)
        return fail(ErrorCode::IoError, QStringLiteral("cannot make %1 readable by its owner only").arg(path));
    return true;
}

} // namespace

void restrictNewFilesToOwner()
{
    ::umask(077);
}

Result<OwnerOnlyChange> makeOwnerOnly(const QString &folder, const QStringList &leaveAlone)
{
    const QDir top(folder);
    QStringList skipped;
    for (const auto &name : leaveAlone)
        skipped.append(QDir::cleanPath(top.absoluteFilePath(name)));
    OwnerOnlyChange change;
    mode_t before = 0;
    auto own = tighten(folder, before);
    if (!own)
        return std::unexpected(own.error());
    if (*own) {
        ++change.folders;
        change.folderModeBefore = QStringLiteral("0%1").arg(before, 3, 8, QLatin1Char('0'));
    }
    QDirIterator it(folder, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const auto path = it.next();
        const QFileInfo info = it.fileInfo();
        if (info.isSymLink())
            continue;
        const auto absolute = QDir::cleanPath(info.absoluteFilePath());
        if (std::ranges::any_of(skipped, [&](const QString &s) { return absolute == s || absolute.startsWith(s + u'/'); }))
            continue;
        auto changed = tighten(path, before);
        if (!changed)
            return std::unexpected(changed.error());
        if (*changed)
            ++(info.isDir() ? change.folders : change.files);
    }
    return change;
}

} // namespace dualrec
