#pragma once

#include "core/seal/devicekeys.h"
#include "core/seal/secretkey.h"
#include "core/storage/auditlog.h"
#include "core/storage/journalbackup.h"
#include "core/storage/qcrepository.h"
#include "core/storage/sessionrepository.h"
#include "core/storage/userrepository.h"
#include "core/util/clock.h"

#include <QDateTime>

#include <memory>

namespace dualrec::storage {

/// How the journal came up; the app tells the user in plain words when it is not Healthy.
enum class JournalStartup : quint8 {
    Invalid = 0,
    Created,   ///< there was no journal yet
    Healthy,   ///< the integrity check passed
    Recovered, ///< the journal was damaged: copied aside, restored from the newest good backup (or
               ///< rebuilt when there is none), recordings newer than that re-indexed
};

struct JournalStartupReport final {
    JournalStartup outcome = JournalStartup::Invalid;
    bool fullCheck = false;       ///< integrity_check (weekly or asked for) rather than quick_check
    QString damagedCopy;          ///< where the damaged journal was copied, when Recovered
    QString damage;               ///< what the check said, when Recovered
    int reindexedSessions = 0;    ///< sessions rebuilt from recording sidecars, when Recovered
    QStringList unreadableSidecars;
    int schemaVersionFound = 0;
    QString restoredBackup;       ///< the backup the journal was restored from, when Recovered; empty: none usable
    QDateTime backupTakenAt;      ///< when that backup was taken (UTC): what was journaled later may be missing
    QStringList unusableBackups;  ///< backups found damaged too
    /// The data folder has had accounts (marker file), but the journal came up without any:
    /// no first-run account may be offered; branch IT must restore the accounts.
    bool accountsLost = false;
    QString backupProblem;        ///< the start-up backup failed (the journal works; say so)
    bool spaceReserveMissing = false; ///< the disk is too full to hold the space reserve back

    /// The start-up check of the keyed audit chain (incremental: the rows after the last
    /// verified mark; all rows when the full integrity check runs).
    AuditVerification audit;
    /// Accounts whose keyed seal does not hold (e.g. a supervisor inserted straight into SQLite).
    QList<AccountSealProblem> accountProblems;
    /// What keying an older journal's chain and accounts did at this start (stable English); empty: nothing.
    QString integrityUpgrade;
    bool oldChainBroken = false;      ///< the older journal's chain did not verify: it was not keyed
    /// The data folder was open to other users and was made owner-only (stable English); empty: it was not.
    QString permissionsTightened;
    bool personalDataKeyMoved = false; ///< the old raw personal-data key was moved into the device key hierarchy
    /// A data folder from before encryption at rest got its device key at this start
    /// (seal::DeviceKeys::adoption(), stable English); empty: it did not.
    QString folderAdopted;

    /// True when the audit chain or an account does not hold: a supervisor must be told.
    [[nodiscard]] bool integrityBroken() const { return !audit.intact || !accountProblems.isEmpty() || oldChainBroken; }
    /// One line per problem of integrityBroken(), stable English (row numbers, logins).
    [[nodiscard]] QStringList integrityProblems() const;

    /// True when the person must be told loudly: the journal was damaged.
    [[nodiscard]] bool needsAttention() const { return outcome == JournalStartup::Recovered || accountsLost; }
    /// One paragraph of stable English for stderr and logs: what happened and what may be missing.
    [[nodiscard]] QString describe() const;
};

/// The local journal of a data folder: `journal.sqlite` and its audit anchor. Its keys come from
/// the folder's device keys (docs/security.md): the personal-data key and the integrity key
/// (audit chain, accounts) are derived from the device key; an older folder's raw personal-data
/// key file is moved into the hierarchy (wrapped by the device key) once, with an audit entry.
/// A missing key is an error, never a reason to make a new one.
/// Opening it checks it (quick_check every time, the full integrity_check once a week or when
/// asked) and, when it is damaged, copies it aside, starts a new one and re-indexes the
/// recordings on disk from their sidecar files so nothing recorded is lost.
class Journal final
{
public:
    struct Options final {
        bool forceFullCheck = false;
        std::chrono::days fullCheckInterval{7};
        FaultInjector *faults = nullptr;
        AccountPolicy accounts;
        int backupGenerations = JournalBackups::kDefaultGenerations;
        /// A healthy journal is backed up at start when the newest backup is older than this.
        std::chrono::hours startBackupInterval{24};
        /// Disk space held back in `<data>/space-reserve` and given up when the disk runs low,
        /// so the journal's last writes (a session's end, its files) still succeed. 0: none.
        qint64 spaceReserveBytes = 2 * 1024 * 1024;
        /// The data folder's device keys (opened by the composition root): sidecars and
        /// recordings are encrypted with them, and re-indexing reads sidecars with them; the
        /// journal's own keys are derived from them. Null: only plaintext sidecars can be read,
        /// and the journal's keys come from the device key kept in owner-only files in
        /// `<data>/keys` (made there for a new folder): tests of the journal alone. A folder whose
        /// marker names another key store then fails with the key store's error.
        std::shared_ptr<const seal::DeviceKeys> evidenceKeys;
    };

    [[nodiscard]] static Result<std::unique_ptr<Journal>> open(const QString &dataDirectory, const Clock &clock,
                                                               Options options);
    [[nodiscard]] static Result<std::unique_ptr<Journal>> open(const QString &dataDirectory, const Clock &clock)
    {
        return open(dataDirectory, clock, Options{});
    }

    [[nodiscard]] const JournalStartupReport &startup() const { return m_startup; }
    [[nodiscard]] SessionRepository &sessions() { return m_sessions; }
    [[nodiscard]] AuditLog &audit() { return m_audit; }
    [[nodiscard]] UserRepository &users() { return m_users; }
    [[nodiscard]] QcRepository &qc() { return m_qc; }
    [[nodiscard]] Database &database() { return *m_database; }
    /// The device keys of the data folder (Options::evidenceKeys); may be null. Immutable.
    [[nodiscard]] const std::shared_ptr<const seal::DeviceKeys> &evidenceKeys() const { return m_evidenceKeys; }
    /// The data folder the journal lives in (absolute).
    [[nodiscard]] QString dataDirectory() const { return m_dataDirectory; }

    [[nodiscard]] static QString databasePath(const QString &dataDirectory);
    /// Where recordings and their sidecars live; the re-indexer scans it.
    [[nodiscard]] static QString recordingsPath(const QString &dataDirectory);
    /// Notes a folder outside recordingsPath() that holds recordings (`dualrec record --out`),
    /// in a plain list beside the journal that survives the journal's loss.
    [[nodiscard]] static Result<void> rememberRecordingFolder(const QString &dataDirectory, const QString &folder);
    /// recordingsPath() and every remembered folder.
    [[nodiscard]] static QStringList recordingFolders(const QString &dataDirectory);
    /// The marker file that says this data folder has had accounts (outside the journal, so
    /// losing the journal cannot turn the folder back into a first run).
    [[nodiscard]] static QString accountsMarkerPath(const QString &dataDirectory);
    [[nodiscard]] static QString spaceReservePath(const QString &dataDirectory);
    /// The personal-data key of a folder made before it was derived, wrapped by the device key.
    [[nodiscard]] static QString wrappedPersonalDataKeyPath(const QString &dataDirectory);

    /// Backs the journal up now (after a session ended); keeps the newest generations.
    [[nodiscard]] Result<JournalBackupFile> backup();
    [[nodiscard]] JournalBackups &backups() { return *m_backups; }

private:
    Journal(std::shared_ptr<Database> database, seal::SecretKey key, QString anchorPath, const Clock &clock,
            AccountPolicy accounts);
    void reindex(JournalStartupReport &report);
    /// Keys an older journal's chain and seals its accounts (at the upgrade to schema 9).
    void keyAtUpgrade(JournalStartupReport &report);
    /// The start-up check of the audit chain and the accounts; a break is audited once.
    void checkChains(JournalStartupReport &report);

    std::shared_ptr<Database> m_database;
    SessionRepository m_sessions;
    AuditLog m_audit;
    UserRepository m_users;
    QcRepository m_qc; ///< after m_audit, which it appends to
    JournalStartupReport m_startup;
    QString m_dataDirectory;
    std::shared_ptr<const seal::DeviceKeys> m_evidenceKeys;
    const Clock *m_clock;
    std::unique_ptr<JournalBackups> m_backups;
};

} // namespace dualrec::storage
