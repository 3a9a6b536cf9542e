#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace dualrec::seal {

/// Where the device's secrets live: the operating system's key store where there is one (the
/// Secret Service on Linux desktops, the Keychain, the Windows credential store), else files
/// only the user can read. Names are short ASCII identifiers ("device-master-<folder id>").
///
/// Thread contract: one store is used from one thread at a time.
class KeyStore
{
public:
    virtual ~KeyStore() = default;
    /// What holds the secrets, for `dualrec --version` and the settings page ("file", ...).
    [[nodiscard]] virtual QString backendName() const = 0;
    /// The secret called `name`; nullopt when the store has none (an error when it cannot be read).
    [[nodiscard]] virtual Result<std::optional<QByteArray>> read(const QString &name) = 0;
    /// Stores `secret` as `name`; refuses to replace an existing one.
    [[nodiscard]] virtual Result<void> write(const QString &name, const QByteArray &secret) = 0;
    /// Deletes the secret called `name` (nothing to do when there is none). Only for secrets
    /// that are meant to change, such as the upload token (core/sync/synctoken.h); device
    /// keys are never removed.
    [[nodiscard]] virtual Result<void> remove(const QString &name) = 0;
};

/// How a data folder's device key (and the signing key beside it) is protected: what the
/// settings page says in words.
enum class KeyProtection : quint8 {
    Invalid = 0,   ///< unknown (no keys opened)
    OsKeyStore,    ///< the operating system's key store
    OwnerOnlyFile, ///< a file only this user can read (FileKeyStore)
};

/// The protection a store's backendName() stands for: "file" is the owner-only file store,
/// any other name an OS key store, an empty name unknown. Pure.
[[nodiscard]] KeyProtection keyProtectionOf(const QString &backendName);

/// Secrets as files in one folder (mode 0700; files 0600, written atomically). A file others
/// may read is refused, never used. The fallback where no OS key store exists: it protects
/// against other users of the computer, not against someone who has the user's disk.
class FileKeyStore final : public KeyStore
{
public:
    explicit FileKeyStore(QString folder);
    [[nodiscard]] QString backendName() const override { return QStringLiteral("file"); }
    [[nodiscard]] Result<std::optional<QByteArray>> read(const QString &name) override;
    [[nodiscard]] Result<void> write(const QString &name, const QByteArray &secret) override;
    [[nodiscard]] Result<void> remove(const QString &name) override;
    [[nodiscard]] const QString &folder() const { return m_folder; }

private:
    [[nodiscard]] Result<QString> pathOf(const QString &name) const;
    QString m_folder;
};

} // namespace dualrec::seal
