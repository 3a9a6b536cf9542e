#include "core/live/journalbridge.h"

#include "core/storage/sessionclaim.h"
#include "core/util/filedigest.h"

#include <QDir>
#include <QFile>

namespace dualrec::live {

JournalBridge::JournalBridge(storage::Journal &journal, QString dataDirectory, SessionRows rows)
    : m_journal(journal), m_dataDirectory(std::move(dataDirectory)), m_rows(rows)
{
}

Result<void> JournalBridge::keep(const Result<void> &result)
{
    if (!result && !m_firstError)
        m_firstError = result.error();
    return result;
}

Result<void> JournalBridge::claimSession(const QString &sessionId)
{
    if (m_rows == SessionRows::WrittenElsewhere)
        return {}; // the window claimed it before writing its first row
    auto claim = storage::SessionClaim::take(m_journal.dataDirectory(), workflow::SessionId::fromString(sessionId));
    if (!claim)
        return std::unexpected(claim.error());
    m_claim = std::move(*claim);
    return {};
}

Result<void> JournalBridge::sessionStarted(const SessionStart &start)
{
    if (m_rows == SessionRows::WrittenElsewhere) {
        m_started = true;
        return keep(storage::Journal::rememberRecordingFolder(m_dataDirectory, start.recordingFolder));
    }
    storage::SessionRecord record;
    record.id = workflow::SessionId::fromString(start.sessionId);
    record.applicationNo = start.applicationNumber;
    record.agentId = start.agentId;
    record.templateId = start.templateId;
    record.templateVersion = start.templateVersion;
    for (const auto &[code, name] : start.products)
        record.products.append({code, name});
    record.scopeReason = QStringLiteral("recorded with dualrec record (no scope decision)");
    record.createdAt = start.events.isEmpty() ? QDateTime::currentDateTimeUtc() : start.events.first().wallTime;
    auto created = keep(m_journal.sessions().create(record));
    m_started = created.has_value();
    Result<void> result = created;
    if (m_started) {
        result = keep(m_journal.sessions().appendEvents(record.id, m_nextSeq, start.events));
        m_nextSeq += start.events.size();
    }
    auto remembered = keep(storage::Journal::rememberRecordingFolder(m_dataDirectory, start.recordingFolder));
    return result ? remembered : result;
}

Result<void> JournalBridge::sessionEvent(const QString &sessionId, const workflow::SessionEvent &event)
{
    if (!m_started || m_rows == SessionRows::WrittenElsewhere)
        return {};
    return keep(m_journal.sessions().appendEvents(workflow::SessionId::fromString(sessionId), m_nextSeq++, {event}));
}

Result<void> JournalBridge::mediaFile(const QString &sessionId, FileKind kind, const QString &path, qint64 bytes,
                                      const QString &sha256)
{
    if (!m_started)
        return {};
    storage::MediaRole role = storage::MediaRole::Invalid;
    QString digest;
    switch (kind) {
    case FileKind::Fragmented:
        role = storage::MediaRole::RecordingFragmented; // still growing: no digest yet
        break;
    case FileKind::Final:
        role = storage::MediaRole::Recording;
        // unreadable: journaled without, the check later says so
        digest = sha256.isEmpty() ? sha256OfFile(path).value_or(QString()) : sha256;
        break;
    case FileKind::Sidecar:
        role = storage::MediaRole::Sidecar;
        digest = sha256.isEmpty() ? sha256OfFile(path).value_or(QString()) : sha256;
        break;
    case FileKind::Invalid:
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a media file of no kind"));
    }
    auto added = keep(m_journal.sessions().addMediaFile(workflow::SessionId::fromString(sessionId),
                                                        {role, QDir::cleanPath(path), bytes, digest, QDateTime::currentDateTimeUtc()}));
    // The closing sidecar is the session's last word: back the journal up now, so a damaged
    // journal can come back with this session in it. In a thread of its own (a large journal
    // takes a moment to copy and check); the bridge waits for it when it goes.
    if (kind == FileKind::Sidecar) {
        if (m_backup.joinable())
            m_backup.join();
        m_backup = std::jthread([&journal = m_journal] {
            if (auto backedUp = journal.backup(); !backedUp)
                qWarning("dualrec: the journal could not be backed up after the session: %s",
                         qUtf8Printable(backedUp.error().toString()));
        });
    }
    return added;
}

Result<void> JournalBridge::presenceTimeline(const QString &sessionId, const QList<PresenceRun> &runs)
{
    if (!m_started)
        return {};
    QList<storage::PresenceRun> stored;
    for (const auto &run : runs)
        stored.append({run.start, run.end, run.faces, run.agent, run.customer});
    return keep(m_journal.sessions().savePresenceRuns(workflow::SessionId::fromString(sessionId), stored));
}

QString JournalBridge::summary() const
{
    const auto path = QDir::toNativeSeparators(storage::Journal::databasePath(m_dataDirectory));
    if (m_firstError)
        return path + QStringLiteral(" (incomplete: ") + m_firstError->toString() + u')';
    return path;
}

} // namespace dualrec::live
