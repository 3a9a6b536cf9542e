#include "core/seal/packagetar.h"

#include <algorithm>
#include <cstring>
#include <optional>

namespace dualrec::seal::tar {

namespace {

void putOctal(char *field, int width, qint64 value)
{
    // width-1 octal digits, zero-padded, then NUL.
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    std::memcpy(field, digits.constData(), size_t(width - 1));
    field[width - 1] = '\0';
}

} // namespace

QByteArray tarHeader(const QString &name, qint64 size, qint64 mtime)
{
    QByteArray header(kBlock, '\0');
    char *h = header.data();
    const QByteArray utf8 = name.toUtf8();
    std::memcpy(h, utf8.constData(), size_t(std::min<qsizetype>(utf8.size(), 100)));
    putOctal(h + 100, 8, 0644);
    putOctal(h + 108, 8, 0);
    putOctal(h + 116, 8, 0);
    putOctal(h + 124, 12, size);
    putOctal(h + 136, 12, mtime);
    std::memset(h + 148, ' ', 8);
    h[156] = '0';
    std::memcpy(h + 257, "ustar\0" "00", 8);
    unsigned sum = 0;
    for (int i = 0; i < kBlock; ++i)
        sum += static_cast<unsigned char>(h[i]);
    const QByteArray checksum = QByteArray::number(sum, 8).rightJustified(6, '0');
    std::memcpy(h + 148, checksum.constData(), 6);
    h[154] = '\0';
    h[155] = ' ';
    return header;
}

qint64 padding(qint64 size)
{
    return (kBlock - size % kBlock) % kBlock;
}

/// Reads the tar strictly: every header must be exactly the one the writer makes, padding and
/// the end-of-archive blocks zero, nothing after them.
Result<QList<Member>> readMembers(QFile &file, qint64 &mtime)
{
    const qint64 total = file.size();
    if (total % kBlock != 0)
        return fail(ErrorCode::DataCorrupt, QStringLiteral("the file is %1 bytes, not a whole number of 512-byte tar blocks "
                                                           "(cut short or bytes added)")
                                                .arg(total));
    QList<Member> members;
    qint64 position = 0;
    std::optional<qint64> commonTime;
    while (true) {
        if (position + 2 * kBlock > total)
            return fail(ErrorCode::DataCorrupt, QStringLiteral("the tar archive ends at byte %1 without its two end blocks "
                                                               "(cut short)")
                                                    .arg(position));
        if (!file.seek(position))
            return fail(ErrorCode::IoError, QStringLiteral("cannot seek to byte %1").arg(position));
        const QByteArray header = file.read(kBlock);
        if (header.size() != kBlock)
            return fail(ErrorCode::IoError, QStringLiteral("cannot read the tar header at byte %1").arg(position));
        if (header.count('\0') == kBlock) {
            const QByteArray end = file.read(kBlock);
            if (end.count('\0') != kBlock)
                return fail(ErrorCode::DataCorrupt, QStringLiteral("tar: the second end block at byte %1 is not zero").arg(position + kBlock));
            if (position + 2 * kBlock != total)
                return fail(ErrorCode::DataCorrupt, QStringLiteral("tar: %1 bytes follow the end of the archive at byte %2")
                                                        .arg(total - position - 2 * kBlock)
                                                        .arg(position + 2 * kBlock));
            break;
        }
        const QByteArray nameBytes = header.left(100);
        const QString name = QString::fromUtf8(nameBytes.left(nameBytes.indexOf('\0') < 0 ? 100 : nameBytes.indexOf('\0')));
        bool okSize = false;
        bool okTime = false;
        const qint64 size = QByteArray(header.constData() + 124, 11).toLongLong(&okSize, 8);
        const qint64 time = QByteArray(header.constData() + 136, 11).toLongLong(&okTime, 8);
        if (!okSize || !okTime || size < 0 || time < 0 || header != tarHeader(name, size, time))
            return fail(ErrorCode::DataCorrupt, QStringLiteral("tar: the header at byte %1 (\"%2\") is not as a DualRec package "
                                                               "writes it (altered)")
                                                    .arg(position)
                                                    .arg(name.left(100)));
        if (commonTime && *commonTime != time)
            return fail(ErrorCode::DataCorrupt, QStringLiteral("tar: member \"%1\" has another time than the others").arg(name));
        commonTime = time;
        const qint64 content = position + kBlock;
        if (content + size + padding(size) > total)
            return fail(ErrorCode::DataCorrupt, QStringLiteral("tar: member \"%1\" (%2 bytes at byte %3) runs past the end of the file "
                                                               "(cut short)")
                                                    .arg(name)
                                                    .arg(size)
                                                    .arg(content));
        if (const qint64 pad = padding(size); pad > 0) {
            file.seek(content + size);
            if (file.read(pad).count('\0') != pad)
                return fail(ErrorCode::DataCorrupt, QStringLiteral("tar: the padding after member \"%1\" is not zero").arg(name));
        }
        for (const auto &seen : std::as_const(members)) {
            if (seen.name == name)
                return fail(ErrorCode::DataCorrupt, QStringLiteral("tar: member \"%1\" appears twice").arg(name));
        }
        members.append({name, content, size});
        position = content + size + padding(size);
    }
    mtime = commonTime.value_or(-1);
    return members;
}

} // namespace dualrec::seal::tar
