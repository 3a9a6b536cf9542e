#include "core/storage/database.h"

#include "core/util/freespace.h"

#include <QAtomicInteger>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlDriver>
#include <QThread>

#include <sqlite3.h>

namespace dualrec::storage {

namespace {

QAtomicInteger<quint64> g_databaseSerial;
QAtomicInteger<quint64> g_threadSerial;

/// Closes and forgets connection `name` (of the calling thread: Qt hands a connection only to its own).
void closeConnection(const QString &name)
{
    {
        auto db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

/// The calling thread's connections, closed and removed in that thread when it ends (its id
/// may then be given to a new thread, which must open its own).
struct ThreadConnections {
    const quint64 thread = g_threadSerial.fetchAndAddRelaxed(1) + 1;
    std::vector<std::weak_ptr<detail::ConnectionRegistry>> registries; ///< of the Databases this thread used

    ~ThreadConnections()
    {
        for (const auto &weak : registries) {
            const auto registry = weak.lock();
            if (!registry)
                continue; // the Database went first and removed it
            const QMutexLocker locker(&registry->mutex);
            const auto name = registry->names.take(thread);
            if (name.isEmpty())
                continue;
            closeConnection(name);
        }
    }
};

thread_local ThreadConnections t_connections;

Error sqlError(const QString &what, const QSqlError &error)
{
    // SQLITE_FULL (13) and SQLITE_IOERR (10) are retryable; anything else needs a person.
    const auto native = error.nativeErrorCode();
    auto code = ErrorCode::InternalError;
    if (native == QLatin1String("13") || native == QLatin1String("10") || native == QLatin1String("5"))
        code = ErrorCode::IoError; // full, I/O error, busy
    else if (native == QLatin1String("11") || native == QLatin1String("26"))
        code = ErrorCode::DataCorrupt; // malformed, not a database
    return Error{code, what + QStringLiteral(": ") + error.text()};
}

} // namespace

Database::Database(QString path, FaultInjector *faults)
    : m_path(std::move(path)),
      m_baseName(QStringLiteral("dualrec-journal-%1").arg(g_databaseSerial.fetchAndAddRelaxed(1))),
      m_faults(faults)
{
}

Database::~Database()
{
    const QMutexLocker locker(&m_connections->mutex);
    for (const auto &name : std::as_const(m_connections->names)) {
        closeConnection(name);
    }
    m_connections->names.clear();
}

Result<std::shared_ptr<Database>> Database::open(const QString &path, FaultInjector *faults)
{
    std::shared_ptr<Database> database(new Database(QFileInfo(path).absoluteFilePath(), faults));
    auto mode = database->run(QStringLiteral("PRAGMA journal_mode=WAL"));
    if (!mode)
        return std::unexpected(mode.error());
    if (!mode->next() || mode->value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return fail(ErrorCode::IoError, QStringLiteral("journal %1 cannot use write-ahead logging").arg(path));
    return database;
}

Result<QSqlDatabase> Database::connection()
{
    const auto thread = t_connections.thread;
    {
        const QMutexLocker locker(&m_connections->mutex);
        if (const auto it = m_connections->names.constFind(thread); it != m_connections->names.constEnd())
            return QSqlDatabase::database(it.value(), false);
    }
    const QString name = m_baseName + QStringLiteral("-t%1").arg(thread);
    auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open()) {
        const auto error = sqlError(QStringLiteral("cannot open journal %1").arg(m_path), db.lastError());
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return std::unexpected(error);
    }
    {
        const QMutexLocker locker(&m_connections->mutex);
        m_connections->names.insert(thread, name);
    }
    t_connections.registries.push_back(m_connections);
    for (const auto *pragma : {"PRAGMA foreign_keys=ON", "PRAGMA synchronous=FULL"}) {
        QSqlQuery query(db);
        if (!query.exec(QLatin1String(pragma)))
            return std::unexpected(sqlError(QLatin1String(pragma), query.lastError()));
    }
    return db;
}

void Database::closeThreadConnection()
{
    const QMutexLocker locker(&m_connections->mutex);
    const auto name = m_connections->names.take(t_connections.thread);
    if (name.isEmpty())
        return;
    closeConnection(name);
}

void Database::setLowSpaceGuard(qint64 thresholdBytes, std::function<void()> onLow)
{
    m_folder = QFileInfo(m_path).absolutePath();
    m_lowSpaceThreshold = thresholdBytes;
    m_onLowSpace = std::move(onLow);
}

Result<QSqlQuery> Database::run(const QString &sql, const QVariantList &values)
{
    if (m_onLowSpace && sql.startsWith(QLatin1String("BEGIN"))) {
        if (const auto available = freeBytesFromSystem(m_folder); available && *available < m_lowSpaceThreshold)
            m_onLowSpace();
    }
    if (m_faults) {
        if (auto injected = m_faults->beforeStatement(sql))
            return std::unexpected(*injected);
    }
    auto db = connection();
    if (!db)
        return std::unexpected(db.error());
    QSqlQuery query(*db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return std::unexpected(sqlError(QStringLiteral("cannot prepare \"%1\"").arg(sql.left(60)), query.lastError()));
    for (const auto &value : values) {
        // A null QString would bind as SQL NULL; only a null QVariant means NULL here.
        if (!value.isNull() && value.metaType() == QMetaType::fromType<QString>() && value.toString().isNull())
            query.addBindValue(QStringLiteral(""));
        else
            query.addBindValue(value);
    }
    if (!query.exec())
        return std::unexpected(sqlError(QStringLiteral("statement failed \"%1\"").arg(sql.left(60)), query.lastError()));
    return query;
}

void Database::runUnchecked(const QString &sql)
{
    if (auto db = connection()) {
        QSqlQuery query(*db);
        query.exec(sql);
    }
}

Result<void> Database::backupTo(const QString &destination)
{
    auto db = connection();
    if (!db)
        return std::unexpected(db.error());
    const QVariant handle = db->driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return fail(ErrorCode::InternalError, QStringLiteral("the journal's SQL driver gives no SQLite handle"));
    auto *source = *static_cast<sqlite3 *const *>(handle.constData());
    sqlite3 *target = nullptr;
    const QByteArray targetName = QFile::encodeName(destination);
    int rc = sqlite3_open_v2(targetName.constData(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    QString problem;
    if (rc == SQLITE_OK) {
        if (auto *backup = sqlite3_backup_init(target, "main", source, "main")) {
            do {
                rc = sqlite3_backup_step(backup, -1);
                if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                    sqlite3_sleep(50);
            } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
            sqlite3_backup_finish(backup);
            if (rc != SQLITE_DONE)
                problem = QString::fromUtf8(sqlite3_errstr(rc));
        } else {
            problem = QString::fromUtf8(sqlite3_errmsg(target));
            rc = SQLITE_ERROR;
        }
    } else {
        problem = QString::fromUtf8(sqlite3_errstr(rc));
    }
    sqlite3_close(target);
    if (!problem.isEmpty()) {
        const auto code = (rc == SQLITE_FULL) ? ErrorCode::DiskFull : ErrorCode::IoError;
        return fail(code, QStringLiteral("cannot back the journal up into %1: %2").arg(destination, problem));
    }
    return {};
}

Result<Transaction> Transaction::begin(Database &database)
{
    if (auto begun = database.run(QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return std::unexpected(begun.error());
    return Transaction(database);
}

Transaction::Transaction(Transaction &&other) noexcept : m_database(other.m_database), m_open(other.m_open)
{
    other.m_open = false;
}

Transaction::~Transaction()
{
    if (m_open)
        m_database->runUnchecked(QStringLiteral("ROLLBACK"));
}

Result<void> Transaction::commit()
{
    auto committed = m_database->run(QStringLiteral("COMMIT"));
    if (!committed)
        return std::unexpected(committed.error()); // the destructor rolls back
    m_open = false;
    return {};
}

} // namespace dualrec::storage
