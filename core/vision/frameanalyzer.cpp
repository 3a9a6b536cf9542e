#include "core/vision/frameanalyzer.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <ctime>

namespace dualrec::vision {

namespace {

/// CPU time of the calling thread, so a check's cost is measured without the capture and
/// encoder threads that run beside it.
std::chrono::nanoseconds threadCpuTime()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return std::chrono::seconds(now.tv_sec) + std::chrono::nanoseconds(now.tv_nsec);
}

} // namespace

FrameAnalyzer::FrameAnalyzer(AnalyzerConfig config, std::unique_ptr<FaceDetector> detector)
    : m_config(std::move(config))
    , m_detector(std::move(detector))
{
}

FrameAnalyzer::~FrameAnalyzer() = default;

Result<std::unique_ptr<FrameAnalyzer>> FrameAnalyzer::create(const AnalyzerConfig &config)
{
    if (config.analysisWidth < 64)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("analysis width %1 is below 64 px").arg(config.analysisWidth));
    if (config.fineWidth != 0 && config.fineWidth <= config.analysisWidth)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("second-pass width %1 is not above the analysis width %2 (0 turns the second pass off)")
                                                    .arg(config.fineWidth)
                                                    .arg(config.analysisWidth));
    auto detector = FaceDetector::create(config.detector);
    if (!detector)
        return std::unexpected(detector.error());
    return std::unique_ptr<FrameAnalyzer>(new FrameAnalyzer(config, std::move(*detector)));
}

bool FrameAnalyzer::secondPassUseful(int frameWidth) const
{
    return m_detector->kind() == DetectorKind::YuNet && m_config.fineWidth > m_config.analysisWidth
        && frameWidth > m_config.analysisWidth;
}

PresenceCheck FrameAnalyzer::analyze(const cv::Mat &bgr, std::chrono::nanoseconds timestamp)
{
    const auto cpuStart = threadCpuTime();
    PresenceCheck check;
    check.timestamp = timestamp;
    if (bgr.empty() || bgr.depth() != CV_8U) {
        check.blocked = BlockedReason::Dark;
        return check;
    }

    const int width = std::min(m_config.analysisWidth, bgr.cols);
    const int height = std::max(1, static_cast<int>(std::lround(static_cast<double>(width) * bgr.rows / bgr.cols)));
    if (bgr.cols == width && bgr.rows == height)
        m_small = bgr;
    else
        cv::resize(bgr, m_small, cv::Size(width, height), 0, 0, cv::INTER_AREA);

    if (m_small.channels() == 1)
        m_grey = m_small.clone();
    else
        cv::cvtColor(m_small, m_grey, cv::COLOR_BGR2GRAY);
    cv::Scalar mean;
    cv::Scalar stdDev;
    cv::meanStdDev(m_grey, mean, stdDev);
    check.meanLuma = mean[0];
    check.lumaStdDev = stdDev[0];

    double difference = -1;
    if (m_previousGrey.size() == m_grey.size()) {
        cv::Mat delta;
        cv::absdiff(m_grey, m_previousGrey, delta);
        difference = cv::mean(delta)[0];
    }
    std::swap(m_previousGrey, m_grey);

    if (check.meanLuma < m_config.darkMeanLuma)
        check.blocked = BlockedReason::Dark;
    else if (check.lumaStdDev < m_config.uniformLumaStdDev)
        check.blocked = BlockedReason::Uniform;
    else if (difference >= 0 && difference < m_config.frozenMeanDifference)
        check.blocked = BlockedReason::Frozen;

    // First pass at analysisWidth, unless the last check needed the second: then that alone.
    // Not on a blocked picture: there is nothing to look closer at, and on a covered lens's
    // noise YuNet at 640x360 sees frame-sized "faces" (score 0.9) that 320x180 does not.
    const bool fineUseful = secondPassUseful(bgr.cols) && check.blocked == BlockedReason::None;
    const auto finePass = [&] {
        const int fineWidth = std::min(m_config.fineWidth, bgr.cols);
        if (fineWidth == bgr.cols)
            m_fine = bgr;
        else
            cv::resize(bgr, m_fine, cv::Size(fineWidth, std::max(1, static_cast<int>(std::lround(static_cast<double>(fineWidth) * bgr.rows / bgr.cols)))),
                       0, 0, cv::INTER_AREA);
        ++check.passes;
        auto faces = m_detector->detect(m_fine);
        check.analysisFailed = check.analysisFailed || m_detector->lastDetectFailed();
        return faces;
    };
    bool usedFine = false;
    if (m_fineNext && fineUseful) {
        check.faces = finePass();
        usedFine = true;
    } else {
        ++check.passes;
        check.faces = m_detector->detect(m_small);
        check.analysisFailed = m_detector->lastDetectFailed();
        if (!check.analysisFailed && fineUseful && static_cast<int>(check.faces.size()) < m_config.expectedFaces) {
            auto fine = finePass();
            if (fine.size() >= check.faces.size()) {
                check.faces = std::move(fine);
                usedFine = true;
            }
        }
    }
    check.analysisWidth = usedFine ? m_fine.cols : m_small.cols;
    // Stay with the second pass while it is needed: someone missing, or a face the first pass
    // would see at fewer than minFirstPassFace pixels.
    m_fineNext = usedFine && !check.analysisFailed
        && (static_cast<int>(check.faces.size()) < m_config.expectedFaces
            || std::ranges::any_of(check.faces, [&](const FaceBox &face) {
                   return face.height * static_cast<float>(m_small.rows) < static_cast<float>(m_config.minFirstPassFace);
               }));
    check.cpuTime = std::chrono::duration_cast<std::chrono::microseconds>(threadCpuTime() - cpuStart);
    return check;
}

} // namespace dualrec::vision
