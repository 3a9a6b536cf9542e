// History query benchmark (issue 3): the supervisor's history view over a journal with 10,000
// sessions and 300,000 events. Times DualRec's SessionRepository::history (Qt Sql) against the
// same SQL run through SQLite's C API directly, in one run, and prints the ratio and the
// budget (first page <= 200 ms, a filter change <= 30 ms).
//
//   dualrec_bench_history [SESSIONS] [EVENTS-PER-SESSION]
#include "core/storage/journal.h"
#include "core/util/clock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace dualrec;

namespace {

double medianMs(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.at(samples.size() / 2);
}

void check(int rc, sqlite3 *db, const char *what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        std::fprintf(stderr, "bench_history: %s: %s\n", what, sqlite3_errmsg(db));
        std::exit(1);
    }
}

/// Fills the journal with generated sessions in one transaction (fast, not what is measured).
void generate(const QString &path, int sessions, int eventsPerSession)
{
    sqlite3 *db = nullptr;
    check(sqlite3_open(path.toUtf8().constData(), &db), db, "open");
    check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
    sqlite3_stmt *session = nullptr;
    sqlite3_stmt *product = nullptr;
    sqlite3_stmt *event = nullptr;
    sqlite3_stmt *upload = nullptr;
    check(sqlite3_prepare_v2(db, "INSERT INTO sessions (id, application_no, agent_id, customer_ref, template_id, template_version, "
                                 "scope_required, scope_reason, state, created_at_utc, updated_at_utc, qc_verdict) "
                                 "VALUES (?,?,?,'','traditional-life','1.0.0',1,'bank',?,?,?,?)", -1, &session, nullptr), db, "prepare");
    check(sqlite3_prepare_v2(db, "INSERT INTO session_products VALUES (?,?,?,?)", -1, &product, nullptr), db, "prepare");
    check(sqlite3_prepare_v2(db, "INSERT INTO events (session_id, seq, type, wall_utc, monotonic_ns, step_index, step_id) "
                                 "VALUES (?,?,'step-started',?,?,?,'step')", -1, &event, nullptr), db, "prepare");
    check(sqlite3_prepare_v2(db, "INSERT INTO uploads (session_id, state, updated_at_utc) VALUES (?,?,?)", -1, &upload, nullptr),
          db, "prepare");
    QRandomGenerator random(42);
    const char *states[] = {"finished", "finished", "finished", "finished", "aborted", "failed", "refused"};
    const char *verdicts[] = {"pending", "pass", "pass", "fail"};
    const char *uploads[] = {"acknowledged", "acknowledged", "queued", "uploading", "blocked"};
    const QDateTime start(QDate(2025, 11, 22), QTime(8, 0), Qt::UTC);
    for (int i = 0; i < sessions; ++i) {
        const auto id = QUuid::createUuid().toString(QUuid::WithoutBraces).toUtf8();
        const auto created = start.addSecs(qint64(i) * 365 * 24 * 3600 / sessions).toString(Qt::ISODateWithMs).toUtf8();
        const auto application = QStringLiteral("A%1").arg(100000 + i).toUtf8();
        const auto agent = QStringLiteral("agent-%1").arg(random.bounded(50)).toUtf8();
        sqlite3_bind_text(session, 1, id.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(session, 2, application.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(session, 3, agent.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(session, 4, states[random.bounded(7)], -1, SQLITE_STATIC);
        sqlite3_bind_text(session, 5, created.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(session, 6, created.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(session, 7, verdicts[random.bounded(4)], -1, SQLITE_STATIC);
        check(sqlite3_step(session), db, "session");
        sqlite3_reset(session);
        const int products = 1 + random.bounded(2);
        for (int p = 0; p < products; ++p) {
            const auto code = QStringLiteral("P%1").arg(random.bounded(20)).toUtf8();
            sqlite3_bind_text(product, 1, id.constData(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(product, 2, p);
            sqlite3_bind_text(product, 3, code.constData(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(product, 4, "示范产品", -1, SQLITE_STATIC);
            check(sqlite3_step(product), db, "product");
            sqlite3_reset(product);
        }
        for (int e = 0; e < eventsPerSession; ++e) {
            sqlite3_bind_text(event, 1, id.constData(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(event, 2, e);
            sqlite3_bind_text(event, 3, created.constData(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(event, 4, qint64(e) * 1'000'000'000);
            sqlite3_bind_int(event, 5, e);
            check(sqlite3_step(event), db, "event");
            sqlite3_reset(event);
        }
        if (random.bounded(10) < 7) {
            sqlite3_bind_text(upload, 1, id.constData(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(upload, 2, uploads[random.bounded(5)], -1, SQLITE_STATIC);
            sqlite3_bind_text(upload, 3, created.constData(), -1, SQLITE_TRANSIENT);
            check(sqlite3_step(upload), db, "upload");
            sqlite3_reset(upload);
        }
    }
    for (auto *statement : {session, product, event, upload})
        sqlite3_finalize(statement);
    check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
    check(sqlite3_exec(db, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);", nullptr, nullptr, nullptr), db, "analyze");
    sqlite3_close(db);
}

struct Query {
    const char *name;
    storage::HistoryFilter filter;
    QString where;        ///< the same filter as raw SQL, for the reference
    double budgetMs;
};

/// The reference: the count and the page query through SQLite's C API.
double rawSqlite(sqlite3 *db, const QString &where, int rounds)
{
    const QString whereClause = where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where;
    const QString from = QStringLiteral(" FROM sessions s LEFT JOIN uploads u ON u.session_id = s.id") + whereClause;
    const QByteArray count = (QStringLiteral("SELECT COUNT(*) FROM sessions s") + whereClause).toUtf8();
    const QByteArray page = (QStringLiteral("SELECT s.id, s.application_no, s.agent_id, s.template_id, "
                                            "(SELECT group_concat(product_name, '、') FROM session_products p WHERE p.session_id = s.id), "
                                            "s.state, s.qc_verdict, COALESCE(u.state, 'none'), s.created_at_utc")
                             + from + QStringLiteral(" ORDER BY s.created_at_utc DESC, s.id DESC LIMIT 50 OFFSET 0"))
                                .toUtf8();
    std::vector<double> samples;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer timer;
        timer.start();
        for (const auto &sql : {count, page}) {
            sqlite3_stmt *statement = nullptr;
            check(sqlite3_prepare_v2(db, sql.constData(), -1, &statement, nullptr), db, "prepare reference");
            while (sqlite3_step(statement) == SQLITE_ROW) {
                for (int c = 0; c < sqlite3_column_count(statement); ++c)
                    (void)sqlite3_column_text(statement, c);
            }
            sqlite3_finalize(statement);
        }
        samples.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return medianMs(samples);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int sessions = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int eventsPerSession = argc > 2 ? std::atoi(argv[2]) : 30;
    QTemporaryDir dir;
    SystemClock clock;
    {
        auto journal = storage::Journal::open(dir.path(), clock);
        if (!journal) {
            std::fprintf(stderr, "bench_history: %s\n", qPrintable(journal.error().toString()));
            return 1;
        }
    }
    QElapsedTimer timer;
    timer.start();
    generate(storage::Journal::databasePath(dir.path()), sessions, eventsPerSession);
    std::printf("generated %d sessions, %d events in %.1f s\n", sessions, sessions * eventsPerSession,
                double(timer.elapsed()) / 1000.0);

    // First page: opening the journal (with its quick check) and the first query, as the
    // history view does when it is first shown.
    timer.restart();
    (void)storage::Journal::open(dir.path(), clock); // the first open runs the full integrity check
    const double fullCheckMs = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    auto journal = storage::Journal::open(dir.path(), clock);
    const double openMs = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    auto first = (*journal)->sessions().history({}, 0, 50);
    const double firstMs = double(timer.nsecsElapsed()) / 1e6;
    if (!first) {
        std::fprintf(stderr, "bench_history: %s\n", qPrintable(first.error().toString()));
        return 1;
    }

    sqlite3 *reference = nullptr;
    check(sqlite3_open_v2(storage::Journal::databasePath(dir.path()).toUtf8().constData(), &reference,
                          SQLITE_OPEN_READONLY, nullptr), reference, "open reference");

    auto filter = [](auto change) {
        storage::HistoryFilter f;
        change(f);
        return f;
    };
    const std::vector<Query> queries{
        {"no filter (newest first)", {}, QString(), 30},
        {"agent", filter([](auto &f) { f.agentId = QStringLiteral("agent-7"); }), QStringLiteral("s.agent_id = 'agent-7'"), 30},
        {"application number", filter([](auto &f) { f.applicationNo = QStringLiteral("A105000"); }),
         QStringLiteral("s.application_no = 'A105000'"), 30},
        {"product", filter([](auto &f) { f.productCode = QStringLiteral("P3"); }),
         QStringLiteral("s.id IN (SELECT session_id FROM session_products WHERE product_code = 'P3')"), 30},
        {"state failed", filter([](auto &f) { f.state = workflow::SessionState::Failed; }), QStringLiteral("s.state = 'failed'"), 30},
        {"QC fail", filter([](auto &f) { f.qcVerdict = storage::StoredVerdict::Fail; }), QStringLiteral("s.qc_verdict = 'fail'"), 30},
        {"upload blocked", filter([](auto &f) { f.uploadState = storage::UploadState::Blocked; }),
         QStringLiteral("s.id IN (SELECT session_id FROM uploads WHERE state = 'blocked')"), 30},
        {"one month", filter([](auto &f) { f.from = QDate(2026, 3, 1); f.to = QDate(2026, 3, 31); }),
         QStringLiteral("s.created_at_utc >= '2026-03-01T00:00:00.000Z' AND s.created_at_utc < '2026-04-01T00:00:00.000Z'"), 30},
        {"agent + one month",
         filter([](auto &f) { f.agentId = QStringLiteral("agent-7"); f.from = QDate(2026, 3, 1); f.to = QDate(2026, 3, 31); }),
         QStringLiteral("s.agent_id = 'agent-7' AND s.created_at_utc >= '2026-03-01T00:00:00.000Z' AND "
                        "s.created_at_utc < '2026-04-01T00:00:00.000Z'"), 30},
    };

    std::printf("\nopen journal + full integrity check (weekly): %.1f ms\nopen journal + quick check (every start): %.1f ms\n"
                "first page (50 of %lld): %.1f ms (budget 200 ms: %s)\n\n", fullCheckMs, openMs,
                static_cast<long long>(first->total), firstMs, firstMs <= 200 ? "ok" : "OVER");
    std::printf("%-28s %8s %12s %12s %7s %8s\n", "filter (count + page of 50)", "rows", "dualrec ms", "sqlite3 ms", "ratio",
                "budget");
    constexpr int kRounds = 15;
    bool allWithin = firstMs <= 200;
    for (const auto &query : queries) {
        std::vector<double> samples;
        qint64 total = 0;
        for (int r = 0; r < kRounds; ++r) {
            timer.restart();
            auto page = (*journal)->sessions().history(query.filter, 0, 50);
            samples.push_back(double(timer.nsecsElapsed()) / 1e6);
            total = page ? page->total : -1;
        }
        const double ours = medianMs(samples);
        const double theirs = rawSqlite(reference, query.where, kRounds);
        allWithin = allWithin && ours <= query.budgetMs;
        std::printf("%-28s %8lld %12.2f %12.2f %7.2f %5.0f ms %s\n", query.name, static_cast<long long>(total), ours, theirs,
                    ours / theirs, query.budgetMs, ours <= query.budgetMs ? "ok" : "OVER");
    }
    sqlite3_close(reference);
    std::printf("\n%s\n", allWithin ? "all history queries within budget" : "some history queries over budget");
    return 0;
}
