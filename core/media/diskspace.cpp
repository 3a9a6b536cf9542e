#include "core/media/diskspace.h"

#include "core/util/freespace.h"

namespace dualrec::media {

qint64 requiredBytes(const EncoderSettings &encoder, std::chrono::seconds length, qint64 reserve)
{
    return 2 * encoder.bytesPerSecond() * length.count() + reserve;
}

Result<void> checkFreeSpace(const QString &directory, qint64 needed)
{
    const auto available = freeBytes(directory);
    if (!available)
        return fail(ErrorCode::IoError, QStringLiteral("cannot read the free space of %1").arg(directory));
    if (*available < needed)
        return fail(ErrorCode::DiskFull, QStringLiteral("%1 bytes needed, %2 bytes free on %3")
                                             .arg(needed).arg(*available).arg(directory));
    return {};
}

} // namespace dualrec::media
