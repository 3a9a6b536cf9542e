#pragma once

#include "core/util/result.h"

#include <QString>

namespace dualrec::app {

/// Which face detector to run, and why.
struct FaceModelChoice final {
    QString yunetModelPath; ///< empty: the Haar cascade fallback
    /// Why the fallback runs (stable English for the QC report and the log); empty with YuNet.
    QString fallbackReason;
};

/// Settings key of the model path (QSettings, like the language).
inline constexpr const char *kFaceModelKey = "vision/faceModel";

/// Picks the YuNet model: `commandLinePath` (--face-model) if given, else the settings value,
/// else the build's default (CMake cache DUALREC_FACE_MODEL). A model named on the command line
/// must exist (error); a configured or default one that is missing falls back to Haar, with the
/// reason given, so the app still guards presence.
[[nodiscard]] Result<FaceModelChoice> chooseFaceModel(const QString &commandLinePath);

} // namespace dualrec::app
