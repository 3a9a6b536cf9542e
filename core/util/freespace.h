#pragma once

#include <QString>

#include <optional>

namespace dualrec {

/// Bytes the current user may still write on the file system holding `directory` (which must
/// exist). Asks Qt first; when QStorageInfo cannot say (inside a chroot its mount is not
/// visible), asks the operating system about the folder itself. nullopt: neither can tell.
/// Thread-safe.
[[nodiscard]] std::optional<qint64> freeBytes(const QString &directory);

/// The operating system's answer only: statvfs() (POSIX) or GetDiskFreeSpaceExW() (Windows),
/// on the folder itself; no mount table needed. One implementation per platform
/// (freespace_posix.cpp, freespace_windows.cpp), chosen by CMake. Fast (one system call).
[[nodiscard]] std::optional<qint64> freeBytesFromSystem(const QString &directory);

} // namespace dualrec
