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
};

/// The only place with SQL about seals. Thread contract: thread-safe (a connection per thread).
class SealRepository final
{
public:
    explicit SealRepository(Database &database) : m_database(&database) {}
    /// Records a session's seal; refuses a second one (a package never changes once sealed).
    [[nodiscard]] Result<void> record(const SealRecord &seal);
    [[nodiscard]] Result<std::optional<SealRecord>> find(const workflow::SessionId &id);

private:
    Database *m_database;
};

} // namespace dualrec::storage
