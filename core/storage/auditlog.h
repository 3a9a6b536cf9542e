#pragma once

#include "core/storage/database.h"
#include "core/util/clock.h"

#include <QDateTime>

#include <memory>
#include <mutex>

namespace dualrec::storage {

/// What an audit entry records; names are stable (stored).
enum class AuditAction : quint8 {
    Invalid = 0,
    Login,
    Logout,
    SessionStart,
    SessionStop,
    View,
    Export,
    SettingsChange,
    Upload,
    Purge,
    JournalRecovered,
    PlaybackStarted, ///< a supervisor started playing a session's recording (subject: the session)
    SessionRecovered, ///< an interrupted session was closed and its recording finalized at start-up
    AccountChange,    ///< an account was created, changed, unlocked, disabled or its password reset (subject: the login)
    QcSpotCheck,      ///< a supervisor recorded a spot-check result (subject: the session)
};

[[nodiscard]] const char *auditActionName(AuditAction action);

struct AuditEntry final {
    qint64 seq = 0;
    QDateTime at;
    QString actor;
    QString action;
    QString subject;
    QString detail;
    QString previousHash;
    QString hash;
};

/// The outcome of checking the chain.
struct AuditVerification final {
    bool intact = true;
    qint64 rows = 0;
    qint64 firstBadSeq = 0; ///< the first row (sequence number) found wrong, 0 when intact
    QString problem;        ///< what is wrong there, in stable English
};

/// Who did what, when: append-only and hash-chained. Each row stores the SHA-256 of the row
/// before it and its own content hash, so an edited, removed or reordered row breaks the
/// chain. Rows removed from the end are caught by the anchor: a small file beside the
/// journal holding the last sequence number and hash, rewritten after every append.
/// Triggers refuse UPDATE and DELETE as a first line of defence.
/// Thread contract: thread-safe; appends are serialised by the database's write lock.
class AuditLog final
{
public:
    AuditLog(std::shared_ptr<Database> database, QString anchorPath, const Clock &clock);

    /// Never put personal data into `subject` or `detail`.
    [[nodiscard]] Result<qint64> append(const QString &actor, AuditAction action, const QString &subject,
                                        const QString &detail = {});
    [[nodiscard]] Result<QList<AuditEntry>> entries();
    [[nodiscard]] Result<AuditVerification> verify();

    /// The content hash of a row after `previousHash` (hex SHA-256).
    [[nodiscard]] static QString hashOf(const QString &previousHash, qint64 seq, const QString &at, const QString &actor,
                                        const QString &action, const QString &subject, const QString &detail);
    static const QString kGenesisHash;

private:
    [[nodiscard]] Result<void> writeAnchor(qint64 seq, const QString &hash);

    std::shared_ptr<Database> m_database;
    QString m_anchorPath;
    const Clock *m_clock;
    /// Threads of this process append one at a time, commit and anchor together, so the
    /// anchor never goes back to an older row (another process is not covered by this).
    std::mutex m_appendMutex;
};

} // namespace dualrec::storage
