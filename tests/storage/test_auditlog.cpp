#include "core/storage/journal.h"

#include "tests/storage/storagefixture.h"
#include "tests/support/testclock.h"

#include <QTemporaryDir>

#include <algorithm>

using namespace dualrec::storage;
using dualrec::test::ManualClock;
using dualrec::test::RawSql;

namespace {

/// A journal with ten audit rows.
struct AuditFixture {
    QTemporaryDir dir;
    ManualClock clock;
    std::unique_ptr<Journal> journal;

    AuditFixture()
    {
        auto opened = Journal::open(dir.path(), clock);
        INFO((opened ? QString() : opened.error().toString()).toStdString());
        REQUIRE(opened.has_value());
        journal = std::move(*opened);
        const AuditAction actions[] = {AuditAction::Login, AuditAction::SessionStart, AuditAction::SessionStop,
                                       AuditAction::View, AuditAction::Export};
        for (int i = 0; i < 10; ++i) {
            clock.advance(std::chrono::seconds(30));
            REQUIRE(journal->audit().append(QStringLiteral("supervisor-%1").arg(i % 2), actions[i % 5],
                                            QStringLiteral("session-%1").arg(i), QStringLiteral("detail %1").arg(i))
                        .value() == i + 1);
        }
        REQUIRE(journal->audit().verify()->intact);
    }
    QString path() const { return Journal::databasePath(dir.path()); }
    /// What someone with the sqlite3 tool can do: drop the append-only triggers first.
    void tamper(const QString &sql) const
    {
        RawSql raw(path());
        raw.exec(QStringLiteral("DROP TRIGGER IF EXISTS audit_log_no_update"));
        raw.exec(QStringLiteral("DROP TRIGGER IF EXISTS audit_log_no_delete"));
        raw.exec(sql);
    }
};

} // namespace

TEST_CASE("the audit log chains every row to the one before")
{
    AuditFixture fixture;
    const auto entries = fixture.journal->audit().entries();
    REQUIRE(entries.has_value());
    REQUIRE(entries->size() == 10);
    CHECK(entries->first().previousHash == AuditLog::kGenesisHash);
    for (qsizetype i = 1; i < entries->size(); ++i)
        CHECK(entries->at(i).previousHash == entries->at(i - 1).hash);
    CHECK(entries->at(3).action == QLatin1String("view"));
    CHECK(entries->at(3).at == QDateTime(QDate(2026, 11, 22), QTime(9, 32), Qt::UTC));
    const auto verified = fixture.journal->audit().verify();
    REQUIRE(verified.has_value());
    CHECK(verified->intact);
    CHECK(verified->rows == 10);
}

TEST_CASE("the audit log refuses updates and deletes through SQL")
{
    AuditFixture fixture;
    // Through the journal's own connection, as any code in the app would try.
    auto updated = fixture.journal->database().run(QStringLiteral("UPDATE audit_log SET actor = 'x' WHERE seq = 2"));
    REQUIRE_FALSE(updated.has_value());
    CHECK(updated.error().detail.contains(QLatin1String("append-only")));
    CHECK_FALSE(fixture.journal->database().run(QStringLiteral("DELETE FROM audit_log WHERE seq = 10")).has_value());
}

TEST_CASE("tampering with the audit log is found with the row number")
{
    struct Row {
        const char *name;
        const char *sql;
        qint64 firstBad;
        const char *problem;
    };
    const std::vector<Row> rows{
        {"edit a row", "UPDATE audit_log SET actor = 'someone-else' WHERE seq = 4", 4, "row 4 was edited"},
        {"edit the detail of the last row", "UPDATE audit_log SET detail = 'nothing happened' WHERE seq = 10", 10, "row 10 was edited"},
        {"delete a row", "DELETE FROM audit_log WHERE seq = 6", 6, "row 6 is missing"},
        {"delete the first row", "DELETE FROM audit_log WHERE seq = 1", 1, "row 1 is missing"},
        {"reorder two rows",
         "UPDATE audit_log SET seq = CASE seq WHEN 5 THEN -7 WHEN 7 THEN 5 END WHERE seq IN (5, 7); "
         "UPDATE audit_log SET seq = 7 WHERE seq = -7",
         5, "row 5 does not follow row 4"},
        {"truncate the end", "DELETE FROM audit_log WHERE seq > 7", 8, "rows 8 to 10 were removed from the end"},
        {"rehash an edited row without the later rows", "UPDATE audit_log SET actor = 'x' WHERE seq = 9", 9, "row 9 was edited"},
    };
    for (const auto &row : rows) {
        INFO(row.name);
        AuditFixture fixture;
        for (const auto &statement : QString::fromLatin1(row.sql).split(QStringLiteral("; ")))
            fixture.tamper(statement);
        const auto verified = fixture.journal->audit().verify();
        REQUIRE(verified.has_value());
        CHECK_FALSE(verified->intact);
        CHECK(verified->firstBadSeq == row.firstBad);
        INFO(verified->problem.toStdString());
        CHECK(verified->problem.contains(QLatin1String(row.problem)));
    }
}

TEST_CASE("a re-hashed forgery of the last row is caught by its keyed seal, a removed anchor by the anchor check")
{
    AuditFixture fixture;
    // Rewrite row 10 consistently (valid unkeyed chain), as a careful forger would.
    const auto entries = fixture.journal->audit().entries().value();
    const auto &last = entries.last();
    const auto forged = AuditLog::hashOf(last.previousHash, last.seq, last.at.toString(Qt::ISODateWithMs), last.actor,
                                         last.action, last.subject, QStringLiteral("forged"));
    fixture.tamper(QStringLiteral("UPDATE audit_log SET detail = 'forged', row_hash = '%1' WHERE seq = 10").arg(forged));
    const auto verified = fixture.journal->audit().verify();
    REQUIRE(verified.has_value());
    CHECK_FALSE(verified->intact);
    CHECK(verified->firstBadSeq == 10);
    CHECK(verified->problem.contains(QLatin1String("row 10 does not match its keyed seal")));
    // The anchor still holds the old hash: that break is listed too.
    const auto anchored = std::ranges::any_of(verified->breaks, [](const AuditBreak &found) {
        return found.problem.contains(QLatin1String("anchored hash"));
    });
    CHECK(anchored);

    QFile::remove(Journal::databasePath(fixture.dir.path()) + QStringLiteral(".audit-anchor"));
    const auto withoutAnchor = fixture.journal->audit().verify();
    CHECK_FALSE(withoutAnchor->intact);
    CHECK(withoutAnchor->breaks.last().problem.contains(QLatin1String("anchor")));
    CHECK(withoutAnchor->breaks.last().problem.contains(QLatin1String("missing")));
}

TEST_CASE("starting playback of a recording is a chained audit action of its own")
{
    AuditFixture fixture;
    REQUIRE(fixture.journal->audit()
                .append(QStringLiteral("chief"), AuditAction::PlaybackStarted, QStringLiteral("session-9"),
                        QStringLiteral("/data/recordings/session-9.mp4"))
                .value() == 11);
    const auto entries = fixture.journal->audit().entries();
    REQUIRE(entries.has_value());
    CHECK(entries->last().action == QLatin1String("playback-start"));
    CHECK(entries->last().subject == QLatin1String("session-9"));
    CHECK(fixture.journal->audit().verify()->intact);
}
