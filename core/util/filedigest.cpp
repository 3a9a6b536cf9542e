#include "core/util/filedigest.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>

namespace dualrec {

QString sha256OfFile(const QString &path, const std::function<bool()> &keepGoing)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (;;) {
        if (keepGoing && !keepGoing())
            return {};
        const auto read = file.read(buffer.data(), buffer.size());
        if (read < 0)
            return {};
        if (read == 0)
            break;
        hash.addData(QByteArrayView(buffer.constData(), read));
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace dualrec
