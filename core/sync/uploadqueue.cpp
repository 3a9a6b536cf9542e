#include "core/sync/uploadqueue.h"

#include "core/util/filedigest.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace dualrec::sync {

using workflow::SessionId;

namespace {

QString utc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromUtc(const QVariant &value)
{
    const auto text = value.toString();
    if (text.isEmpty())
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs); // written with a Z: UTC
}

const QString kSelect = QStringLiteral(
    "SELECT u.session_id, u.state, u.upload_url, u.confirmed_offset, u.total_bytes, u.attempts, u.next_attempt_utc, "
    "u.last_error_code, u.last_error_detail, u.package_sha256, u.priority, u.acknowledged_at_utc, u.purged_at_utc, "
    "COALESCE(s.application_no, ''), COALESCE(s.agent_id, ''), COALESCE(k.manifest_sha256, '') "
    "FROM uploads u LEFT JOIN sessions s ON s.id = u.session_id LEFT JOIN seals k ON k.session_id = u.session_id ");

Result<QList<UploadRecord>> readRecords(Result<QSqlQuery> query)
{
    if (!query)
        return std::unexpected(query.error());
    QList<UploadRecord> records;
    while (query->next()) {
        UploadRecord r;
        r.sessionId = SessionId::fromString(query->value(0).toString());
        const auto stateName = query->value(1).toString();
        const auto state = uploadStateFromName(stateName);
        if (!state)
            return fail(ErrorCode::DataCorrupt, QStringLiteral("uploads row %1 has the unknown state \"%2\"")
                                                    .arg(query->value(0).toString(), stateName.left(40)));
        r.state = *state;
        r.uploadUrl = QUrl(query->value(2).toString());
        r.confirmedOffset = query->value(3).toLongLong();
        r.totalBytes = query->value(4).toLongLong();
        r.attempts = query->value(5).toInt();
        r.nextAttemptUtc = fromUtc(query->value(6));
        r.lastErrorCode = query->value(7).toString();
        r.lastErrorDetail = query->value(8).toString();
        r.packageSha256 = query->value(9).toString();
        r.priority = query->value(10).toInt();
        r.acknowledgedAtUtc = fromUtc(query->value(11));
        r.purgedAtUtc = fromUtc(query->value(12));
        r.applicationNumber = query->value(13).toString();
        r.agentId = query->value(14).toString();
        r.manifestSha256 = query->value(15).toString();
        records.append(std::move(r));
    }
    return records;
}

} // namespace

std::optional<Error> UploadRecord::lastError() const
{
    if (lastErrorCode.isEmpty())
        return std::nullopt;
    for (int code = 1; code <= int(kLastErrorCode); ++code) {
        if (lastErrorCode == QLatin1String(errorCodeName(ErrorCode(code))))
            return Error{ErrorCode(code), lastErrorDetail};
    }
    return Error{ErrorCode::Invalid, lastErrorDetail};
}

UploadQueue::UploadQueue(storage::Database &database, QString dataDirectory, const Clock &clock)
    : m_database(&database), m_dataDirectory(std::move(dataDirectory)), m_clock(&clock)
{
}

QString UploadQueue::packagePath(const QString &dataDirectory, const SessionId &id)
{
    return QDir(dataDirectory).filePath(QStringLiteral("packages/%1.dualrec").arg(id.toString()));
}

Result<int> UploadQueue::enqueueSealed()
{
    auto sealed = m_database->run(QStringLiteral("SELECT session_id, package_sha256, package_size FROM seals "
                                                 "WHERE session_id NOT IN (SELECT session_id FROM uploads) "
                                                 "ORDER BY sealed_at_utc, session_id"));
    if (!sealed)
        return std::unexpected(sealed.error());
    struct Sealed {
        SessionId id;
        QString sha256;
        qint64 size = 0;
    };
    QList<Sealed> packages;
    while (sealed->next())
        packages.append({SessionId::fromString(sealed->value(0).toString()), sealed->value(1).toString(), sealed->value(2).toLongLong()});
    sealed->finish();
    int queued = 0;
    for (const auto &package : std::as_const(packages)) {
        const auto &id = package.id;
        const QString path = packagePath(id);
        const QFileInfo info(path);
        if (!info.isFile())
            continue; // sealed in the journal, package not written yet (or being written)
        // Sealing's own digest of the package (written with the seals row); a package whose
        // size differs from it is not what was sealed and is hashed as it is (its upload is then
        // refused by the acknowledgement check). Seals from before migration 0007 have none.
        Result<QString> sha = package.sha256;
        if (package.sha256.isEmpty() || package.size != info.size())
            sha = sha256OfFile(path);
        if (!sha)
            return std::unexpected(sha.error());
        auto inserted = m_database->run(
            QStringLiteral("INSERT OR IGNORE INTO uploads (session_id, state, total_bytes, package_sha256, updated_at_utc) "
                           "VALUES (?, ?, ?, ?, ?)"),
            {id.toString(), QLatin1String(uploadStateName(UploadState::Queued)), info.size(), *sha, utc(m_clock->wallNow())});
        if (!inserted)
            return std::unexpected(inserted.error());
        queued += inserted->numRowsAffected() > 0 ? 1 : 0;
    }
    return queued;
}

Result<QList<UploadRecord>> UploadQueue::all()
{
    return readRecords(m_database->run(kSelect + QStringLiteral("ORDER BY k.sealed_at_utc, u.session_id")));
}

Result<std::optional<UploadRecord>> UploadQueue::find(const SessionId &id)
{
    auto records = readRecords(m_database->run(kSelect + QStringLiteral("WHERE u.session_id = ?"), {id.toString()}));
    if (!records)
        return std::unexpected(records.error());
    if (records->isEmpty())
        return std::optional<UploadRecord>{};
    return std::optional<UploadRecord>{records->first()};
}

Result<QList<UploadRecord>> UploadQueue::due(const QDateTime &nowUtc)
{
    return readRecords(m_database->run(
        kSelect + QStringLiteral("WHERE u.state IN (?, ?) AND (u.next_attempt_utc IS NULL OR u.next_attempt_utc <= ?) "
                                 "ORDER BY u.priority DESC, k.sealed_at_utc, u.session_id"),
        {QLatin1String(uploadStateName(UploadState::Queued)), QLatin1String(uploadStateName(UploadState::Uploading)), utc(nowUtc)}));
}

Result<QDateTime> UploadQueue::nextWakeUp()
{
    auto query = m_database->run(QStringLiteral("SELECT MIN(next_attempt_utc) FROM uploads WHERE state IN (?, ?)"),
                                 {QLatin1String(uploadStateName(UploadState::Queued)), QLatin1String(uploadStateName(UploadState::Uploading))});
    if (!query)
        return std::unexpected(query.error());
    return query->next() ? fromUtc(query->value(0)) : QDateTime();
}

Result<void> UploadQueue::update(const SessionId &id, const QString &assignments, QVariantList values)
{
    values.append(utc(m_clock->wallNow()));
    values.append(id.toString());
    auto query = m_database->run(QStringLiteral("UPDATE uploads SET ") + assignments + QStringLiteral(", updated_at_utc = ? WHERE session_id = ?"),
                                 values);
    if (!query)
        return std::unexpected(query.error());
    if (query->numRowsAffected() != 1)
        return fail(ErrorCode::NotFound, QStringLiteral("session %1 is not in the upload queue").arg(id.toString()));
    return {};
}

Result<void> UploadQueue::startUpload(const SessionId &id, const QUrl &url)
{
    return update(id, QStringLiteral("state = ?, upload_url = ?, confirmed_offset = 0"),
                  {QLatin1String(uploadStateName(UploadState::Uploading)), url.toString(QUrl::FullyEncoded)});
}

Result<void> UploadQueue::setConfirmedOffset(const SessionId &id, qint64 offset)
{
    return update(id, QStringLiteral("confirmed_offset = ?, attempts = 0, last_error_code = '', last_error_detail = '', next_attempt_utc = NULL"),
                  {offset});
}

Result<void> UploadQueue::forgetUrl(const SessionId &id)
{
    return update(id, QStringLiteral("state = ?, upload_url = '', confirmed_offset = 0"),
                  {QLatin1String(uploadStateName(UploadState::Queued))});
}

Result<void> UploadQueue::acknowledge(const SessionId &id)
{
    return update(id, QStringLiteral("state = ?, confirmed_offset = total_bytes, attempts = 0, last_error_code = '', last_error_detail = '', "
                                     "next_attempt_utc = NULL, acknowledged_at_utc = ?"),
                  {QLatin1String(uploadStateName(UploadState::Acknowledged)), utc(m_clock->wallNow())});
}

Result<void> UploadQueue::recordFailure(const SessionId &id, const Error &error, const QDateTime &nextAttemptUtc, bool block)
{
    QVariantList values{QLatin1String(errorCodeName(error.code)), error.detail.left(2000), nextAttemptUtc.isValid() ? QVariant(utc(nextAttemptUtc)) : QVariant()};
    QString assignments = QStringLiteral("attempts = attempts + 1, last_error_code = ?, last_error_detail = ?, next_attempt_utc = ?");
    if (block) {
        assignments += QStringLiteral(", state = ?");
        values.append(QLatin1String(uploadStateName(UploadState::Blocked)));
    }
    return update(id, assignments, values);
}

Result<void> UploadQueue::prioritize(const SessionId &id)
{
    auto top = m_database->run(QStringLiteral("SELECT COALESCE(MAX(priority), 0) FROM uploads"));
    if (!top)
        return std::unexpected(top.error());
    const int priority = (top->next() ? top->value(0).toInt() : 0) + 1;
    top->finish();
    auto current = find(id);
    if (!current)
        return std::unexpected(current.error());
    if (!*current)
        return fail(ErrorCode::NotFound, QStringLiteral("session %1 is not in the upload queue").arg(id.toString()));
    const auto state = (*current)->state;
    if (state == UploadState::Acknowledged || state == UploadState::Purged)
        return fail(ErrorCode::InvalidState, QStringLiteral("session %1 is already %2").arg(id.toString(), QLatin1String(uploadStateName(state))));
    const auto next = (*current)->uploadUrl.isEmpty() ? UploadState::Queued : UploadState::Uploading;
    return update(id, QStringLiteral("priority = ?, next_attempt_utc = NULL, state = ?"), {priority, QLatin1String(uploadStateName(next))});
}

Result<int> UploadQueue::retryBlocked()
{
    auto query = m_database->run(
        QStringLiteral("UPDATE uploads SET state = CASE WHEN upload_url = '' THEN ? ELSE ? END, next_attempt_utc = NULL, updated_at_utc = ? "
                       "WHERE state = ?"),
        {QLatin1String(uploadStateName(UploadState::Queued)), QLatin1String(uploadStateName(UploadState::Uploading)), utc(m_clock->wallNow()),
         QLatin1String(uploadStateName(UploadState::Blocked))});
    if (!query)
        return std::unexpected(query.error());
    return query->numRowsAffected();
}

Result<void> UploadQueue::retry(const SessionId &id)
{
    auto current = find(id);
    if (!current)
        return std::unexpected(current.error());
    if (!*current)
        return fail(ErrorCode::NotFound, QStringLiteral("session %1 is not in the upload queue").arg(id.toString()));
    const auto state = (*current)->state;
    if (state == UploadState::Acknowledged || state == UploadState::Purged)
        return fail(ErrorCode::InvalidState, QStringLiteral("session %1 is already %2").arg(id.toString(), QLatin1String(uploadStateName(state))));
    // The server's copy did not match the package: it is not resumed, a new upload starts.
    if ((*current)->lastErrorCode == QLatin1String(errorCodeName(ErrorCode::DataCorrupt)))
        return update(id, QStringLiteral("state = ?, upload_url = '', confirmed_offset = 0, next_attempt_utc = NULL, attempts = 0, "
                                         "last_error_code = '', last_error_detail = ''"),
                      {QLatin1String(uploadStateName(UploadState::Queued))});
    const auto next = (*current)->uploadUrl.isEmpty() ? UploadState::Queued : UploadState::Uploading;
    return update(id, QStringLiteral("state = ?, next_attempt_utc = NULL, attempts = 0, last_error_code = '', last_error_detail = ''"),
                  {QLatin1String(uploadStateName(next))});
}

Result<int> UploadQueue::retryWaitingNow()
{
    auto query = m_database->run(QStringLiteral("UPDATE uploads SET next_attempt_utc = NULL, updated_at_utc = ? "
                                                "WHERE state IN (?, ?) AND next_attempt_utc IS NOT NULL"),
                                 {utc(m_clock->wallNow()), QLatin1String(uploadStateName(UploadState::Queued)),
                                  QLatin1String(uploadStateName(UploadState::Uploading))});
    if (!query)
        return std::unexpected(query.error());
    return query->numRowsAffected();
}

Result<QList<UploadRecord>> UploadQueue::acknowledgedBefore(const QDateTime &cutoffUtc)
{
    return readRecords(m_database->run(kSelect + QStringLiteral("WHERE u.state = ? AND u.acknowledged_at_utc IS NOT NULL AND u.acknowledged_at_utc < ? "
                                                                "ORDER BY u.acknowledged_at_utc"),
                                       {QLatin1String(uploadStateName(UploadState::Acknowledged)), utc(cutoffUtc)}));
}

Result<QList<TimestampUploadRecord>> UploadQueue::timestampsToUpload()
{
    auto query = m_database->run(QStringLiteral("SELECT u.session_id, u.timestamp_sha256, COALESCE(s.application_no, ''), COALESCE(s.agent_id, ''), "
                                                "COALESCE(k.manifest_sha256, '') FROM uploads u LEFT JOIN sessions s ON s.id = u.session_id "
                                                "LEFT JOIN seals k ON k.session_id = u.session_id WHERE u.state = ? ORDER BY u.acknowledged_at_utc"),
                                 {QLatin1String(uploadStateName(UploadState::Acknowledged))});
    if (!query)
        return std::unexpected(query.error());
    QList<TimestampUploadRecord> due;
    while (query->next()) {
        TimestampUploadRecord record;
        record.sessionId = SessionId::fromString(query->value(0).toString());
        record.path = packagePath(record.sessionId) + QStringLiteral(".tsr");
        QFile file(record.path);
        if (!file.exists() || file.size() > 1024 * 1024 || !file.open(QIODevice::ReadOnly))
            continue; // none (yet), or not a timestamp: nothing to upload
        record.bytes = file.readAll();
        record.sha256 = QString::fromLatin1(QCryptographicHash::hash(record.bytes, QCryptographicHash::Sha256).toHex());
        if (record.sha256 == query->value(1).toString())
            continue;
        record.applicationNumber = query->value(2).toString();
        record.agentId = query->value(3).toString();
        record.manifestSha256 = query->value(4).toString();
        due.append(std::move(record));
    }
    return due;
}

Result<void> UploadQueue::acknowledgeTimestamp(const SessionId &id, const QString &sha256)
{
    return update(id, QStringLiteral("timestamp_sha256 = ?, timestamp_acknowledged_at_utc = ?"), {sha256, utc(m_clock->wallNow())});
}

Result<void> UploadQueue::markPurged(const SessionId &id)
{
    return update(id, QStringLiteral("state = ?, purged_at_utc = ?"),
                  {QLatin1String(uploadStateName(UploadState::Purged)), utc(m_clock->wallNow())});
}

} // namespace dualrec::sync
