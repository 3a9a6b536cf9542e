#pragma once

#include "core/util/result.h"
#include "core/vision/presencecheck.h"

#include <QString>

#include <memory>

namespace cv {
class Mat;
}

namespace dualrec::vision {

/// Where the detector comes from. An empty model path selects the Haar cascade fallback.
struct DetectorConfig final {
    QString yunetModelPath; ///< face_detection_yunet_2022mar.onnx; empty: use the Haar cascade
    QString haarCascadePath; ///< empty: kDefaultHaarCascade
    /// YuNet score threshold. 0.7 rather than the model's usual 0.9: at 320x180 clear frontal
    /// faces score 0.74-0.90 now and then (shared/assets/README.txt), and 0.7 adds no false
    /// positive there.
    float scoreThreshold = 0.7F;
};

/// Debian's opencv-data path of the fallback cascade.
inline constexpr const char *kDefaultHaarCascade = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml";

/// Finds faces in BGR frames, with YuNet (cv::FaceDetectorYN) or the Haar cascade.
///
/// Thread contract: one instance per thread; detect() is not reentrant (OpenCV's net keeps state).
class FaceDetector final
{
    Q_DISABLE_COPY_MOVE(FaceDetector)

public:
    /// Loads the model; fails with NotFound / FormatError naming the file when it cannot.
    [[nodiscard]] static Result<std::unique_ptr<FaceDetector>> create(const DetectorConfig &config);
    ~FaceDetector();

    [[nodiscard]] DetectorKind kind() const { return m_kind; }
    [[nodiscard]] const QString &modelPath() const { return m_modelPath; }

    /// Faces in an 8-bit BGR (or grey) frame, relative to the frame, best score first.
    [[nodiscard]] std::vector<FaceBox> detect(const cv::Mat &frame);
    /// The last detect() failed (OpenCV threw): its empty result means "unknown", not "nobody".
    [[nodiscard]] bool lastDetectFailed() const { return m_lastFailed; }

private:
    struct Backend;
    FaceDetector(DetectorKind kind, QString modelPath, std::unique_ptr<Backend> backend);

    DetectorKind m_kind = DetectorKind::Invalid;
    QString m_modelPath;
    std::unique_ptr<Backend> m_backend;
    bool m_lastFailed = false;
    bool m_warned = false; ///< a failure was logged already
};

} // namespace dualrec::vision
