#pragma once

#include "core/seal/devicekeys.h"

#include <QByteArray>
#include <QString>

#include <functional>

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

/// SHA-256 of an evidence file's content, lower-case hex. For a file encrypted at rest it is the
/// digest of the plaintext (every chunk authenticated, the file must be complete): the digest the
/// journal, the customer's receipt and the sealed package's manifest share, so that the insurer,
/// who only ever sees the plaintext, can check a receipt. For a plain file, of its bytes. An
/// encrypted file and no keys fails, naming the file. `keepGoing` is asked before every 1 MiB
/// block (InvalidState when it says stop). Thread contract: any thread.
[[nodiscard]] Result<QString> evidenceSha256(const QString &path, const DeviceKeys *keys,
                                             const std::function<bool()> &keepGoing = {});

/// Whether a file is the one a journal row describes: its content digest (evidenceSha256) equals
/// `expected`, or, for rows journaled before content digests (DualRec 0.6, when the journal kept
/// the digest of the stored encrypted bytes), its stored bytes' digest does. Content that does not
/// authenticate (altered, cut short) does not match; fails only when the file cannot be read, or
/// is encrypted and no keys are given (the error says which and why). Thread contract: any thread.
[[nodiscard]] Result<bool> matchesJournalDigest(const QString &path, const QString &expected, const DeviceKeys *keys,
                                                const std::function<bool()> &keepGoing = {});

} // namespace dualrec::seal
