#pragma once

#include "core/seal/keystore.h"

#include <memory>

namespace dualrec::seal {

/// The operating system's key store through qtkeychain: the Secret Service (GNOME Keyring,
/// KWallet) on Linux, the Keychain on macOS, the Credential Manager on Windows. Secrets are
/// stored under the service "DualRec" and their name. Never falls back to plain files itself
/// (makeKeyStore() decides that, once).
///
/// Thread contract: calls block until the store answered (a local event loop); any thread with
/// a QCoreApplication, one call at a time.
class OsKeyStore final : public KeyStore
{
public:
    /// Whether this build has an OS key store at all (qtkeychain).
    [[nodiscard]] static bool built();
    /// Asks the store whether it answers (a session without a Secret Service does not).
    [[nodiscard]] static Result<void> probe();

    [[nodiscard]] QString backendName() const override;
    [[nodiscard]] Result<std::optional<QByteArray>> read(const QString &name) override;
    [[nodiscard]] Result<void> write(const QString &name, const QByteArray &secret) override;
    [[nodiscard]] Result<void> remove(const QString &name) override;
};

/// The OS key store when it answers, else owner-only files in `fallbackFolder`. `forceFile`:
/// files even where an OS store exists (the policy's choice, e.g. for a shared service account).
[[nodiscard]] std::unique_ptr<KeyStore> makeKeyStore(const QString &fallbackFolder, bool forceFile = false);

} // namespace dualrec::seal
