#pragma once

#include "core/util/result.h"
#include "core/workflow/sessionevent.h"

#include <QList>
#include <QString>

#include <chrono>
#include <utility>

namespace dualrec::media {

/// What a recording reports to the local journal: the session, its events and the media files
/// it produced (app/journalbridge.h writes them into the SQLite journal). Called from the
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
    virtual void sessionStarted(const SessionStart &start) = 0;
    virtual void sessionEvent(const QString &sessionId, const workflow::SessionEvent &event) = 0;
    virtual void mediaFile(const QString &sessionId, FileKind kind, const QString &path, qint64 bytes) = 0;
    /// The presence timeline (run-length) the guard saw, on the recording's timeline.
    struct PresenceRun final {
        std::chrono::milliseconds start{0};
        std::chrono::milliseconds end{0};
        int faces = 0;
        bool agent = false;
        bool customer = false;
    };
    virtual void presenceTimeline(const QString &sessionId, const QList<PresenceRun> &runs) = 0;
    /// One line for the person at the keyboard: where the journal is, or what went wrong.
    [[nodiscard]] virtual QString summary() const = 0;
};

/// Journals nothing (benchmarks and tests of the pipeline alone).
class NullRecordingJournal final : public RecordingJournal
{
public:
    [[nodiscard]] Result<void> claimSession(const QString &) override { return {}; }
    void sessionStarted(const SessionStart &) override {}
    void sessionEvent(const QString &, const workflow::SessionEvent &) override {}
    void mediaFile(const QString &, FileKind, const QString &, qint64) override {}
    void presenceTimeline(const QString &, const QList<PresenceRun> &) override {}
    [[nodiscard]] QString summary() const override { return QStringLiteral("not written"); }
};

} // namespace dualrec::media
