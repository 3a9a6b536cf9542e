#include "core/util/freespace.h"

#include <QFile>

#include <sys/statvfs.h>

namespace dualrec {

std::optional<qint64> freeBytesFromSystem(const QString &directory)
{
    struct statvfs info {};
    const QByteArray name = QFile::encodeName(directory);
    if (::statvfs(name.constData(), &info) != 0)
        return std::nullopt;
    return qint64(info.f_bavail) * qint64(info.f_frsize);
}

} // namespace dualrec
