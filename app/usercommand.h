#pragma once

#include "app/commandline.h"

#include <QTextStream>

namespace dualrec::app {

/// `dualrec user add LOGIN --role ROLE [--name NAME]` (password from the first line of standard
/// input) and `dualrec user list`, for branch IT. Opens the journal of the data folder.
/// Exit code 0 done, 1 refused (taken login, short password), 2 error.
[[nodiscard]] int runUserCommand(const CommandLine &commandLine, QTextStream &in, QTextStream &out, QTextStream &err);

} // namespace dualrec::app
