#pragma once

#include "core/seal/devicekeys.h"

#include <QByteArray>
#include <QString>

namespace dualrec::seal {

/// Small evidence files (sidecars, snapshots) as a whole, encrypted at rest (encryptedfile.h).
///
/// writeEvidenceFile(): with `keys`, encrypted (one or more chunks and the final one) into a
/// temporary file beside `path`, synced, then renamed over `path` (atomic: a crash leaves the
/// old file or the new one, never a mix); without keys, plaintext the same way (tests of the
/// media layer only; the application always passes its keys).
///
/// readEvidenceFile(): an encrypted file (recognised by its magic) is decrypted and must be
/// complete (final chunk); a file without the magic is read as it is (files written before
/// encryption, or by tests). An encrypted file and no keys is an error naming the file.
///
/// Thread contract: free functions, any thread; `keys` is immutable.
[[nodiscard]] Result<void> writeEvidenceFile(const QString &path, QByteArrayView data, const DeviceKeys *keys);
[[nodiscard]] Result<QByteArray> readEvidenceFile(const QString &path, const DeviceKeys *keys, qint64 maxSize = 64 * 1024 * 1024);

} // namespace dualrec::seal
