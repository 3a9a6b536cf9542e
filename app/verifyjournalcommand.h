#pragma once

#include "app/commandline.h"

#include <QTextStream>

namespace dualrec::app {

/// `dualrec verify --journal [--data-dir D] [--json]`: the full check of a data folder's journal
/// (SQLite's integrity_check, the keyed audit chain with its anchor, every account's keyed seal)
/// and every unsealed media file re-hashed against the journal (sealed packages still on disk
/// too). One line per break on stdout (row number and what differs), a summary on stderr.
/// Exit 0 when everything holds, 1 when something does not, 2 when the folder has no journal
/// or its keys cannot be opened (nothing is created).
/// Thread contract: the main thread (the OS key store answers through its event loop).
[[nodiscard]] int runVerifyJournal(const CommandLine &commandLine, QTextStream &out, QTextStream &err);

} // namespace dualrec::app
