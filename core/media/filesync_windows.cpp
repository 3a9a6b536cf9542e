#include "core/media/filesync.h"

#include <QFile>

#include <windows.h>

namespace dualrec::media {

Result<void> syncFileToDisk(const QString &path)
{
    // FlushFileBuffers needs write access; sharing lets FFmpeg keep writing meanwhile.
    const HANDLE file = CreateFileW(reinterpret_cast<LPCWSTR>(path.utf16()), GENERIC_WRITE,
                                    FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr, OPEN_EXISTING,
                                    FILE_ATTRIBUTE_NORMAL, nullptr);
    if (file == INVALID_HANDLE_VALUE)
        return fail(ErrorCode::IoError, QStringLiteral("cannot open %1 to sync it (error %2)").arg(path).arg(GetLastError()));
    const bool flushed = FlushFileBuffers(file) != 0;
    const auto error = GetLastError();
    CloseHandle(file);
    if (!flushed)
        return fail(error == ERROR_DISK_FULL ? ErrorCode::DiskFull : ErrorCode::IoError,
                    QStringLiteral("cannot write %1 to disk (error %2)").arg(path).arg(error));
    return {};
}

} // namespace dualrec::media
