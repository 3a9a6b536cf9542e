#pragma once

#include "core/storage/database.h"
#include "core/util/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <mutex>

namespace dualrec::storage {

/// One backup generation of the journal: `<data>/backups/journal-<UTC time>.sqlite` and its
/// audit anchor (`….sqlite.audit-anchor`, the backup's own last audit row).
struct JournalBackupFile final {
    QString path;
    QDateTime takenAt; ///< UTC, from the file name
};

/// Online backups of the journal through SQLite's backup API (a consistent copy while the
/// journal stays in use), so a damaged journal can be restored with its accounts and audit
/// history instead of being rebuilt from the sidecars alone. Each copy is written beside its
/// final name, checked (quick_check) and then renamed into place, with the journal file's
/// permissions; the newest `keep` generations are kept.
///
/// Thread contract: thread-safe; take() serialises itself (one backup at a time per object).
class JournalBackups final
{
public:
    static constexpr int kDefaultGenerations = 5;

    explicit JournalBackups(QString dataDirectory, int keep = kDefaultGenerations);

    [[nodiscard]] static QString folder(const QString &dataDirectory);
    /// Backs `database` up now (UTC time `now` names it) and drops generations beyond `keep`.
    [[nodiscard]] Result<JournalBackupFile> take(Database &database, const QDateTime &now);
    /// take() unless the newest backup is younger than `interval` (by `now`); nullopt: not due.
    [[nodiscard]] Result<std::optional<JournalBackupFile>> takeIfOlderThan(Database &database, const QDateTime &now,
                                                                          std::chrono::hours interval);
    /// Every backup generation, newest first.
    [[nodiscard]] QList<JournalBackupFile> list() const;
    /// Checks `backup` with SQLite's full integrity_check; the first problem found, or empty.
    [[nodiscard]] static QString damageOf(const QString &backupPath);
    /// Makes a backup's anchor text from "SEQ HASH MAC" of its last audit row (AuditLog::anchorText:
    /// adds the keyed tag). Set by Journal before the first backup.
    void setAnchorText(std::function<QString(const QString &)> anchorText) { m_anchorText = std::move(anchorText); }

private:
    std::function<QString(const QString &)> m_anchorText;
    QString m_dataDirectory;
    int m_keep;
    std::mutex m_mutex;
};

} // namespace dualrec::storage
