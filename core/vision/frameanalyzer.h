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
    /// Frames are downscaled to this width (height keeps the aspect ratio: 320x180 for 16:9)
    /// before detection. Faces at a desk are 1/4 of the frame height or more, so 320 px wide
    /// still gives them 45 px; YuNet costs a quarter of 640x360 here.
    int analysisWidth = 320;
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

    /// Analyses an 8-bit BGR frame of any size captured at `timestamp`.
    [[nodiscard]] PresenceCheck analyze(const cv::Mat &bgr, std::chrono::nanoseconds timestamp);

private:
    FrameAnalyzer(AnalyzerConfig config, std::unique_ptr<FaceDetector> detector);

    AnalyzerConfig m_config;
    std::unique_ptr<FaceDetector> m_detector;
    cv::Mat m_small;
    cv::Mat m_grey;
    cv::Mat m_previousGrey;
};

} // namespace dualrec::vision
