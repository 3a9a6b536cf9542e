#include "core/media/filesync.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace dualrec::media {

Result<void> syncFileToDisk(const QString &path)
{
    // fsync() works on any descriptor of the file: it writes back the file's dirty pages,
    // whoever wrote them (here: FFmpeg's own descriptor).
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail(ErrorCode::IoError, QStringLiteral("cannot open %1 to sync it: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    const int synced = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (synced != 0)
        return fail(error == ENOSPC ? ErrorCode::DiskFull : ErrorCode::IoError,
                    QStringLiteral("cannot write %1 to disk: %2").arg(path, QString::fromLocal8Bit(std::strerror(error))));
    return {};
}

} // namespace dualrec::media
