#pragma once

#include "core/media/recordingjournal.h"
#include "core/storage/journal.h"
#include "core/storage/sessionclaim.h"

#include <memory>
#include <thread>

namespace dualrec::live {

/// Writes what a recording reports into the local SQLite journal: the session row, every
/// timeline event as it happens (so a crash loses none that were reported), and the media
/// files with their SHA-256. Remembers the recording folder in the data folder's list, so a
/// rebuilt journal re-indexes recordings kept outside <data>/recordings too.
/// Errors do not stop the recording (the sidecar holds the same facts); the first one is kept
/// for summary(). GUI/owner thread only; the journal backup after a session's end runs in a
/// thread of its own, joined before the next one and when the bridge is destroyed (the journal
/// must outlive the bridge).
///
/// In the window the session row and its events are written by storage::SessionJournaler as
/// the agent works (SessionRows::WrittenElsewhere); the bridge then adds only the files, the
/// presence timeline and the recording folder.
class JournalBridge final : public media::RecordingJournal
{
public:
    enum class SessionRows : quint8 { Invalid = 0, Write, WrittenElsewhere };

    JournalBridge(storage::Journal &journal, QString dataDirectory, SessionRows rows = SessionRows::Write);

    [[nodiscard]] Result<void> claimSession(const QString &sessionId) override;
    [[nodiscard]] Result<void> sessionStarted(const SessionStart &start) override;
    [[nodiscard]] Result<void> sessionEvent(const QString &sessionId, const workflow::SessionEvent &event) override;
    [[nodiscard]] Result<void> mediaFile(const QString &sessionId, FileKind kind, const QString &path, qint64 bytes,
                                         const QString &sha256 = {}) override;
    [[nodiscard]] Result<void> presenceTimeline(const QString &sessionId, const QList<PresenceRun> &runs) override;
    [[nodiscard]] QString summary() const override;

private:
    /// Keeps the first error for summary() and passes the result on.
    Result<void> keep(const Result<void> &result);

    storage::Journal &m_journal;
    QString m_dataDirectory;
    SessionRows m_rows;
    qint64 m_nextSeq = 0;
    bool m_started = false;
    std::optional<Error> m_firstError;
    std::unique_ptr<storage::SessionClaim> m_claim; ///< SessionRows::Write: the session is ours while the bridge lives
    std::jthread m_backup; ///< the journal backup after the session's end; joined when the bridge goes (declared last)
};

} // namespace dualrec::live
