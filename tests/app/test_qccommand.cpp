// `dualrec qc`, run as a separate process the way QC staff and scripts run it.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

#include <cmath>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run dualrec(const QStringList &arguments, const QString &configHome = {})
{
    QProcess process;
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    // Settings of the person running the tests must not decide the detector.
    static QTemporaryDir emptyConfig;
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome.isEmpty() ? emptyConfig.path() : configHome);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(DUALREC_BINARY), QStringList{QStringLiteral("--lang"), QStringLiteral("en")} + arguments);
    REQUIRE(process.waitForFinished(120000));
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString sharedClip()
{
    return QStringLiteral(DUALREC_SOURCE_DIR "/../shared/assets/clips/two_party_gap_640x360_15fps.mp4");
}

QString generated(const char *name)
{
    return QStringLiteral(DUALREC_TEST_CLIPS_DIR "/") + QLatin1String(name) + QStringLiteral(".mp4");
}

QJsonObject parsed(const Run &run)
{
    QJsonParseError error{};
    const auto document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    INFO(run.out.toStdString() << run.err.toStdString());
    REQUIRE(error.error == QJsonParseError::NoError);
    return document.object();
}

} // namespace

TEST_CASE("qc --json reports the customer's absence in the shared clip and exits 1")
{
    const auto run = dualrec({QStringLiteral("qc"), sharedClip(), QStringLiteral("--json")});
    CHECK(run.exitCode == 1);
    const auto report = parsed(run);
    CHECK(report.value(QStringLiteral("file")).toString() == sharedClip());
    CHECK(report.value(QStringLiteral("detector")).toString() == QLatin1String("yunet"));
    CHECK(report.value(QStringLiteral("checks_per_s")).toDouble() >= 5);
    const auto defects = report.value(QStringLiteral("defects")).toArray();
    REQUIRE(defects.size() == 1);
    const auto defect = defects.at(0).toObject();
    CHECK(defect.value(QStringLiteral("kind")).toString() == QLatin1String("party_absent"));
    CHECK(defect.value(QStringLiteral("who")).toString() == QLatin1String("customer"));
    CHECK(std::abs(defect.value(QStringLiteral("start_s")).toDouble() - 8.13) <= 0.5);
    CHECK(std::abs(defect.value(QStringLiteral("end_s")).toDouble() - 11.93) <= 0.5);
    const auto timeline = report.value(QStringLiteral("timeline")).toArray();
    REQUIRE(timeline.size() == 3);
    CHECK(timeline.at(1).toObject().value(QStringLiteral("faces")).toInt() == 1);
    CHECK(timeline.at(2).toObject().value(QStringLiteral("end_s")).toDouble() == 20.0);
}

TEST_CASE("qc: a clean recording exits 0 / the text report lists timeline and defects")
{
    const auto clean = dualrec({QStringLiteral("qc"), generated("clean")});
    INFO(clean.out.toStdString() << clean.err.toStdString());
    CHECK(clean.exitCode == 0);
    CHECK(clean.out.contains(QLatin1String("Defects: none")));
    CHECK(clean.out.contains(QLatin1String("Detector: yunet")));

    const auto covered = dualrec({QStringLiteral("qc"), generated("camera_covered")});
    CHECK(covered.exitCode == 1);
    CHECK(covered.out.contains(QLatin1String("camera_blocked")));
    CHECK(covered.out.contains(QLatin1String("Timeline:")));
}

TEST_CASE("qc --grace: an absence shorter than the grace is no defect")
{
    CHECK(dualrec({QStringLiteral("qc"), generated("customer_absent")}).exitCode == 1);
    CHECK(dualrec({QStringLiteral("qc"), generated("customer_absent"), QStringLiteral("--grace"), QStringLiteral("5")}).exitCode == 0);
}

TEST_CASE("qc falls back to the Haar cascade when the configured model is missing / and says so")
{
    QTemporaryDir config;
    REQUIRE(QDir(config.path()).mkpath(QStringLiteral("DualRec")));
    QFile settings(config.filePath(QStringLiteral("DualRec/DualRec.conf")));
    REQUIRE(settings.open(QIODevice::WriteOnly));
    settings.write("[vision]\nfaceModel=/nonexistent/yunet.onnx\n");
    settings.close();
    const auto run = dualrec({QStringLiteral("qc"), generated("customer_absent"), QStringLiteral("--json")}, config.path());
    CHECK(run.exitCode == 1);
    const auto report = parsed(run);
    CHECK(report.value(QStringLiteral("detector")).toString() == QLatin1String("haar"));
    CHECK(report.value(QStringLiteral("fallback_reason")).toString().contains(QLatin1String("/nonexistent/yunet.onnx")));
    REQUIRE(report.value(QStringLiteral("defects")).toArray().size() == 1);

    const auto text = dualrec({QStringLiteral("qc"), generated("clean")}, config.path());
    CHECK(text.out.contains(QLatin1String("Detector: haar (fallback")));
}

TEST_CASE("qc errors name the file and what went wrong and exit 2")
{
    QTemporaryDir dir;
    const QString garbage = dir.filePath(QStringLiteral("broken.mp4"));
    {
        QFile file(garbage);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(2048, 'x'));
    }
    const QString badTemplate = dir.filePath(QStringLiteral("bad.json"));
    {
        QFile file(badTemplate);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("{\"id\": 1}");
    }
    struct Row {
        QStringList arguments;
        QString message;
    };
    const std::vector<Row> rows{
        {{QStringLiteral("qc"), QStringLiteral("/nonexistent/rec.mp4")}, QStringLiteral("/nonexistent/rec.mp4")},
        {{QStringLiteral("qc"), garbage}, garbage},
        {{QStringLiteral("qc")}, QStringLiteral("exactly one recording")},
        {{QStringLiteral("qc"), sharedClip(), QStringLiteral("--grace"), QStringLiteral("soon")}, QStringLiteral("--grace")},
        {{QStringLiteral("qc"), sharedClip(), QStringLiteral("--face-model"), QStringLiteral("/nonexistent/m.onnx")},
         QStringLiteral("/nonexistent/m.onnx")},
        {{QStringLiteral("qc"), sharedClip(), QStringLiteral("--face-model"), badTemplate}, badTemplate},
        {{QStringLiteral("qc"), sharedClip(), QStringLiteral("--script"), badTemplate}, badTemplate},
        {{QStringLiteral("script"), QStringLiteral("check"), badTemplate, QStringLiteral("--json")}, QStringLiteral("qc command")},
    };
    for (const auto &row : rows) {
        INFO(row.arguments.join(u' ').toStdString());
        const auto run = dualrec(row.arguments);
        INFO(run.err.toStdString());
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(row.message));
    }
}
