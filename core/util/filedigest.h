#pragma once

#include "core/util/result.h"

#include <QString>

#include <functional>

namespace dualrec {

/// SHA-256 of a file as lower-case hex, read in 1 MiB blocks. Fails with NotFound/IoError
/// (naming the file) when it cannot be read, and with InvalidState when `keepGoing` (asked
/// before every block) says to stop. Thread-safe.
[[nodiscard]] Result<QString> sha256OfFile(const QString &path, const std::function<bool()> &keepGoing = {});

} // namespace dualrec
