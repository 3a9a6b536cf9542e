#pragma once

#include <QList>
#include <QString>

namespace dualrec::workflow {

/// One problem found in a template or rule file: which file, where in it (a JSON path such as
/// `$.steps[3].requires.presence`), and what was expected. Meant for branch IT.
struct Diagnostic final {
    QString file;
    QString path;
    QString message;

    /// "FILE: PATH: MESSAGE", the line `dualrec script check` prints.
    [[nodiscard]] QString toString() const
    {
        return file + QStringLiteral(": ") + path + QStringLiteral(": ") + message;
    }
    friend bool operator==(const Diagnostic &, const Diagnostic &) = default;
};

using Diagnostics = QList<Diagnostic>;

} // namespace dualrec::workflow
