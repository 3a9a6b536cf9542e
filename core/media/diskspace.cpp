#include "core/media/diskspace.h"

#include <QStorageInfo>

namespace dualrec::media {

qint64 requiredBytes(const EncoderSettings &encoder, std::chrono::seconds length, qint64 reserve)
{
    return 2 * encoder.bytesPerSecond() * length.count() + reserve;
}

Result<void> checkFreeSpace(const QString &directory, qint64 needed)
{
    QStorageInfo storage(directory);
    if (!storage.isValid())
        return fail(ErrorCode::IoError, QStringLiteral("cannot read the free space of %1").arg(directory));
    if (storage.bytesAvailable() < needed)
        return fail(ErrorCode::DiskFull, QStringLiteral("%1 bytes needed, %2 bytes free on %3")
                                             .arg(needed).arg(storage.bytesAvailable()).arg(storage.rootPath()));
    return {};
}

} // namespace dualrec::media
