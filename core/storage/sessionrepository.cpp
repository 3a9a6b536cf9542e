#include "core/storage/sessionrepository.h"

#include "core/storage/auditlog.h"
#include "core/storage/qcrepository.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <array>

namespace dualrec::storage {

using workflow::SessionEvent;
using workflow::SessionEventType;
using workflow::SessionId;
using workflow::SessionState;

namespace {

QString utc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromUtc(const QVariant &value)
{
    const auto text = value.toString();
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

QString stateText(SessionState state)
{
    return state == SessionState::Invalid ? QString() : QString::fromLatin1(workflow::sessionStateName(state));
}

template<typename Enum, int First, int Last>
Enum fromName(const QString &name, const char *(*nameOf)(Enum))
{
    for (int value = First; value <= Last; ++value) {
        if (name == QLatin1String(nameOf(Enum(value))))
            return Enum(value);
    }
    return Enum::Invalid;
}

} // namespace

SessionRepository::SessionRepository(std::shared_ptr<Database> database, std::optional<seal::SecretKey> piiKey)
    : m_database(std::move(database)), m_piiKey(std::move(piiKey))
{
}

Result<void> SessionRepository::create(const SessionRecord &record)
{
    if (record.id.isNull() || record.applicationNo.isEmpty() || record.agentId.isEmpty() || record.templateId.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a session needs an id, an application number, an agent and a template"));
    QVariant pii(QMetaType(QMetaType::QByteArray));
    if (record.customer) {
        if (!m_piiKey)
            return fail(ErrorCode::InvalidState, QStringLiteral("no key to encrypt the customer's personal data; not stored"));
        const QJsonObject customer{{QStringLiteral("name"), record.customer->name},
                                   {QStringLiteral("id_number"), record.customer->idNumber},
                                   {QStringLiteral("phone"), record.customer->phone},
                                   {QStringLiteral("insured_name"), record.customer->insuredName}};
        auto sealed = seal::encryptAesGcm(*m_piiKey, QJsonDocument(customer).toJson(QJsonDocument::Compact),
                                          record.id.toString().toLatin1());
        if (!sealed)
            return std::unexpected(sealed.error());
        pii = *sealed;
    }
    auto transaction = Transaction::begin(*m_database);
    if (!transaction)
        return std::unexpected(transaction.error());
    const auto now = utc(record.createdAt.isValid() ? record.createdAt : QDateTime::currentDateTimeUtc());
    auto inserted = m_database->run(
        QStringLiteral("INSERT INTO sessions (id, application_no, agent_id, customer_ref, customer_pii, template_id, "
                       "template_version, scope_required, scope_reason, state, previous_session_id, created_at_utc, "
                       "updated_at_utc, finished_at_utc, qc_verdict, channel, province_code) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        {record.id.toString(), record.applicationNo, record.agentId, record.customerRef, pii, record.templateId,
         record.templateVersion, record.scopeRequired ? 1 : 0, record.scopeReason,
         QLatin1String(workflow::sessionStateName(record.state)),
         nullable(record.previousSession.isNull() ? QString() : record.previousSession.toString()), now,
         utc(record.updatedAt.isValid() ? record.updatedAt : QDateTime::fromString(now, Qt::ISODateWithMs)),
         nullable(utc(record.finishedAt)), storedVerdictName(record.qcVerdict), record.channel, record.provinceCode});
    if (!inserted)
        return std::unexpected(inserted.error());
    for (qsizetype i = 0; i < record.products.size(); ++i) {
        auto product = m_database->run(
            QStringLiteral("INSERT INTO session_products (session_id, position, product_code, product_name) VALUES (?,?,?,?)"),
            {record.id.toString(), i, record.products.at(i).code, record.products.at(i).name});
        if (!product)
            return std::unexpected(product.error());
    }
    return transaction->commit();
}

Result<void> SessionRepository::appendEvents(const SessionId &id, qint64 firstSeq, const QList<SessionEvent> &events)
{
    if (events.isEmpty())
        return {};
    auto transaction = Transaction::begin(*m_database);
    if (!transaction)
        return std::unexpected(transaction.error());
    const SessionEvent *lastChange = nullptr;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const auto &event = events.at(i);
        auto inserted = m_database->run(
            QStringLiteral("INSERT INTO events (session_id, seq, type, wall_utc, monotonic_ns, step_index, step_id, "
                           "from_state, to_state, trigger_name, detail) VALUES (?,?,?,?,?,?,?,?,?,?,?)"),
            {id.toString(), firstSeq + i, QLatin1String(workflow::sessionEventTypeName(event.type)), utc(event.wallTime),
             qint64(event.monotonic.count()), qint64(event.stepIndex), event.stepId,
             stateText(event.from), stateText(event.to),
             event.trigger == workflow::SessionTrigger::Invalid ? QString() : QString::fromLatin1(workflow::sessionTriggerName(event.trigger)),
             event.detail});
        if (!inserted)
            return std::unexpected(inserted.error());
        if (event.type == SessionEventType::StateChanged)
            lastChange = &event;
    }
    if (lastChange) {
        auto updated = m_database->run(
            QStringLiteral("UPDATE sessions SET state = ?, updated_at_utc = ?, finished_at_utc = COALESCE(?, finished_at_utc) "
                           "WHERE id = ?"),
            {QLatin1String(workflow::sessionStateName(lastChange->to)), utc(lastChange->wallTime),
             workflow::isEndState(lastChange->to) ? QVariant(utc(lastChange->wallTime)) : QVariant(QMetaType(QMetaType::QString)),
             id.toString()});
        if (!updated)
            return std::unexpected(updated.error());
        if (updated->numRowsAffected() != 1)
            return fail(ErrorCode::NotFound, QStringLiteral("no session %1 in the journal").arg(id.toString()));
    }
    return transaction->commit();
}

Result<void> SessionRepository::addMediaFile(const SessionId &id, const MediaFile &file)
{
    auto inserted = m_database->run(
        QStringLiteral("INSERT INTO media_files (session_id, role, path, size_bytes, sha256, created_at_utc) VALUES (?,?,?,?,?,?)"),
        {id.toString(), mediaRoleName(file.role), file.path, file.sizeBytes, file.sha256,
         utc(file.createdAt.isValid() ? file.createdAt : QDateTime::currentDateTimeUtc())});
    if (!inserted)
        return std::unexpected(inserted.error());
    return {};
}

Result<void> SessionRepository::savePresenceRuns(const SessionId &id, const QList<PresenceRun> &runs)
{
    auto transaction = Transaction::begin(*m_database);
    if (!transaction)
        return std::unexpected(transaction.error());
    if (auto cleared = m_database->run(QStringLiteral("DELETE FROM presence_runs WHERE session_id = ?"), {id.toString()}); !cleared)
        return std::unexpected(cleared.error());
    for (const auto &run : runs) {
        auto inserted = m_database->run(
            QStringLiteral("INSERT OR REPLACE INTO presence_runs (session_id, start_ms, end_ms, faces, agent_present, "
                           "customer_present) VALUES (?,?,?,?,?,?)"),
            {id.toString(), qint64(run.start.count()), qint64(run.end.count()), run.faces, run.agent ? 1 : 0, run.customer ? 1 : 0});
        if (!inserted)
            return std::unexpected(inserted.error());
    }
    return transaction->commit();
}

Result<QList<PresenceRun>> SessionRepository::presenceRuns(const SessionId &id)
{
    auto query = m_database->run(QStringLiteral("SELECT start_ms, end_ms, faces, agent_present, customer_present FROM presence_runs "
                                                "WHERE session_id = ? ORDER BY start_ms"),
                                 {id.toString()});
    if (!query)
        return std::unexpected(query.error());
    QList<PresenceRun> runs;
    while (query->next())
        runs.append({std::chrono::milliseconds(query->value(0).toLongLong()), std::chrono::milliseconds(query->value(1).toLongLong()),
                     query->value(2).toInt(), query->value(3).toInt() != 0, query->value(4).toInt() != 0});
    return runs;
}

Result<void> SessionRepository::saveSpeech(const SessionId &id, const SpeechAnalysis &analysis)
{
    if (!analysis.analysed)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("speech of session %1: only an analysis is stored").arg(id.toString()));
    std::chrono::milliseconds previousEnd{0};
    for (qsizetype i = 0; i < analysis.ranges.size(); ++i) {
        const auto &range = analysis.ranges.at(i);
        if (range.start < previousEnd || range.end <= range.start)
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("speech of session %1: range %2 (%3-%4 ms) is empty, negative or overlaps the one before")
                            .arg(id.toString()).arg(i + 1).arg(range.start.count()).arg(range.end.count()));
        previousEnd = range.end;
    }
    auto transaction = Transaction::begin(*m_database);
    if (!transaction)
        return std::unexpected(transaction.error());
    if (auto cleared = m_database->run(QStringLiteral("DELETE FROM speech_analyses WHERE session_id = ?"), {id.toString()}); !cleared)
        return std::unexpected(cleared.error());
    if (auto inserted = m_database->run(
            QStringLiteral("INSERT INTO speech_analyses (session_id, detector, analysed_ms, dropped_ms, at_utc) VALUES (?,?,?,?,?)"),
            {id.toString(), analysis.detector, qint64(analysis.analysedAudio.count()), qint64(analysis.droppedAudio.count()),
             utc(QDateTime::currentDateTimeUtc())});
        !inserted)
        return std::unexpected(inserted.error());
    for (const auto &range : analysis.ranges) {
        auto inserted = m_database->run(QStringLiteral("INSERT INTO speech_ranges (session_id, start_ms, end_ms) VALUES (?,?,?)"),
                                        {id.toString(), qint64(range.start.count()), qint64(range.end.count())});
        if (!inserted)
            return std::unexpected(inserted.error());
    }
    return transaction->commit();
}

Result<SpeechAnalysis> SessionRepository::speech(const SessionId &id)
{
    auto query = m_database->run(
        QStringLiteral("SELECT detector, analysed_ms, dropped_ms FROM speech_analyses WHERE session_id = ?"), {id.toString()});
    if (!query)
        return std::unexpected(query.error());
    SpeechAnalysis analysis;
    if (!query->next())
        return analysis;
    analysis.analysed = true;
    analysis.detector = query->value(0).toString();
    analysis.analysedAudio = std::chrono::milliseconds(query->value(1).toLongLong());
    analysis.droppedAudio = std::chrono::milliseconds(query->value(2).toLongLong());
    auto ranges = m_database->run(QStringLiteral("SELECT start_ms, end_ms FROM speech_ranges WHERE session_id = ? ORDER BY start_ms"),
                                  {id.toString()});
    if (!ranges)
        return std::unexpected(ranges.error());
    while (ranges->next())
        analysis.ranges.append({std::chrono::milliseconds(ranges->value(0).toLongLong()),
                                std::chrono::milliseconds(ranges->value(1).toLongLong())});
    return analysis;
}

Result<std::optional<SessionRecord>> SessionRepository::find(const SessionId &id)
{
    auto query = m_database->run(
        QStringLiteral("SELECT application_no, agent_id, customer_ref, customer_pii, template_id, template_version, "
                       "scope_required, scope_reason, state, previous_session_id, created_at_utc, updated_at_utc, "
                       "finished_at_utc, qc_verdict, channel, province_code, evidence_state FROM sessions WHERE id = ?"),
        {id.toString()});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<SessionRecord>();
    SessionRecord record;
    record.id = id;
    record.applicationNo = query->value(0).toString();
    record.agentId = query->value(1).toString();
    record.customerRef = query->value(2).toString();
    if (const auto sealed = query->value(3).toByteArray(); !sealed.isEmpty()) {
        if (!m_piiKey)
            return fail(ErrorCode::InvalidState, QStringLiteral("no key to decrypt the customer's personal data"));
        auto plain = seal::decryptAesGcm(*m_piiKey, sealed, id.toString().toLatin1());
        if (!plain)
            return std::unexpected(plain.error());
        const auto customer = QJsonDocument::fromJson(*plain).object();
        record.customer = CustomerData{customer.value(QStringLiteral("name")).toString(),
                                       customer.value(QStringLiteral("id_number")).toString(),
                                       customer.value(QStringLiteral("phone")).toString(),
                                       customer.value(QStringLiteral("insured_name")).toString()};
    }
    record.templateId = query->value(4).toString();
    record.templateVersion = query->value(5).toString();
    record.scopeRequired = query->value(6).toInt() != 0;
    record.scopeReason = query->value(7).toString();
    record.state = workflow::sessionStateFromName(query->value(8).toString());
    if (record.state == workflow::SessionState::Invalid)
        return fail(ErrorCode::DataCorrupt, QStringLiteral("the journal's sessions.state holds \"%1\" for session %2, which is no "
                                                           "session state")
                                                .arg(query->value(8).toString(), id.toString()));
    record.previousSession = SessionId::fromString(query->value(9).toString());
    record.createdAt = fromUtc(query->value(10));
    record.updatedAt = fromUtc(query->value(11));
    record.finishedAt = fromUtc(query->value(12));
    const auto verdict = enumFromSql(kStoredVerdictNames, query->value(13), "sessions", "qc_verdict");
    if (!verdict)
        return std::unexpected(verdict.error());
    record.qcVerdict = *verdict;
    record.channel = query->value(14).toString();
    record.provinceCode = query->value(15).toString();
    const auto evidence = enumFromSql(kEvidenceStateNames, query->value(16), "sessions", "evidence_state");
    if (!evidence)
        return std::unexpected(evidence.error());
    record.evidence = *evidence;

    auto products = m_database->run(
        QStringLiteral("SELECT product_code, product_name FROM session_products WHERE session_id = ? ORDER BY position"),
        {id.toString()});
    if (!products)
        return std::unexpected(products.error());
    while (products->next())
        record.products.append({products->value(0).toString(), products->value(1).toString()});
    return std::optional<SessionRecord>(std::move(record));
}

Result<QList<SessionEvent>> SessionRepository::events(const SessionId &id)
{
    auto query = m_database->run(
        QStringLiteral("SELECT type, wall_utc, monotonic_ns, step_index, step_id, from_state, to_state, trigger_name, detail "
                       "FROM events WHERE session_id = ? ORDER BY seq"),
        {id.toString()});
    if (!query)
        return std::unexpected(query.error());
    QList<SessionEvent> events;
    while (query->next()) {
        SessionEvent event;
        event.type = fromName<SessionEventType, int(SessionEventType::Created), int(SessionEventType::PresenceViolated)>(
            query->value(0).toString(), &workflow::sessionEventTypeName);
        event.wallTime = fromUtc(query->value(1));
        event.monotonic = std::chrono::nanoseconds(query->value(2).toLongLong());
        event.stepIndex = query->value(3).toLongLong();
        event.stepId = query->value(4).toString();
        event.from = workflow::sessionStateFromName(query->value(5).toString());
        event.to = workflow::sessionStateFromName(query->value(6).toString());
        event.trigger = fromName<workflow::SessionTrigger, int(workflow::SessionTrigger::Start), int(workflow::SessionTrigger::Fail)>(
            query->value(7).toString(), &workflow::sessionTriggerName);
        event.detail = query->value(8).toString();
        events.append(event);
    }
    return events;
}

Result<EvidenceState> SessionRepository::evidenceState(const SessionId &id)
{
    auto query = m_database->run(QStringLiteral("SELECT evidence_state FROM sessions WHERE id = ?"), {id.toString()});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return fail(ErrorCode::NotFound, QStringLiteral("session %1 is not in the journal").arg(id.toString()));
    const auto name = query->value(0).toString();
    const auto state = workflow::enumFromName(kEvidenceStateNames, name);
    if (!state)
        return fail(ErrorCode::DataCorrupt,
                    QStringLiteral("session %1 has an unknown evidence state \"%2\"").arg(id.toString(), name));
    return *state;
}

Result<EvidenceState> SessionRepository::advanceEvidence(const SessionId &id, EvidenceStep step, const QDateTime &at,
                                                         const QString &detail)
{
    auto transaction = Transaction::begin(*m_database);
    if (!transaction)
        return std::unexpected(transaction.error());
    const auto from = evidenceState(id);
    if (!from)
        return std::unexpected(from.error());
    const auto to = nextEvidenceState(*from, step);
    if (!to)
        return fail(ErrorCode::InvalidState,
                    QStringLiteral("session %1: the evidence step \"%2\" is not allowed in state \"%3\"")
                        .arg(id.toString(), evidenceStepName(step), evidenceStateName(*from)));
    auto updated = m_database->run(QStringLiteral("UPDATE sessions SET evidence_state = ? WHERE id = ?"),
                                   {evidenceStateName(*to), id.toString()});
    if (!updated)
        return std::unexpected(updated.error());
    auto inserted = m_database->run(
        QStringLiteral("INSERT INTO evidence_transitions (session_id, seq, step, from_state, to_state, at_utc, detail) "
                       "VALUES (?, (SELECT COUNT(*) FROM evidence_transitions WHERE session_id = ?), ?, ?, ?, ?, ?)"),
        {id.toString(), id.toString(), evidenceStepName(step), evidenceStateName(*from), evidenceStateName(*to),
         utc(at.isValid() ? at : QDateTime::currentDateTimeUtc()), detail});
    if (!inserted)
        return std::unexpected(inserted.error());
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    return *to;
}

Result<EvidenceState> SessionRepository::adoptEvidence(const SessionId &id, EvidenceState target, const QDateTime &at,
                                                       const QString &detail)
{
    auto state = evidenceState(id);
    if (!state)
        return state;
    for (const auto step : evidenceStepsBetween(*state, target)) {
        state = advanceEvidence(id, step, at, detail);
        if (!state)
            return state;
    }
    return state;
}

EvidenceState SessionRepository::evidenceOfFiles(const QList<MediaFile> &files)
{
    const auto has = [&files](MediaRole role) {
        return std::ranges::any_of(files, [role](const MediaFile &file) { return file.role == role; });
    };
    if (has(MediaRole::Recording))
        return EvidenceState::Stored;
    if (has(MediaRole::RecordingFragmented))
        return EvidenceState::Recording;
    return EvidenceState::NoRecording;
}

Result<QList<EvidenceTransition>> SessionRepository::evidenceTransitions(const SessionId &id)
{
    auto query = m_database->run(QStringLiteral("SELECT step, from_state, to_state, at_utc, detail FROM evidence_transitions "
                                                "WHERE session_id = ? ORDER BY seq"),
                                 {id.toString()});
    if (!query)
        return std::unexpected(query.error());
    QList<EvidenceTransition> transitions;
    while (query->next()) {
        transitions.append({workflow::enumFromName(kEvidenceStepNames, query->value(0).toString()).value_or(EvidenceStep::Invalid),
                            workflow::enumFromName(kEvidenceStateNames, query->value(1).toString()).value_or(EvidenceState::Invalid),
                            workflow::enumFromName(kEvidenceStateNames, query->value(2).toString()).value_or(EvidenceState::Invalid),
                            fromUtc(query->value(3)), query->value(4).toString()});
    }
    return transitions;
}

Result<QList<SessionId>> SessionRepository::sessionsWithEvidence(const QList<EvidenceState> &states)
{
    if (states.isEmpty())
        return QList<SessionId>();
    QVariantList values;
    QStringList marks;
    for (const auto state : states) {
        values.append(evidenceStateName(state));
        marks.append(QStringLiteral("?"));
    }
    auto query = m_database->run(QStringLiteral("SELECT id FROM sessions WHERE evidence_state IN (%1) ORDER BY created_at_utc, id")
                                     .arg(marks.join(u',')),
                                 values);
    if (!query)
        return std::unexpected(query.error());
    QList<SessionId> ids;
    while (query->next())
        ids.append(SessionId::fromString(query->value(0).toString()));
    return ids;
}

Result<QList<SessionId>> SessionRepository::leftBehind()
{
    constexpr std::array kEndStates{SessionState::Finished, SessionState::Refused, SessionState::Aborted, SessionState::Failed};
    static_assert(std::ranges::all_of(kEndStates, workflow::isEndState));
    QVariantList values;
    for (const auto state : kEndStates)
        values.append(QLatin1String(workflow::sessionStateName(state)));
    values.append(QLatin1String(auditActionName(AuditAction::SessionRecovered)));
    auto query = m_database->run(
        QStringLiteral("SELECT s.id FROM sessions s "
                       "WHERE (s.state NOT IN (?,?,?,?) "
                       "       OR (EXISTS (SELECT 1 FROM media_files m WHERE m.session_id = s.id AND m.role = 'recording-fragmented') "
                       "           AND NOT EXISTS (SELECT 1 FROM media_files m WHERE m.session_id = s.id "
                       "                           AND m.role IN ('recording', 'sidecar'))) "
                       "       OR s.evidence_state IN ('recording', 'recorded')) "
                       "  AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = ? AND a.subject = s.id) "
                       "ORDER BY s.created_at_utc, s.id"),
        values);
    if (!query)
        return std::unexpected(query.error());
    QList<SessionId> ids;
    while (query->next())
        ids.append(SessionId::fromString(query->value(0).toString()));
    return ids;
}

Result<QList<MediaFile>> SessionRepository::mediaFiles(const SessionId &id)
{
    auto query = m_database->run(
        QStringLiteral("SELECT role, path, size_bytes, sha256, created_at_utc FROM media_files WHERE session_id = ? ORDER BY id"),
        {id.toString()});
    if (!query)
        return std::unexpected(query.error());
    QList<MediaFile> files;
    while (query->next()) {
        const auto role = enumFromSql(kMediaRoleNames, query->value(0), "media_files", "role");
        if (!role)
            return std::unexpected(role.error());
        files.append({*role, query->value(1).toString(), query->value(2).toLongLong(), query->value(3).toString(),
                      fromUtc(query->value(4))});
    }
    return files;
}

Result<HistoryPage> SessionRepository::history(const HistoryFilter &filter, int offset, int limit)
{
    QStringList where;
    QVariantList values;
    if (filter.from.isValid()) {
        where.append(QStringLiteral("s.created_at_utc >= ?"));
        values.append(filter.from.startOfDay(Qt::UTC).toString(Qt::ISODateWithMs));
    }
    if (filter.to.isValid()) {
        where.append(QStringLiteral("s.created_at_utc < ?"));
        values.append(filter.to.addDays(1).startOfDay(Qt::UTC).toString(Qt::ISODateWithMs));
    }
    if (!filter.agentId.isEmpty()) {
        where.append(QStringLiteral("s.agent_id = ?"));
        values.append(filter.agentId);
    }
    if (!filter.applicationNo.isEmpty()) {
        where.append(QStringLiteral("s.application_no = ?"));
        values.append(filter.applicationNo);
    }
    if (!filter.productCode.isEmpty()) {
        where.append(QStringLiteral("s.id IN (SELECT session_id FROM session_products WHERE product_code = ?)"));
        values.append(filter.productCode);
    }
    if (filter.state) {
        where.append(QStringLiteral("s.state = ?"));
        values.append(QLatin1String(workflow::sessionStateName(*filter.state)));
    }
    if (filter.qcVerdict) {
        where.append(QStringLiteral("s.qc_verdict = ?"));
        values.append(storedVerdictName(*filter.qcVerdict));
    }
    if (filter.reviewQueue) {
        where.append(QStringLiteral("s.qc_review = '' AND (s.qc_verdict = 'needs_review' OR (s.qc_verdict = 'pass' AND %1))")
                         .arg(QcRepository::sampleCondition(QStringLiteral("s.id"), filter.samplePercent)));
    }
    if (filter.neverUploaded) {
        where.append(QStringLiteral("s.id NOT IN (SELECT session_id FROM uploads)"));
    } else if (filter.uploadState != UploadState::Invalid) {
        where.append(QStringLiteral("s.id IN (SELECT session_id FROM uploads WHERE state = ?)"));
        values.append(workflow::enumToName(kUploadStateNames, filter.uploadState));
    }
    // Every filter is on sessions (sub-selects use their indexes), so counting needs no join.
    const QString whereClause = where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));

    HistoryPage page;
    auto count = m_database->run(QStringLiteral("SELECT COUNT(*) FROM sessions s") + whereClause, values);
    if (!count)
        return std::unexpected(count.error());
    page.total = count->next() ? count->value(0).toLongLong() : 0;

    auto pageValues = values;
    pageValues << limit << offset;
    auto rows = m_database->run(
        QStringLiteral("SELECT s.id, s.application_no, s.agent_id, s.template_id, "
                       "(SELECT group_concat(product_name, '、') FROM session_products p WHERE p.session_id = s.id), "
                       "s.state, s.qc_verdict, u.state, s.created_at_utc, s.qc_review")
            + QStringLiteral(" FROM sessions s LEFT JOIN uploads u ON u.session_id = s.id") + whereClause
            + QStringLiteral(" ORDER BY s.created_at_utc DESC, s.id DESC LIMIT ? OFFSET ?"),
        pageValues);
    if (!rows)
        return std::unexpected(rows.error());
    while (rows->next()) {
        const auto verdict = enumFromSql(kStoredVerdictNames, rows->value(6), "sessions", "qc_verdict");
        if (!verdict)
            return std::unexpected(verdict.error());
        const auto state = workflow::sessionStateFromName(rows->value(5).toString());
        if (state == workflow::SessionState::Invalid)
            return fail(ErrorCode::DataCorrupt, QStringLiteral("the journal's sessions.state holds \"%1\" for session %2, which is "
                                                               "no session state")
                                                    .arg(rows->value(5).toString(), rows->value(0).toString()));
        std::optional<UploadState> upload;
        if (!rows->value(7).isNull()) {
            const auto stored = enumFromSql(kUploadStateNames, rows->value(7), "uploads", "state");
            if (!stored)
                return std::unexpected(stored.error());
            upload = *stored;
        }
        page.rows.append({SessionId::fromString(rows->value(0).toString()), rows->value(1).toString(),
                          rows->value(2).toString(), rows->value(3).toString(), rows->value(4).toString(),
                          state, *verdict, upload, fromUtc(rows->value(8)), rows->value(9).toString()});
    }
    return page;
}

} // namespace dualrec::storage
