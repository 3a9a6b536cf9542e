#include "core/storage/schema.h"

#include "tests/storage/storagefixture.h"

#include <QTemporaryDir>

#include <catch2/generators/catch_generators.hpp>
#include <catch2/generators/catch_generators_range.hpp>

using namespace dualrec::storage;
using dualrec::ErrorCode;
using dualrec::test::FailNth;
using dualrec::test::RawSql;

namespace {

std::shared_ptr<Database> openDatabase(const QString &path, FaultInjector *faults = nullptr)
{
    auto database = Database::open(path, faults);
    REQUIRE(database.has_value());
    return *database;
}

/// The schema as SQLite stores it, for comparing two databases.
QStringList schemaOf(const QString &path)
{
    RawSql raw(path);
    return raw.column(QStringLiteral("SELECT type || ' ' || name || ' ' || tbl_name FROM sqlite_master ORDER BY type, name"))
           + raw.column(QStringLiteral("SELECT name || ':' || (SELECT group_concat(name || ' ' || type || ' ' || \"notnull\" || ' ' || "
                                       "COALESCE(dflt_value, ''), ',') FROM pragma_table_info(m.name)) FROM sqlite_master m "
                                       "WHERE type = 'table' ORDER BY name"));
}

/// Rows a database of version `version` can hold, written with raw SQL as that version's
/// code would have.
void writeFixture(const QString &path, int version)
{
    RawSql raw(path);
    if (version >= 1) {
        raw.exec(QStringLiteral("INSERT INTO sessions (id, application_no, agent_id, template_id, template_version, scope_required, "
                                "scope_reason, state, created_at_utc, updated_at_utc) VALUES ('s1', 'A-1', 'agent-7', "
                                "'traditional-life', '1.0.0', 1, 'bank channel', 'finished', '2025-01-02T03:04:05.000Z', "
                                "'2025-01-02T03:24:05.000Z')"));
        raw.exec(QStringLiteral("INSERT INTO session_products VALUES ('s1', 0, 'P1', 'Product one')"));
        raw.exec(QStringLiteral("INSERT INTO events (session_id, seq, type, wall_utc, monotonic_ns) VALUES "
                                "('s1', 0, 'created', '2025-01-02T03:04:05.000Z', 0)"));
        raw.exec(QStringLiteral("INSERT INTO media_files (session_id, role, path, size_bytes, sha256, created_at_utc) VALUES "
                                "('s1', 'recording', '/r/s1.mp4', 1234, 'ab', '2025-01-02T03:24:05.000Z')"));
    }
    if (version >= 2) {
        raw.exec(QStringLiteral("INSERT INTO presence_runs VALUES ('s1', 0, 5000, 2, 1, 1)"));
        raw.exec(QStringLiteral("INSERT INTO qc_verdicts (session_id, verdict, source, at_utc) VALUES ('s1', 'pass', 'auto', "
                                "'2025-01-03T00:00:00.000Z')"));
    }
    if (version >= 3)
        raw.exec(QStringLiteral("INSERT INTO uploads (session_id, state, updated_at_utc) VALUES ('s1', 'pending', "
                                "'2025-01-03T00:00:00.000Z')"));
}

} // namespace

TEST_CASE("a new journal gets the latest schema with WAL / foreign keys and synchronous FULL")
{
    QTemporaryDir dir;
    const auto path = dir.filePath(QStringLiteral("j.sqlite"));
    auto database = openDatabase(path);
    const auto found = Schema::migrate(*database);
    REQUIRE(found.has_value());
    CHECK(*found == 0);
    CHECK(Schema::version(*database).value() == Schema::kLatestVersion);
    auto pragma = [&](const char *name) {
        auto query = database->run(QStringLiteral("PRAGMA ") + QLatin1String(name));
        REQUIRE((query && query->next()));
        return query->value(0).toString();
    };
    CHECK(pragma("journal_mode") == QLatin1String("wal"));
    CHECK(pragma("foreign_keys") == QLatin1String("1"));
    CHECK(pragma("synchronous") == QLatin1String("2")); // FULL

    const auto migrations = Schema::migrations();
    REQUIRE(migrations.size() == Schema::kLatestVersion);
    for (int i = 0; i < migrations.size(); ++i) {
        CHECK(migrations.at(i).version == i + 1);
        CHECK(migrations.at(i).description.size() > 10);
    }
    // Migrating again changes nothing.
    const auto again = Schema::migrate(*database);
    INFO((again ? QString() : again.error().detail).toStdString());
    REQUIRE(again.has_value());
    CHECK(*again == Schema::kLatestVersion);
}

TEST_CASE("every earlier schema version migrates to the latest and keeps its rows")
{
    const auto from = GENERATE(range(0, Schema::kLatestVersion));
    INFO("from version " << from);
    QTemporaryDir dir;
    const auto fresh = dir.filePath(QStringLiteral("fresh.sqlite"));
    REQUIRE(Schema::migrate(*openDatabase(fresh)).has_value());

    const auto old = dir.filePath(QStringLiteral("old.sqlite"));
    {
        auto database = openDatabase(old);
        REQUIRE(Schema::migrate(*database, from).has_value());
        CHECK(Schema::version(*database).value() == from);
    }
    writeFixture(old, from);
    {
        auto database = openDatabase(old);
        const auto found = Schema::migrate(*database);
        REQUIRE(found.has_value());
        CHECK(*found == from);
        CHECK(Schema::version(*database).value() == Schema::kLatestVersion);
    }
    CHECK(schemaOf(old) == schemaOf(fresh));
    RawSql raw(old);
    CHECK(raw.value(QStringLiteral("PRAGMA integrity_check")) == QLatin1String("ok"));
    if (from >= 1) {
        CHECK(raw.value(QStringLiteral("SELECT application_no FROM sessions WHERE id = 's1'")) == QLatin1String("A-1"));
        CHECK(raw.value(QStringLiteral("SELECT COUNT(*) FROM events")) == QLatin1String("1"));
        CHECK(raw.value(QStringLiteral("SELECT size_bytes FROM media_files")) == QLatin1String("1234"));
        // Columns added later get their defaults on old rows.
        if (from < 2)
            CHECK(raw.value(QStringLiteral("SELECT qc_verdict FROM sessions")) == QLatin1String("pending"));
    }
    if (from >= 2)
        CHECK(raw.value(QStringLiteral("SELECT verdict FROM qc_verdicts")) == QLatin1String("pass"));
    if (from >= 3)
        CHECK(raw.value(QStringLiteral("SELECT state FROM uploads")) == QLatin1String("pending"));
}

TEST_CASE("a journal from a newer DualRec is refused and left untouched")
{
    QTemporaryDir dir;
    const auto path = dir.filePath(QStringLiteral("j.sqlite"));
    REQUIRE(Schema::migrate(*openDatabase(path)).has_value());
    {
        RawSql raw(path);
        raw.exec(QStringLiteral("PRAGMA user_version = 99"));
    }
    const auto before = schemaOf(path);
    const auto refused = Schema::migrate(*openDatabase(path));
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code == ErrorCode::InvalidState);
    CHECK(refused.error().detail.contains(QLatin1String("newer DualRec")));
    CHECK(refused.error().detail.contains(QLatin1String("99")));
    CHECK(schemaOf(path) == before);
    RawSql raw(path);
    CHECK(raw.value(QStringLiteral("PRAGMA user_version")) == QLatin1String("99"));
}

TEST_CASE("a migration that fails at any statement leaves the old version intact")
{
    QTemporaryDir dir;
    int statements = 0;
    for (int n = 0;; ++n) {
        const auto path = dir.filePath(QStringLiteral("j%1.sqlite").arg(n));
        FailNth faults(n + 1); // statement 0 is the journal_mode pragma of opening
        auto database = openDatabase(path, &faults);
        const auto migrated = Schema::migrate(*database);
        if (!faults.fired()) {
            REQUIRE(migrated.has_value());
            statements = n;
            break;
        }
        INFO("fault at statement " << n);
        CHECK_FALSE(migrated.has_value());
        database.reset();
        RawSql raw(path);
        CHECK(raw.value(QStringLiteral("PRAGMA user_version")) == QLatin1String("0"));
        CHECK(raw.value(QStringLiteral("SELECT COUNT(*) FROM sqlite_master")) == QLatin1String("0"));
        REQUIRE(n < 200);
    }
    CHECK(statements > 20); // every statement of every migration was tried
}
