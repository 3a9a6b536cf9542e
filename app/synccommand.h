#pragma once

#include "app/commandline.h"
#include "core/sync/syncscheduler.h"
#include "core/sync/tusupload.h"
#include "core/util/settingsstore.h"

#include <QTextStream>

namespace dualrec::app {

/// `dualrec sync --endpoint URL [--once]`: uploads the data folder's sealed packages with the
/// same scheduler (and per-package locks) as the window. Prints a line per event and, at the
/// end, one line per package. Without --once it runs until every package is acknowledged or
/// credentials are refused. Exit 0: every package acknowledged; 1: something is left; 2: error.
/// Where and how to upload, as `dualrec sync` and the window both take it: the command line's
/// options (empty: not given) over the IT policy / settings (sync/endpoint, sync/caFile,
/// sync/pin), the bearer token from the data folder's key store unless DUALREC_SYNC_TOKEN
/// overrides it (core/sync/synctoken.h). NotFound when no endpoint is configured; other errors
/// name the setting that is wrong. The token is never in an error.
[[nodiscard]] Result<sync::SyncEndpoint> configuredSyncEndpoint(const SettingsStore &settings, const QString &dataDirectory,
                                                                const SyncOptions &options = {});

/// How uploads run, as `dualrec sync` and the window both take it from the IT policy / settings:
/// sync/uploadOnMetered and sync/retentionDays (0: acknowledged packages are kept for ever). A
/// value that is set but not valid is an InvalidArgument error naming the key, the file it is in,
/// what was found and what is expected, never quietly the default (a retention misread could
/// delete evidence early).
[[nodiscard]] Result<sync::SyncScheduler::Options> configuredSyncOptions(const SettingsStore &settings);

/// The sync command's part of `dualrec --help`: its options and, in sentences, every setting it reads.
[[nodiscard]] QString syncCommandHelp();

/// `dualrec sync --set-token`: reads the token from `in` and keeps it in the data folder's key
/// store (empty input removes it). Says where it went, never the token. Exit 0, else 2.
[[nodiscard]] int runSetSyncToken(const QString &dataDirectory, QIODevice &in, QTextStream &out, QTextStream &err);

[[nodiscard]] int runSyncCommand(const CommandLine &commandLine, QTextStream &out, QTextStream &err);

} // namespace dualrec::app
