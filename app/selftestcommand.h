#pragma once

#include "app/commandline.h"

#include <QString>
#include <QTextStream>

namespace dualrec::app {

/// One check of `dualrec self-test`.
struct SelfTestCheck final {
    bool passed = false;
    QString line; ///< one sentence in the UI language: what was checked and what was found
};

/// `dualrec self-test`: checks, in a temporary folder, what an installed copy needs to record —
/// the translations, the built-in scripts and rules, the shipped face model (YuNet, not the Haar
/// fallback), OpenSSL (AES-256-GCM, PBKDF2), a SQLite journal, a 3 s recording from the demo
/// source through FFmpeg's encoders that is read back, and that the data folder is writable.
/// Prints one line per check in the UI language and a summary; returns 0 when every check
/// passed, 1 otherwise. Touches nothing in the data folder except a probe file it removes.
///
/// Thread contract: runs on the main thread with a QCoreApplication; blocks until done.
[[nodiscard]] int runSelfTest(const CommandLine &commandLine, QTextStream &out);

} // namespace dualrec::app
