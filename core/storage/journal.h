#pragma once

#include "core/seal/secretkey.h"
#include "core/storage/auditlog.h"
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
    Recovered, ///< the journal was damaged: copied aside, rebuilt, recordings re-indexed
};

struct JournalStartupReport final {
    JournalStartup outcome = JournalStartup::Invalid;
    bool fullCheck = false;       ///< integrity_check (weekly or asked for) rather than quick_check
    QString damagedCopy;          ///< where the damaged journal was copied, when Recovered
    QString damage;               ///< what the check said, when Recovered
    int reindexedSessions = 0;    ///< sessions rebuilt from recording sidecars, when Recovered
    QStringList unreadableSidecars;
    int schemaVersionFound = 0;
};

/// The local journal of a data folder: `journal.sqlite`, its audit anchor and the PII key.
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
    [[nodiscard]] Database &database() { return *m_database; }
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

private:
    Journal(std::shared_ptr<Database> database, seal::SecretKey key, QString anchorPath, const Clock &clock,
            AccountPolicy accounts);

    std::shared_ptr<Database> m_database;
    SessionRepository m_sessions;
    AuditLog m_audit;
    UserRepository m_users;
    JournalStartupReport m_startup;
    QString m_dataDirectory;
};

} // namespace dualrec::storage
