#include "core/seal/passwordhash.h"

#include <QByteArray>
#include <QStringList>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>

namespace dualrec::seal {

namespace {

const QString kScheme = QStringLiteral("pbkdf2-sha256");
constexpr int kSaltSize = 16;
constexpr int kHashSize = 32;
// Below this the stored hash is not worth trusting; above it a login would take minutes.
constexpr int kMinimumIterations = 1000;
constexpr int kMaximumIterations = 10000000;

std::optional<QByteArray> derive(const QString &password, const QByteArray &salt, int iterations, int size)
{
    const auto utf8 = password.toUtf8();
    QByteArray out(size, '\0');
    if (PKCS5_PBKDF2_HMAC(utf8.constData(), int(utf8.size()), reinterpret_cast<const unsigned char *>(salt.constData()),
                          int(salt.size()), iterations, EVP_sha256(), size,
                          reinterpret_cast<unsigned char *>(out.data()))
        != 1)
        return std::nullopt;
    return out;
}

} // namespace

Result<QString> hashPassword(const QString &password, int iterations)
{
    if (iterations < kMinimumIterations || iterations > kMaximumIterations)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("PBKDF2 iteration count %1 is out of range").arg(iterations));
    QByteArray salt(kSaltSize, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), kSaltSize) != 1)
        return fail(ErrorCode::InternalError, QStringLiteral("the random generator failed"));
    const auto hash = derive(password, salt, iterations, kHashSize);
    if (!hash)
        return fail(ErrorCode::InternalError, QStringLiteral("PBKDF2 failed"));
    return kScheme + u'$' + QString::number(iterations) + u'$' + QString::fromLatin1(salt.toBase64()) + u'$'
           + QString::fromLatin1(hash->toBase64());
}

QString unmatchableHash(int iterations)
{
    const QByteArray salt("dualrec-no-user!", kSaltSize);
    const QByteArray digest(kHashSize, '\0');
    return kScheme + u'$' + QString::number(std::clamp(iterations, kMinimumIterations, kMaximumIterations)) + u'$'
           + QString::fromLatin1(salt.toBase64()) + u'$' + QString::fromLatin1(digest.toBase64());
}

bool verifyPassword(const QString &password, const QString &stored)
{
    const auto parts = stored.split(u'$');
    if (parts.size() != 4 || parts.at(0) != kScheme)
        return false;
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    if (!ok || iterations < kMinimumIterations || iterations > kMaximumIterations)
        return false;
    const auto salt = QByteArray::fromBase64(parts.at(2).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    const auto expected = QByteArray::fromBase64(parts.at(3).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (salt.isEmpty() || expected.size() != kHashSize)
        return false;
    const auto actual = derive(password, salt, iterations, kHashSize);
    return actual && CRYPTO_memcmp(actual->constData(), expected.constData(), kHashSize) == 0;
}

} // namespace dualrec::seal
