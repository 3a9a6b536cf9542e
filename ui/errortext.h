#pragma once

#include "core/util/error.h"

#include <QCoreApplication>
#include <QString>

namespace dualrec::ui {

/// The one place where core's errors become words for people (issue: errors people can read).
/// Every ErrorCode has a sentence in the UI language saying what happened and what to do;
/// core's technical English detail never appears in it: it goes to the log (and, where the
/// caller audits, to the audit entry) and may be shown in a tooltip.
///
/// Thread contract: any thread (translation only).
class ErrorText final
{
    Q_DECLARE_TR_FUNCTIONS(dualrec::ui::ErrorText)

public:
    ErrorText() = delete;

    /// What happened and what to do, one or two sentences.
    [[nodiscard]] static QString sentence(ErrorCode code);
    /// `what` failed (a sentence of the caller's: "The recording cannot start."), then why and
    /// what to do. Logs the detail under `dualrec.error`.
    [[nodiscard]] static QString describe(const QString &what, const Error &error);
    /// The same, naming `folder` where the code is about files (a full disk, a failed read or
    /// write, a missing file), so the person and support know where to look.
    [[nodiscard]] static QString describe(const QString &what, const Error &error, const QString &folder);
    /// The sentence for `code` naming `folder` (DiskFull, IoError, NotFound), else sentence(code).
    [[nodiscard]] static QString sentence(ErrorCode code, const QString &folder);
    /// Logs the detail under `dualrec.error` (describe() does it; for callers with their own words).
    static void log(const Error &error);
    /// For a tooltip or a details view: the technical detail (English), labelled.
    [[nodiscard]] static QString technicalDetail(const Error &error);
};

} // namespace dualrec::ui
