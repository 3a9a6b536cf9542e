#include "core/storage/journalbackup.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <sqlite3.h>

#include <algorithm>

namespace dualrec::storage {

namespace {

constexpr auto kStampFormat = "yyyyMMdd-HHmmss-zzz";
constexpr auto kPrefix = "journal-";
constexpr auto kSuffix = ".sqlite";

/// A read-only SQLite connection to a backup file, closed on scope exit.
class ReadOnly final
{
public:
    explicit ReadOnly(const QString &path)
    {
        const QByteArray name = QFile::encodeName(path);
        if (sqlite3_open_v2(name.constData(), &m_db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            m_error = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("cannot open");
        }
    }
    ~ReadOnly() { sqlite3_close(m_db); }
    ReadOnly(const ReadOnly &) = delete;
    ReadOnly &operator=(const ReadOnly &) = delete;

    [[nodiscard]] const QString &error() const { return m_error; }

    /// The rows of the first column of `sql`; sets error() when it fails.
    QStringList column(const char *sql)
    {
        QStringList rows;
        if (!m_error.isEmpty())
            return rows;
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(m_db, sql, -1, &statement, nullptr) != SQLITE_OK) {
            m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
            return rows;
        }
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
            QString row;
            for (int i = 0; i < sqlite3_column_count(statement); ++i) {
                if (i > 0)
                    row += u' ';
                row += QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, i)));
            }
            rows.append(row);
        }
        if (rc != SQLITE_DONE)
            m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        sqlite3_finalize(statement);
        return rows;
    }

private:
    sqlite3 *m_db = nullptr;
    QString m_error;
};

QString checkWith(const QString &path, const char *pragma)
{
    ReadOnly db(path);
    const auto lines = db.column(pragma);
    if (!db.error().isEmpty())
        return db.error();
    if (lines == QStringList{QStringLiteral("ok")})
        return {};
    return lines.mid(0, 3).join(QStringLiteral("; "));
}

} // namespace

JournalBackups::JournalBackups(QString dataDirectory, int keep) : m_dataDirectory(std::move(dataDirectory)), m_keep(std::max(1, keep))
{
}

QString JournalBackups::folder(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("backups"));
}

QList<JournalBackupFile> JournalBackups::list() const
{
    QList<JournalBackupFile> backups;
    const QDir dir(folder(m_dataDirectory));
    const auto names = dir.entryList({QLatin1String(kPrefix) + u'*' + QLatin1String(kSuffix)}, QDir::Files);
    for (const auto &name : names) {
        const auto stamp = name.mid(qsizetype(qstrlen(kPrefix)), name.size() - qsizetype(qstrlen(kPrefix)) - qsizetype(qstrlen(kSuffix)));
        auto at = QDateTime::fromString(stamp, QLatin1String(kStampFormat));
        if (!at.isValid())
            continue;
        at = QDateTime(at.date(), at.time(), Qt::UTC);
        backups.append({dir.filePath(name), at});
    }
    std::sort(backups.begin(), backups.end(), [](const auto &a, const auto &b) { return a.takenAt > b.takenAt; });
    return backups;
}

QString JournalBackups::damageOf(const QString &backupPath)
{
    return checkWith(backupPath, "PRAGMA integrity_check");
}

Result<std::optional<JournalBackupFile>> JournalBackups::takeIfOlderThan(Database &database, const QDateTime &now,
                                                                         std::chrono::hours interval)
{
    const auto backups = list();
    if (!backups.isEmpty() && backups.first().takenAt.secsTo(now) < std::chrono::seconds(interval).count()
        && backups.first().takenAt <= now)
        return std::optional<JournalBackupFile>{};
    auto taken = take(database, now);
    if (!taken)
        return std::unexpected(taken.error());
    return std::optional<JournalBackupFile>{*taken};
}

Result<JournalBackupFile> JournalBackups::take(Database &database, const QDateTime &now)
{
    const std::lock_guard lock(m_mutex);
    const QDir dir(folder(m_dataDirectory));
    if (!QDir().mkpath(dir.path()))
        return fail(ErrorCode::IoError, QStringLiteral("cannot create the backup folder %1").arg(dir.path()));
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    auto at = now.toUTC();
    QString path;
    do { // two backups within one millisecond (or a clock set back) get distinct names
        path = dir.filePath(QLatin1String(kPrefix) + at.toString(QLatin1String(kStampFormat)) + QLatin1String(kSuffix));
        at = at.addMSecs(1);
    } while (QFileInfo::exists(path));
    at = at.addMSecs(-1);
    const QString partial = path + QStringLiteral(".part");
    QFile::remove(partial);
    // The copy gets the journal's own permissions before it holds anything.
    {
        QFile create(partial);
        if (!create.open(QIODevice::WriteOnly))
            return fail(ErrorCode::IoError, QStringLiteral("cannot create %1: %2").arg(partial, create.errorString()));
    }
    QFile::setPermissions(partial, QFile::permissions(database.path()));
    if (auto copied = database.backupTo(partial); !copied) {
        QFile::remove(partial);
        return std::unexpected(copied.error());
    }
    // Check the copy and anchor it at its own last audit row (the live anchor may be ahead).
    QString anchor;
    {
        ReadOnly copy(partial);
        const auto quick = copy.column("PRAGMA quick_check");
        const auto last = copy.column("SELECT a.seq, a.row_hash, coalesce(m.mac, '0000000000000000000000000000000000000000000000000000000000000000') "
                                      "FROM audit_log a LEFT JOIN audit_mac m ON m.seq = a.seq ORDER BY a.seq DESC LIMIT 1");
        if (!copy.error().isEmpty() || quick != QStringList{QStringLiteral("ok")}) {
            QFile::remove(partial);
            return fail(ErrorCode::DataCorrupt, QStringLiteral("the journal backup %1 does not check out: %2")
                                                    .arg(partial, copy.error().isEmpty() ? quick.join(u';') : copy.error()));
        }
        anchor = last.value(0);
    }
    if (!anchor.isEmpty() && m_anchorText)
        anchor = m_anchorText(anchor);
    if (!anchor.isEmpty()) {
        QSaveFile file(path + QStringLiteral(".audit-anchor"));
        if (!file.open(QIODevice::WriteOnly) || file.write((anchor + u'\n').toLatin1()) < 0 || !file.commit()) {
            QFile::remove(partial);
            return fail(ErrorCode::IoError, QStringLiteral("cannot write the anchor of the journal backup %1").arg(path));
        }
        QFile::setPermissions(path + QStringLiteral(".audit-anchor"), QFile::permissions(database.path()));
    }
    if (!QFile::rename(partial, path)) {
        QFile::remove(partial);
        QFile::remove(path + QStringLiteral(".audit-anchor"));
        return fail(ErrorCode::IoError, QStringLiteral("cannot move the journal backup into place as %1").arg(path));
    }
    // Keep the newest generations only.
    const auto backups = list();
    for (qsizetype i = m_keep; i < backups.size(); ++i) {
        QFile::remove(backups.at(i).path);
        QFile::remove(backups.at(i).path + QStringLiteral(".audit-anchor"));
    }
    return JournalBackupFile{path, at};
}

} // namespace dualrec::storage
