#include "core/seal/packageformat.h"

#include <QRegularExpression>

namespace dualrec::seal::packageformat {

QString hex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

QString publicKeySha256(EVP_PKEY *key)
{
    unsigned char *der = nullptr;
    const int size = i2d_PUBKEY(key, &der);
    if (size <= 0)
        return {};
    ossl::Sha256 hash;
    hash.addData(QByteArrayView(der, size));
    OPENSSL_free(der);
    return hex(hash.result());
}

bool validMemberFileName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$"));
    return valid.match(name).hasMatch();
}

QString memberBase(qsizetype index)
{
    return QStringLiteral("files/%1").arg(index + 1, 2, 10, QLatin1Char('0'));
}

} // namespace dualrec::seal::packageformat
