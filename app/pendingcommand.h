#pragma once

#include "app/commandline.h"

#include <QTextStream>

namespace dualrec::app {

/// `dualrec pending [--data-dir D] [--json]`: how many sessions in the data folder hold evidence
/// the insurer has not acknowledged yet (not sealed yet; sealed and not uploaded or not yet
/// acknowledged). Reads the journal only (core/storage/unsyncedevidence.h): no key, no network,
/// no write, so an uninstaller can run it (packaging/linux/prerm, packaging/windows). --data-dir
/// names the folder to check even when the IT policy fixes another one. Exit 0: nothing waits;
/// 1: something waits (the line says what); 2: no journal there or it cannot be read.
[[nodiscard]] int runPendingCommand(const CommandLine &commandLine, QTextStream &out, QTextStream &err);

} // namespace dualrec::app
