#pragma once

#include "core/storage/database.h"
#include "core/workflow/sessionid.h"

#include <QDateTime>
#include <QStringList>

#include <memory>
#include <optional>

namespace dualrec::storage {

/// A session's sealed package as the journal keeps it (table `seals`).
struct SealRecord final {
    workflow::SessionId sessionId;
    QDateTime sealedAt;
    QString manifestSha256;
    QByteArray signature;          ///< manifest.json.p7s (DER)
    QString certificateSha256;     ///< the device's signing certificate
    QString packagePath;
    qint64 packageSize = 0;
    QString packageSha256;
    QStringList recipients;        ///< SHA-256 of each recipient's certificate
    /// The RFC 3161 timestamp reply of the package (as in `<package>.tsr`); empty: none yet.
    QByteArray timestampToken;
};

/// The only place with SQL about seals. Thread contract: thread-safe (a connection per thread).
class SealRepository final
{
public:
    explicit SealRepository(Database &database) : m_database(&database) {}
    /// Records a session's seal; refuses a second one (a package never changes once sealed).
    [[nodiscard]] Result<void> record(const SealRecord &seal);
    [[nodiscard]] Result<std::optional<SealRecord>> find(const workflow::SessionId &id);
    /// The package's timestamp arrived (column timestamp_token, NULL until then). The package
    /// itself does not change: the token lies beside it as `<package>.tsr`.
    [[nodiscard]] Result<void> recordTimestamp(const workflow::SessionId &id, const QByteArray &token);
    /// Sealed sessions whose package has no timestamp yet, oldest seal first.
    [[nodiscard]] Result<QList<workflow::SessionId>> withoutTimestamp();

private:
    Database *m_database;
};

} // namespace dualrec::storage
