#pragma once

#include <QString>

#include <functional>

namespace dualrec {

/// SHA-256 of a file as lower-case hex, read in 1 MiB blocks. Empty when the file cannot be
/// read, or when `keepGoing` (asked before every block) says to stop. Thread-safe.
[[nodiscard]] QString sha256OfFile(const QString &path, const std::function<bool()> &keepGoing = {});

} // namespace dualrec
