#include "core/util/filedigest.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>

namespace dualrec {

Result<QString> sha256OfFile(const QString &path, const std::function<bool()> &keepGoing)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.exists() ? ErrorCode::IoError : ErrorCode::NotFound,
                    QStringLiteral("cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (;;) {
        if (keepGoing && !keepGoing())
            return fail(ErrorCode::InvalidState, QStringLiteral("digest of %1 stopped").arg(QDir::toNativeSeparators(path)));
        const auto read = file.read(buffer.data(), buffer.size());
        if (read < 0)
            return fail(ErrorCode::IoError,
                        QStringLiteral("cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        if (read == 0)
            break;
        hash.addData(QByteArrayView(buffer.constData(), read));
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace dualrec
