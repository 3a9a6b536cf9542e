#include "core/storage/journal.h"

#include "core/storage/schema.h"
#include "core/storage/sidecarindex.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace dualrec::storage {

namespace {

constexpr auto kLastFullCheckKey = "last_full_check_utc";

struct CheckOutcome {
    bool damaged = false;
    QString damage;
};

/// Runs quick_check or integrity_check. A failure to even read the file as a database counts
/// as damage; a failure to open the file at all (permissions, disk) is an error.
Result<CheckOutcome> checkIntegrity(Database &database, bool full)
{
    auto query = database.run(full ? QStringLiteral("PRAGMA integrity_check") : QStringLiteral("PRAGMA quick_check"));
    if (!query) {
        if (query.error().code == ErrorCode::DataCorrupt)
            return CheckOutcome{true, query.error().detail};
        return std::unexpected(query.error());
    }
    QStringList lines;
    while (query->next())
        lines.append(query->value(0).toString());
    if (lines == QStringList{QStringLiteral("ok")})
        return CheckOutcome{};
    return CheckOutcome{true, lines.mid(0, 5).join(QStringLiteral("; "))};
}

QDateTime lastFullCheck(Database &database)
{
    auto query = database.run(QStringLiteral("SELECT value FROM maintenance WHERE key = ?"), {QLatin1String(kLastFullCheckKey)});
    if (!query || !query->next())
        return {};
    return QDateTime::fromString(query->value(0).toString(), Qt::ISODateWithMs);
}

/// Copies the journal and its WAL aside into damaged/, then removes them.
Result<QString> setAside(const QString &dataDirectory, const QString &databasePath, const QString &anchorPath,
                         const QDateTime &now)
{
    const QDir damagedDir(QDir(dataDirectory).filePath(QStringLiteral("damaged")));
    if (!QDir().mkpath(damagedDir.path()))
        return fail(ErrorCode::IoError, QStringLiteral("cannot create %1").arg(damagedDir.path()));
    const auto stamp = now.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    const auto copy = damagedDir.filePath(QStringLiteral("journal-%1.sqlite").arg(stamp));
    for (const auto *suffix : {"", "-wal", "-shm"}) {
        const QString source = databasePath + QLatin1String(suffix);
        if (!QFile::exists(source))
            continue;
        if (!QFile::copy(source, copy + QLatin1String(suffix)))
            return fail(ErrorCode::IoError, QStringLiteral("cannot copy the damaged journal %1 aside").arg(source));
        QFile::remove(source);
    }
    if (QFile::exists(anchorPath)) {
        QFile::copy(anchorPath, copy + QStringLiteral(".audit-anchor"));
        QFile::remove(anchorPath);
    }
    return copy;
}

} // namespace

QString Journal::databasePath(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("journal.sqlite"));
}

QString Journal::recordingsPath(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("recordings"));
}

static QString folderListPath(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("recording-folders.txt"));
}

QStringList Journal::recordingFolders(const QString &dataDirectory)
{
    QStringList folders{recordingsPath(dataDirectory)};
    QFile list(folderListPath(dataDirectory));
    if (list.open(QIODevice::ReadOnly)) {
        const auto lines = QString::fromUtf8(list.readAll()).split(u'\n', Qt::SkipEmptyParts);
        for (const auto &line : lines) {
            if (!folders.contains(line))
                folders.append(line);
        }
    }
    return folders;
}

Result<void> Journal::rememberRecordingFolder(const QString &dataDirectory, const QString &folder)
{
    const auto absolute = QDir(folder).absolutePath();
    if (recordingFolders(dataDirectory).contains(absolute))
        return {};
    QFile list(folderListPath(dataDirectory));
    if (!list.open(QIODevice::Append) || list.write((absolute + u'\n').toUtf8()) < 0)
        return fail(ErrorCode::IoError, QStringLiteral("cannot note the recording folder in %1").arg(list.fileName()));
    return {};
}

Journal::Journal(std::shared_ptr<Database> database, seal::SecretKey key, QString anchorPath, const Clock &clock,
                 AccountPolicy accounts)
    : m_database(database), m_sessions(database, std::move(key)), m_audit(database, std::move(anchorPath), clock),
      m_users(database, clock, accounts)
{
}

Result<std::unique_ptr<Journal>> Journal::open(const QString &dataDirectory, const Clock &clock, Options options)
{
    if (!QDir().mkpath(dataDirectory))
        return fail(ErrorCode::IoError, QStringLiteral("cannot create the data folder %1").arg(dataDirectory));
    auto key = seal::SecretKey::loadOrCreate(QDir(dataDirectory).filePath(QStringLiteral("keys/customer-data.key")));
    if (!key)
        return std::unexpected(key.error());
    const auto path = databasePath(dataDirectory);
    const QString anchorPath = path + QStringLiteral(".audit-anchor");
    const auto now = clock.wallNow();

    JournalStartupReport report;
    report.outcome = QFileInfo::exists(path) ? JournalStartup::Healthy : JournalStartup::Created;
    if (report.outcome == JournalStartup::Healthy) {
        CheckOutcome outcome;
        {
            auto existing = Database::open(path, options.faults);
            if (!existing && existing.error().code != ErrorCode::DataCorrupt)
                return std::unexpected(existing.error());
            if (!existing) {
                outcome = {true, existing.error().detail};
            } else {
                const auto last = lastFullCheck(**existing);
                report.fullCheck = options.forceFullCheck || !last.isValid()
                                   || last.daysTo(now) >= options.fullCheckInterval.count();
                auto checked = checkIntegrity(**existing, report.fullCheck);
                if (!checked)
                    return std::unexpected(checked.error());
                outcome = *checked;
            }
        }
        if (outcome.damaged) {
            auto copy = setAside(dataDirectory, path, anchorPath, now);
            if (!copy)
                return std::unexpected(copy.error());
            report.outcome = JournalStartup::Recovered;
            report.damagedCopy = *copy;
            report.damage = outcome.damage;
        }
    }

    auto database = Database::open(path, options.faults);
    if (!database)
        return std::unexpected(database.error());
    auto found = Schema::migrate(**database);
    if (!found)
        return std::unexpected(found.error());
    report.schemaVersionFound = *found;

    std::unique_ptr<Journal> journal(new Journal(*database, std::move(*key), anchorPath, clock, options.accounts));
    journal->m_dataDirectory = QDir(dataDirectory).absolutePath();
    if (report.fullCheck && report.outcome == JournalStartup::Healthy) {
        auto stored = journal->m_database->run(QStringLiteral("INSERT OR REPLACE INTO maintenance (key, value) VALUES (?, ?)"),
                                               {QLatin1String(kLastFullCheckKey), now.toUTC().toString(Qt::ISODateWithMs)});
        if (!stored)
            return std::unexpected(stored.error());
    }
    if (report.outcome == JournalStartup::Recovered) {
        QStringList sidecars;
        for (const auto &folder : recordingFolders(dataDirectory))
            sidecars += findSidecars(folder);
        for (const auto &sidecar : std::as_const(sidecars)) {
            auto session = readSidecar(sidecar);
            if (!session) {
                report.unreadableSidecars.append(sidecar);
                continue;
            }
            if (auto existing = journal->sessions().find(session->record.id); existing && *existing)
                continue; // two sidecars of one session (recording and re-encoded copy)
            // A re-recording's original may not have been re-indexed: keep the link only if it is.
            if (!session->record.previousSession.isNull()) {
                auto previous = journal->sessions().find(session->record.previousSession);
                if (!previous || !*previous)
                    session->record.previousSession = {};
            }
            if (auto created = journal->sessions().create(session->record); !created) {
                report.unreadableSidecars.append(sidecar);
                continue;
            }
            for (const auto &media : std::as_const(session->media))
                (void)journal->sessions().addMediaFile(session->record.id, media);
            ++report.reindexedSessions;
        }
        (void)journal->audit().append(QStringLiteral("system"), AuditAction::JournalRecovered, report.damagedCopy,
                                      QStringLiteral("damage: %1; re-indexed %2 session(s)").arg(report.damage).arg(report.reindexedSessions));
    }
    journal->m_startup = report;
    return journal;
}

} // namespace dualrec::storage
