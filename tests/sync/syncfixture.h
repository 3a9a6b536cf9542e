#pragma once

// The sync tests run against the real reference ingest server (scripts/ingest-server, Node's
// @tus/server), started here exactly as an insurer or a developer starts it. Sealing is built
// elsewhere (issue 13): until it lands, these tests make the sealed state themselves — a
// `seals` row and a package file `<data>/packages/<id>.dualrec` of random bytes — which is the
// whole contract core/sync relies on.
#include "core/storage/journal.h"
#include "core/sync/meterednetwork.h"
#include "core/sync/syncscheduler.h"
#include "core/sync/uploadqueue.h"
#include "core/util/clock.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <catch2/catch_test_macros.hpp>

#include <csignal>
#include <memory>

namespace dualrec::test {

/// `scripts/ingest-server` as a child process. kill() is SIGKILL (a crash), start() again
/// reuses the same port and folder, so uploads continue.
class IngestServer final
{
public:
    explicit IngestServer(QStringList extra = {}) : m_extra(std::move(extra))
    {
        REQUIRE(m_dir.isValid());
        start();
    }
    ~IngestServer() { kill(); }
    IngestServer(const IngestServer &) = delete;
    IngestServer &operator=(const IngestServer &) = delete;

    void start()
    {
        // scripts/setup installs the server's npm packages; where the npm registry could not be
        // reached and the setup was told to go on without them (DUALREC_SETUP_NPM_OPTIONAL=1),
        // the tests that need the server are skipped, saying so -- never passed.
        if (!QFileInfo::exists(QStringLiteral(DUALREC_SOURCE_DIR "/scripts/ingest/node_modules/@tus/server/package.json")))
            SKIP("the reference ingest server's npm packages are not installed (scripts/setup could not reach the npm registry)");
        m_process = std::make_unique<QProcess>();
        QStringList arguments{QStringLiteral("--dir"), storeDir(), QStringLiteral("--log"), logPath()};
        if (m_port != 0)
            arguments << QStringLiteral("--port") << QString::number(m_port);
        m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process->start(QStringLiteral(DUALREC_SOURCE_DIR "/scripts/ingest-server"), arguments + m_extra);
        REQUIRE(m_process->waitForStarted(10000));
        QElapsedTimer waited;
        waited.start();
        while (!m_process->canReadLine() && waited.elapsed() < 20000)
            m_process->waitForReadyRead(200);
        const auto line = QString::fromUtf8(m_process->readLine()).trimmed();
        INFO(line.toStdString());
        REQUIRE(line.startsWith(QLatin1String("listening on ")));
        m_url = QUrl(line.mid(13));
        m_port = m_url.port();
    }
    void kill()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            ::kill(pid_t(m_process->processId()), SIGKILL);
            m_process->waitForFinished(5000);
        }
        m_process.reset();
    }
    [[nodiscard]] QUrl url() const { return m_url; }
    [[nodiscard]] QString storeDir() const { return m_dir.filePath(QStringLiteral("store")); }
    [[nodiscard]] QString logPath() const { return m_dir.filePath(QStringLiteral("ingest.log")); }
    /// The server's event log (one JSON object per line).
    [[nodiscard]] QList<QJsonObject> events(const QString &kind = {}) const
    {
        QFile file(logPath());
        QList<QJsonObject> list;
        if (!file.open(QIODevice::ReadOnly))
            return list;
        while (!file.atEnd()) {
            const auto object = QJsonDocument::fromJson(file.readLine()).object();
            if (!object.isEmpty() && (kind.isEmpty() || object.value(QStringLiteral("event")).toString() == kind))
                list.append(object);
        }
        return list;
    }
    /// The stored bytes of the upload at `uploadUrl`.
    [[nodiscard]] QByteArray stored(const QUrl &uploadUrl) const
    {
        QFile file(QDir(storeDir()).filePath(uploadUrl.path().section(QLatin1Char('/'), -1)));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private:
    QTemporaryDir m_dir;
    QStringList m_extra;
    std::unique_ptr<QProcess> m_process;
    QUrl m_url;
    int m_port = 0;
};

/// A data folder with a journal and sealed sessions whose packages are random bytes.
class SealedFolder final
{
public:
    SealedFolder()
    {
        REQUIRE(m_dir.isValid());
        auto journal = storage::Journal::open(m_dir.path(), m_clock);
        INFO((journal ? QString() : journal.error().toString()).toStdString());
        REQUIRE(journal.has_value());
        m_journal = std::move(*journal);
        m_queue = std::make_unique<sync::UploadQueue>(m_journal->database(), m_dir.path(), m_clock);
    }

    /// A finished session with a seals row and a package of `size` random bytes.
    workflow::SessionId seal(qint64 size, const QString &applicationNo = QStringLiteral("A-2026-0001"))
    {
        const auto id = workflow::SessionId::generate();
        const auto now = m_clock.wallNow().toString(Qt::ISODateWithMs);
        REQUIRE(m_journal->database()
                    .run(QStringLiteral("INSERT INTO sessions (id, application_no, agent_id, template_id, template_version, scope_required, "
                                        "scope_reason, state, created_at_utc, updated_at_utc) VALUES (?, ?, 'agent-7', 't', '1', 1, 'r', "
                                        "'completed', ?, ?)"),
                         {id.toString(), applicationNo, now, now})
                    .has_value());
        REQUIRE(m_journal->database()
                    .run(QStringLiteral("INSERT INTO seals (session_id, sealed_at_utc, manifest_sha256) VALUES (?, ?, ?)"),
                         {id.toString(), now, QString::fromLatin1(QByteArray(32, 'm').toHex())})
                    .has_value());
        QDir().mkpath(m_dir.filePath(QStringLiteral("packages")));
        QFile file(m_queue->packagePath(id));
        REQUIRE(file.open(QIODevice::WriteOnly));
        QByteArray block(1 << 20, Qt::Uninitialized);
        for (qint64 written = 0; written < size;) {
            const auto n = std::min<qint64>(block.size(), size - written);
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
            REQUIRE(file.write(block.constData(), n) == n);
            written += n;
        }
        return id;
    }
    [[nodiscard]] QByteArray package(const workflow::SessionId &id) const
    {
        QFile file(m_queue->packagePath(id));
        REQUIRE(file.open(QIODevice::ReadOnly));
        return file.readAll();
    }
    [[nodiscard]] sync::UploadRecord record(const workflow::SessionId &id)
    {
        auto found = m_queue->find(id);
        REQUIRE(found.has_value());
        REQUIRE(found->has_value());
        return **found;
    }
    [[nodiscard]] QString path() const { return m_dir.path(); }
    [[nodiscard]] sync::UploadQueue &queue() { return *m_queue; }
    [[nodiscard]] const Clock &clock() const { return m_clock; }
    [[nodiscard]] storage::Journal &journal() { return *m_journal; }

private:
    SystemClock m_clock;
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Journal> m_journal;
    std::unique_ptr<sync::UploadQueue> m_queue;
};

/// Runs a scheduler until `done` says so or `timeoutMs` passes; returns whether `done` held.
inline bool runUntil(sync::SyncScheduler &scheduler, const std::function<bool()> &done, int timeoutMs)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(20);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    scheduler.start();
    loop.exec();
    return done();
}

/// The one fake of the sync tests: whether the network is metered, said by the test. The real
/// answer comes from NetworkManager (sync::SystemMeteredNetwork through QNetworkInformation),
/// and a metered NetworkManager connection cannot be made on a test machine (no NetworkManager
/// on the system bus here), so the scheduler's decision is tested with this instead.
/// Thread contract: like sync::MeteredNetwork; setMetered() on the thread it lives on.
class ManualMeteredNetwork final : public sync::MeteredNetwork
{
public:
    using sync::MeteredNetwork::setMetered;
};

inline sync::SyncEndpoint endpointFor(const QUrl &url)
{
    sync::SyncEndpoint endpoint;
    endpoint.creationUrl = url;
    endpoint.stallTimeoutMs = 3000;
    return endpoint;
}

inline sync::SyncScheduler::Options fastRetries()
{
    sync::SyncScheduler::Options options;
    options.backoffBase = std::chrono::milliseconds(100);
    options.backoffCap = std::chrono::milliseconds(800);
    options.pollInterval = std::chrono::milliseconds(200);
    return options;
}

} // namespace dualrec::test
