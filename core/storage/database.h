#pragma once

#include "core/storage/faultinjector.h"
#include "core/util/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QHash>
#include <QMutex>
#include <QVariantList>

#include <functional>
#include <memory>

namespace dualrec::storage {

namespace detail {
/// A Database's connections: thread (a number no other thread ever gets) -> connection name.
/// Shared with each thread's exit clean-up, which may run after the Database is gone.
struct ConnectionRegistry {
    QMutex mutex;
    QHash<quint64, QString> names; ///< guarded by mutex
};
} // namespace detail

/// One journal database file. Hands every thread its own connection (a QSqlDatabase belongs
/// to the thread that opened it, style P7), created on first use with the session pragmas
/// (foreign keys on, synchronous=FULL: a commit that records evidence is on disk when it
/// returns). A thread's connection is closed when the thread ends (thread ids are reused: a new
/// thread must never get a dead one's connection); all are closed when the Database goes; by then
/// the threads that used it must have ended and closed their connection. A QThread that used it
/// closes its connection itself (closeThreadConnection(), e.g. from QThread::finished with a
/// direct connection): QThread::wait() may return before the thread's own clean-up has run, and
/// a connection can be closed only by its thread. Threads whose end nobody awaits (the thread
/// pool's) must not use the Database.
///
/// Thread contract: thread-safe; each call uses the calling thread's connection.
class Database final
{
public:
    /// Opens (creating when absent) the file and switches it to WAL. Does not migrate: see Schema.
    [[nodiscard]] static Result<std::shared_ptr<Database>> open(const QString &path, FaultInjector *faults = nullptr);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    [[nodiscard]] const QString &path() const { return m_path; }

    /// Runs one statement with positional bindings on this thread's connection. A null QString
    /// binds as '' (the columns are NOT NULL); pass a null QVariant for SQL NULL. Finish with
    /// the returned query (let it go) before committing: a statement still reading blocks COMMIT.
    [[nodiscard]] Result<QSqlQuery> run(const QString &sql, const QVariantList &values = {});
    /// Runs a statement that no fault may prevent (ROLLBACK of a failed transaction).
    void runUnchecked(const QString &sql);
    /// Copies the whole database into the new file `destination` with SQLite's online backup
    /// API on this thread's connection: a consistent snapshot while other connections go on.
    [[nodiscard]] Result<void> backupTo(const QString &destination);
    /// Before every write transaction (BEGIN) the free space of the journal's folder is read
    /// (one system call); below `thresholdBytes`, `onLow` runs first (it frees the space reserve
    /// so the transaction, e.g. a session's final state, still fits). Set once, before other
    /// threads use the database; `onLow` must be thread-safe.
    void setLowSpaceGuard(qint64 thresholdBytes, std::function<void()> onLow);
    /// Closes the calling thread's connection now (none: nothing happens); a later call on this
    /// thread opens a new one. For a worker thread's last act; no query of it may be alive.
    void closeThreadConnection();

private:
    Database(QString path, FaultInjector *faults);
    [[nodiscard]] Result<QSqlDatabase> connection();

    QString m_path;
    QString m_folder;
    qint64 m_lowSpaceThreshold = 0;
    std::function<void()> m_onLowSpace;
    QString m_baseName;
    FaultInjector *m_faults;
    std::shared_ptr<detail::ConnectionRegistry> m_connections = std::make_shared<detail::ConnectionRegistry>();
};

/// A transaction that rolls back unless commit() succeeded (style P7). BEGIN IMMEDIATE takes
/// the write lock at once, so two writers never deadlock upgrading a read lock.
class Transaction final
{
public:
    [[nodiscard]] static Result<Transaction> begin(Database &database);
    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&) = delete;
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction();

    [[nodiscard]] Result<void> commit();

private:
    explicit Transaction(Database &database) : m_database(&database) {}
    Database *m_database;
    bool m_open = true;
};

} // namespace dualrec::storage
