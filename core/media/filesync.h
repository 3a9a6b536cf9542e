#pragma once

#include "core/util/result.h"

#include <QString>

namespace dualrec::media {

/// Forces the data written to `path` so far out of the operating system's cache onto the disk,
/// so that a power cut loses at most what came after the call (a kill -9 loses nothing the
/// process had handed to the system). One implementation per platform (filesync_posix.cpp,
/// filesync_windows.cpp), chosen by CMake. Thread-safe.
[[nodiscard]] Result<void> syncFileToDisk(const QString &path);

} // namespace dualrec::media
