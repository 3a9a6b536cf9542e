#pragma once

#include "core/util/result.h"

#include <QString>

namespace dualrec::seal {

/// PBKDF2-HMAC-SHA256 work factor for new hashes (OWASP 2023 recommendation). Stored in each
/// hash string, so raising it later leaves existing accounts working.
inline constexpr int kDefaultPasswordIterations = 600000;

/// Hashes a password with a fresh 16-byte random salt. The result is self-describing:
/// "pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>" (32-byte hash).
/// Thread-safe; takes noticeable CPU time on purpose (run it off the GUI thread when it matters).
[[nodiscard]] Result<QString> hashPassword(const QString &password, int iterations = kDefaultPasswordIterations);

/// True when `password` matches `stored` (compared in constant time). A malformed `stored`
/// string never matches. Thread-safe.
[[nodiscard]] bool verifyPassword(const QString &password, const QString &stored);

/// A well-formed hash with `iterations` that no password matches (its digest is all zero bytes,
/// fixed salt): verifying against it costs as much as against a real hash, so an unknown login
/// takes as long as a known one without hashing anything up front. Thread-safe.
[[nodiscard]] QString unmatchableHash(int iterations = kDefaultPasswordIterations);

} // namespace dualrec::seal
