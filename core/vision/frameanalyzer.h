#pragma once

#include "core/util/result.h"
#include "core/vision/facedetector.h"
#include "core/vision/presencecheck.h"

#include <opencv2/core/mat.hpp>

#include <chrono>
#include <memory>

namespace dualrec::vision {

/// How frames are analysed: the detector, the size it runs at and the blocked-camera limits.
struct AnalyzerConfig final {
    DetectorConfig detector;
    /// The first pass: frames are downscaled to this width (height keeps the aspect ratio:
    /// 320x180 for 16:9) before detection. Faces at a desk are 1/4 of the frame height or more,
    /// so 320 px wide still gives them 45 px; YuNet costs a quarter of 640x360 here.
    int analysisWidth = 320;
    /// The second pass (YuNet only; 0: none, the policy before issue 16): the frame at this width
    /// (at most its own). It runs when the first pass finds fewer than expectedFaces faces, and
    /// from then on instead of the first pass while fewer are found or a face is smaller than
    /// minFirstPassFace at the first pass's size: a wide shot (faces 40-50 px in 720p, 11 px at
    /// 320x180, which YuNet misses) costs one 640x360 pass a check, a desk shot one 320x180 pass.
    /// Never on a blocked picture (dark, uniform, frozen). docs/qc.md has the measurements.
    int fineWidth = 640;
    int expectedFaces = 2;         ///< the agent and the customer
    int minFirstPassFace = 24;     ///< px at the first pass's size; smaller faces keep the second pass
    double darkMeanLuma = 16;      ///< mean grey below this: lens covered or lights off
    double uniformLumaStdDev = 6;  ///< grey spread below this: a hand or cloth over the lens
    double frozenMeanDifference = 0.05; ///< mean |difference| to the previous check below this: frozen
};

/// One frame in, one PresenceCheck out: downscale, detect faces, check for a blocked camera.
///
/// Thread contract: single thread (the guard's worker, or the caller of a file analysis); keeps
/// the previous frame for the frozen-picture check.
class FrameAnalyzer final
{
    Q_DISABLE_COPY_MOVE(FrameAnalyzer)

public:
    [[nodiscard]] static Result<std::unique_ptr<FrameAnalyzer>> create(const AnalyzerConfig &config);
    ~FrameAnalyzer();

    [[nodiscard]] DetectorKind detectorKind() const { return m_detector->kind(); }
    [[nodiscard]] const QString &modelPath() const { return m_detector->modelPath(); }

    /// Analyses an 8-bit BGR frame of any size captured at `timestamp`. The second pass needs
    /// the frame at least fineWidth wide to see more than the first (the live hub hands the guard
    /// a 640 px copy).
    [[nodiscard]] PresenceCheck analyze(const cv::Mat &bgr, std::chrono::nanoseconds timestamp);
    /// Whether the next check starts with the second pass (a wide shot, or someone missing).
    [[nodiscard]] bool finePassNext() const { return m_fineNext; }

private:
    FrameAnalyzer(AnalyzerConfig config, std::unique_ptr<FaceDetector> detector);

    AnalyzerConfig m_config;
    std::unique_ptr<FaceDetector> m_detector;
    /// Frame width at or below which the second pass adds nothing (it would see the same pixels).
    [[nodiscard]] bool secondPassUseful(int frameWidth) const;

    cv::Mat m_small;
    cv::Mat m_fine;
    bool m_fineNext = false; ///< the last check needed the second pass: start with it
    cv::Mat m_grey;
    cv::Mat m_previousGrey;
};

} // namespace dualrec::vision
