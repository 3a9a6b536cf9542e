#pragma once

#include <QMetaType>
#include <QtGlobal>

#include <chrono>
#include <vector>

namespace dualrec::vision {

/// Which detector produced the checks: the YuNet network or the Haar cascade fallback.
enum class DetectorKind : quint8 { Invalid = 0, YuNet, Haar };

/// Stable name for reports and logs: "yunet" or "haar".
[[nodiscard]] const char *detectorKindName(DetectorKind kind);

/// A face box in coordinates relative to the frame (0..1 on both axes), so results do not depend
/// on the size the detector ran at.
struct FaceBox final {
    float x = 0;
    float y = 0;
    float width = 0;
    float height = 0;
    float score = 0; ///< detector confidence 0..1 (Haar: always 1)

    [[nodiscard]] float centerX() const { return x + width / 2; }
    [[nodiscard]] float centerY() const { return y + height / 2; }
};

/// Why the picture itself is unusable, whatever the faces.
enum class BlockedReason : quint8 { Invalid = 0, None, Dark, Uniform, Frozen };

[[nodiscard]] const char *blockedReasonName(BlockedReason reason);

/// The result of analysing one frame.
struct PresenceCheck final {
    std::chrono::nanoseconds timestamp{0}; ///< capture time of the frame (stream time for files)
    std::vector<FaceBox> faces;            ///< above the score threshold, best first
    BlockedReason blocked = BlockedReason::None;
    double meanLuma = 0;   ///< 0..255, on the downscaled grey frame
    double lumaStdDev = 0; ///< 0..255
    std::chrono::microseconds cpuTime{0}; ///< thread CPU time the check took (detector + checks)
    bool analysisFailed = false; ///< the detector failed on this frame: its faces are unknown, not absent
    int analysisWidth = 0; ///< width of the picture whose faces these are (the first or the second pass)
    int passes = 0;        ///< detector runs this check took (0 on a bad frame, 1, or 2)
};

} // namespace dualrec::vision

Q_DECLARE_METATYPE(dualrec::vision::PresenceCheck)
