// `dualrec user add` / `user list`, run as a separate process the way branch IT runs them.
#include <QProcess>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run dualrec(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(DUALREC_BINARY), arguments + QStringList{QStringLiteral("--lang"), QStringLiteral("en")});
    REQUIRE(process.waitForStarted(10000));
    process.write(input);
    process.closeWriteChannel();
    REQUIRE(process.waitForFinished(60000));
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

TEST_CASE("branch IT creates and lists accounts from the command line")
{
    QTemporaryDir dir;
    const QStringList data{QStringLiteral("--data-dir"), dir.path()};
    auto added = dualrec(QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("zhang"),
                                     QStringLiteral("--role"), QStringLiteral("agent"), QStringLiteral("--name"),
                                     QStringLiteral("张三")} + data,
                         "a-long-password\n");
    INFO(added.err.toStdString());
    CHECK(added.exitCode == 0);
    CHECK(added.out.contains(QStringLiteral("zhang")));

    const auto taken = dualrec(QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("zhang"),
                                           QStringLiteral("--role"), QStringLiteral("it")} + data,
                               "another-password\n");
    CHECK(taken.exitCode == 1);
    const auto shortPassword = dualrec(QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("li"),
                                                   QStringLiteral("--role"), QStringLiteral("agent")} + data,
                                       "short\n");
    CHECK(shortPassword.exitCode == 1);
    CHECK(shortPassword.err.contains(QStringLiteral("shorter than 8")));
    const auto badRole = dualrec(QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("li"),
                                             QStringLiteral("--role"), QStringLiteral("boss")} + data);
    CHECK(badRole.exitCode == 2);

    const auto list = dualrec(QStringList{QStringLiteral("user"), QStringLiteral("list")} + data);
    CHECK(list.exitCode == 0);
    CHECK(list.out.trimmed() == QStringLiteral("zhang\tagent\t张三"));
}
