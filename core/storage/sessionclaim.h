#pragma once

#include "core/util/result.h"
#include "core/workflow/sessionid.h"

#include <QLockFile>
#include <QString>

#include <memory>

namespace dualrec::storage {

/// Says "this session is open in a running DualRec": a lock file
/// `<data>/open-sessions/<session id>.lock` holding the process id and host (QLockFile),
/// removed when the claim is destroyed. A process that dies (crash, kill -9, power loss)
/// leaves the file behind, but a lock whose process is gone counts for nothing: the next
/// claim takes it over. So a session that is unfinished in the journal and can be claimed
/// was interrupted; one whose claim is refused is being recorded right now by another
/// process (the window and `dualrec record` may share a data folder).
///
/// Thread contract: any thread; one object per claim.
class SessionClaim final
{
    Q_DISABLE_COPY_MOVE(SessionClaim)

public:
    /// Claims the session, or says who holds it (ErrorCode::InvalidState), or why the lock
    /// file cannot be written (IoError).
    [[nodiscard]] static Result<std::unique_ptr<SessionClaim>> take(const QString &dataDirectory,
                                                                    const workflow::SessionId &id);
    ~SessionClaim();

    [[nodiscard]] static QString lockPath(const QString &dataDirectory, const workflow::SessionId &id);

private:
    explicit SessionClaim(const QString &path);

    QLockFile m_lock;
};

} // namespace dualrec::storage
