#include "core/storage/sealrepository.h"

#include <QSqlQuery>
#include <QVariant>

namespace dualrec::storage {

Result<void> SealRepository::record(const SealRecord &seal)
{
    auto ran = m_database->run(QStringLiteral("INSERT INTO seals (session_id, sealed_at_utc, manifest_sha256, signature, "
                                              "certificate_fingerprint, package_path, package_size, package_sha256, recipients) "
                                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                               {seal.sessionId.toString(), seal.sealedAt.toUTC().toString(Qt::ISODateWithMs), seal.manifestSha256,
                                seal.signature, seal.certificateSha256, seal.packagePath, seal.packageSize, seal.packageSha256,
                                seal.recipients.join(u' ')});
    if (!ran)
        return fail(ran.error().code, QStringLiteral("cannot record the seal of session %1: %2").arg(seal.sessionId.toString(), ran.error().detail));
    return {};
}

Result<std::optional<SealRecord>> SealRepository::find(const workflow::SessionId &id)
{
    auto query = m_database->run(QStringLiteral("SELECT sealed_at_utc, manifest_sha256, signature, certificate_fingerprint, package_path, "
                                                "package_size, package_sha256, recipients, timestamp_token FROM seals WHERE session_id = ?"),
                                 {id.toString()});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<SealRecord>();
    SealRecord seal;
    seal.sessionId = id;
    seal.sealedAt = QDateTime::fromString(query->value(0).toString(), Qt::ISODateWithMs);
    seal.manifestSha256 = query->value(1).toString();
    seal.signature = query->value(2).toByteArray();
    seal.certificateSha256 = query->value(3).toString();
    seal.packagePath = query->value(4).toString();
    seal.packageSize = query->value(5).toLongLong();
    seal.packageSha256 = query->value(6).toString();
    seal.recipients = query->value(7).toString().split(u' ', Qt::SkipEmptyParts);
    seal.timestampToken = query->value(8).toByteArray();
    return std::optional<SealRecord>(seal);
}

Result<void> SealRepository::recordTimestamp(const workflow::SessionId &id, const QByteArray &token)
{
    auto ran = m_database->run(QStringLiteral("UPDATE seals SET timestamp_token = ? WHERE session_id = ?"), {token, id.toString()});
    if (!ran)
        return fail(ran.error().code, QStringLiteral("cannot record the timestamp of session %1: %2").arg(id.toString(), ran.error().detail));
    if (ran->numRowsAffected() != 1)
        return fail(ErrorCode::NotFound, QStringLiteral("session %1 is not sealed; its timestamp was not recorded").arg(id.toString()));
    return {};
}

Result<QList<workflow::SessionId>> SealRepository::withoutTimestamp()
{
    auto query = m_database->run(QStringLiteral("SELECT session_id FROM seals WHERE timestamp_token IS NULL OR length(timestamp_token) = 0 "
                                                "ORDER BY sealed_at_utc, session_id"));
    if (!query)
        return std::unexpected(query.error());
    QList<workflow::SessionId> ids;
    while (query->next())
        ids.append(workflow::SessionId::fromString(query->value(0).toString()));
    return ids;
}

} // namespace dualrec::storage
