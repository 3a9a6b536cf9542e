// `dualrec user add` / `user list`, run as a separate process the way branch IT runs them.
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
    CHECK(list.out.trimmed() == QStringLiteral("zhang\tagent\t张三"));
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
    CHECK(list.out.trimmed() == QStringLiteral("wang\tsupervisor\t王五"));
    CHECK(list.err.contains(QStringLiteral("WARNING: the journal was damaged")));
    CHECK(list.err.contains(QStringLiteral("restored from the backup")));
    // The next start finds a healthy journal: nothing more to say.
    const auto again = cli(QStringList{QStringLiteral("user"), QStringLiteral("list")} + data);
    CHECK(again.exitCode == 0);
    CHECK(again.err.isEmpty());
}
