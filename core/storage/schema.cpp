#include "core/storage/schema.h"

#include <QFile>
#include <QRegularExpression>

namespace dualrec::storage {

namespace {

struct MigrationFile {
    int version;
    const char *resource;
};

// One line per schema version; never renumber, never edit a released file.
constexpr MigrationFile kMigrations[] = {
    {1, ":/dualrec/migrations/0001-sessions-events-media-audit.sql"},
    {2, ":/dualrec/migrations/0002-presence-and-qc.sql"},
    {3, ":/dualrec/migrations/0003-seals-and-uploads.sql"},
    {4, ":/dualrec/migrations/0004-history-indexes.sql"},
    {5, ":/dualrec/migrations/0005-account-details.sql"},
    {6, ":/dualrec/migrations/0006-evidence-lifecycle.sql"},
    {7, ":/dualrec/migrations/0007-seal-packages.sql"},
    {8, ":/dualrec/migrations/0008-upload-details.sql"},
    {9, ":/dualrec/migrations/0009-speech-ranges.sql"},
    {10, ":/dualrec/migrations/0010-keyed-integrity.sql"},
    {11, ":/dualrec/migrations/0011-qc-reasons-and-spot-checks.sql"},
    {12, ":/dualrec/migrations/0012-timestamp-uploads.sql"},
    {13, ":/dualrec/migrations/0013-qc-reason-party.sql"},
};
static_assert(std::size(kMigrations) == Schema::kLatestVersion);

QString readResource(const char *resource)
{
    QFile file{QLatin1String(resource)};
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

/// Statements end with a line ending in ';', except inside a trigger body, which ends at "END;".
QStringList statementsOf(const QString &sql)
{
    QStringList statements;
    QString current;
    bool inTrigger = false;
    const auto lines = sql.split(u'\n');
    for (const auto &line : lines) {
        const auto trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("--")) || trimmed.isEmpty())
            continue;
        current += line + u'\n';
        if (trimmed.startsWith(QLatin1String("CREATE TRIGGER"), Qt::CaseInsensitive))
            inTrigger = true;
        const bool ends = inTrigger ? trimmed.compare(QLatin1String("END;"), Qt::CaseInsensitive) == 0 : trimmed.endsWith(u';');
        if (ends) {
            statements.append(current.trimmed());
            current.clear();
            inTrigger = false;
        }
    }
    return statements;
}

} // namespace

QList<Schema::Migration> Schema::migrations()
{
    QList<Migration> list;
    for (const auto &file : kMigrations) {
        const auto firstLine = readResource(file.resource).section(u'\n', 0, 0);
        list.append({file.version, firstLine.mid(3).trimmed()});
    }
    return list;
}

Result<int> Schema::version(Database &database)
{
    auto query = database.run(QStringLiteral("PRAGMA user_version"));
    if (!query)
        return std::unexpected(query.error());
    return query->next() ? query->value(0).toInt() : 0;
}

Result<int> Schema::migrate(Database &database, int targetVersion)
{
    auto transaction = Transaction::begin(database);
    if (!transaction)
        return std::unexpected(transaction.error());
    const auto found = version(database);
    if (!found)
        return std::unexpected(found.error());
    if (*found > kLatestVersion)
        return fail(ErrorCode::InvalidState,
                    QStringLiteral("journal %1 was written by a newer DualRec (schema version %2; this version knows up "
                                   "to %3); it was left untouched — install the newer DualRec to open it")
                        .arg(database.path()).arg(*found).arg(kLatestVersion));
    for (const auto &file : kMigrations) {
        if (file.version <= *found || file.version > targetVersion)
            continue;
        const auto sql = readResource(file.resource);
        if (sql.isEmpty())
            return fail(ErrorCode::InternalError, QStringLiteral("migration %1 is missing from the build").arg(file.version));
        for (const auto &statement : statementsOf(sql)) {
            if (auto ran = database.run(statement); !ran)
                return fail(ran.error().code, QStringLiteral("migration to schema version %1 failed: %2")
                                                  .arg(file.version).arg(ran.error().detail));
        }
        if (auto set = database.run(QStringLiteral("PRAGMA user_version = %1").arg(file.version)); !set)
            return std::unexpected(set.error());
    }
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    return *found;
}

} // namespace dualrec::storage
