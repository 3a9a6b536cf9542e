// `dualrec self-test`, run as a separate process the way branch IT runs it after installing.
#include "tests/support/clirun.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

namespace {

/// Runs self-test with private settings (XDG_CONFIG_HOME) and data folder (XDG_DATA_HOME).
dualrec::test::CliRun selfTest(const QStringList &arguments, const QString &configHome, const QString &dataHome)
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    return dualrec::test::runDualrec(QStringList{QStringLiteral("self-test")} + arguments, {}, 120000, environment);
}

QStringList lines(const QString &text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QString lineStartingWith(const QString &text, const QString &start)
{
    for (const auto &line : lines(text)) {
        if (line.startsWith(start))
            return line;
    }
    return {};
}

} // namespace

TEST_CASE("self-test passes on the build: one line per check, YuNet from beside the binary, exit 0")
{
    QTemporaryDir config;
    QTemporaryDir data;
    const auto run = selfTest({QStringLiteral("--lang"), QStringLiteral("en")}, config.path(), data.path());
    INFO(run.out.toStdString() << run.err.toStdString());
    CHECK(run.exitCode == 0);
    const auto all = lines(run.out);
    REQUIRE(all.size() == 1 + 8 + 1);
    CHECK(all.first() == QStringLiteral("DualRec " DUALREC_VERSION " self-test"));
    for (const auto &line : all.mid(1, 8))
        CHECK(line.startsWith(QLatin1String("[OK] ")));
    CHECK(all.last() == QLatin1String("All 8 checks passed."));
    // The model shipped with the app, found relative to the executable: never ../shared.
    const QString model = QDir::cleanPath(QFileInfo(QStringLiteral(DUALREC_BINARY)).absolutePath()
                                          + QStringLiteral("/../share/dualrec/models/face_detection_yunet_2022mar.onnx"));
    CHECK(lineStartingWith(run.out, QStringLiteral("[OK] Face detection: the YuNet model ")).contains(model));
    CHECK_FALSE(run.out.contains(QLatin1String("shared/assets")));
    CHECK(lineStartingWith(run.out, QStringLiteral("[OK] Data folder: ")).contains(data.path()));
    CHECK(lineStartingWith(run.out, QStringLiteral("[OK] Recording (FFmpeg): ")).contains(QLatin1String("1280x720")));
    CHECK(lineStartingWith(run.out, QStringLiteral("[OK] Sealing (OpenSSL): ")).contains(QLatin1String("opened with that key")));
    // The self-test leaves nothing behind in the data folder.
    CHECK(QDir(data.path() + QStringLiteral("/DualRec/DualRec")).isEmpty());
}

TEST_CASE("self-test speaks Chinese by default")
{
    QTemporaryDir config;
    QTemporaryDir data;
    const auto run = selfTest({}, config.path(), data.path());
    INFO(run.out.toStdString() << run.err.toStdString());
    CHECK(run.exitCode == 0);
    const auto all = lines(run.out);
    REQUIRE(all.size() == 10);
    for (const auto &line : all.mid(1, 8)) {
        CHECK(line.startsWith(QStringLiteral("【正常】")));
        CHECK(line.endsWith(QStringLiteral("。")));
    }
    CHECK(all.last() == QStringLiteral("全部 8 项检查通过。"));
}

TEST_CASE("self-test fails and says why: missing face model, bad template, unusable data folder")
{
    QTemporaryDir config;
    QTemporaryDir data;
    REQUIRE(QDir(config.path()).mkpath(QStringLiteral("DualRec")));
    QFile settings(config.filePath(QStringLiteral("DualRec/DualRec.conf")));
    REQUIRE(settings.open(QIODevice::WriteOnly));
    settings.write("[vision]\nfaceModel=/nonexistent/yunet.onnx\n");
    settings.close();
    QFile bad(data.filePath(QStringLiteral("bad.json")));
    REQUIRE(bad.open(QIODevice::WriteOnly));
    bad.write("{\"id\": ");
    bad.close();
    // A data folder below a regular file can never be created, not even by root.
    const QString folder = data.filePath(QStringLiteral("bad.json/data"));

    const auto run = selfTest({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--templates"), data.path(),
                               QStringLiteral("--data-dir"), folder},
                              config.path(), data.path());
    INFO(run.out.toStdString() << run.err.toStdString());
    CHECK(run.exitCode == 1);
    CHECK(lineStartingWith(run.out, QStringLiteral("[FAILED] Face detection: only the weaker fallback detector (Haar)"))
              .contains(QLatin1String("/nonexistent/yunet.onnx")));
    CHECK(lineStartingWith(run.out, QStringLiteral("[FAILED] Scripts and rules: 1 problem")).contains(QLatin1String("bad.json")));
    CHECK(lineStartingWith(run.out, QStringLiteral("[FAILED] Data folder: ")).contains(folder));
    // The others still run and pass.
    CHECK(run.out.contains(QLatin1String("[OK] Recording (FFmpeg): ")));
    CHECK(run.out.contains(QLatin1String("[OK] Encryption (OpenSSL): ")));
    CHECK(lines(run.out).last() == QLatin1String("3 of 8 checks failed."));
}

TEST_CASE("self-test fails when the face model is damaged and names the file")
{
    QTemporaryDir config;
    QTemporaryDir data;
    const QString model = data.filePath(QStringLiteral("face_detection_yunet_2022mar.onnx"));
    QFile damaged(model);
    REQUIRE(damaged.open(QIODevice::WriteOnly));
    damaged.write(QByteArray(4096, 'x'));
    damaged.close();
    const auto run = selfTest({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--face-model"), model},
                              config.path(), data.path());
    INFO(run.out.toStdString() << run.err.toStdString());
    CHECK(run.exitCode == 1);
    CHECK(lineStartingWith(run.out, QStringLiteral("[FAILED] Face detection: the face model cannot be loaded, so presence cannot be checked: "))
              .contains(model));
    CHECK(lines(run.out).last() == QLatin1String("1 of 8 checks failed."));
}

TEST_CASE("self-test without a usable temporary folder still gives every check a line")
{
    QTemporaryDir config;
    QTemporaryDir data;
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    environment.insert(QStringLiteral("XDG_DATA_HOME"), data.path());
    // A temporary folder below a regular file can never be created, not even by root.
    QFile notAFolder(data.filePath(QStringLiteral("tmp")));
    REQUIRE(notAFolder.open(QIODevice::WriteOnly));
    notAFolder.close();
    environment.insert(QStringLiteral("TMPDIR"), notAFolder.fileName());
    const auto run = dualrec::test::runDualrec({QStringLiteral("self-test"), QStringLiteral("--lang"), QStringLiteral("en")}, {}, 120000,
                                               environment);
    INFO(run.out.toStdString() << run.err.toStdString());
    CHECK(run.exitCode == 1);
    REQUIRE(lines(run.out).size() == 10);
    CHECK(lineStartingWith(run.out, QStringLiteral("[FAILED] Journal (SQLite): a test journal cannot be opened: "))
              .contains(notAFolder.fileName()));
    CHECK(run.out.contains(QLatin1String("[FAILED] Recording (FFmpeg): not checked, because the test journal could not be opened.")));
    CHECK(lineStartingWith(run.out, QStringLiteral("[OK] Face detection: the YuNet model ")).endsWith(QLatin1String("loads and checked a test picture.")));
    CHECK(run.out.contains(QLatin1String("[FAILED] Sealing (OpenSSL): not checked, because nothing could be recorded.")));
    CHECK(lines(run.out).last() == QLatin1String("3 of 8 checks failed."));
}

TEST_CASE("self-test takes no further arguments")
{
    QTemporaryDir config;
    QTemporaryDir data;
    const auto run = selfTest({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("now")}, config.path(), data.path());
    CHECK(run.exitCode == 2);
    CHECK(run.err.contains(QLatin1String("self-test: expected no further arguments")));
}
