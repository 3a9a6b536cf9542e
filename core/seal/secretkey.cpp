#include "core/seal/secretkey.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <memory>

namespace dualrec::seal {

namespace {

constexpr char kMagic[] = "DR1";
constexpr int kMagicSize = 3;
constexpr int kNonceSize = 12;
constexpr int kTagSize = 16;

struct CipherContextDeleter {
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, CipherContextDeleter>;

const auto *bytesOf(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

auto *bytesOf(QByteArray &data)
{
    return reinterpret_cast<unsigned char *>(data.data());
}

} // namespace

Result<SecretKey> SecretKey::generate()
{
    QByteArray bytes(kSize, '\0');
    if (RAND_bytes(bytesOf(bytes), int(kSize)) != 1)
        return fail(ErrorCode::InternalError, QStringLiteral("the random number generator failed"));
    return SecretKey(bytes);
}

Result<SecretKey> SecretKey::fromBytes(const QByteArray &bytes)
{
    if (bytes.size() != kSize)
        return fail(ErrorCode::FormatError, QStringLiteral("a key has %1 bytes; found %2").arg(kSize).arg(bytes.size()));
    return SecretKey(bytes);
}

Result<SecretKey> SecretKey::loadOrCreate(const QString &path)
{
    QFileInfo info(path);
    if (!info.exists()) {
        if (!QDir().mkpath(info.absolutePath()))
            return fail(ErrorCode::IoError, QStringLiteral("cannot create the key folder %1").arg(info.absolutePath()));
        QFile::setPermissions(info.absolutePath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        auto key = generate();
        if (!key)
            return key;
        QFile file(path);
        // Create with owner-only permissions before any byte of the key is written.
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return fail(ErrorCode::IoError, QStringLiteral("cannot create key file %1: %2").arg(path, file.errorString()));
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        if (file.write(key->bytes()) != kSize || !file.flush())
            return fail(ErrorCode::IoError, QStringLiteral("cannot write key file %1: %2").arg(path, file.errorString()));
        return key;
    }
    const auto permissions = info.permissions();
    if (permissions & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther))
        return fail(ErrorCode::InvalidState,
                    QStringLiteral("key file %1 may be read by other users; expected permissions 0600").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::IoError, QStringLiteral("cannot read key file %1: %2").arg(path, file.errorString()));
    const auto bytes = file.readAll();
    if (bytes.size() != kSize)
        return fail(ErrorCode::FormatError,
                    QStringLiteral("key file %1 holds %2 bytes; expected %3").arg(path).arg(bytes.size()).arg(kSize));
    return SecretKey(bytes);
}

Result<QByteArray> encryptAesGcm(const SecretKey &key, const QByteArray &plain, const QByteArray &associated)
{
    QByteArray nonce(kNonceSize, '\0');
    if (RAND_bytes(bytesOf(nonce), kNonceSize) != 1)
        return fail(ErrorCode::InternalError, QStringLiteral("the random number generator failed"));
    CipherContext context(EVP_CIPHER_CTX_new());
    QByteArray cipher(plain.size() + 16, '\0');
    QByteArray tag(kTagSize, '\0');
    int length = 0;
    int total = 0;
    if (!context || EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) != 1
        || EVP_EncryptInit_ex(context.get(), nullptr, nullptr, bytesOf(key.bytes()), bytesOf(nonce)) != 1
        || (!associated.isEmpty()
            && EVP_EncryptUpdate(context.get(), nullptr, &length, bytesOf(associated), int(associated.size())) != 1)
        || EVP_EncryptUpdate(context.get(), bytesOf(cipher), &length, bytesOf(plain), int(plain.size())) != 1)
        return fail(ErrorCode::InternalError, QStringLiteral("AES-256-GCM encryption failed"));
    total = length;
    if (EVP_EncryptFinal_ex(context.get(), bytesOf(cipher) + total, &length) != 1
        || EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, tag.data()) != 1)
        return fail(ErrorCode::InternalError, QStringLiteral("AES-256-GCM encryption failed"));
    total += length;
    cipher.truncate(total);
    return QByteArray(kMagic, kMagicSize) + nonce + cipher + tag;
}

Result<QByteArray> decryptAesGcm(const SecretKey &key, const QByteArray &sealed, const QByteArray &associated)
{
    if (sealed.size() < kMagicSize + kNonceSize + kTagSize || !sealed.startsWith(QByteArray(kMagic, kMagicSize)))
        return fail(ErrorCode::FormatError, QStringLiteral("not an AES-256-GCM sealed value of this format"));
    const auto nonce = sealed.mid(kMagicSize, kNonceSize);
    const auto cipher = sealed.mid(kMagicSize + kNonceSize, sealed.size() - kMagicSize - kNonceSize - kTagSize);
    auto tag = sealed.right(kTagSize);
    CipherContext context(EVP_CIPHER_CTX_new());
    QByteArray plain(cipher.size() + 16, '\0');
    int length = 0;
    if (!context || EVP_DecryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) != 1
        || EVP_DecryptInit_ex(context.get(), nullptr, nullptr, bytesOf(key.bytes()), bytesOf(nonce)) != 1
        || (!associated.isEmpty()
            && EVP_DecryptUpdate(context.get(), nullptr, &length, bytesOf(associated), int(associated.size())) != 1)
        || EVP_DecryptUpdate(context.get(), bytesOf(plain), &length, bytesOf(cipher), int(cipher.size())) != 1)
        return fail(ErrorCode::InternalError, QStringLiteral("AES-256-GCM decryption failed"));
    int total = length;
    if (EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) != 1
        || EVP_DecryptFinal_ex(context.get(), bytesOf(plain) + total, &length) != 1)
        return fail(ErrorCode::FormatError,
                    QStringLiteral("the sealed value fails authentication: wrong key, changed data or another row"));
    total += length;
    plain.truncate(total);
    return plain;
}

QByteArray hmacSha256(const SecretKey &key, QByteArrayView data)
{
    QByteArray mac(32, '\0');
    unsigned int size = 0;
    const auto *result = HMAC(EVP_sha256(), key.bytes().constData(), int(key.bytes().size()),
                              reinterpret_cast<const unsigned char *>(data.data()), std::size_t(data.size()), bytesOf(mac), &size);
    if (!result || size != 32)
        return {};
    return mac;
}

bool sameMac(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && !a.isEmpty() && CRYPTO_memcmp(a.data(), b.data(), std::size_t(a.size())) == 0;
}

} // namespace dualrec::seal
