#pragma once

#include "core/media/recordersettings.h"
#include "core/util/result.h"

#include <chrono>

namespace dualrec::media {

/// Space a recording of `length` needs: the fragmented file, the finalized copy made at the end
/// (both exist until the copy is verified), and the running reserve.
[[nodiscard]] qint64 requiredBytes(const EncoderSettings &encoder, std::chrono::seconds length, qint64 reserve);

/// Fails with DiskFull (detail: needed and available bytes) when `directory` lacks the space.
[[nodiscard]] Result<void> checkFreeSpace(const QString &directory, qint64 needed);

} // namespace dualrec::media
