#pragma once

#include "core/util/result.h"
#include "core/workflow/sessionevent.h"

#include <QList>
#include <QString>

#include <chrono>
#include <utility>

namespace dualrec::media {

/// What a recording reports to the local journal: the session, its events and the media files
/// it produced (live::JournalBridge, core/live/journalbridge.h, writes them into the SQLite journal). Called from the
/// owner's thread.
class RecordingJournal
{
public:
    enum class FileKind : quint8 { Invalid = 0, Fragmented, Final, Sidecar };

    /// Who and what is recorded, and the events the session had before recording began.
    struct SessionStart final {
        QString sessionId;
        QString templateId;
        QString templateVersion;
        QString applicationNumber;
        QString agentId;
        QList<std::pair<QString, QString>> products; ///< code, name
        QString recordingFolder;
        QList<workflow::SessionEvent> events;
    };

    virtual ~RecordingJournal() = default;
    /// Marks the session as being recorded by this process, before anything is recorded or
    /// journaled, so that a DualRec starting meanwhile does not take it for interrupted. A
    /// recording does not start without it.
    [[nodiscard]] virtual Result<void> claimSession(const QString &sessionId) = 0;
    /// Each write says whether it reached the journal; the recording goes on either way (the
    /// sidecar holds the same facts) and the caller tells the person.
    [[nodiscard]] virtual Result<void> sessionStarted(const SessionStart &start) = 0;
    [[nodiscard]] virtual Result<void> sessionEvent(const QString &sessionId, const workflow::SessionEvent &event) = 0;
    /// `sha256`: the file's digest when the caller computed it (off the owner's thread); empty:
    /// the journal computes it for the kinds that carry one.
    [[nodiscard]] virtual Result<void> mediaFile(const QString &sessionId, FileKind kind, const QString &path, qint64 bytes,
                                                 const QString &sha256 = {}) = 0;
    /// The presence timeline (run-length) the guard saw, on the recording's timeline.
    struct PresenceRun final {
        std::chrono::milliseconds start{0};
        std::chrono::milliseconds end{0};
        int faces = 0;
        bool agent = false;
        bool customer = false;
    };
    [[nodiscard]] virtual Result<void> presenceTimeline(const QString &sessionId, const QList<PresenceRun> &runs) = 0;
    /// One line for the person at the keyboard: where the journal is, or what went wrong.
    [[nodiscard]] virtual QString summary() const = 0;
};

/// Journals nothing (benchmarks and tests of the pipeline alone).
class NullRecordingJournal final : public RecordingJournal
{
public:
    [[nodiscard]] Result<void> claimSession(const QString &) override { return {}; }
    [[nodiscard]] Result<void> sessionStarted(const SessionStart &) override { return {}; }
    [[nodiscard]] Result<void> sessionEvent(const QString &, const workflow::SessionEvent &) override { return {}; }
    [[nodiscard]] Result<void> mediaFile(const QString &, FileKind, const QString &, qint64, const QString &) override { return {}; }
    [[nodiscard]] Result<void> presenceTimeline(const QString &, const QList<PresenceRun> &) override { return {}; }
    [[nodiscard]] QString summary() const override { return QStringLiteral("not written"); }
};

} // namespace dualrec::media
