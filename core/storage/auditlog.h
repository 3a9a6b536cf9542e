#pragma once

#include "core/seal/secretkey.h"
#include "core/storage/database.h"
#include "core/util/clock.h"

#include <QDateTime>

#include <memory>
#include <optional>
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
    IntegrityAlert,   ///< a check found the audit chain, an account or a file changed outside DualRec (subject: what)
    IntegrityUpgrade, ///< the chain and the accounts were keyed at an upgrade, or a key moved into the device key hierarchy
    PermissionsTightened, ///< the data folder or its files were open to other users and were made owner-only
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

/// One place where the chain does not hold.
struct AuditBreak final {
    qint64 seq = 0;  ///< the row (sequence number)
    QString problem; ///< what differs there, in stable English
};

/// The outcome of checking the chain.
struct AuditVerification final {
    bool intact = true;
    qint64 rows = 0;        ///< rows read (all of them, or those after the verified mark)
    qint64 firstBadSeq = 0; ///< the first row (sequence number) found wrong, 0 when intact
    QString problem;        ///< what is wrong there, in stable English
    QList<AuditBreak> breaks; ///< every break found (at most kMaxBreaks), the first one first
    qint64 moreBreaks = 0;  ///< breaks beyond kMaxBreaks, not listed
    qint64 fromSeq = 1;     ///< the first row checked (an incremental check starts after the verified mark)
    static constexpr int kMaxBreaks = 50;
};

/// What keying an older journal's chain did (AuditLog::keyExistingChain()).
struct AuditKeying final {
    qint64 rows = 0;          ///< rows the old chain had
    bool keyed = false;       ///< the old chain verified and every row got its keyed seal
    AuditVerification oldChain; ///< the old (unkeyed) chain's check
};

/// Who did what, when: append-only and chained twice (docs/security.md):
/// - unkeyed: each row stores the SHA-256 of the row before it and its own content hash (as
///   journals before schema 9 did), so an edited, removed or reordered row breaks the chain;
/// - keyed: each row has a seal in `audit_mac`, HMAC-SHA256 under the data folder's integrity
///   key (derived from the device key) over the previous row's seal and this row's content.
///   Someone who edits the database and recomputes the unkeyed hashes cannot make these.
/// Rows removed from the end are caught by the anchor: a small file beside the journal holding
/// the last sequence number, hash and seal, with its own keyed tag, rewritten after every append.
/// Triggers refuse UPDATE and DELETE as a first line of defence. verify() checks everything;
/// verifySinceMark() the rows after the last verified mark (kept keyed in `maintenance`).
/// Thread contract: thread-safe; appends are serialised by the database's write lock.
/// setIntegrityKey() is called once by Journal before any other use.
class AuditLog final
{
public:
    AuditLog(std::shared_ptr<Database> database, QString anchorPath, const Clock &clock);

    /// Never put personal data into `subject` or `detail`.
    [[nodiscard]] Result<qint64> append(const QString &actor, AuditAction action, const QString &subject,
                                        const QString &detail = {});
    [[nodiscard]] Result<QList<AuditEntry>> entries();
    /// Every row, both chains, the anchor.
    [[nodiscard]] Result<AuditVerification> verify();
    /// The rows after the verified mark (all rows when there is no valid mark, or `full`) and
    /// the anchor; when they hold, the mark moves to the last row. The start-up check.
    [[nodiscard]] Result<AuditVerification> verifySinceMark(bool full = false);

    /// The anchor file's text for "SEQ HASH MAC" (its keyed tag appended): also for backups.
    [[nodiscard]] QString anchorText(const QString &line) const;
    /// The key of the keyed chain (and of the anchor's and the mark's tags).
    void setIntegrityKey(seal::SecretKey key) { m_key = std::move(key); }
    /// An older journal's chain (no keyed seals yet): checked with the old unkeyed scheme and the
    /// old anchor, and only when it holds, every row gets its keyed seal (one transaction). A
    /// broken old chain is never keyed: the rows stay unsealed (verify() reports them) and the
    /// keyed chain starts after them.
    [[nodiscard]] Result<AuditKeying> keyExistingChain();
    /// The first row the keyed chain covers (1, or later when an older broken chain was not keyed).
    [[nodiscard]] Result<qint64> keyedFrom();

    /// The content hash of a row after `previousHash` (hex SHA-256).
    [[nodiscard]] static QString hashOf(const QString &previousHash, qint64 seq, const QString &at, const QString &actor,
                                        const QString &action, const QString &subject, const QString &detail);
    static const QString kGenesisHash;
    /// The keyed seal of a row after `previousMac` (hex HMAC-SHA256).
    [[nodiscard]] static QString macOf(const seal::SecretKey &key, const QString &previousMac, qint64 seq, const QString &at,
                                       const QString &actor, const QString &action, const QString &subject,
                                       const QString &detail);

private:
    [[nodiscard]] Result<void> writeAnchor(qint64 seq, const QString &hash, const QString &mac);
    [[nodiscard]] QString tag(const QString &what) const;
    /// Checks rows with seq >= `fromSeq`, given what the row before them holds.
    [[nodiscard]] Result<AuditVerification> check(qint64 fromSeq, const QString &previousHash, const QString &previousMac,
                                                  bool keyed, bool legacyAnchor);
    [[nodiscard]] Result<void> setMaintenance(const QString &key, const QString &value);
    [[nodiscard]] Result<QString> maintenance(const QString &key);

    std::shared_ptr<Database> m_database;
    QString m_anchorPath;
    const Clock *m_clock;
    std::optional<seal::SecretKey> m_key;
    /// Threads of this process append one at a time, commit and anchor together, so the
    /// anchor never goes back to an older row (another process is not covered by this).
    std::mutex m_appendMutex;
};

} // namespace dualrec::storage
