#include "core/storage/auditlog.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSaveFile>

namespace dualrec::storage {

namespace {

constexpr auto kKeyedFromKey = "audit_keyed_from";
constexpr auto kVerifiedMarkKey = "audit_verified_mark";

/// Fields joined with the unit separator, which none of them may contain unescaped.
QByteArray joined(const QStringList &fields)
{
    QByteArray out;
    for (const auto &field : fields) {
        QString escaped = field;
        escaped.replace(u'\\', QStringLiteral("\\\\")).replace(QChar(0x1f), QStringLiteral("\\x1f"));
        out += escaped.toUtf8();
        out += '\x1f';
    }
    return out;
}

/// What check() found at the end, besides the verification: where the chain ends.
struct ChainEnd {
    qint64 seq = 0;
    QString hash;
    QString mac;
};

} // namespace

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
    case AuditAction::IntegrityAlert: return "integrity-alert";
    case AuditAction::IntegrityUpgrade: return "integrity-upgrade";
    case AuditAction::PermissionsTightened: return "permissions-tightened";
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
    return QString::fromLatin1(
        QCryptographicHash::hash(joined({previousHash, QString::number(seq), at, actor, action, subject, detail}),
                                 QCryptographicHash::Sha256)
            .toHex());
}

QString AuditLog::macOf(const seal::SecretKey &key, const QString &previousMac, qint64 seq, const QString &at,
                        const QString &actor, const QString &action, const QString &subject, const QString &detail)
{
    return QString::fromLatin1(
        seal::hmacSha256(key, joined({QStringLiteral("dualrec audit row v1"), previousMac, QString::number(seq), at, actor,
                                      action, subject, detail}))
            .toHex());
}

QString AuditLog::tag(const QString &what) const
{
    if (!m_key)
        return {};
    return QString::fromLatin1(seal::hmacSha256(*m_key, joined({QStringLiteral("dualrec audit tag v1"), what})).toHex());
}

Result<void> AuditLog::setMaintenance(const QString &key, const QString &value)
{
    auto stored = m_database->run(QStringLiteral("INSERT OR REPLACE INTO maintenance (key, value) VALUES (?, ?)"), {key, value});
    if (!stored)
        return std::unexpected(stored.error());
    return {};
}

Result<QString> AuditLog::maintenance(const QString &key)
{
    auto query = m_database->run(QStringLiteral("SELECT value FROM maintenance WHERE key = ?"), {key});
    if (!query)
        return std::unexpected(query.error());
    return query->next() ? query->value(0).toString() : QString();
}

Result<void> AuditLog::writeAnchor(qint64 seq, const QString &hash, const QString &mac)
{
    QSaveFile file(m_anchorPath);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::IoError, QStringLiteral("cannot write audit anchor %1: %2").arg(m_anchorPath, file.errorString()));
    file.write((anchorText(QStringLiteral("%1 %2 %3").arg(seq).arg(hash, mac)) + u'\n').toLatin1());
    if (!file.commit())
        return fail(ErrorCode::IoError, QStringLiteral("cannot write audit anchor %1: %2").arg(m_anchorPath, file.errorString()));
    return {};
}

QString AuditLog::anchorText(const QString &line) const
{
    return line + u' ' + tag(QStringLiteral("anchor ") + line);
}

Result<qint64> AuditLog::keyedFrom()
{
    auto stored = maintenance(QLatin1String(kKeyedFromKey));
    if (!stored)
        return std::unexpected(stored.error());
    const auto parts = stored->split(u' ');
    // A value without a valid tag is ignored: every row then needs its seal.
    if (parts.size() == 2 && seal::sameMac(parts.at(1).toLatin1(), tag(QStringLiteral("keyed-from ") + parts.at(0)).toLatin1()))
        return std::max<qint64>(1, parts.at(0).toLongLong());
    return 1;
}

Result<qint64> AuditLog::append(const QString &actor, AuditAction action, const QString &subject, const QString &detail)
{
    if (actor.isEmpty() || action == AuditAction::Invalid)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("an audit entry needs an actor and an action"));
    if (!m_key)
        return fail(ErrorCode::InvalidState, QStringLiteral("the audit log has no integrity key"));
    const std::lock_guard appending(m_appendMutex);
    auto transaction = Transaction::begin(*m_database);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto last = m_database->run(QStringLiteral("SELECT a.seq, a.row_hash, m.mac FROM audit_log a "
                                               "LEFT JOIN audit_mac m ON m.seq = a.seq ORDER BY a.seq DESC LIMIT 1"));
    if (!last)
        return std::unexpected(last.error());
    qint64 seq = 1;
    QString previous = kGenesisHash;
    QString previousMac = kGenesisHash;
    if (last->next()) {
        seq = last->value(0).toLongLong() + 1;
        previous = last->value(1).toString();
        if (!last->value(2).isNull())
            previousMac = last->value(2).toString();
    }
    const auto at = m_clock->wallNow().toUTC().toString(Qt::ISODateWithMs);
    const auto actionName = QString::fromLatin1(auditActionName(action));
    const auto hash = hashOf(previous, seq, at, actor, actionName, subject, detail);
    const auto mac = macOf(*m_key, previousMac, seq, at, actor, actionName, subject, detail);
    auto inserted = m_database->run(
        QStringLiteral("INSERT INTO audit_log (seq, at_utc, actor, action, subject, detail, prev_hash, row_hash) "
                       "VALUES (?,?,?,?,?,?,?,?)"),
        {seq, at, actor, actionName, subject, detail, previous, hash});
    if (!inserted)
        return std::unexpected(inserted.error());
    auto sealed = m_database->run(QStringLiteral("INSERT INTO audit_mac (seq, mac) VALUES (?, ?)"), {seq, mac});
    if (!sealed)
        return std::unexpected(sealed.error());
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    if (auto anchored = writeAnchor(seq, hash, mac); !anchored)
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

Result<AuditVerification> AuditLog::check(qint64 fromSeq, const QString &previousHash, const QString &previousMac, bool keyed,
                                          bool legacyAnchor)
{
    if (keyed && !m_key)
        return fail(ErrorCode::InvalidState, QStringLiteral("the audit log has no integrity key"));
    qint64 keyedFromSeq = 1;
    if (keyed) {
        auto from = keyedFrom();
        if (!from)
            return std::unexpected(from.error());
        keyedFromSeq = *from;
    }
    // Read in storage order (rowid), not by seq: a reordering must show up, not be sorted away.
    auto query = m_database->run(QStringLiteral("SELECT a.seq, a.at_utc, a.actor, a.action, a.subject, a.detail, a.prev_hash, "
                                                "a.row_hash, m.mac FROM audit_log a LEFT JOIN audit_mac m ON m.seq = a.seq "
                                                "WHERE a.seq >= ? ORDER BY a.rowid"),
                                 {fromSeq});
    if (!query)
        return std::unexpected(query.error());
    AuditVerification result;
    result.fromSeq = fromSeq;
    auto broken = [&](qint64 seq, QString problem) {
        if (result.intact) {
            result.intact = false;
            result.firstBadSeq = seq;
            result.problem = problem;
        }
        if (result.breaks.size() < AuditVerification::kMaxBreaks)
            result.breaks.append({seq, std::move(problem)});
        else
            ++result.moreBreaks;
    };
    if (keyed && fromSeq == 1 && keyedFromSeq > 1)
        broken(1, QStringLiteral("rows 1 to %1 were written before the audit chain was keyed and were never keyed: "
                                 "their old chain did not verify at the upgrade (see the integrity-upgrade entry)")
                      .arg(keyedFromSeq - 1));
    qint64 expectedSeq = fromSeq;
    QString previous = previousHash;
    QString previousSeal = previousMac;
    while (query->next()) {
        const auto seq = query->value(0).toLongLong();
        ++result.rows;
        const auto at = query->value(1).toString();
        const auto actor = query->value(2).toString();
        const auto action = query->value(3).toString();
        const auto subject = query->value(4).toString();
        const auto detail = query->value(5).toString();
        const auto storedPrevious = query->value(6).toString();
        const auto storedHash = query->value(7).toString();
        const bool hasMac = !query->value(8).isNull();
        const auto storedMac = query->value(8).toString();
        if (seq != expectedSeq) {
            broken(expectedSeq, seq > expectedSeq
                                    ? QStringLiteral("row %1 is missing (found row %2 next)").arg(expectedSeq).arg(seq)
                                    : QStringLiteral("row %1 is out of order (found where row %2 belongs)").arg(seq).arg(expectedSeq));
        } else if (storedPrevious != previous) {
            broken(seq, QStringLiteral("row %1 does not follow row %2: the chain is broken (rows removed or reordered)").arg(seq).arg(seq - 1));
        } else if (hashOf(previous, seq, at, actor, action, subject, detail) != storedHash) {
            broken(seq, QStringLiteral("row %1 was edited: its content does not match its hash").arg(seq));
        } else if (keyed && seq >= keyedFromSeq && !hasMac) {
            broken(seq, QStringLiteral("row %1 has no keyed seal: it was not written by DualRec (inserted or rewritten "
                                       "straight into the database)")
                            .arg(seq));
        } else if (keyed && seq >= keyedFromSeq
                   && !seal::sameMac(macOf(*m_key, previousSeal, seq, at, actor, action, subject, detail).toLatin1(),
                                     storedMac.toLatin1())) {
            broken(seq, QStringLiteral("row %1 does not match its keyed seal: its content (actor %2, action %3, subject %4) "
                                       "was changed outside DualRec, and its unkeyed hashes were recomputed to hide it")
                            .arg(seq)
                            .arg(actor, action, subject));
        }
        // Go on from what is stored, so that later breaks are found too.
        previous = storedHash;
        previousSeal = keyed && seq >= keyedFromSeq && hasMac ? storedMac : kGenesisHash;
        expectedSeq = seq + 1;
    }
    const qint64 lastSeq = expectedSeq - 1;

    // The anchor catches rows cut off the end, which leave a valid but shorter chain.
    QFile anchor(m_anchorPath);
    if (!anchor.open(QIODevice::ReadOnly)) {
        if (lastSeq > 0)
            broken(lastSeq + 1, QStringLiteral("the audit anchor %1 is missing; the end of the log cannot be confirmed").arg(m_anchorPath));
        return result;
    }
    const auto parts = QString::fromLatin1(anchor.read(4096)).trimmed().split(u' ');
    const auto anchoredSeq = parts.value(0).toLongLong();
    const auto anchoredHash = parts.value(1);
    if (legacyAnchor && parts.size() != 2) {
        // A keyed anchor beside a journal without seals: the keyed history was removed.
        broken(lastSeq, QStringLiteral("the audit anchor %1 is keyed but the journal's rows have no keyed seals: the keyed "
                                       "history was removed")
                            .arg(m_anchorPath));
        return result;
    }
    if (!legacyAnchor) {
        const QString line = QStringList(parts.mid(0, 3)).join(u' ');
        if (parts.size() != 4) {
            broken(lastSeq, QStringLiteral("the audit anchor %1 has no keyed tag (an old or forged anchor)").arg(m_anchorPath));
            return result;
        }
        if (!seal::sameMac(parts.at(3).toLatin1(), tag(QStringLiteral("anchor ") + line).toLatin1())) {
            broken(lastSeq, QStringLiteral("the audit anchor %1 was not written by DualRec: its keyed tag does not match").arg(m_anchorPath));
            return result;
        }
    }
    if (!legacyAnchor && anchoredSeq > 0 && anchoredSeq < lastSeq && result.intact) {
        // The anchor lags behind rows whose keyed seals hold: a crash between a commit and the
        // anchor's rewrite (only DualRec, with the key, can have written those rows). It holds
        // when the anchored row is still what the anchor says; the anchor is brought forward.
        auto anchoredRow = m_database->run(QStringLiteral("SELECT a.row_hash, m.mac FROM audit_log a LEFT JOIN audit_mac m ON m.seq = a.seq "
                                                          "WHERE a.seq = ?"),
                                           {anchoredSeq});
        if (!anchoredRow)
            return std::unexpected(anchoredRow.error());
        if (anchoredRow->next() && anchoredRow->value(0).toString() == anchoredHash && anchoredRow->value(1).toString() == parts.value(2)) {
            if (auto anchored = writeAnchor(lastSeq, previous, previousSeal); !anchored)
                return std::unexpected(anchored.error());
            return result;
        }
    }
    if (anchoredSeq != lastSeq)
        broken(std::min(anchoredSeq, lastSeq) + 1,
               anchoredSeq > lastSeq ? QStringLiteral("rows %1 to %2 were removed from the end").arg(lastSeq + 1).arg(anchoredSeq)
                                     : QStringLiteral("rows after %1 are not covered by the anchor").arg(anchoredSeq));
    else if (lastSeq > 0 && (anchoredHash != previous || (!legacyAnchor && parts.value(2) != previousSeal)))
        broken(lastSeq, QStringLiteral("row %1 does not match the anchored hash").arg(lastSeq));
    return result;
}

Result<AuditVerification> AuditLog::verify()
{
    return check(1, kGenesisHash, kGenesisHash, true, false);
}

Result<AuditVerification> AuditLog::verifySinceMark(bool full)
{
    if (!m_key)
        return fail(ErrorCode::InvalidState, QStringLiteral("the audit log has no integrity key"));
    qint64 fromSeq = 1;
    QString previous = kGenesisHash;
    QString previousMac = kGenesisHash;
    auto mark = maintenance(QLatin1String(kVerifiedMarkKey));
    if (!mark)
        return std::unexpected(mark.error());
    const auto parts = mark->split(u' ');
    if (!full && parts.size() == 4
        && seal::sameMac(parts.at(3).toLatin1(), tag(QStringLiteral("verified ") + QStringList(parts.mid(0, 3)).join(u' ')).toLatin1())) {
        // The marked row must still be what was verified; else the whole log is checked.
        auto row = m_database->run(QStringLiteral("SELECT a.row_hash, m.mac FROM audit_log a LEFT JOIN audit_mac m ON m.seq = a.seq "
                                                  "WHERE a.seq = ?"),
                                   {parts.at(0).toLongLong()});
        if (!row)
            return std::unexpected(row.error());
        if (row->next() && row->value(0).toString() == parts.at(1)
            && (row->value(1).isNull() ? kGenesisHash : row->value(1).toString()) == parts.at(2)) {
            fromSeq = parts.at(0).toLongLong() + 1;
            previous = parts.at(1);
            previousMac = parts.at(2);
        }
    }
    auto checked = check(fromSeq, previous, previousMac, true, false);
    if (!checked || !checked->intact)
        return checked;
    // The mark moves to the last row.
    auto last = m_database->run(QStringLiteral("SELECT a.seq, a.row_hash, m.mac FROM audit_log a LEFT JOIN audit_mac m ON m.seq = a.seq "
                                               "ORDER BY a.seq DESC LIMIT 1"));
    if (!last)
        return std::unexpected(last.error());
    if (last->next()) {
        const QString line = QStringLiteral("%1 %2 %3")
                                 .arg(last->value(0).toLongLong())
                                 .arg(last->value(1).toString(), last->value(2).isNull() ? kGenesisHash : last->value(2).toString());
        if (auto stored = setMaintenance(QLatin1String(kVerifiedMarkKey), line + u' ' + tag(QStringLiteral("verified ") + line)); !stored)
            return std::unexpected(stored.error());
    }
    return checked;
}

Result<AuditKeying> AuditLog::keyExistingChain()
{
    if (!m_key)
        return fail(ErrorCode::InvalidState, QStringLiteral("the audit log has no integrity key"));
    const std::lock_guard appending(m_appendMutex);
    AuditKeying keying;
    {
        auto sealed = m_database->run(QStringLiteral("SELECT COUNT(*) FROM audit_mac"));
        if (!sealed)
            return std::unexpected(sealed.error());
        if (sealed->next() && sealed->value(0).toLongLong() > 0)
            return fail(ErrorCode::InvalidState, QStringLiteral("the audit chain is keyed already"));
    }
    auto old = check(1, kGenesisHash, kGenesisHash, false, true);
    if (!old)
        return std::unexpected(old.error());
    keying.oldChain = *old;
    keying.rows = old->rows;
    auto transaction = Transaction::begin(*m_database);
    if (!transaction)
        return std::unexpected(transaction.error());
    qint64 lastSeq = 0;
    QString lastHash = kGenesisHash;
    QString mac = kGenesisHash;
    {
        auto rows = m_database->run(QStringLiteral(
            "SELECT seq, at_utc, actor, action, subject, detail, row_hash FROM audit_log ORDER BY seq"));
        if (!rows)
            return std::unexpected(rows.error());
        while (rows->next()) {
            lastSeq = rows->value(0).toLongLong();
            lastHash = rows->value(6).toString();
            if (!old->intact)
                continue;
            mac = macOf(*m_key, mac, lastSeq, rows->value(1).toString(), rows->value(2).toString(), rows->value(3).toString(),
                        rows->value(4).toString(), rows->value(5).toString());
            auto inserted = m_database->run(QStringLiteral("INSERT INTO audit_mac (seq, mac) VALUES (?, ?)"), {lastSeq, mac});
            if (!inserted)
                return std::unexpected(inserted.error());
        }
    }
    // A broken old chain is not keyed: the keyed chain starts after its last row.
    const QString from = QString::number(old->intact ? 1 : lastSeq + 1);
    if (auto stored = setMaintenance(QLatin1String(kKeyedFromKey), from + u' ' + tag(QStringLiteral("keyed-from ") + from)); !stored)
        return std::unexpected(stored.error());
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    keying.keyed = old->intact;
    if (auto anchored = writeAnchor(lastSeq, lastHash, old->intact ? mac : kGenesisHash); !anchored)
        return std::unexpected(anchored.error());
    return keying;
}

} // namespace dualrec::storage
