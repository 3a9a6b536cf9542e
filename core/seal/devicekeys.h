#pragma once

#include "core/seal/keystore.h"
#include "core/seal/secretkey.h"

#include <utility>

namespace dualrec::seal {

/// What a key derived from the device key is for; each purpose has its own HKDF label, so
/// one derived key says nothing about another.
enum class DerivedKey : quint8 {
    Invalid = 0,
    PersonalData, ///< the journal's customer data (AES-256-GCM)
    Integrity,    ///< HMAC-SHA256 of the audit chain, the accounts and the verified marks
};

/// The key hierarchy of one data folder (docs/security.md):
///
///     OS key store (or owner-only file)
///       └─ device key (AES-256, one per data folder, never leaves the store)
///            ├─ wraps each file's data key (AES-256 key wrap, RFC 3394); the wrapped key
///            │  travels in the file's own header (EncryptedWriter), so a journal restored
///            │  from a backup never loses a key
///            ├─ derives (HKDF-SHA256, one label per purpose) the journal's personal-data key
///            │  and the integrity key that keys the audit chain and the accounts' seals
///            │  (derived, so nothing beside the data can go missing on its own)
///            └─ (the signing key is its own secret in the same store: signingidentity.h)
///
/// Whether a data folder is new is decided by the folder marker (`dualrec-folder.json`, no
/// secret in it) written at first use, never by a key being absent: a used folder whose key is
/// missing or different is an error that changes nothing, not a reason to make a new key.
///
/// Thread contract: open() from one thread; the object is then immutable and thread-safe.
class DeviceKeys final
{
public:
    static constexpr qsizetype kKeyIdSize = 8;
    static constexpr qsizetype kWrappedSize = SecretKey::kSize + 8;
    /// The folder marker's file name.
    static QString markerName() { return QStringLiteral("dualrec-folder.json"); }

    /// A new folder (no marker, nothing recorded in it): makes the device key in `store` and
    /// writes the marker. A used folder: reads the key the marker names.
    ///
    /// A used folder without a marker is adopted only when it is one from before encryption at
    /// rest (DualRec ≤ 0.4: a journal of schema version 4 or older, and no encrypted file, device
    /// key, wrapped personal-data key, signing identity or package anywhere in it): it gets a key
    /// and a marker, and adoption() says so, for the journal's audit and for the person. Any trace
    /// of a later DualRec means its marker was lost: an error naming the trace, nothing changed.
    [[nodiscard]] static Result<DeviceKeys> open(const QString &dataFolder, KeyStore &store);

    /// When open() adopted an unmarked folder from before encryption at rest: what it found
    /// (how many older files stay as they were, unencrypted); empty otherwise.
    [[nodiscard]] const QString &adoption() const { return m_adoption; }

    /// Identifies the device key (not secret): in every encrypted file's header.
    [[nodiscard]] const QByteArray &keyId() const { return m_keyId; }
    [[nodiscard]] const QString &folderId() const { return m_folderId; }
    [[nodiscard]] const QString &backendName() const { return m_backend; }

    /// The data key wrapped with the device key (kWrappedSize bytes).
    [[nodiscard]] Result<QByteArray> wrap(const SecretKey &dataKey) const;
    /// Unwraps a data key; DataCorrupt when it was not wrapped with this device key or was altered.
    [[nodiscard]] Result<SecretKey> unwrap(const QByteArray &wrapped) const;
    /// The key for `purpose`, derived from the device key (HKDF-SHA256 with the folder id as
    /// salt): the same folder and device key always give the same key.
    [[nodiscard]] Result<SecretKey> derive(DerivedKey purpose) const;
    /// A fresh random data key and its wrapped form.
    [[nodiscard]] Result<std::pair<SecretKey, QByteArray>> newDataKey() const;

private:
    DeviceKeys(SecretKey key, QByteArray keyId, QString folderId, QString backend);
    SecretKey m_key;
    QByteArray m_keyId;
    QString m_folderId;
    QString m_backend;
    QString m_adoption;
};

} // namespace dualrec::seal
