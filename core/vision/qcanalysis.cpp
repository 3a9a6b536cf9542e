#include "core/vision/qcanalysis.h"

#include "core/vision/videoframereader.h"

#include <QJsonArray>

#include <opencv2/core/utility.hpp>

#include <algorithm>
#include <cmath>
#include <exception>

namespace dualrec::vision {

namespace {

double seconds(std::chrono::nanoseconds time)
{
    return static_cast<double>(std::chrono::round<std::chrono::milliseconds>(time).count()) / 1000.0;
}

workflow::PresenceRequirement requirementAt(const std::vector<RequirementSpan> &spans, std::chrono::nanoseconds time)
{
    for (const auto &span : spans) {
        if (time >= span.start && time < span.end)
            return span.requirement;
    }
    return workflow::PresenceRequirement::Both;
}

} // namespace

double QcReport::checksPerSecond() const
{
    const double span = std::chrono::duration<double>(duration).count();
    return span > 0 ? std::round(checks / span * 100.0) / 100.0 : 0.0;
}

QJsonObject QcReport::toJson() const
{
    QJsonArray defectArray;
    for (const auto &defect : defects) {
        defectArray.append(QJsonObject{
            {QStringLiteral("kind"), QLatin1String(defectKindName(defect.kind))},
            {QStringLiteral("start_s"), seconds(defect.start)},
            {QStringLiteral("end_s"), seconds(defect.end)},
            {QStringLiteral("who"), defect.who == Party::Invalid ? QJsonValue(QJsonValue::Null) : QJsonValue(QLatin1String(partyName(defect.who)))}});
    }
    QJsonArray decodeIssueArray;
    for (const auto &issue : decodeIssues)
        decodeIssueArray.append(QJsonObject{{QStringLiteral("start_s"), seconds(issue.start)},
                                            {QStringLiteral("end_s"), seconds(issue.end)},
                                            {QStringLiteral("detail"), issue.detail}});
    return QJsonObject{{QStringLiteral("file"), file},
                       {QStringLiteral("detector"), QLatin1String(detectorKindName(detector))},
                       {QStringLiteral("detector_model"), detectorModel},
                       {QStringLiteral("width"), width},
                       {QStringLiteral("height"), height},
                       {QStringLiteral("duration_s"), seconds(duration)},
                       {QStringLiteral("checks"), checks},
                       {QStringLiteral("checks_per_s"), checksPerSecond()},
                       {QStringLiteral("cpu_ms_per_check"), static_cast<double>(cpuPerCheck.count()) / 1000.0},
                       {QStringLiteral("clean"), defects.empty()},
                       {QStringLiteral("defects"), defectArray},
                       {QStringLiteral("decode_issues"), decodeIssueArray},
                       {QStringLiteral("timeline"), timeline.toJson()}};
}

Result<QcReport> analyzeVideoFile(const QString &path, const QcOptions &options)
{
    auto analyzer = FrameAnalyzer::create(options.analyzer);
    if (!analyzer)
        return std::unexpected(analyzer.error());
    // Same single detector thread as the live guard, so QC sees what the guard would have seen
    // and costs the same.
    const int previousThreads = cv::getNumThreads();
    cv::setNumThreads(1);

    PresencePolicy policy(options.policy);
    QcReport report;
    report.file = path;
    report.detector = (*analyzer)->detectorKind();
    report.detectorModel = (*analyzer)->modelPath();
    const auto interval = options.maxChecksPerSecond > 0
        ? std::chrono::nanoseconds(static_cast<qint64>(1e9 / options.maxChecksPerSecond))
        : std::chrono::nanoseconds(0);
    std::optional<std::chrono::nanoseconds> lastCheck;
    std::chrono::microseconds cpu{0};

    // Frames the detector could not look at: their stretch is a defect of its own, and they do
    // not reach the policy (unknown is not "nobody there").
    std::vector<PresenceDefect> failures;
    const auto info = readVideoFrames(path, [&](const cv::Mat &frame, std::chrono::nanoseconds timestamp) {
        if (lastCheck && timestamp - *lastCheck < interval)
            return true;
        lastCheck = timestamp;
        PresenceCheck check;
        try {
            check = (*analyzer)->analyze(frame, timestamp);
        } catch (const std::exception &) {
            check.timestamp = timestamp;
            check.analysisFailed = true;
        }
        cpu += check.cpuTime;
        if (check.analysisFailed) {
            if (!failures.empty() && failures.back().open)
                failures.back().end = timestamp;
            else
                failures.push_back({DefectKind::AnalysisFailed, Party::Invalid, timestamp, timestamp, true});
        } else {
            if (!failures.empty() && failures.back().open) {
                failures.back().end = timestamp;
                failures.back().open = false;
            }
            policy.setRequirement(requirementAt(options.requirements, timestamp));
            policy.addCheck(check);
        }
        report.frames.push_back({timestamp, static_cast<int>(check.faces.size()), check.blocked != BlockedReason::None,
                                 check.analysisWidth});
        return true;
    }, options.keys.get());
    cv::setNumThreads(previousThreads);
    if (!info)
        return std::unexpected(info.error());
    if (!failures.empty() && failures.back().open) {
        failures.back().end = info->end;
        failures.back().open = false;
    }

    policy.finish(info->end);
    report.width = info->width;
    report.height = info->height;
    report.decodedFrames = info->frames;
    report.duration = info->end;
    report.checks = policy.checks();
    report.cpuPerCheck = report.checks > 0 ? cpu / report.checks : std::chrono::microseconds(0);
    report.defects = policy.defects();
    for (const auto &issue : info->issues)
        report.defects.push_back({DefectKind::Undecodable, Party::Invalid, issue.start, issue.end, false});
    report.defects.insert(report.defects.end(), failures.cbegin(), failures.cend());
    std::ranges::stable_sort(report.defects, {}, &PresenceDefect::start);
    report.decodeIssues = info->issues;
    report.timeline = policy.timeline();
    return report;
}

} // namespace dualrec::vision
