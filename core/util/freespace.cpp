#include "core/util/freespace.h"

#include <QStorageInfo>

namespace dualrec {

std::optional<qint64> freeBytes(const QString &directory)
{
    QStorageInfo storage(directory);
    storage.refresh();
    if (storage.isValid() && storage.isReady())
        return storage.bytesAvailable();
    return freeBytesFromSystem(directory);
}

} // namespace dualrec
