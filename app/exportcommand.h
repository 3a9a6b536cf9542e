#pragma once

#include "app/commandline.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QTextStream>

namespace dualrec::app {

/// The option only `export` takes (--user LOGIN).
[[nodiscard]] QList<QCommandLineOption> exportCommandOptions();
/// Its lines of `dualrec --help`.
[[nodiscard]] QString exportCommandHelp();
/// Fills `result` (mode, export options or error) for `export SESSION_ID --out DIR --user LOGIN`.
void parseExportCommand(const QCommandLineParser &parser, const QStringList &positional, const QString &outFolder, CommandLine &result);
/// An error when --user is given to another command; empty otherwise.
[[nodiscard]] QString misplacedExportOption(const QCommandLineParser &parser, CommandLine::Mode mode);

/// `dualrec export`: plain copies of a session's evidence for legal or complaint handling, for a
/// supervisor or IT who signs in with the password on the first line of `in`; audited
/// (core/seal/evidenceexport.h). Prints one `SHA-256  FILE` line per copy (the format
/// `sha256sum -c` reads). Exit 0 exported, 1 refused (sign-in, role, a file missing or not
/// matching the journal), 2 wrong input (no journal, no such folder).
[[nodiscard]] int runExportCommand(const CommandLine &commandLine, QTextStream &in, QTextStream &out, QTextStream &err);

} // namespace dualrec::app
