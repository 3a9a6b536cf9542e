#include "core/vision/facedetector.h"

#include <QFileInfo>
#include <QtDebug>

#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include <algorithm>

namespace dualrec::vision {

const char *detectorKindName(DetectorKind kind)
{
    switch (kind) {
    case DetectorKind::YuNet: return "yunet";
    case DetectorKind::Haar: return "haar";
    case DetectorKind::Invalid: return "invalid";
    }
    return "invalid";
}

const char *blockedReasonName(BlockedReason reason)
{
    switch (reason) {
    case BlockedReason::None: return "none";
    case BlockedReason::Dark: return "dark";
    case BlockedReason::Uniform: return "uniform";
    case BlockedReason::Frozen: return "frozen";
    case BlockedReason::Invalid: return "invalid";
    }
    return "invalid";
}

struct FaceDetector::Backend {
    cv::Ptr<cv::FaceDetectorYN> yunet;
    cv::Size yunetSize;
    cv::CascadeClassifier cascade;
};

namespace {

Result<void> checkReadable(const QString &path, const char *what)
{
    const QFileInfo file(path);
    if (!file.exists())
        return fail(ErrorCode::NotFound, QStringLiteral("%1 \"%2\" does not exist").arg(QLatin1String(what), path));
    if (!file.isFile() || !file.isReadable())
        return fail(ErrorCode::IoError, QStringLiteral("%1 \"%2\" is not a readable file").arg(QLatin1String(what), path));
    return {};
}

} // namespace

FaceDetector::FaceDetector(DetectorKind kind, QString modelPath, std::unique_ptr<Backend> backend)
    : m_kind(kind)
    , m_modelPath(std::move(modelPath))
    , m_backend(std::move(backend))
{
}

FaceDetector::~FaceDetector() = default;

Result<std::unique_ptr<FaceDetector>> FaceDetector::create(const DetectorConfig &config)
{
    auto backend = std::make_unique<Backend>();
    if (!config.yunetModelPath.isEmpty()) {
        if (auto readable = checkReadable(config.yunetModelPath, "face model"); !readable)
            return std::unexpected(readable.error());
        try {
            // The size is a placeholder: detect() sets the real input size per frame.
            backend->yunetSize = cv::Size(320, 180);
            backend->yunet = cv::FaceDetectorYN::create(config.yunetModelPath.toStdString(), std::string(),
                                                        backend->yunetSize, config.scoreThreshold, 0.3F, 50);
        } catch (const cv::Exception &error) {
            return fail(ErrorCode::FormatError, QStringLiteral("face model \"%1\" cannot be loaded by OpenCV %2: %3")
                                                    .arg(config.yunetModelPath, QLatin1String(CV_VERSION),
                                                         QString::fromStdString(error.msg)));
        }
        if (backend->yunet.empty())
            return fail(ErrorCode::FormatError, QStringLiteral("face model \"%1\" cannot be loaded").arg(config.yunetModelPath));
        return std::unique_ptr<FaceDetector>(new FaceDetector(DetectorKind::YuNet, config.yunetModelPath, std::move(backend)));
    }

    const QString cascadePath = config.haarCascadePath.isEmpty() ? QString::fromLatin1(kDefaultHaarCascade) : config.haarCascadePath;
    if (auto readable = checkReadable(cascadePath, "Haar cascade"); !readable)
        return std::unexpected(readable.error());
    bool loaded = false;
    try {
        loaded = backend->cascade.load(cascadePath.toStdString());
    } catch (const cv::Exception &) {
        loaded = false;
    }
    if (!loaded || backend->cascade.empty())
        return fail(ErrorCode::FormatError, QStringLiteral("Haar cascade \"%1\" cannot be loaded").arg(cascadePath));
    return std::unique_ptr<FaceDetector>(new FaceDetector(DetectorKind::Haar, cascadePath, std::move(backend)));
}

std::vector<FaceBox> FaceDetector::detect(const cv::Mat &frame)
{
    std::vector<FaceBox> faces;
    m_lastFailed = false;
    if (frame.empty() || frame.depth() != CV_8U)
        return faces;
    const auto width = static_cast<float>(frame.cols);
    const auto height = static_cast<float>(frame.rows);
    try {
        switch (m_kind) {
        case DetectorKind::YuNet: {
            cv::Mat bgr = frame;
            if (frame.channels() == 1)
                cv::cvtColor(frame, bgr, cv::COLOR_GRAY2BGR);
            if (bgr.size() != m_backend->yunetSize) {
                m_backend->yunetSize = bgr.size();
                m_backend->yunet->setInputSize(bgr.size());
            }
            cv::Mat rows;
            m_backend->yunet->detect(bgr, rows);
            for (int i = 0; i < rows.rows; ++i) {
                const float *row = rows.ptr<float>(i);
                faces.push_back({row[0] / width, row[1] / height, row[2] / width, row[3] / height, row[14]});
            }
            break;
        }
        case DetectorKind::Haar: {
            cv::Mat grey;
            if (frame.channels() == 1)
                grey = frame;
            else
                cv::cvtColor(frame, grey, cv::COLOR_BGR2GRAY);
            cv::equalizeHist(grey, grey);
            // Faces smaller than 1/12 of the frame height are not a party at the desk, and the
            // cascade's cost grows fast with smaller windows (shared/assets/README.txt).
            const int minSide = std::max(12, frame.rows / 12);
            std::vector<cv::Rect> rects;
            m_backend->cascade.detectMultiScale(grey, rects, 1.1, 5, 0, cv::Size(minSide, minSide));
            for (const auto &rect : rects)
                faces.push_back({static_cast<float>(rect.x) / width, static_cast<float>(rect.y) / height,
                                 static_cast<float>(rect.width) / width, static_cast<float>(rect.height) / height, 1.0F});
            break;
        }
        case DetectorKind::Invalid:
            break;
        }
    } catch (const cv::Exception &error) {
        // A detector failure must not cross the worker thread; an empty result reads as "no
        // face", which the policy treats as absence, the safe side.
        // Said once per detector: a file whose every frame fails must not print a line per frame
        // (the caller reports the failed stretch itself: analysis_failed in QC).
        if (!m_warned)
            qWarning("face detection failed (further failures of this detector are not logged): %s", error.what());
        m_warned = true;
        faces.clear();
        m_lastFailed = true;
    }
    std::ranges::sort(faces, [](const FaceBox &a, const FaceBox &b) { return a.score > b.score; });
    return faces;
}

} // namespace dualrec::vision
