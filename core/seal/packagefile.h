#pragma once

#include "core/util/result.h"

#include <QByteArrayView>
#include <QString>

#include <memory>

namespace dualrec::seal {

/// A file written once from its first byte to its last and then synced: the sealed package.
/// Where the OS allows (Linux: O_DIRECT on a file system that takes it), the bytes go to the disk
/// without passing through the page cache: a gigabyte package costs a fraction of the CPU time
/// of buffered writes, does not push other programs' data out of the cache, and the final fsync
/// has only the metadata left to do. Elsewhere, or when the file system refuses direct I/O
/// (tmpfs, a 4 KiB-sector disk for the last partial block), it writes through the page cache.
/// The file is created anew (an existing one is an error), with the usual permissions.
///
/// Thread contract: one thread at a time (it may be another thread than the creator's).
class PackageFile
{
public:
    [[nodiscard]] static Result<std::unique_ptr<PackageFile>> create(const QString &path);
    virtual ~PackageFile() = default;
    /// Appends `data` (staged in an aligned buffer, written in large blocks). DiskFull when the
    /// disk is full; IoError otherwise.
    [[nodiscard]] virtual Result<void> write(QByteArrayView data) = 0;
    /// Writes what is staged, syncs the file to the disk and closes it.
    [[nodiscard]] virtual Result<void> finish() = 0;
    /// Bytes appended so far.
    [[nodiscard]] virtual qint64 size() const = 0;
};

} // namespace dualrec::seal
