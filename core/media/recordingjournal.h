#pragma once

#include "core/workflow/sessionevent.h"

#include <QString>

namespace dualrec::media {

/// What a recording reports to the local journal (issue 3): the session's events and the media
/// files it produced. The SQLite journal implements this on main; until it is wired in, the
/// record command uses NullRecordingJournal. Called from the owner's thread.
class RecordingJournal
{
public:
    enum class FileKind : quint8 { Invalid = 0, Fragmented, Final, Sidecar };

    virtual ~RecordingJournal() = default;
    virtual void sessionEvent(const QString &sessionId, const workflow::SessionEvent &event) = 0;
    virtual void mediaFile(const QString &sessionId, FileKind kind, const QString &path, qint64 bytes) = 0;
};

/// Journals nothing (the seam until the SQLite journal is merged).
class NullRecordingJournal final : public RecordingJournal
{
public:
    void sessionEvent(const QString &, const workflow::SessionEvent &) override {}
    void mediaFile(const QString &, FileKind, const QString &, qint64) override {}
};

} // namespace dualrec::media
