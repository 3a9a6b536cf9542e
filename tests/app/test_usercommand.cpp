// `dualrec user add` / `user list`, run as a separate process the way branch IT runs them.
#include "core/storage/journal.h"
#include "tests/storage/storagefixture.h"
#include "tests/support/clirun.h"

#include <QDir>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

namespace {

dualrec::test::CliRun cli(const QStringList &arguments, const QByteArray &input = {})
{
    return dualrec::test::runDualrec(arguments + QStringList{QStringLiteral("--lang"), QStringLiteral("en")}, input);
}

} // namespace

TEST_CASE("branch IT creates and lists accounts from the command line")
{
    QTemporaryDir dir;
    const QStringList data{QStringLiteral("--data-dir"), dir.path()};
    auto added = cli(QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("zhang"),
                                     QStringLiteral("--role"), QStringLiteral("agent"), QStringLiteral("--name"),
                                     QStringLiteral("张三")} + data,
                         "a-long-password\n");
    INFO(added.err.toStdString());
    CHECK(added.exitCode == 0);
    CHECK(added.out.contains(QStringLiteral("zhang")));

    const auto taken = cli(QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("zhang"),
                                           QStringLiteral("--role"), QStringLiteral("it")} + data,
                               "another-password\n");
    CHECK(taken.exitCode == 1);
    const auto shortPassword = cli(QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("li"),
                                                   QStringLiteral("--role"), QStringLiteral("agent")} + data,
                                       "short\n");
    CHECK(shortPassword.exitCode == 1);
    CHECK(shortPassword.err.contains(QStringLiteral("shorter than 8")));
    const auto badRole = cli(QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("li"),
                                             QStringLiteral("--role"), QStringLiteral("boss")} + data);
    CHECK(badRole.exitCode == 2);

    const auto list = cli(QStringList{QStringLiteral("user"), QStringLiteral("list")} + data);
    CHECK(list.exitCode == 0);
    CHECK(list.out.trimmed() == QStringLiteral("zhang\tagent\t张三\t\tactive"));
}

TEST_CASE("branch IT resets, unlocks, disables and changes accounts from the command line, each audited")
{
    QTemporaryDir dir;
    const QStringList data{QStringLiteral("--data-dir"), dir.path()};
    auto user = [&](const QStringList &arguments, const QByteArray &input = {}) {
        return cli(QStringList{QStringLiteral("user")} + arguments + data, input);
    };
    REQUIRE(user({QStringLiteral("add"), QStringLiteral("boss"), QStringLiteral("--role"), QStringLiteral("supervisor")},
                 "boss-password\n").exitCode == 0);
    const auto added = user({QStringLiteral("add"), QStringLiteral("lixiao"), QStringLiteral("--role"), QStringLiteral("agent"),
                             QStringLiteral("--name"), QStringLiteral("李晓"), QStringLiteral("--licence"),
                             QStringLiteral("02000132010080020190012345")},
                            "first-password\n");
    INFO(added.err.toStdString());
    REQUIRE(added.exitCode == 0);

    // Locked as five wrong passwords lock it (written directly: the hashing would take seconds).
    {
        dualrec::test::RawSql raw(dualrec::storage::Journal::databasePath(dir.path()));
        raw.exec(QStringLiteral("UPDATE users SET locked_until_utc = '2999-01-01T00:00:00.000Z' WHERE login = 'lixiao'"));
    }
    CHECK(user({QStringLiteral("list")}).out.contains(QStringLiteral("lixiao\tagent\t李晓\t02000132010080020190012345\tlocked")));
    const auto unlocked = user({QStringLiteral("unlock"), QStringLiteral("lixiao")});
    CHECK(unlocked.exitCode == 0);
    CHECK(user({QStringLiteral("list")}).out.contains(QStringLiteral("lixiao\tagent\t李晓\t02000132010080020190012345\tactive")));

    // Reset: the password comes on stdin as for user add; a short one is refused with the reason.
    const auto tooShort = user({QStringLiteral("reset"), QStringLiteral("lixiao")}, "short\n");
    CHECK(tooShort.exitCode == 1);
    CHECK(tooShort.err.contains(QStringLiteral("shorter than 8")));
    CHECK(user({QStringLiteral("reset"), QStringLiteral("lixiao")}).exitCode == 2); // no password given
    CHECK(user({QStringLiteral("reset"), QStringLiteral("nobody")}, "a-long-password\n").exitCode == 1);
    CHECK(user({QStringLiteral("reset"), QStringLiteral("lixiao")}, "second-password\n").exitCode == 0);

    CHECK(user({QStringLiteral("disable"), QStringLiteral("lixiao")}).exitCode == 0);
    CHECK(user({QStringLiteral("list")}).out.contains(QStringLiteral("\tdisabled")));
    const auto lastBoss = user({QStringLiteral("disable"), QStringLiteral("boss")});
    CHECK(lastBoss.exitCode == 1);
    CHECK(lastBoss.err.contains(QStringLiteral("last enabled supervisor")));
    CHECK(user({QStringLiteral("enable"), QStringLiteral("lixiao")}).exitCode == 0);

    const auto set = user({QStringLiteral("set"), QStringLiteral("lixiao"), QStringLiteral("--licence"), QStringLiteral("B-2"),
                           QStringLiteral("--role"), QStringLiteral("supervisor")});
    INFO(set.err.toStdString());
    CHECK(set.exitCode == 0);
    CHECK(user({QStringLiteral("list")}).out.contains(QStringLiteral("lixiao\tsupervisor\t李晓\tB-2\tactive")));
    CHECK(user({QStringLiteral("set"), QStringLiteral("lixiao")}).exitCode == 2);
    CHECK(user({QStringLiteral("set"), QStringLiteral("lixiao"), QStringLiteral("--licence"), QStringLiteral("执业 证")}).exitCode == 1);
    CHECK(user({QStringLiteral("unlock"), QStringLiteral("lixiao"), QStringLiteral("--role"), QStringLiteral("it")}).exitCode == 2);

    const dualrec::SystemClock clock;
    auto journal = dualrec::storage::Journal::open(dir.path(), clock);
    REQUIRE(journal.has_value());
    CHECK((*journal)->users().authenticate(QStringLiteral("lixiao"), QStringLiteral("second-password"))->result
          == dualrec::storage::LoginResult::Accepted);
    QStringList changes;
    const auto entries = (*journal)->audit().entries().value();
    for (const auto &entry : entries) {
        if (entry.action == QLatin1String("account-change"))
            changes.append(entry.actor + u' ' + entry.subject + u' ' + entry.detail);
    }
    CHECK(changes == QStringList{QStringLiteral("cli boss created with role supervisor"),
                                 QStringLiteral("cli lixiao created with role agent, licence number 02000132010080020190012345"),
                                 QStringLiteral("cli lixiao unlocked"),
                                 QStringLiteral("cli lixiao password reset (account unlocked)"),
                                 QStringLiteral("cli lixiao disabled"),
                                 QStringLiteral("cli lixiao enabled"),
                                 QStringLiteral("cli lixiao licence number 02000132010080020190012345 -> B-2; role agent -> supervisor")});
}

TEST_CASE("a damaged journal keeps its accounts from the backup and the command says so on stderr")
{
    QTemporaryDir dir;
    const QStringList data{QStringLiteral("--data-dir"), dir.path()};
    const auto added = cli(QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("wang"),
                                       QStringLiteral("--role"), QStringLiteral("supervisor"), QStringLiteral("--name"),
                                       QStringLiteral("王五")} + data,
                           "a-long-password\n");
    REQUIRE(added.exitCode == 0);
    const auto listed = cli(QStringList{QStringLiteral("user"), QStringLiteral("list")} + data); // the daily backup
    REQUIRE(listed.exitCode == 0);
    CHECK(listed.err.isEmpty());

    // Flip the journal's header: the file no longer reads as a database.
    QFile journal(QDir(dir.path()).filePath(QStringLiteral("journal.sqlite")));
    REQUIRE(journal.open(QIODevice::ReadWrite));
    journal.write(QByteArray(100, '\xAB'));
    journal.close();

    const auto list = cli(QStringList{QStringLiteral("user"), QStringLiteral("list")} + data);
    INFO(list.err.toStdString());
    CHECK(list.exitCode == 4);
    CHECK(list.out.trimmed().startsWith(QStringLiteral("wang\tsupervisor\t王五\t")));
    CHECK(list.err.contains(QStringLiteral("WARNING: the journal was damaged")));
    CHECK(list.err.contains(QStringLiteral("restored from the backup")));
    // The next start finds a healthy journal: nothing more to say.
    const auto again = cli(QStringList{QStringLiteral("user"), QStringLiteral("list")} + data);
    CHECK(again.exitCode == 0);
    CHECK(again.err.isEmpty());
}
