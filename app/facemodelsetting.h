#pragma once

#include "core/util/result.h"

#include <QString>
#include <QStringList>

namespace dualrec::app {

/// Which face detector to run, and why.
struct FaceModelChoice final {
    QString yunetModelPath; ///< empty: the Haar cascade fallback
    /// Why the fallback runs (stable English for the QC report and the log); empty with YuNet.
    QString fallbackReason;
};

/// Settings key of the model path (QSettings, like the language).
inline constexpr const char *kFaceModelKey = "vision/faceModel";

/// File name of the YuNet model that ships with the app (resources/models/README.md).
inline constexpr const char *kBundledFaceModelName = "face_detection_yunet_2022mar.onnx";

/// Where the shipped model is looked for, relative to the running executable, first match wins:
/// `../share/dualrec/models/` (the build tree and an installed tree: <prefix>/bin/dualrec) and
/// `../Resources/models/` (a macOS bundle). Needs a QCoreApplication.
[[nodiscard]] QStringList bundledFaceModelCandidates();

/// Picks the YuNet model: `commandLinePath` (--face-model) if given, else the settings value,
/// else the model shipped with the app (bundledFaceModelCandidates()). A model named on the command line
/// must exist (error); a configured or default one that is missing falls back to Haar, with the
/// reason given, so the app still guards presence.
[[nodiscard]] Result<FaceModelChoice> chooseFaceModel(const QString &commandLinePath);

} // namespace dualrec::app
