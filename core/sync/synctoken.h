#pragma once

#include "core/seal/keystore.h"
#include "core/util/result.h"

#include <QString>

namespace dualrec::sync {

/// The upload token's name in the data folder's key store (seal::dataFolderKeyStore: the OS key
/// store, or owner-only files when the folder keeps its keys in files).
inline constexpr auto kSyncTokenKeyName = "sync-token";

/// Where the bearer token came from (never the token itself, which is never printed).
enum class SyncTokenSource : quint8 { Invalid = 0, None, Environment, KeyStore };

struct SyncToken final {
    QString token;
    SyncTokenSource source = SyncTokenSource::None;
};

/// The bearer token for uploads: DUALREC_SYNC_TOKEN when it is set and not empty (tests,
/// automation), else the key store's `sync-token`; an empty token (source None) when neither
/// has one. An error only when the key store cannot be read or holds something no token is.
[[nodiscard]] Result<SyncToken> loadSyncToken(seal::KeyStore &store);

/// Stores `token` as the key store's `sync-token`, replacing the one there; an empty `token`
/// deletes it. Refuses (InvalidArgument) a token longer than 4096 characters or with characters
/// other than printable ASCII (an HTTP header value).
[[nodiscard]] Result<void> storeSyncToken(seal::KeyStore &store, const QString &token);

/// Whether `token` may be sent as `Authorization: Bearer <token>`.
[[nodiscard]] bool isValidSyncToken(const QString &token);

} // namespace dualrec::sync
