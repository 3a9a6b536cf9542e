#pragma once

#include "core/vision/frameanalyzer.h"
#include "core/vision/presencepolicy.h"

#include <QFile>
#include <QString>
#include <QStringList>

#include <chrono>
#include <vector>

namespace dualrec::test {

inline QString sharedAsset(const char *relative)
{
    return QStringLiteral(DUALREC_SHARED_DIR "/assets/") + QLatin1String(relative);
}

inline QString faceModelPath()
{
    return sharedAsset("models/face_detection_yunet_2022mar.onnx");
}

inline QString generatedClip(const QString &name, const char *suffix)
{
    return QStringLiteral(DUALREC_TEST_CLIPS_DIR "/") + name + QLatin1String(suffix);
}

inline vision::AnalyzerConfig yunetConfig()
{
    vision::AnalyzerConfig config;
    config.detector.yunetModelPath = faceModelPath();
    return config;
}

inline vision::AnalyzerConfig haarConfig()
{
    return {};
}

inline std::chrono::nanoseconds seconds(double value)
{
    return std::chrono::nanoseconds(static_cast<qint64>(value * 1e9));
}

inline double toSeconds(std::chrono::nanoseconds value)
{
    return std::chrono::duration<double>(value).count();
}

/// The truth of a generated clip (tests/vision/make_clips.sh writes NAME.labels.csv).
struct ClipLabels {
    struct Defect {
        QString kind;
        QString who;
        double start = 0;
        double end = 0;
    };
    struct Faces {
        double start = 0;
        double end = 0;
        int count = 0;
    };
    std::vector<Defect> defects;
    std::vector<Faces> faces;
};

inline ClipLabels readLabels(const QString &path)
{
    ClipLabels labels;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return labels;
    while (!file.atEnd()) {
        const auto fields = QString::fromUtf8(file.readLine()).trimmed().split(QLatin1Char(','));
        if (fields.value(0) == QLatin1String("defect") && fields.size() == 5)
            labels.defects.push_back({fields[1], fields[2], fields[3].toDouble(), fields[4].toDouble()});
        else if (fields.value(0) == QLatin1String("faces") && fields.size() == 4)
            labels.faces.push_back({fields[1].toDouble(), fields[2].toDouble(), fields[3].toInt()});
    }
    return labels;
}

} // namespace dualrec::test
