#pragma once

#include "app/commandline.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QTextStream>

namespace dualrec::app {

/// The option only `qc --report` takes (--report FILE.pdf).
[[nodiscard]] QCommandLineOption qcReportOption();
/// Its lines of `dualrec --help`.
[[nodiscard]] QString qcReportCommandHelp();
/// Only peeks at the arguments: `qc --report` (draws a PDF: needs a QGuiApplication, no window)?
[[nodiscard]] bool writesQcReport(int argc, char **argv);
/// Fills `result` (mode, options or error) for `qc --report FILE.pdf SESSION_ID --user LOGIN`.
void parseQcReportCommand(const QCommandLineParser &parser, const QStringList &positional, CommandLine &result);

/// `dualrec qc --report FILE.pdf SESSION_ID --user LOGIN`: the session's QC report as a PDF
/// (ui::QcReportPdf) for a supervisor or IT who signs in with the password on the first line of
/// `in`; the stills come from the encrypted recording, decoded in memory. The file is written
/// only when complete, and audited as an export. Exit 0 written, 1 refused (sign-in, role), 2
/// wrong input (no journal, unknown session, the file cannot be written); nothing is left
/// behind unless it is 0. Needs a QGuiApplication (main starts one on the offscreen platform).
[[nodiscard]] int runQcReportCommand(const CommandLine &commandLine, QTextStream &in, QTextStream &out, QTextStream &err);

} // namespace dualrec::app
