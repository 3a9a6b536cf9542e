#pragma once

#include "app/commandline.h"
#include "core/seal/timestampclient.h"
#include "core/util/settingsstore.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QTextStream>

namespace dualrec::app {

/// The options only `seal`, `verify`, `open` and `device csr` take.
[[nodiscard]] QList<QCommandLineOption> sealCommandOptions();
/// Their lines of `dualrec --help`.
[[nodiscard]] QString sealCommandsHelp();
[[nodiscard]] bool isSealCommand(const QString &word);
/// Fills `result` (mode, seal options or error) for one of those commands.
void parseSealCommand(const QCommandLineParser &parser, const QStringList &positional, const QString &outFolder, CommandLine &result);
/// An error when one of their options is given to another command; empty otherwise.
[[nodiscard]] QString misplacedSealOption(const QCommandLineParser &parser, CommandLine::Mode mode);

/// Runs seal / verify / open / device csr. Exit codes: seal 0 sealed (path on the last line),
/// 1 not sealed (why on stderr), 2 wrong input; verify 0 everything holds, 1 something fails,
/// 2 wrong input; open 0 written, 1 the package fails, 2 wrong input; device csr 0 / 1.
[[nodiscard]] int runSealCommand(const CommandLine &commandLine, QTextStream &out, QTextStream &err);

/// The timestamp authority the settings or the IT policy name (`seal/tsaUrl`, and the PEM files
/// of `seal/tsaCaCertificates` separated by ';'); unset when there is no URL. A CA file that
/// cannot be read is said in `problem` (and the TSA is then not used: nothing it answered could be trusted).
[[nodiscard]] seal::TimestampAuthority configuredTimestampAuthority(const SettingsStore &settings, QString &problem);

/// One line for `dualrec --version`: what protects this data folder's signing key.
[[nodiscard]] QString signingKeyProtection(const CommandLine &commandLine);

} // namespace dualrec::app
