#pragma once

#include "app/commandline.h"

#include <QTextStream>

namespace dualrec::app {

/// `dualrec sync --endpoint URL [--once]`: uploads the data folder's sealed packages with the
/// same scheduler (and per-package locks) as the window. Prints a line per event and, at the
/// end, one line per package. Without --once it runs until every package is acknowledged or
/// credentials are refused. Exit 0: every package acknowledged; 1: something is left; 2: error.
[[nodiscard]] int runSyncCommand(const CommandLine &commandLine, QTextStream &out, QTextStream &err);

} // namespace dualrec::app
