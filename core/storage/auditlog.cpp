#include "core/storage/auditlog.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSaveFile>

namespace dualrec::storage {

const QString AuditLog::kGenesisHash = QString(64, u'0');

const char *auditActionName(AuditAction action)
{
    switch (action) {
    case AuditAction::Invalid: return "invalid";
    case AuditAction::Login: return "login";
    case AuditAction::Logout: return "logout";
    case AuditAction::SessionStart: return "session-start";
    case AuditAction::SessionStop: return "session-stop";
    case AuditAction::View: return "view";
    case AuditAction::Export: return "export";
    case AuditAction::SettingsChange: return "settings-change";
    case AuditAction::Upload: return "upload";
    case AuditAction::Purge: return "purge";
    case AuditAction::JournalRecovered: return "journal-recovered";
    case AuditAction::PlaybackStarted: return "playback-start";
    case AuditAction::SessionRecovered: return "session-recovered";
    case AuditAction::AccountChange: return "account-change";
    case AuditAction::QcSpotCheck: return "qc-spot-check";
    }
    return "invalid";
}

AuditLog::AuditLog(std::shared_ptr<Database> database, QString anchorPath, const Clock &clock)
    : m_database(std::move(database)), m_anchorPath(std::move(anchorPath)), m_clock(&clock)
{
}

QString AuditLog::hashOf(const QString &previousHash, qint64 seq, const QString &at, const QString &actor,
                         const QString &action, const QString &subject, const QString &detail)
{
    // Fields joined with the unit separator, which none of them may contain unescaped.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QStringList fields{previousHash, QString::number(seq), at, actor, action, subject, detail};
    for (const auto &field : fields) {
        QString escaped = field;
        escaped.replace(u'\\', QStringLiteral("\\\\")).replace(QChar(0x1f), QStringLiteral("\\x1f"));
        hash.addData(escaped.toUtf8());
        hash.addData(QByteArrayView("\x1f", 1));
    }
    return QString::fromLatin1(hash.result().toHex());
}

Result<void> AuditLog::writeAnchor(qint64 seq, const QString &hash)
{
    QSaveFile file(m_anchorPath);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::IoError, QStringLiteral("cannot write audit anchor %1: %2").arg(m_anchorPath, file.errorString()));
    file.write(QStringLiteral("%1 %2\n").arg(seq).arg(hash).toLatin1());
    if (!file.commit())
        return fail(ErrorCode::IoError, QStringLiteral("cannot write audit anchor %1: %2").arg(m_anchorPath, file.errorString()));
    return {};
}

Result<qint64> AuditLog::append(const QString &actor, AuditAction action, const QString &subject, const QString &detail)
{
    if (actor.isEmpty() || action == AuditAction::Invalid)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("an audit entry needs an actor and an action"));
    const std::lock_guard appending(m_appendMutex);
    auto transaction = Transaction::begin(*m_database);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto last = m_database->run(QStringLiteral("SELECT seq, row_hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
    if (!last)
        return std::unexpected(last.error());
    qint64 seq = 1;
    QString previous = kGenesisHash;
    if (last->next()) {
        seq = last->value(0).toLongLong() + 1;
        previous = last->value(1).toString();
    }
    const auto at = m_clock->wallNow().toUTC().toString(Qt::ISODateWithMs);
    const auto actionName = QString::fromLatin1(auditActionName(action));
    const auto hash = hashOf(previous, seq, at, actor, actionName, subject, detail);
    auto inserted = m_database->run(
        QStringLiteral("INSERT INTO audit_log (seq, at_utc, actor, action, subject, detail, prev_hash, row_hash) "
                       "VALUES (?,?,?,?,?,?,?,?)"),
        {seq, at, actor, actionName, subject, detail, previous, hash});
    if (!inserted)
        return std::unexpected(inserted.error());
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    if (auto anchored = writeAnchor(seq, hash); !anchored)
        return std::unexpected(anchored.error());
    return seq;
}

Result<QList<AuditEntry>> AuditLog::entries()
{
    auto query = m_database->run(QStringLiteral(
        "SELECT seq, at_utc, actor, action, subject, detail, prev_hash, row_hash FROM audit_log ORDER BY seq"));
    if (!query)
        return std::unexpected(query.error());
    QList<AuditEntry> list;
    while (query->next()) {
        list.append({query->value(0).toLongLong(), QDateTime::fromString(query->value(1).toString(), Qt::ISODateWithMs),
                     query->value(2).toString(), query->value(3).toString(), query->value(4).toString(),
                     query->value(5).toString(), query->value(6).toString(), query->value(7).toString()});
    }
    return list;
}

Result<AuditVerification> AuditLog::verify()
{
    // Read in storage order (rowid), not by seq: a reordering must show up, not be sorted away.
    auto query = m_database->run(QStringLiteral(
        "SELECT seq, at_utc, actor, action, subject, detail, prev_hash, row_hash FROM audit_log ORDER BY rowid"));
    if (!query)
        return std::unexpected(query.error());
    AuditVerification result;
    qint64 expectedSeq = 1;
    QString previous = kGenesisHash;
    auto broken = [&](qint64 seq, QString problem) {
        result.intact = false;
        result.firstBadSeq = seq;
        result.problem = std::move(problem);
    };
    while (query->next()) {
        const auto seq = query->value(0).toLongLong();
        ++result.rows;
        if (!result.intact)
            continue;
        if (seq != expectedSeq) {
            broken(expectedSeq, seq > expectedSeq ? QStringLiteral("row %1 is missing (found row %2 next)").arg(expectedSeq).arg(seq)
                                                  : QStringLiteral("row %1 is out of order (found where row %2 belongs)").arg(seq).arg(expectedSeq));
            continue;
        }
        const auto storedPrevious = query->value(6).toString();
        const auto storedHash = query->value(7).toString();
        if (storedPrevious != previous) {
            broken(seq, QStringLiteral("row %1 does not follow row %2: the chain is broken (rows removed or reordered)").arg(seq).arg(seq - 1));
            continue;
        }
        const auto recomputed = hashOf(previous, seq, query->value(1).toString(), query->value(2).toString(),
                                       query->value(3).toString(), query->value(4).toString(), query->value(5).toString());
        if (recomputed != storedHash) {
            broken(seq, QStringLiteral("row %1 was edited: its content does not match its hash").arg(seq));
            continue;
        }
        previous = storedHash;
        ++expectedSeq;
    }
    if (!result.intact)
        return result;

    // The anchor catches rows cut off the end, which leave a valid but shorter chain.
    QFile anchor(m_anchorPath);
    const qint64 lastSeq = expectedSeq - 1;
    if (!anchor.open(QIODevice::ReadOnly)) {
        if (lastSeq > 0)
            broken(lastSeq + 1, QStringLiteral("the audit anchor %1 is missing; the end of the log cannot be confirmed").arg(m_anchorPath));
        return result;
    }
    const auto parts = QString::fromLatin1(anchor.readAll()).trimmed().split(u' ');
    const auto anchoredSeq = parts.value(0).toLongLong();
    const auto anchoredHash = parts.value(1);
    if (anchoredSeq != lastSeq)
        broken(std::min(anchoredSeq, lastSeq) + 1,
               anchoredSeq > lastSeq ? QStringLiteral("rows %1 to %2 were removed from the end").arg(lastSeq + 1).arg(anchoredSeq)
                                     : QStringLiteral("rows after %1 are not covered by the anchor").arg(anchoredSeq));
    else if (lastSeq > 0 && anchoredHash != previous)
        broken(lastSeq, QStringLiteral("row %1 does not match the anchored hash").arg(lastSeq));
    return result;
}

} // namespace dualrec::storage
