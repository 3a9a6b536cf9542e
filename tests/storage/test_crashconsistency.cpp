#include "core/storage/journal.h"

#include "tests/storage/storagefixture.h"
#include "tests/support/testclock.h"

#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

using namespace dualrec::storage;
using dualrec::test::ManualClock;
using dualrec::test::RawSql;

TEST_CASE("the journal survives SIGKILL at 50 random moments with every reported commit and no partial one")
{
    QTemporaryDir dir;
    ManualClock clock;
    const auto seed = QRandomGenerator::global()->generate();
    INFO("seed " << seed);
    QRandomGenerator random(seed);
    QHash<QString, int> committedEvents;
    QSet<QString> committedSessions;
    int killsWithProgress = 0;

    for (int round = 0; round < 50; ++round) {
        INFO("round " << round);
        QProcess writer;
        writer.start(QStringLiteral(DUALREC_JOURNAL_WRITER), {dir.path()});
        REQUIRE(writer.waitForStarted(10000));
        // Kill anywhere: while opening and migrating, between transactions, inside one.
        QThread::msleep(random.bounded(5, 400));
        writer.kill(); // SIGKILL
        REQUIRE(writer.waitForFinished(10000));
        CHECK(writer.exitStatus() == QProcess::CrashExit);
        const auto lines = QString::fromLatin1(writer.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        const auto errors = QString::fromLocal8Bit(writer.readAllStandardError());
        INFO(errors.toStdString());
        CHECK(errors.isEmpty());
        for (const auto &line : lines) {
            const auto parts = line.split(u' ');
            if (parts.value(0) == QLatin1String("S"))
                committedSessions.insert(parts.value(1));
            else if (parts.value(0) == QLatin1String("E") && parts.size() == 3)
                committedEvents.insert(parts.value(1), parts.value(2).toInt());
        }
        killsWithProgress += lines.isEmpty() ? 0 : 1;

        // The journal opens, its check passes, nothing reported is lost, nothing is half-written.
        {
            // A kill before the first journal file existed (the writer was still making the
            // folder's device key) leaves nothing to check: the journal is created now.
            const bool existed = QFileInfo::exists(Journal::databasePath(dir.path()));
            Journal::Options options;
            options.forceFullCheck = true;
            auto journal = Journal::open(dir.path(), clock, options);
            REQUIRE(journal.has_value());
            CHECK((*journal)->startup().outcome == (existed ? JournalStartup::Healthy : JournalStartup::Created));
            CHECK_FALSE((*journal)->startup().integrityBroken());
        }
        RawSql raw(Journal::databasePath(dir.path()));
        CHECK(raw.value(QStringLiteral("PRAGMA integrity_check")) == QLatin1String("ok"));
        const auto present = raw.column(QStringLiteral("SELECT id FROM sessions"));
        const QSet<QString> presentSet(present.cbegin(), present.cend());
        for (const auto &id : std::as_const(committedSessions))
            CHECK(presentSet.contains(id));
        for (auto it = committedEvents.cbegin(); it != committedEvents.cend(); ++it) {
            CHECK(raw.value(QStringLiteral("SELECT COUNT(*) FROM events WHERE session_id = '%1'").arg(it.key())).toInt() == it.value());
            CHECK(raw.value(QStringLiteral("SELECT state FROM sessions WHERE id = '%1'").arg(it.key())) == QLatin1String("finished"));
        }
        // Every session, reported or not: all its events with its final state, or none of them.
        const auto partial = raw.value(QStringLiteral(
            "SELECT COUNT(*) FROM sessions s WHERE "
            "(SELECT COUNT(*) FROM events e WHERE e.session_id = s.id) NOT IN (0, CAST(s.customer_ref AS INTEGER)) "
            "OR ((SELECT COUNT(*) FROM events e WHERE e.session_id = s.id) = 0) != (s.state = 'created') "
            "OR (SELECT COUNT(*) FROM session_products p WHERE p.session_id = s.id) != 2"));
        CHECK(partial == QLatin1String("0"));
    }
    CHECK(committedEvents.size() > 50);
    CHECK(killsWithProgress > 25);
}
