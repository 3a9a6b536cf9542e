#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace dualrec {

/// The position of the first character that must not reach the watermark, the journal or a
/// login: control characters (newline, tab, NUL, ESC…), invisible format characters (the
/// right-to-left override, zero-width joiners…), line and paragraph separators, unpaired
/// surrogates, private-use and unassigned code points. nullopt: every character is printable
/// (spaces included). Pure; thread-safe.
[[nodiscard]] std::optional<qsizetype> firstUnprintable(QStringView text);

/// "U+000A at character 5": what firstUnprintable() found, for error messages.
[[nodiscard]] QString describeUnprintable(QStringView text, qsizetype position);

} // namespace dualrec
