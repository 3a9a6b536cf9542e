#include "core/sync/synctoken.h"

namespace dualrec::sync {

bool isValidSyncToken(const QString &token)
{
    if (token.isEmpty() || token.size() > 4096)
        return false;
    for (const QChar c : token) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

Result<SyncToken> loadSyncToken(seal::KeyStore &store)
{
    const QString fromEnvironment = qEnvironmentVariable("DUALREC_SYNC_TOKEN");
    if (!fromEnvironment.isEmpty())
        return SyncToken{fromEnvironment, SyncTokenSource::Environment};
    auto stored = store.read(QLatin1String(kSyncTokenKeyName));
    if (!stored)
        return std::unexpected(stored.error());
    if (!stored->has_value())
        return SyncToken{};
    const QString token = QString::fromUtf8(**stored);
    if (!isValidSyncToken(token))
        return fail(ErrorCode::FormatError, QStringLiteral("the upload token in the %1 key store is not a token (printable ASCII, at most "
                                                           "4096 characters); store it again with dualrec sync --set-token")
                                                .arg(store.backendName()));
    return SyncToken{token, SyncTokenSource::KeyStore};
}

Result<void> storeSyncToken(seal::KeyStore &store, const QString &token)
{
    if (!token.isEmpty() && !isValidSyncToken(token))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("an upload token is 1 to 4096 printable ASCII characters without spaces; the text given is not"));
    if (auto removed = store.remove(QLatin1String(kSyncTokenKeyName)); !removed)
        return removed;
    if (token.isEmpty())
        return {};
    return store.write(QLatin1String(kSyncTokenKeyName), token.toUtf8());
}

} // namespace dualrec::sync
