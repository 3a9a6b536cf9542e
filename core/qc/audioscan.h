#pragma once

#include "core/qc/sessionqc.h"
#include "core/util/result.h"

namespace dualrec::seal {
class DeviceKeys;
}

namespace dualrec::qc {

struct AudioScanOptions final {
    /// Levels are measured over windows of this length.
    std::chrono::milliseconds window{100};
    /// A window whose RMS level is below this (dBFS) is silent: a microphone in a room never is.
    double silenceDbfs = -60.0;
    /// Silence counts once it lasts this long.
    std::chrono::milliseconds minSilence{3000};
    /// A sample at or above this magnitude (1.0 = full scale) is clipped ...
    double clipLevel = 0.98;
    /// ... and a window with at least this fraction of clipped samples is a clipped window.
    double clipFraction = 0.01;
};

/// Decodes the sound track of a recording (encrypted ones through `keys`, in memory) and finds
/// where it is silent or clipped. A file without a sound track gives hasTrack = false; a file
/// that cannot be opened is an error. Thread-safe (no shared state); slow for long files (a
/// 20-minute AAC track decodes in about a second).
[[nodiscard]] Result<AudioInput> scanAudio(const QString &path, const seal::DeviceKeys *keys, const AudioScanOptions &options = {});

} // namespace dualrec::qc
