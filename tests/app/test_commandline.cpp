// The dualrec binary's command line, run as a separate process the way branch IT, scripts and
// CI run it.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include "tests/support/clirun.h"

#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

namespace {

dualrec::test::CliRun cli(const QStringList &arguments)
{
    return dualrec::test::runDualrec(arguments);
}

QStringList shippedFiles()
{
    QStringList files;
    for (const auto *folder : {"scripts", "rules"}) {
        const QDir dir(QStringLiteral(DUALREC_SOURCE_DIR "/resources/") + QLatin1String(folder));
        for (const auto &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files))
            files.append(dir.filePath(name));
    }
    return files;
}

} // namespace

TEST_CASE("version and help options work without a window system")
{
    const auto version = cli({QStringLiteral("--version")});
    CHECK(version.exitCode == 0);
    CHECK(version.out.section(u'\n', 0, 0) == QLatin1String("dualrec " DUALREC_VERSION));
    CHECK(cli({QStringLiteral("--version"), QStringLiteral("--lang"), QStringLiteral("en")}).out.section(u'\n', 1, 1).contains(QLatin1String("device signing key")));

    const auto help = cli({QStringLiteral("--help"), QStringLiteral("--lang"), QStringLiteral("en")});
    CHECK(help.exitCode == 0);
    for (const auto *option : {"--data-dir", "--source", "--lang", "--version", "script check"})
        CHECK(help.out.contains(QLatin1String(option)));
}

#ifdef Q_OS_LINUX
TEST_CASE("commands that need no media do not load FFmpeg's libraries")
{
    // core/ffmpeg/ondemand.h: FFmpeg (117 of the binary's 214 libraries) is loaded on first use.
    // The dynamic loader's own trace says what each run loaded.
    QProcessEnvironment trace;
    trace.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    const QList<QStringList> commands{
        {QStringLiteral("--version"), QStringLiteral("--data-dir"), data},
        {QStringLiteral("script"), QStringLiteral("check"), shippedFiles().first()},
        {QStringLiteral("verify"), dir.filePath(QStringLiteral("nothing.dualrec"))},
        {QStringLiteral("pending"), QStringLiteral("--data-dir"), data},
    };
    for (const auto &arguments : commands) {
        const auto run = dualrec::test::runDualrec(arguments, {}, 60000, trace);
        INFO(arguments.join(u' ').toStdString());
        CHECK(run.err.contains(QLatin1String("libQt6Core.so"))); // the trace works
        CHECK_FALSE(run.err.contains(QLatin1String("libavcodec.so")));
        CHECK_FALSE(run.err.contains(QLatin1String("libavfilter.so")));
    }
}
#endif

TEST_CASE("script check passes the shipped templates and rule sets")
{
    const auto files = shippedFiles();
    REQUIRE(files.size() == 7);
    const auto run = cli(QStringList{QStringLiteral("script"), QStringLiteral("check")} + files);
    INFO(run.out.toStdString());
    CHECK(run.exitCode == 0);
    CHECK(run.out.isEmpty());
    CHECK(run.err.contains(QLatin1String("7")));
}

TEST_CASE("script check prints one line per problem with file and JSON path / and exits 1")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    // Start from a shipped template and break it in three places.
    QFile source(QStringLiteral(DUALREC_SOURCE_DIR "/resources/scripts/traditional-life.json"));
    REQUIRE(source.open(QIODevice::ReadOnly));
    auto json = QString::fromUtf8(source.readAll());
    json.replace(QStringLiteral("\"presence\": \"both\""), QStringLiteral("\"presence\": \"everyone\""));
    json.replace(QStringLiteral("\"min_duration_s\""), QStringLiteral("\"min_duration\""));
    const auto bad = dir.filePath(QStringLiteral("bad.json"));
    QFile out(bad);
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(json.toUtf8());
    out.close();
    const auto missing = dir.filePath(QStringLiteral("missing.json"));

    const auto run = cli({QStringLiteral("script"), QStringLiteral("check"), bad, missing});
    CHECK(run.exitCode == 1);
    const auto lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    REQUIRE(lines.size() > 3);
    for (const auto &line : lines) {
        INFO(line.toStdString());
        CHECK((line.startsWith(bad + QStringLiteral(": $.")) || line.startsWith(missing + QStringLiteral(": $"))));
    }
    CHECK(lines.contains(bad + QStringLiteral(": $.steps[0].requires.presence: expected one of \"none\", \"agent\", "
                                              "\"both\", \"all_parties\"; found \"everyone\"")));
    CHECK(run.out.contains(QStringLiteral("$.steps[0].requires.min_duration: unknown key")));
    CHECK(run.out.contains(missing + QStringLiteral(": $: cannot read the file")));
}

TEST_CASE("bad command lines are refused with a specific message and exit code 2")
{
    struct Row {
        QStringList arguments;
        const char *message;
    };
    const std::vector<Row> rows{
        {{QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("script")}, "script check FILE"},
        {{QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("script"), QStringLiteral("check")}, "at least one FILE"},
        {{QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("frobnicate")}, "unknown command \"frobnicate\""},
        {{QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--source"), QStringLiteral("/nonexistent/clip.mp4")},
         "/nonexistent/clip.mp4"},
        {{QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--data-dir"), QStringLiteral("/proc/dualrec-test")},
         "/proc/dualrec-test"},
        {{QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("export"), QStringLiteral("1df3086b-e6f7-4463-891d-95999a1913be"),
          QStringLiteral("--out"), QStringLiteral("/tmp")},
         "export SESSION_ID --out DIR --user LOGIN"},
        {{QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("export"), QStringLiteral("not-a-session"), QStringLiteral("--out"),
          QStringLiteral("/tmp"), QStringLiteral("--user"), QStringLiteral("wang")},
         "\"not-a-session\" is not a session id"},
        {{QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--user"), QStringLiteral("wang")},
         "--user belongs to the export and qc --report commands"},
        {{QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("qc"), QStringLiteral("--report"), QStringLiteral("/tmp/r.pdf"),
          QStringLiteral("1df3086b-e6f7-4463-891d-95999a1913be")},
         "qc --report FILE.pdf SESSION_ID --user LOGIN"},
        {{QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("qc"), QStringLiteral("--report"), QStringLiteral("/tmp/r.pdf"),
          QStringLiteral("1df3086b-e6f7-4463-891d-95999a1913be"), QStringLiteral("--user"), QStringLiteral("wang"), QStringLiteral("--json")},
         "--script, --json and --grace check a recording file"},
        {{QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("seal"), QStringLiteral("1df3086b-e6f7-4463-891d-95999a1913be"),
          QStringLiteral("--report"), QStringLiteral("/tmp/r.pdf")},
         "--report belongs to the qc command"},
        {{QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("qc"), QStringLiteral("/tmp/recording.mp4"), QStringLiteral("--user"),
          QStringLiteral("wang")},
         "--user belongs to the export and qc --report commands"},
    };
    for (const auto &row : rows) {
        INFO(row.arguments.join(u' ').toStdString());
        const auto run = cli(row.arguments);
        INFO(run.err.toStdString());
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(QString::fromUtf8(row.message)));
    }
    const auto badLanguage = cli({QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("script"),
                                      QStringLiteral("check"), QStringLiteral("x.json")});
    CHECK(badLanguage.exitCode == 2);
    CHECK(badLanguage.err.contains(QLatin1String("zh_CN")));
}

TEST_CASE("every record option is checked on its own and named in its message (exit 2)")
{
    QTemporaryDir dir;
    const auto base = [&](const QStringList &extra) {
        return QStringList{QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("record"), QStringLiteral("--source"),
                           QStringLiteral("demo"), QStringLiteral("--template"), QStringLiteral("traditional-life"),
                           QStringLiteral("--agent"), QStringLiteral("A-1"), QStringLiteral("--out"), dir.path(),
                           QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("data"))}
               + extra;
    };
    const QStringList application{QStringLiteral("--application-no"), QStringLiteral("P-1")};
    struct Row {
        QStringList arguments;
        const char *message;
    };
    const std::vector<Row> rows{
        {base(application + QStringList{QStringLiteral("--duration"), QStringLiteral("abc")}), "--duration"},
        {base(application + QStringList{QStringLiteral("--duration"), QStringLiteral("0")}), "--duration"},
        {base(application + QStringList{QStringLiteral("--duration"), QStringLiteral("99999999999")}), "--duration"},
        {base(application + QStringList{QStringLiteral("--size"), QStringLiteral("100000x100000")}), "--size"},
        {base(application + QStringList{QStringLiteral("--size"), QStringLiteral("2x2")}), "--size"},
        {base(application + QStringList{QStringLiteral("--size"), QStringLiteral("641x360")}), "--size"},
        {base(application + QStringList{QStringLiteral("--fps"), QStringLiteral("1000")}), "--fps"},
        {base(application + QStringList{QStringLiteral("--video-bitrate"), QStringLiteral("7")}), "--video-bitrate"},
        {base(application + QStringList{QStringLiteral("--audio-bitrate"), QStringLiteral("-5")}), "--audio-bitrate"},
        {base(application + QStringList{QStringLiteral("--x264-preset"), QStringLiteral("bogus")}), "--x264-preset"},
        {base(application + QStringList{QStringLiteral("--pace"), QStringLiteral("turbo")}), "--pace"},
        {base(application + QStringList{QStringLiteral("--watermark-font"), QStringLiteral("/etc/passwd")}), "--watermark-font"},
        {base(application + QStringList{QStringLiteral("--watermark-font"), QStringLiteral("/dev/zero")}), "--watermark-font"},
        {base(application + QStringList{QStringLiteral("--watermark-font"), dir.path()}), "--watermark-font"},
        {base({QStringLiteral("--application-no"), QStringLiteral("P-1\n2026-01-01 00:00:00")}), "--application-no"},
        {base({QStringLiteral("--application-no"), QString(QStringLiteral("P-1")) + QChar(0x202E) + QStringLiteral("2-P")}),
         "--application-no"},
        {base(application + QStringList{QStringLiteral("--agent"), QStringLiteral("A\t1")}), "--agent"},
        {{QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("qc"), QStringLiteral("x.mp4"), QStringLiteral("--grace"),
          QStringLiteral("nan")},
         "--grace"},
        {{QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("qc"), QStringLiteral("x.mp4"), QStringLiteral("--grace"),
          QStringLiteral("inf")},
         "--grace"},
    };
    for (const auto &row : rows) {
        INFO(row.arguments.join(u' ').toStdString());
        const auto run = cli(row.arguments);
        INFO(run.err.toStdString());
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(QString::fromUtf8(row.message)));
        CHECK_FALSE(run.err.contains(QLatin1String("internal-error")));
    }
    CHECK_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("data")))); // refused before the journal is touched
}

TEST_CASE("user list on a data folder that does not exist creates nothing and says so")
{
    QTemporaryDir dir;
    const auto typo = dir.filePath(QStringLiteral("no-such-folder"));
    const auto run = cli({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("user"), QStringLiteral("list"),
                          QStringLiteral("--data-dir"), typo});
    INFO(run.err.toStdString());
    CHECK(run.exitCode == 2);
    CHECK(run.err.contains(typo));
    CHECK_FALSE(QFileInfo::exists(typo));
}

TEST_CASE("script check refuses devices and oversized files at once instead of reading forever")
{
    QTemporaryDir dir;
    const auto big = dir.filePath(QStringLiteral("big.json"));
    {
        QFile file(big);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(3 * 1024 * 1024, ' '));
    }
    const auto run = dualrec::test::runDualrec({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("script"),
                                                QStringLiteral("check"), QStringLiteral("/dev/zero"), QStringLiteral("/dev/urandom"), big},
                                               {}, 20000);
    INFO(run.out.toStdString() << run.err.toStdString());
    CHECK(run.exitCode == 1);
    const QString all = run.out + run.err;
    CHECK(all.count(QLatin1String(": $: ")) == 3); // one line per file
    CHECK(all.contains(QLatin1String("/dev/zero: $: expected a regular file")));
}

TEST_CASE("sync and export speak Chinese by default: their messages are in the context the translations use")
{
    // Their messages were once looked up under a context lupdate never wrote, so they stayed English.
    QTemporaryDir dir;
    const auto typo = dir.filePath(QStringLiteral("no-such-folder"));
    const auto sync = cli({QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("sync"), QStringLiteral("--once"),
                           QStringLiteral("--data-dir"), typo});
    CHECK(sync.exitCode == 2);
    CHECK(sync.err.contains(QStringLiteral("中没有 DualRec 日志")));
    const auto exported = cli({QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("export"),
                               QStringLiteral("1df3086b-e6f7-4463-891d-95999a1913be"), QStringLiteral("--out"), dir.path(),
                               QStringLiteral("--user"), QStringLiteral("wang"), QStringLiteral("--data-dir"), typo});
    CHECK(exported.exitCode == 2);
    CHECK(exported.err.contains(QStringLiteral("中没有 DualRec 日志")));
    CHECK_FALSE(QFileInfo::exists(typo));
}

TEST_CASE("a setting outside sync/ with a value that is not valid is named on stderr with the value, what it takes and what is used")
{
    QTemporaryDir config;
    QDir().mkpath(config.filePath(QStringLiteral("DualRec")));
    {
        QFile settings(config.filePath(QStringLiteral("DualRec/DualRec.conf")));
        REQUIRE(settings.open(QIODevice::WriteOnly));
        settings.write("[capture]\nresolution=big\n[presence]\ngraceSeconds=3s\n[capture]\nmicrophoneQuietSeconds=30\n");
    }
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    const auto files = shippedFiles();
    const auto run = dualrec::test::runDualrec(QStringList{QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("script"),
                                                           QStringLiteral("check")} + files,
                                               {}, 60000, environment);
    INFO(run.err.toStdString());
    CHECK(run.exitCode == 0); // the command still does its work, with the defaults
    const QString file = QDir::toNativeSeparators(config.filePath(QStringLiteral("DualRec/DualRec.conf")));
    CHECK(run.err.contains(QStringLiteral("the setting capture/resolution in %1 is \"big\": expected a width and height such as 1280x720; "
                                          "\"1280x720\" is used instead").arg(file)));
    CHECK(run.err.contains(QStringLiteral("the setting presence/graceSeconds in %1 is \"3s\": expected a number of seconds from 0 to "
                                          "10; \"1.5\" is used instead").arg(file)));
    CHECK_FALSE(run.err.contains(QLatin1String("microphoneQuietSeconds"))); // a valid value is not mentioned
}
