#include "core/storage/qcrepository.h"

#include <QVariant>

#include <algorithm>

namespace dualrec::storage {

using std::chrono::milliseconds;
using workflow::SessionId;

const char *qcSourceName(QcSource source)
{
    switch (source) {
    case QcSource::Automatic:
        return "automatic";
    case QcSource::Supervisor:
        return "supervisor";
    case QcSource::Invalid:
        break;
    }
    return "invalid";
}

const QStringList &spotCheckReasonCodes()
{
    static const QStringList codes{
        QStringLiteral("presence_missing"), QStringLiteral("third_party"),     QStringLiteral("camera_blocked"),
        QStringLiteral("recording_gap"),    QStringLiteral("step_too_short"),  QStringLiteral("no_audible_answer"),
        QStringLiteral("audio_missing"),    QStringLiteral("audio_clipped"),   QStringLiteral("script_not_followed"),
        QStringLiteral("misleading_statement"), QStringLiteral("answer_unclear"), QStringLiteral("other"),
    };
    return codes;
}

QcRepository::QcRepository(std::shared_ptr<Database> database, AuditLog &audit) : m_database(std::move(database)), m_audit(audit)
{
}

namespace {

QVariant nullable(const std::optional<milliseconds> &time)
{
    return time ? QVariant(qint64(time->count())) : QVariant(QMetaType(QMetaType::LongLong));
}

Result<void> requireSession(Database &database, const SessionId &id)
{
    auto query = database.run(QStringLiteral("SELECT 1 FROM sessions WHERE id = ?"), {id.toString()});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return fail(ErrorCode::NotFound, QStringLiteral("no session %1 in the journal").arg(id.toString()));
    return {};
}

Result<qint64> insertVerdict(Database &database, const QcVerdictRecord &record)
{
    auto inserted = database.run(QStringLiteral("INSERT INTO qc_verdicts (session_id, verdict, source, reviewer, notes, at_utc, step_id) "
                                                "VALUES (?,?,?,?,?,?,?)"),
                                 {record.sessionId.toString(), storedVerdictName(record.verdict), QLatin1String(qcSourceName(record.source)), record.reviewer,
                                  record.notes, record.at.toUTC().toString(Qt::ISODateWithMs), record.stepId});
    if (!inserted)
        return std::unexpected(inserted.error());
    const qint64 verdictId = inserted->lastInsertId().toLongLong();
    for (qsizetype i = 0; i < record.reasons.size(); ++i) {
        const auto &reason = record.reasons.at(i);
        auto added = database.run(QStringLiteral("INSERT INTO qc_reasons (verdict_id, position, kind, severity, step_id, start_ms, end_ms, "
                                                 "detail, party) VALUES (?,?,?,?,?,?,?,?,?)"),
                                  {verdictId, qint64(i), reason.kind, reason.severity, reason.stepId, nullable(reason.start),
                                   nullable(reason.end), reason.detail, reason.party});
        if (!added)
            return std::unexpected(added.error());
    }
    return verdictId;
}

} // namespace

Result<qint64> QcRepository::recordAutomatic(const SessionId &id, StoredVerdict verdict, const QList<QcReasonRecord> &reasons,
                                             const QDateTime &at)
{
    if (verdict != StoredVerdict::Pass && verdict != StoredVerdict::NeedsReview && verdict != StoredVerdict::Fail)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("an automatic verdict is pass, needs_review or fail; not \"%1\"").arg(storedVerdictName(verdict)));
    auto transaction = Transaction::begin(*m_database);
    if (!transaction)
        return std::unexpected(transaction.error());
    if (auto known = requireSession(*m_database, id); !known)
        return std::unexpected(known.error());
    QcVerdictRecord record;
    record.sessionId = id;
    record.verdict = verdict;
    record.source = QcSource::Automatic;
    record.at = at;
    record.reasons = reasons;
    auto inserted = insertVerdict(*m_database, record);
    if (!inserted)
        return inserted;
    if (auto updated = m_database->run(QStringLiteral("UPDATE sessions SET qc_verdict = ? WHERE id = ?"),
                                        {storedVerdictName(verdict), id.toString()}); !updated)
        return std::unexpected(updated.error());
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    return inserted;
}

Result<qint64> QcRepository::recordSpotCheck(const SessionId &id, const SpotCheck &check, const User &reviewer, const QDateTime &at)
{
    if (!canSupervise(reviewer.role) || reviewer.disabled)
        return fail(ErrorCode::AccessDenied,
                    QStringLiteral("%1 may not record a spot-check: only supervisors may").arg(reviewer.login));
    if (!check.passed && check.reasonCodes.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a failed spot-check needs at least one reason code"));
    for (const auto &code : check.reasonCodes) {
        if (!spotCheckReasonCodes().contains(code))
            return fail(ErrorCode::InvalidArgument, QStringLiteral("unknown spot-check reason code \"%1\"; expected one of %2")
                                                        .arg(code, spotCheckReasonCodes().join(QStringLiteral(", "))));
    }
    if (check.notes.size() > 2000)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the note is longer than 2000 characters"));
    const StoredVerdict verdict = check.passed ? StoredVerdict::Pass : StoredVerdict::Fail;
    qint64 verdictId = 0;
    {
        auto transaction = Transaction::begin(*m_database);
        if (!transaction)
            return std::unexpected(transaction.error());
        if (auto known = requireSession(*m_database, id); !known)
            return std::unexpected(known.error());
        if (!check.stepId.isEmpty()) {
            auto step = m_database->run(QStringLiteral("SELECT 1 FROM events WHERE session_id = ? AND step_id = ? LIMIT 1"),
                                        {id.toString(), check.stepId});
            if (!step)
                return std::unexpected(step.error());
            if (!step->next())
                return fail(ErrorCode::InvalidArgument, QStringLiteral("session %1 has no step \"%2\"").arg(id.toString(), check.stepId));
        }
        QcVerdictRecord record;
        record.sessionId = id;
        record.verdict = verdict;
        record.source = QcSource::Supervisor;
        record.reviewer = reviewer.login;
        record.notes = check.notes;
        record.stepId = check.stepId;
        record.at = at;
        for (const auto &code : check.reasonCodes)
            record.reasons.append({code, storedVerdictName(verdict), check.stepId, std::nullopt, std::nullopt, {}});
        auto inserted = insertVerdict(*m_database, record);
        if (!inserted)
            return inserted;
        verdictId = *inserted;
        // A failed check fails the review; a pass of the whole session passes it; a pass of one
        // step changes nothing an earlier check said.
        const bool sets = !check.passed || check.stepId.isEmpty();
        if (sets) {
            if (auto updated = m_database->run(QStringLiteral("UPDATE sessions SET qc_review = ? WHERE id = ?"),
                                                {storedVerdictName(verdict), id.toString()});
                !updated)
                return std::unexpected(updated.error());
        } else if (auto updated = m_database->run(QStringLiteral("UPDATE sessions SET qc_review = 'pass' WHERE id = ? AND qc_review = ''"),
                                                  {id.toString()});
                   !updated) {
            return std::unexpected(updated.error());
        }
        if (auto committed = transaction->commit(); !committed)
            return std::unexpected(committed.error());
    }
    QString detail = QStringLiteral("spot-check %1").arg(storedVerdictName(verdict));
    if (!check.stepId.isEmpty())
        detail += QStringLiteral(" of step %1").arg(check.stepId);
    if (!check.reasonCodes.isEmpty())
        detail += QStringLiteral(": ") + check.reasonCodes.join(QStringLiteral(", "));
    detail += QStringLiteral(" (verdict %1)").arg(verdictId);
    if (auto audited = m_audit.append(reviewer.login, AuditAction::QcSpotCheck, id.toString(), detail); !audited)
        return std::unexpected(audited.error());
    return verdictId;
}

Result<QList<QcVerdictRecord>> QcRepository::verdicts(const SessionId &id)
{
    auto query = m_database->run(QStringLiteral("SELECT id, verdict, source, reviewer, notes, at_utc, step_id FROM qc_verdicts "
                                                "WHERE session_id = ? ORDER BY id"),
                                 {id.toString()});
    if (!query)
        return std::unexpected(query.error());
    QList<QcVerdictRecord> records;
    while (query->next()) {
        QcVerdictRecord record;
        record.id = query->value(0).toLongLong();
        record.sessionId = id;
        const auto verdict = enumFromSql(kStoredVerdictNames, query->value(1), "qc_verdicts", "verdict");
        if (!verdict)
            return std::unexpected(verdict.error());
        record.verdict = *verdict;
        const auto source = query->value(2).toString();
        record.source = source == QLatin1String("automatic") ? QcSource::Automatic
                        : source == QLatin1String("supervisor") ? QcSource::Supervisor
                                                                 : QcSource::Invalid;
        if (record.source == QcSource::Invalid)
            return fail(ErrorCode::DataCorrupt, QStringLiteral("the journal's qc_verdicts.source holds \"%1\", which is none of "
                                                               "automatic, supervisor")
                                                    .arg(source));
        record.reviewer = query->value(3).toString();
        record.notes = query->value(4).toString();
        record.at = QDateTime::fromString(query->value(5).toString(), Qt::ISODateWithMs).toUTC();
        record.stepId = query->value(6).toString();
        records.append(record);
    }
    for (auto &record : records) {
        auto reasons = m_database->run(QStringLiteral("SELECT kind, severity, step_id, start_ms, end_ms, detail, party FROM qc_reasons "
                                                      "WHERE verdict_id = ? ORDER BY position"),
                                       {record.id});
        if (!reasons)
            return std::unexpected(reasons.error());
        while (reasons->next()) {
            QcReasonRecord reason;
            reason.kind = reasons->value(0).toString();
            reason.severity = reasons->value(1).toString();
            reason.stepId = reasons->value(2).toString();
            if (!reasons->value(3).isNull())
                reason.start = milliseconds(reasons->value(3).toLongLong());
            if (!reasons->value(4).isNull())
                reason.end = milliseconds(reasons->value(4).toLongLong());
            reason.detail = reasons->value(5).toString();
            reason.party = reasons->value(6).toString();
            record.reasons.append(reason);
        }
    }
    return records;
}

bool QcRepository::sampled(const SessionId &id, double percent)
{
    // The last four hex digits of a version-4 UUID are random: a number in [0, 65536).
    bool ok = false;
    const auto value = id.toString().right(4).toUInt(&ok, 16);
    return ok && qint64(value) * 100 < qint64(std::clamp(percent, 0.0, 100.0) * 65536.0);
}

QString QcRepository::sampleCondition(const QString &idColumn, double percent)
{
    // sampled() in SQL: the same four hex digits as a number.
    QString number;
    for (int digit = 0; digit < 4; ++digit) {
        number += QStringLiteral("%1(instr('0123456789abcdef', lower(substr(%2, %3, 1))) - 1)")
                      .arg(digit == 0 ? QString() : QStringLiteral(" + "), idColumn)
                      .arg(-4 + digit);
        if (digit < 3)
            number += QStringLiteral(" * %1").arg(1 << (4 * (3 - digit)));
    }
    const qint64 limit = qint64(std::clamp(percent, 0.0, 100.0) * 65536.0);
    return QStringLiteral("((%1) * 100 < %2)").arg(number).arg(limit);
}

} // namespace dualrec::storage
