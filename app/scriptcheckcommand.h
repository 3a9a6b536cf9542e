#pragma once

#include <QStringList>
#include <QTextStream>

namespace dualrec::app {

/// `dualrec script check FILE...`: checks script templates and scope rule sets for branch IT.
/// Prints one line per problem ("FILE: JSON-PATH: message") to `out` and a summary to `err`.
/// Returns the exit code: 0 when every file is valid, 1 otherwise.
int runScriptCheck(const QStringList &files, QTextStream &out, QTextStream &err);

} // namespace dualrec::app
