#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

/// POSIX tar (ustar) as a DualRec package writes it (docs/package-format.md): every header is
/// generated from the name, size and time alone, so the reader can require each one byte for
/// byte. Thread contract: free functions, reentrant.
namespace dualrec::seal::tar {

inline constexpr qint64 kBlock = 512;

/// The 512-byte header of a regular file `name` (at most 100 bytes of UTF-8), mode 0644, owner 0.
[[nodiscard]] QByteArray tarHeader(const QString &name, qint64 size, qint64 mtime);
/// Zero bytes after a member of `size` bytes up to the next block.
[[nodiscard]] qint64 padding(qint64 size);

struct Member {
    QString name;
    qint64 offset = 0; ///< of its content
    qint64 size = 0;
};

/// Reads the tar strictly: every header must be exactly the one the writer makes, all members
/// with one time (`mtime`), padding and the end-of-archive blocks zero, nothing after them.
[[nodiscard]] Result<QList<Member>> readMembers(QFile &file, qint64 &mtime);

} // namespace dualrec::seal::tar
