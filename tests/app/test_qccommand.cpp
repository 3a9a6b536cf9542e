// `dualrec qc`, run as a separate process the way QC staff and scripts run it.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include "tests/support/clirun.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

#include <cmath>

namespace {

dualrec::test::CliRun cli(const QStringList &arguments, const QString &configHome = {})
{
    // Settings of the person running the tests must not decide the detector.
    static QTemporaryDir emptyConfig;
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome.isEmpty() ? emptyConfig.path() : configHome);
    return dualrec::test::runDualrec(QStringList{QStringLiteral("--lang"), QStringLiteral("en")} + arguments, {}, 120000, environment);
}

QString sharedClip()
{
    return QStringLiteral(DUALREC_SOURCE_DIR "/../shared/assets/clips/two_party_gap_640x360_15fps.mp4");
}

QString generated(const char *name)
{
    return QStringLiteral(DUALREC_TEST_CLIPS_DIR "/") + QLatin1String(name) + QStringLiteral(".mp4");
}

QJsonObject parsed(const dualrec::test::CliRun &run)
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
    const auto run = cli({QStringLiteral("qc"), sharedClip(), QStringLiteral("--json")});
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
    const auto clean = cli({QStringLiteral("qc"), generated("clean")});
    INFO(clean.out.toStdString() << clean.err.toStdString());
    CHECK(clean.exitCode == 0);
    CHECK(clean.out.contains(QLatin1String("Defects: none")));
    CHECK(clean.out.contains(QLatin1String("Detector: yunet")));

    const auto covered = cli({QStringLiteral("qc"), generated("camera_covered")});
    CHECK(covered.exitCode == 1);
    CHECK(covered.out.contains(QLatin1String("camera_blocked")));
    CHECK(covered.out.contains(QLatin1String("Timeline:")));
}

TEST_CASE("qc --grace: an absence shorter than the grace is no defect")
{
    CHECK(cli({QStringLiteral("qc"), generated("customer_absent")}).exitCode == 1);
    CHECK(cli({QStringLiteral("qc"), generated("customer_absent"), QStringLiteral("--grace"), QStringLiteral("5")}).exitCode == 0);
}

TEST_CASE("qc falls back to the Haar cascade when the configured model is missing / and says so")
{
    QTemporaryDir config;
    REQUIRE(QDir(config.path()).mkpath(QStringLiteral("DualRec")));
    QFile settings(config.filePath(QStringLiteral("DualRec/DualRec.conf")));
    REQUIRE(settings.open(QIODevice::WriteOnly));
    settings.write("[vision]\nfaceModel=/nonexistent/yunet.onnx\n");
    settings.close();
    const auto run = cli({QStringLiteral("qc"), generated("customer_absent"), QStringLiteral("--json")}, config.path());
    CHECK(run.exitCode == 1);
    const auto report = parsed(run);
    CHECK(report.value(QStringLiteral("detector")).toString() == QLatin1String("haar"));
    CHECK(report.value(QStringLiteral("fallback_reason")).toString().contains(QLatin1String("/nonexistent/yunet.onnx")));
    REQUIRE(report.value(QStringLiteral("defects")).toArray().size() == 1);

    const auto text = cli({QStringLiteral("qc"), generated("clean")}, config.path());
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
        const auto run = cli(row.arguments);
        INFO(run.err.toStdString());
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(row.message));
    }
}

TEST_CASE("qc --script applies each step's presence requirement to its chapter of a real recording")
{
    // A template whose agent-identity step (only the agent must be in frame) runs from about
    // 7 s to 15 s: the customer's absence in the shared clip (8.1 s to 11.9 s) falls inside it.
    QTemporaryDir dir;
    QFile shipped(QStringLiteral(DUALREC_SOURCE_DIR "/resources/scripts/traditional-life.json"));
    REQUIRE(shipped.open(QIODevice::ReadOnly));
    auto root = QJsonDocument::fromJson(shipped.readAll()).object();
    root[QStringLiteral("id")] = QStringLiteral("qc-timing-test");
    auto steps = root.value(QStringLiteral("steps")).toArray();
    for (qsizetype i = 0; i < steps.size(); ++i) {
        auto step = steps.at(i).toObject();
        auto requirements = step.value(QStringLiteral("requires")).toObject();
        const auto id = step.value(QStringLiteral("id")).toString();
        requirements[QStringLiteral("min_duration_s")] = id == QLatin1String("consent") ? 1 : id == QLatin1String("mandated-prompt") ? 6 : id == QLatin1String("agent-identity") ? 8 : 0;
        if (id == QLatin1String("agent-identity"))
            requirements[QStringLiteral("presence")] = QStringLiteral("agent");
        step[QStringLiteral("requires")] = requirements;
        steps[i] = step;
    }
    root[QStringLiteral("steps")] = steps;
    const auto templates = dir.filePath(QStringLiteral("templates"));
    REQUIRE(QDir().mkpath(templates));
    const auto script = QDir(templates).filePath(QStringLiteral("qc-timing-test.json"));
    QFile out(script);
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(root).toJson());
    out.close();

    // Record the clip through the real pipeline, in real time, advancing steps automatically.
    const auto recorded = cli({QStringLiteral("record"), QStringLiteral("--source"), sharedClip(), QStringLiteral("--templates"),
                                   templates, QStringLiteral("--template"), QStringLiteral("qc-timing-test"),
                                   QStringLiteral("--application-no"), QStringLiteral("QC-1"), QStringLiteral("--agent"),
                                   QStringLiteral("A-7"), QStringLiteral("--out"), dir.filePath(QStringLiteral("out")),
                                   QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("data")), QStringLiteral("--answers"),
                                   QStringLiteral("auto"), QStringLiteral("--size"), QStringLiteral("640x360"),
                                   QStringLiteral("--duration"), QStringLiteral("19")});
    INFO(recorded.out.toStdString() << recorded.err.toStdString());
    REQUIRE(recorded.exitCode == 0);
    QString recording;
    for (const auto &line : recorded.out.split(u'\n')) {
        if (line.startsWith(QLatin1String("recording: ")))
            recording = line.mid(11).trimmed();
    }
    REQUIRE(QFile::exists(recording));

    // The recording and its sidecar are encrypted: qc reads them with the data folder's key, in
    // memory (no plaintext copy is written anywhere).
    const QStringList dataFolder{QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("data"))};
    const auto elsewhere = cli({QStringLiteral("qc"), recording, QStringLiteral("--json"), QStringLiteral("--data-dir"),
                                dir.filePath(QStringLiteral("other"))});
    CHECK(elsewhere.exitCode == 2);
    CHECK(elsewhere.err.contains(QLatin1String("encrypted")));
    CHECK_FALSE(QFile::exists(dir.filePath(QStringLiteral("other")))); // qc creates no data folder
    const auto plain = parsed(cli(QStringList{QStringLiteral("qc"), recording, QStringLiteral("--json")} + dataFolder));
    CHECK(plain.value(QStringLiteral("presence_rule")).toString() == QLatin1String("both_all_the_time"));
    int absences = 0;
    for (const auto &defect : plain.value(QStringLiteral("defects")).toArray())
        absences += defect.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("party_absent") ? 1 : 0;
    CHECK(absences == 1);

    // With the template, the sidecar's chapters say the absence happened while only the agent
    // was required: no defect.
    const auto perStep = cli(QStringList{QStringLiteral("qc"), recording, QStringLiteral("--json"), QStringLiteral("--script"), script}
                             + dataFolder);
    const auto report = parsed(perStep);
    CHECK(report.value(QStringLiteral("presence_rule")).toString() == QLatin1String("per_step"));
    CHECK(report.value(QStringLiteral("chapters_from")).toString() == QLatin1String("sidecar"));
    CHECK(report.value(QStringLiteral("defects")).toArray().isEmpty());
    // The session's verdict: no presence reason, but the clip has no sound, which fails it.
    const auto verdict = report.value(QStringLiteral("qc")).toObject();
    INFO(QJsonDocument(verdict).toJson().toStdString());
    CHECK(verdict.value(QStringLiteral("verdict")).toString() == QLatin1String("fail"));
    QStringList kinds;
    for (const auto &reason : verdict.value(QStringLiteral("reasons")).toArray())
        kinds.append(reason.toObject().value(QStringLiteral("kind")).toString());
    CHECK(kinds.contains(QStringLiteral("audio_missing")));
    CHECK_FALSE(kinds.contains(QStringLiteral("presence_missing")));
    CHECK_FALSE(kinds.contains(QStringLiteral("step_too_short")));
    CHECK(perStep.exitCode == 1);
    CHECK(plain.value(QStringLiteral("qc")).isNull()); // no template, no verdict

    // Checked against a template that wants consent to take 30 s: the step was rushed.
    root[QStringLiteral("id")] = QStringLiteral("qc-strict-test");
    auto strictSteps = root.value(QStringLiteral("steps")).toArray();
    auto consent = strictSteps.at(0).toObject();
    auto consentRequires = consent.value(QStringLiteral("requires")).toObject();
    consentRequires[QStringLiteral("min_duration_s")] = 30;
    consent[QStringLiteral("requires")] = consentRequires;
    strictSteps[0] = consent;
    root[QStringLiteral("steps")] = strictSteps;
    root[QStringLiteral("qc")] = QJsonObject{{QStringLiteral("audio_missing"), QStringLiteral("ignore")},
                                             {QStringLiteral("recording_gap"), QStringLiteral("ignore")}};
    const auto strictScript = QDir(templates).filePath(QStringLiteral("qc-strict-test.json"));
    QFile strictOut(strictScript);
    REQUIRE(strictOut.open(QIODevice::WriteOnly));
    strictOut.write(QJsonDocument(root).toJson());
    strictOut.close();
    const auto strictRun = cli(QStringList{QStringLiteral("qc"), recording, QStringLiteral("--json"), QStringLiteral("--script"), strictScript}
                               + dataFolder);
    const auto strict = parsed(strictRun).value(QStringLiteral("qc")).toObject();
    INFO(QJsonDocument(strict).toJson().toStdString());
    CHECK(strict.value(QStringLiteral("verdict")).toString() == QLatin1String("needs_review"));
    const auto strictReasons = strict.value(QStringLiteral("reasons")).toArray();
    REQUIRE(strictReasons.size() == 1); // the sound is ignored by this template's rules
    CHECK(strictReasons.at(0).toObject().value(QStringLiteral("kind")).toString() == QLatin1String("step_too_short"));
    CHECK(strictReasons.at(0).toObject().value(QStringLiteral("step_id")).toString() == QLatin1String("consent"));
    CHECK(strictReasons.at(0).toObject().value(QStringLiteral("severity")).toString() == QLatin1String("review"));
    CHECK(strictRun.exitCode == 1);
    // The text report says it too.
    const auto strictText = cli(QStringList{QStringLiteral("qc"), recording, QStringLiteral("--script"), strictScript} + dataFolder);
    CHECK(strictText.out.contains(QLatin1String("Verdict: needs_review")));
    CHECK(strictText.out.contains(QLatin1String("step_too_short (review)")));

    // Without the sidecar, the MP4's own chapter titles are matched to the steps.
    const auto sidecar = QFileInfo(recording).absoluteDir().filePath(QFileInfo(recording).baseName() + QStringLiteral(".json"));
    REQUIRE(QFile::remove(sidecar));
    const auto fromMp4 = parsed(cli(QStringList{QStringLiteral("qc"), recording, QStringLiteral("--json"), QStringLiteral("--script"), script}
                                    + dataFolder));
    CHECK(fromMp4.value(QStringLiteral("chapters_from")).toString() == QLatin1String("mp4"));
    CHECK(fromMp4.value(QStringLiteral("defects")).toArray().isEmpty());
}

TEST_CASE("script check names a bad qc rule of a template precisely and exits 1")
{
    QTemporaryDir dir;
    QFile shipped(QStringLiteral(DUALREC_SOURCE_DIR "/resources/scripts/traditional-life.json"));
    REQUIRE(shipped.open(QIODevice::ReadOnly));
    auto root = QJsonDocument::fromJson(shipped.readAll()).object();
    root[QStringLiteral("qc")] = QJsonObject{{QStringLiteral("third_party"), QStringLiteral("warn")},
                                             {QStringLiteral("presense_missing"), QStringLiteral("fail")}};
    const auto path = dir.filePath(QStringLiteral("traditional-life.json"));
    QFile out(path);
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(root).toJson());
    out.close();
    const auto checked = cli({QStringLiteral("script"), QStringLiteral("check"), path});
    INFO(checked.out.toStdString() << checked.err.toStdString());
    CHECK(checked.exitCode == 1);
    const QString all = checked.out + checked.err;
    CHECK(all.contains(QLatin1String("$.qc.third_party: expected one of \"ignore\", \"review\", \"fail\"; found \"warn\"")));
    CHECK(all.contains(QLatin1String("$.qc.presense_missing")));
    CHECK(all.contains(QLatin1String("unknown key")));
}

TEST_CASE("record --presence guard watches the frames: the customer's absence stops the step and is journaled")
{
    QTemporaryDir dir;
    const auto recorded = cli({QStringLiteral("record"), QStringLiteral("--source"), sharedClip(), QStringLiteral("--template"),
                                   QStringLiteral("traditional-life"), QStringLiteral("--application-no"), QStringLiteral("G-1"),
                                   QStringLiteral("--agent"), QStringLiteral("A-7"), QStringLiteral("--out"), dir.filePath(QStringLiteral("out")),
                                   QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("data")), QStringLiteral("--answers"),
                                   QStringLiteral("auto"), QStringLiteral("--presence"), QStringLiteral("guard"), QStringLiteral("--size"),
                                   QStringLiteral("640x360"), QStringLiteral("--duration"), QStringLiteral("18")});
    INFO(recorded.out.toStdString() << recorded.err.toStdString());
    REQUIRE(recorded.exitCode == 0);
    CHECK(recorded.out.contains(QLatin1String("presence guard on (yunet)")));
    // The clip: both in frame, the customer away from 8.1 s to 11.9 s, back until the end.
    CHECK(recorded.err.contains(QLatin1String("presence: customer_missing")));
    CHECK(recorded.err.contains(QLatin1String("presence: none")));

    auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("guard-journal"));
    db.setDatabaseName(dir.filePath(QStringLiteral("data/journal.sqlite")));
    REQUIRE(db.open());
    {
        QSqlQuery violated(db);
        REQUIRE(violated.exec(QStringLiteral("SELECT COUNT(*) FROM events WHERE type = 'presence-violated'")));
        REQUIRE(violated.next());
        CHECK(violated.value(0).toInt() >= 1);
    }
    {
        // The run-length presence timeline: the customer's absence is a run without the customer.
        QSqlQuery runs(db);
        REQUIRE(runs.exec(QStringLiteral("SELECT COUNT(*), SUM(customer_present = 0 AND faces = 1 AND start_ms >= 7000 AND end_ms <= 13000), "
                                         "MIN(start_ms), MAX(end_ms) FROM presence_runs")));
        REQUIRE(runs.next());
        CHECK(runs.value(0).toInt() >= 3);
        CHECK(runs.value(1).toInt() >= 1);
        CHECK(runs.value(2).toInt() < 1000);
        CHECK(runs.value(3).toInt() > 15000);
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("guard-journal"));
}

namespace {

/// Where the media data (the `mdat` box) of an MP4 lies: [offset, end).
std::pair<qint64, qint64> mediaData(const QByteArray &mp4)
{
    qint64 at = 0;
    while (at + 8 <= mp4.size()) {
        qint64 size = (qint64(quint8(mp4[at])) << 24) | (qint64(quint8(mp4[at + 1])) << 16) | (qint64(quint8(mp4[at + 2])) << 8)
                      | qint64(quint8(mp4[at + 3]));
        const auto type = mp4.mid(at + 4, 4);
        qint64 header = 8;
        if (size == 1) {
            size = 0;
            for (int i = 0; i < 8; ++i)
                size = (size << 8) | quint8(mp4[at + 8 + i]);
            header = 16;
        } else if (size == 0) {
            size = mp4.size() - at;
        }
        if (type == "mdat")
            return {at + header, at + size};
        if (size < 8)
            break;
        at += size;
    }
    return {0, 0};
}

} // namespace

TEST_CASE("qc never passes a damaged recording: what does not decode is an undecodable defect with its time range")
{
    QTemporaryDir dir;
    const auto intact = cli({QStringLiteral("qc"), generated("clean"), QStringLiteral("--json")});
    INFO(intact.err.toStdString());
    REQUIRE(intact.exitCode == 0); // the strict decoder finds nothing wrong in a good file
    CHECK(parsed(intact).value(QStringLiteral("decode_issues")).toArray().isEmpty());

    QFile source(generated("clean"));
    REQUIRE(source.open(QIODevice::ReadOnly));
    auto bytes = source.readAll();
    const auto [begin, end] = mediaData(bytes);
    REQUIRE(end - begin > 100000);
    // 200 bytes flipped, spread over the middle of the media data.
    for (int i = 0; i < 200; ++i) {
        const qint64 at = begin + (end - begin) / 4 + (end - begin) / 2 * i / 200;
        bytes[at] = char(~quint8(bytes[at]));
    }
    const auto damaged = dir.filePath(QStringLiteral("damaged.mp4"));
    {
        QFile file(damaged);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    const auto run = cli({QStringLiteral("qc"), damaged, QStringLiteral("--json")});
    INFO(run.out.toStdString() << run.err.toStdString());
    CHECK(run.exitCode == 1);
    const auto report = parsed(run);
    CHECK_FALSE(report.value(QStringLiteral("clean")).toBool());
    const auto defects = report.value(QStringLiteral("defects")).toArray();
    const auto undecodable = std::ranges::find_if(defects, [](const QJsonValue &value) {
        return value.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("undecodable");
    });
    REQUIRE(undecodable != defects.end());
    const auto defect = (*undecodable).toObject();
    const double duration = report.value(QStringLiteral("duration_s")).toDouble();
    CHECK(defect.value(QStringLiteral("start_s")).toDouble() > 0);
    CHECK(defect.value(QStringLiteral("end_s")).toDouble() > defect.value(QStringLiteral("start_s")).toDouble());
    CHECK(defect.value(QStringLiteral("end_s")).toDouble() <= duration + 0.1);
    CHECK_FALSE(report.value(QStringLiteral("decode_issues")).toArray().isEmpty());
}

TEST_CASE("qc: a video the detector cannot look at is an analysis_failed defect, never clean")
{
    QTemporaryDir dir;
    const auto tiny = dir.filePath(QStringLiteral("tiny.mp4"));
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"), {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"), QStringLiteral("lavfi"),
                                            QStringLiteral("-i"), QStringLiteral("testsrc=size=16x16:rate=10:duration=3"),
                                            QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), tiny});
    REQUIRE(ffmpeg.waitForFinished(60000));
    REQUIRE(ffmpeg.exitCode() == 0);
    const auto run = cli({QStringLiteral("qc"), tiny, QStringLiteral("--json")});
    INFO(run.out.toStdString() << run.err.toStdString());
    CHECK(run.exitCode == 1);
    const auto report = parsed(run);
    CHECK_FALSE(report.value(QStringLiteral("clean")).toBool());
    const auto defects = report.value(QStringLiteral("defects")).toArray();
    CHECK(std::ranges::any_of(defects, [](const QJsonValue &value) {
        return value.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("analysis_failed");
    }));
}

TEST_CASE("qc --json prints a JSON error object when it fails")
{
    const auto run = cli({QStringLiteral("qc"), QStringLiteral("/nonexistent/rec.mp4"), QStringLiteral("--json")});
    CHECK(run.exitCode == 2);
    CHECK(run.err.contains(QLatin1String("/nonexistent/rec.mp4")));
    const auto report = parsed(run);
    CHECK(report.value(QStringLiteral("file")).toString() == QLatin1String("/nonexistent/rec.mp4"));
    CHECK_FALSE(report.value(QStringLiteral("clean")).toBool());
    CHECK(report.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString() == QLatin1String("not-found"));
    CHECK(report.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QLatin1String("no such file")));
}

namespace {

/// The steps of traditional-life with consent taking at least 5 s and the mandated prompt 8 s
/// (the rest at once), as a template file in `folder`/templates; returns its path.
QString stepsTemplate(const QTemporaryDir &dir, const QString &id)
{
    QFile shipped(QStringLiteral(DUALREC_SOURCE_DIR "/resources/scripts/traditional-life.json"));
    REQUIRE(shipped.open(QIODevice::ReadOnly));
    auto root = QJsonDocument::fromJson(shipped.readAll()).object();
    root[QStringLiteral("id")] = id;
    auto steps = root.value(QStringLiteral("steps")).toArray();
    for (qsizetype i = 0; i < steps.size(); ++i) {
        auto step = steps.at(i).toObject();
        auto requirements = step.value(QStringLiteral("requires")).toObject();
        const auto stepId = step.value(QStringLiteral("id")).toString();
        requirements[QStringLiteral("min_duration_s")] = stepId == QLatin1String("consent") ? 5 : stepId == QLatin1String("mandated-prompt") ? 8 : 0;
        step[QStringLiteral("requires")] = requirements;
        step.remove(QStringLiteral("audio"));
        steps[i] = step;
    }
    root[QStringLiteral("steps")] = steps;
    const auto templates = dir.filePath(QStringLiteral("templates"));
    REQUIRE(QDir().mkpath(templates));
    const auto path = QDir(templates).filePath(id + QStringLiteral(".json"));
    QFile out(path);
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(root).toJson());
    return path;
}

struct ReasonRow {
    QString kind;
    QString stepId;
    double start = 0;
    double end = 0;
};

QList<ReasonRow> reasonsOf(const QJsonArray &reasons, const QString &kind)
{
    QList<ReasonRow> rows;
    for (const auto &value : reasons) {
        const auto reason = value.toObject();
        if (reason.value(QStringLiteral("kind")).toString() == kind)
            rows.append({kind, reason.value(QStringLiteral("step_id")).toString(), reason.value(QStringLiteral("start_ms")).toDouble() / 1000,
                         reason.value(QStringLiteral("end_ms")).toDouble() / 1000});
    }
    return rows;
}

} // namespace

TEST_CASE("a third face and a covered lens in a real recording: the live guard's verdict and qc --script give the reason, its step and time")
{
    // The generated clip: a stranger behind the parties from 1.5 s to 4 s, the lens covered from
    // 6 s to 8.5 s. Recorded in real time through `dualrec record --presence guard`, steps
    // advanced automatically: consent (at least 5 s) runs over the stranger, the mandated prompt
    // over the covered lens.
    QTemporaryDir dir;
    const auto script = stepsTemplate(dir, QStringLiteral("qc-defects-test"));
    const auto data = dir.filePath(QStringLiteral("data"));
    const auto recorded = cli({QStringLiteral("record"), QStringLiteral("--source"), generated("stranger_then_covered"), QStringLiteral("--templates"),
                               QFileInfo(script).absolutePath(), QStringLiteral("--template"), QStringLiteral("qc-defects-test"),
                               QStringLiteral("--application-no"), QStringLiteral("QC-3"), QStringLiteral("--agent"), QStringLiteral("A-7"),
                               QStringLiteral("--out"), dir.filePath(QStringLiteral("out")), QStringLiteral("--data-dir"), data,
                               QStringLiteral("--answers"), QStringLiteral("auto"), QStringLiteral("--presence"), QStringLiteral("guard"),
                               QStringLiteral("--size"), QStringLiteral("640x360"), QStringLiteral("--duration"), QStringLiteral("10")});
    INFO(recorded.out.toStdString() << recorded.err.toStdString());
    REQUIRE(recorded.exitCode == 0);
    CHECK(recorded.err.contains(QLatin1String("presence: third_party")));
    CHECK(recorded.err.contains(QLatin1String("presence: camera_blocked")));
    QString recording;
    for (const auto &line : recorded.out.split(u'\n')) {
        if (line.startsWith(QLatin1String("recording: ")))
            recording = line.mid(11).trimmed();
    }
    REQUIRE(QFile::exists(recording));

    // The clip's time 0 lies a little after the recording's (the source starts after the
    // session is created): the labels are checked within 0.8 s.
    constexpr double kTolerance = 0.8;
    const auto checkReasons = [&](const QJsonArray &reasons, const char *where) {
        INFO(where << ": " << QJsonDocument(reasons).toJson().toStdString());
        const auto third = reasonsOf(reasons, QStringLiteral("third_party"));
        REQUIRE(third.size() == 1);
        CHECK(third[0].stepId == QLatin1String("consent"));
        CHECK(std::abs(third[0].start - 1.5) <= kTolerance);
        CHECK(std::abs(third[0].end - 4.0) <= kTolerance);
        const auto blocked = reasonsOf(reasons, QStringLiteral("camera_blocked"));
        REQUIRE(blocked.size() == 1);
        CHECK(blocked[0].stepId == QLatin1String("mandated-prompt"));
        CHECK(std::abs(blocked[0].start - 6.0) <= kTolerance);
        CHECK(std::abs(blocked[0].end - 8.5) <= kTolerance);
        // Nobody counts as missing while the lens is covered: that is the covered camera.
        CHECK(reasonsOf(reasons, QStringLiteral("presence_missing")).isEmpty());
    };

    // 1. The verdict computed live when the session ended, as journaled.
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("defects-journal"));
        db.setDatabaseName(QDir(data).filePath(QStringLiteral("journal.sqlite")));
        REQUIRE(db.open());
        QSqlQuery query(db);
        REQUIRE(query.exec(QStringLiteral("SELECT r.kind, r.step_id, r.start_ms, r.end_ms, s.qc_verdict FROM qc_reasons r "
                                          "JOIN qc_verdicts v ON v.id = r.verdict_id JOIN sessions s ON s.id = v.session_id "
                                          "ORDER BY r.position")));
        QJsonArray journaled;
        QString verdict;
        while (query.next()) {
            journaled.append(QJsonObject{{QStringLiteral("kind"), query.value(0).toString()}, {QStringLiteral("step_id"), query.value(1).toString()},
                                         {QStringLiteral("start_ms"), query.value(2).toDouble()}, {QStringLiteral("end_ms"), query.value(3).toDouble()}});
            verdict = query.value(4).toString();
        }
        CHECK(verdict == QLatin1String("fail"));
        checkReasons(journaled, "live verdict");
        query = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("defects-journal"));

    // 2. The same recording checked afterwards against its template, every frame.
    const auto checked = cli({QStringLiteral("qc"), recording, QStringLiteral("--json"), QStringLiteral("--script"), script,
                              QStringLiteral("--data-dir"), data});
    CHECK(checked.exitCode == 1);
    const auto qc = parsed(checked).value(QStringLiteral("qc")).toObject();
    CHECK(qc.value(QStringLiteral("verdict")).toString() == QLatin1String("fail"));
    checkReasons(qc.value(QStringLiteral("reasons")).toArray(), "qc --script");
}
