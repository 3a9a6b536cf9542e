// `dualrec user add` / `user list`, run as a separate process the way branch IT runs them.
#include "tests/support/clirun.h"

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
