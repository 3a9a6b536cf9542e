#pragma once

#include "core/seal/devicekeys.h"

#include <QString>

#include <memory>

namespace dualrec::app {

/// Whether opening the keys may make a new device key (a new data folder) or only reads them.
enum class KeyOpening : quint8 { Invalid = 0, CreateForNewFolder, ExistingOnly };

/// The composition root's one place that opens a data folder's device keys (docs/security.md):
/// from the store the folder marker names (a folder whose key was kept in files stays with its
/// files), for a new folder the OS key store where one answers, else owner-only files in
/// `<data>/keys`. DUALREC_KEY_STORE=file chooses the files (a shared service account, the
/// tests). ExistingOnly: a folder without a marker gives null keys (nothing encrypted can be in
/// it), nothing is created. Errors (a missing or different key, a damaged marker) change nothing.
/// Thread contract: the main thread (the OS key store answers through its event loop).
[[nodiscard]] Result<std::shared_ptr<const seal::DeviceKeys>> openDeviceKeys(const QString &dataDirectory, KeyOpening opening);

/// What to tell the user when openDeviceKeys() failed (translated; for stderr and the window).
[[nodiscard]] QString deviceKeyProblem(const QString &dataDirectory, const Error &error);

} // namespace dualrec::app
