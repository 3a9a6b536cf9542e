#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QString>

namespace dualrec::seal {

/// A 256-bit symmetric key. Never logged, never compared in variable time.
class SecretKey final
{
public:
    static constexpr qsizetype kSize = 32;

    /// A fresh random key from OpenSSL's CSPRNG.
    [[nodiscard]] static Result<SecretKey> generate();
    /// Reads the key file at `path`, creating it (mode 0600, parent folder 0700) when absent.
    /// Refuses a file that others may read or that is not exactly 32 bytes: the key protects
    /// customers' personal data until the sealing key store replaces it.
    [[nodiscard]] static Result<SecretKey> loadOrCreate(const QString &path);
    /// A key from its 32 bytes (an unwrapped data key, a key from the key store).
    [[nodiscard]] static Result<SecretKey> fromBytes(const QByteArray &bytes);

    [[nodiscard]] const QByteArray &bytes() const { return m_bytes; }

private:
    explicit SecretKey(QByteArray bytes) : m_bytes(std::move(bytes)) {}
    QByteArray m_bytes;
};

/// AES-256-GCM authenticated encryption (OpenSSL EVP). The output is self-contained:
/// "DR1" | 12-byte random nonce | ciphertext | 16-byte tag. `associated` (e.g. the session id)
/// is authenticated but not stored: decrypting with another value fails, so a ciphertext cannot
/// be moved to another row unnoticed. Thread-safe.
[[nodiscard]] Result<QByteArray> encryptAesGcm(const SecretKey &key, const QByteArray &plain, const QByteArray &associated);
[[nodiscard]] Result<QByteArray> decryptAesGcm(const SecretKey &key, const QByteArray &sealed, const QByteArray &associated);

/// HMAC-SHA256 of `data` under `key` (32 bytes). Thread-safe.
[[nodiscard]] QByteArray hmacSha256(const SecretKey &key, QByteArrayView data);
/// Compares two MACs or digests in constant time (for equal lengths). Thread-safe.
[[nodiscard]] bool sameMac(QByteArrayView a, QByteArrayView b);

} // namespace dualrec::seal
