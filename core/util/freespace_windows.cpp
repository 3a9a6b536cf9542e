#include "core/util/freespace.h"

#include <QDir>

#include <windows.h>

namespace dualrec {

std::optional<qint64> freeBytesFromSystem(const QString &directory)
{
    ULARGE_INTEGER available{};
    const auto native = QDir::toNativeSeparators(QDir(directory).absolutePath()).toStdWString();
    if (!GetDiskFreeSpaceExW(native.c_str(), &available, nullptr, nullptr))
        return std::nullopt;
    return qint64(available.QuadPart);
}

} // namespace dualrec
