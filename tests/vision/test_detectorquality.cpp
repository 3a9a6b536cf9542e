// Detector quality over shared/assets/faces: each photo letterboxed into a 640x360 frame and
// analysed exactly as a live frame (320x180, and the second pass at 640x360 when fewer than two
// faces are found -- on these one-face photos, nearly always). The photos carry no face boxes,
// so faces are counted per photo: found up to the true count are hits, more are false positives.
#include "core/vision/frameanalyzer.h"

#include "tests/vision/visionfixture.h"

#include <QDir>

#include <catch2/catch_test_macros.hpp>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <iomanip>
#include <iostream>

using namespace dualrec::vision;
using dualrec::test::sharedAsset;

namespace {

cv::Mat letterboxed(const QString &path)
{
    const cv::Mat photo = cv::imread(path.toStdString(), cv::IMREAD_COLOR);
    REQUIRE_FALSE(photo.empty());
    const double scale = std::min(640.0 / photo.cols, 360.0 / photo.rows);
    cv::Mat resized;
    cv::resize(photo, resized, cv::Size(), scale, scale, cv::INTER_AREA);
    cv::Mat frame(360, 640, CV_8UC3, cv::Scalar(128, 128, 128));
    resized.copyTo(frame(cv::Rect((640 - resized.cols) / 2, (360 - resized.rows) / 2, resized.cols, resized.rows)));
    return frame;
}

struct Quality {
    int truth = 0;
    int hits = 0;
    int falsePositives = 0;
    QStringList missed;
};

Quality measure(const AnalyzerConfig &config)
{
    auto analyzer = FrameAnalyzer::create(config);
    REQUIRE(analyzer.has_value());
    Quality quality;
    const QDir faces(sharedAsset("faces"));
    for (const auto &name : faces.entryList({QStringLiteral("*.jpg"), QStringLiteral("*.png")}, QDir::Files, QDir::Name)) {
        const int truth = name.startsWith(QLatin1String("apollo11")) ? 3 : 1;
        const int found = static_cast<int>((*analyzer)->analyze(letterboxed(faces.filePath(name)), {}).faces.size());
        quality.truth += truth;
        quality.hits += std::min(found, truth);
        quality.falsePositives += std::max(0, found - truth);
        if (found < truth)
            quality.missed << name;
    }
    const QDir negatives(faces.filePath(QStringLiteral("negatives")));
    for (const auto &name : negatives.entryList(QDir::Files, QDir::Name)) {
        const int found = static_cast<int>((*analyzer)->analyze(letterboxed(negatives.filePath(name)), {}).faces.size());
        quality.falsePositives += found;
    }
    return quality;
}

} // namespace

TEST_CASE("detector quality on the face photos: YuNet beats the Haar fallback")
{
    const auto yunet = measure(dualrec::test::yunetConfig());
    const auto haar = measure(dualrec::test::haarConfig());
    std::cout << "detector quality, live analysis policy (14 faces in 12 photos, 5 negatives)\n"
              << "  yunet (score >= 0.7): recall " << yunet.hits << "/" << yunet.truth << ", false positives "
              << yunet.falsePositives << ", missed: " << yunet.missed.join(QLatin1Char(' ')).toStdString() << "\n"
              << "  haar  (default):      recall " << haar.hits << "/" << haar.truth << ", false positives "
              << haar.falsePositives << ", missed: " << haar.missed.join(QLatin1Char(' ')).toStdString() << std::endl;
    REQUIRE(yunet.truth == 14);
    CHECK(yunet.hits >= 13);
    CHECK(yunet.falsePositives <= 1);
    CHECK(haar.hits >= 8); // the fallback must still be usable for frontal faces
    CHECK(yunet.hits > haar.hits);
}

TEST_CASE("blocked camera checks: black / uniform / frozen pictures / but not a dim room")
{
    auto analyzer = FrameAnalyzer::create(dualrec::test::haarConfig());
    REQUIRE(analyzer.has_value());
    auto &a = **analyzer;
    cv::Mat black(360, 640, CV_8UC3, cv::Scalar(3, 3, 3));
    CHECK(a.analyze(black, {}).blocked == BlockedReason::Dark);
    cv::Mat hand(360, 640, CV_8UC3, cv::Scalar(90, 120, 170)); // a palm over the lens: bright, flat
    cv::randn(hand, cv::Scalar(90, 120, 170), cv::Scalar(2, 2, 2));
    CHECK(a.analyze(hand, {}).blocked == BlockedReason::Uniform);

    cv::Mat scene = letterboxed(sharedAsset("faces/pexels_woman_smiling.jpg"));
    cv::Mat noisy = scene.clone();
    cv::Mat noise(scene.size(), CV_8UC3);
    cv::randu(noise, cv::Scalar::all(0), cv::Scalar::all(8));
    noisy += noise;
    CHECK(a.analyze(scene, {}).blocked == BlockedReason::None);
    CHECK(a.analyze(noisy, {}).blocked == BlockedReason::None);
    CHECK(a.analyze(noisy, {}).blocked == BlockedReason::Frozen); // the same picture again

    cv::Mat dim = scene * 0.3;
    cv::randu(noise, cv::Scalar::all(0), cv::Scalar::all(6));
    dim += noise;
    const auto check = a.analyze(dim, {});
    INFO("dim mean " << check.meanLuma << " spread " << check.lumaStdDev);
    CHECK(check.blocked == BlockedReason::None);
}
