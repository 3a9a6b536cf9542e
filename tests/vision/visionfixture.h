#pragma once

#include "core/vision/frameanalyzer.h"
#include "core/vision/presencepolicy.h"
#include "tests/vision/clipscore.h"

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

/// The analysis policy before issue 16: one pass at 320x180, no second pass.
inline vision::AnalyzerConfig singlePassConfig()
{
    auto config = yunetConfig();
    config.fineWidth = 0;
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

} // namespace dualrec::test
