// Harder pictures (issue 16 item 3): the presence guard on what a branch camera sees from the
// corner of the room -- faces 40-50 px tall in 1280x720, three-quarter view with hair over an
// eye, heads tilted +/-20 degrees, a dim noisy room, a brief dip -- composed at build time by
// tests/vision/make_hard_clips.sh with per-frame truth. Every count below comes from the real
// detector (YuNet) and policy over the decoded clip, at the live guard's 8 checks a second.
#include "core/vision/frameanalyzer.h"
#include "core/vision/qcanalysis.h"

#include "tests/vision/visionfixture.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

#include <opencv2/imgproc.hpp>

#include <iostream>

using namespace dualrec::vision;
using dualrec::test::ClipScore;
using dualrec::test::generatedClip;
using dualrec::test::readLabels;
using dualrec::test::readTruth;
using dualrec::test::scoreClip;

namespace {

struct Run {
    QcReport report;
    ClipScore score;
};

Run runClip(const QString &name, const AnalyzerConfig &config)
{
    const auto labels = readLabels(generatedClip(name, ".labels.csv"));
    const auto truth = readTruth(generatedClip(name, ".truth.csv"));
    REQUIRE_FALSE(labels.faces.empty());
    REQUIRE(truth.size() == 150);
    QcOptions options;
    options.analyzer = config;
    options.maxChecksPerSecond = 8; // as the live guard
    auto report = analyzeVideoFile(generatedClip(name, ".mp4"), options);
    INFO((report ? QString() : report.error().toString()).toStdString());
    REQUIRE(report.has_value());
    CHECK(report->width == 1280);
    CHECK(report->height == 720);
    auto score = scoreClip(*report, labels, truth);
    return {std::move(*report), score};
}

void print(const QString &name, const char *policy, const Run &run)
{
    int second = 0;
    for (const auto &frame : run.report.frames)
        second += frame.analysisWidth > 320 ? 1 : 0;
    std::cout << name.toStdString() << " [" << policy << "]: defects caught " << run.score.caught << "/" << run.score.labelledDefects
              << ", false alarms " << run.score.falseAlarms << ", faces found " << run.score.foundFaces << "/"
              << run.score.expectedFaces << " (+" << run.score.extraFaces << " extra), parties right in " << run.score.partyAgreed << "/"
              << run.score.partyChecks << " checks, second pass in " << second << "/" << run.report.checks << " checks; reported: "
              << run.score.reported.join(QStringLiteral("; ")).toStdString() << std::endl;
}

} // namespace

TEST_CASE("harder pictures: every labelled defect caught / no false alarm / faces and parties as the truth says")
{
    const auto name = GENERATE(as<QString>{}, QStringLiteral("wide_clean"), QStringLiteral("wide_walk_behind"),
                               QStringLiteral("wide_passerby"), QStringLiteral("wide_brief_dip"), QStringLiteral("three_quarter"),
                               QStringLiteral("tilted_heads"), QStringLiteral("dim_noise"));
    INFO(name.toStdString());
    const auto run = runClip(name, dualrec::test::yunetConfig());
    print(name, "two-pass 320+640", run);
    CHECK(run.report.detector == DetectorKind::YuNet);
    CHECK(run.report.checks >= 70); // at most 8 a second over 10 s (QC takes every other frame of 15 fps)
    CHECK(run.score.caught == run.score.labelledDefects);
    CHECK(run.score.falseAlarms == 0);
    CHECK(run.score.scoredChecks >= 70);
    CHECK(run.score.faceRecall() >= 0.95);
    CHECK(run.score.extraFaces <= run.score.scoredChecks / 50);
    CHECK(run.score.partyAgreed >= run.score.partyChecks * 95 / 100);
}

TEST_CASE("harder pictures: the one-pass 320x180 policy of before loses the wide shot")
{
    // Why the second pass exists: on the clean wide shot today's policy finds too few faces and
    // reports absences that are not there. (If this ever passes, the clip no longer tests it.)
    const auto run = runClip(QStringLiteral("wide_clean"), dualrec::test::singlePassConfig());
    print(QStringLiteral("wide_clean"), "one-pass 320", run);
    CHECK(run.score.faceRecall() < 0.8);
    CHECK(run.score.falseAlarms >= 1);
    for (const auto &frame : run.report.frames)
        CHECK(frame.analysisWidth == 320);
}

TEST_CASE("two-pass analysis: the second pass only when faces are missing / and kept while faces are small")
{
    auto analyzer = FrameAnalyzer::create(dualrec::test::yunetConfig());
    REQUIRE(analyzer.has_value());
    auto &a = **analyzer;

    // A desk shot: both faces large (the shared two-party clip's first frame, 640x360): one pass
    // at 320x180.
    std::vector<cv::Mat> desk;
    REQUIRE(readVideoFrames(dualrec::test::sharedAsset("clips/two_party_gap_640x360_15fps.mp4"),
                            [&](const cv::Mat &frame, std::chrono::nanoseconds) {
                                desk.push_back(frame.clone());
                                return desk.size() < 2;
                            })
                .has_value());
    const auto deskCheck = a.analyze(desk[0], {});
    CHECK(deskCheck.faces.size() == 2);
    CHECK(deskCheck.passes == 1);
    CHECK(deskCheck.analysisWidth == 320);
    CHECK_FALSE(a.finePassNext());

    // A wide shot: the first pass misses the small faces, the second (640x360) finds both, and
    // the next check starts there (one pass).
    std::vector<cv::Mat> wide;
    REQUIRE(readVideoFrames(generatedClip(QStringLiteral("wide_clean"), ".mp4"), [&](const cv::Mat &frame, std::chrono::nanoseconds) {
                wide.push_back(frame.clone());
                return wide.size() < 3;
            }).has_value());
    const auto first = a.analyze(wide[0], std::chrono::milliseconds(100));
    CHECK(first.passes == 2);
    CHECK(first.analysisWidth == 640);
    CHECK(first.faces.size() == 2);
    CHECK(a.finePassNext());
    const auto next = a.analyze(wide[1], std::chrono::milliseconds(200));
    CHECK(next.passes == 1);
    CHECK(next.analysisWidth == 640);
    CHECK(next.faces.size() == 2);
    CHECK(a.finePassNext()); // the faces are still too small for the first pass

    // Back at the desk, the second pass finds large faces: the next check is one first pass again.
    const auto back = a.analyze(desk[1], std::chrono::milliseconds(300));
    CHECK(back.analysisWidth == 640);
    CHECK(back.faces.size() == 2);
    CHECK_FALSE(a.finePassNext());
    CHECK(a.analyze(desk[0], std::chrono::milliseconds(400)).passes == 1);

    // A frame no wider than the first pass: a second pass would see the same pixels.
    cv::Mat small;
    cv::resize(wide[2], small, cv::Size(320, 180), 0, 0, cv::INTER_AREA);
    CHECK(a.analyze(small, std::chrono::milliseconds(500)).passes == 1);

    // The Haar fallback never takes the second pass (its cost at 640x360 is 77-141 ms).
    auto haar = FrameAnalyzer::create(dualrec::test::haarConfig());
    REQUIRE(haar.has_value());
    CHECK((*haar)->analyze(wide[0], {}).passes == 1);

    // A second pass no wider than the first is refused with the numbers.
    auto config = dualrec::test::yunetConfig();
    config.fineWidth = 320;
    const auto refused = FrameAnalyzer::create(config);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code == dualrec::ErrorCode::InvalidArgument);
    CHECK(refused.error().detail.contains(QLatin1String("320")));
}
