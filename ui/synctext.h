#pragma once

#include "core/sync/syncservice.h"

#include <QCoreApplication>
#include <QString>

namespace dualrec::ui {

/// Uploads in words for people (status bar, end page, history): sentences in the UI language,
/// reasons through ErrorText, no ids or byte counts; the technical detail only for tooltips.
///
/// Thread contract: any thread (translation only).
class SyncText final
{
    Q_DECLARE_TR_FUNCTIONS(dualrec::ui::SyncText)

public:
    SyncText() = delete;

    /// The status bar's one calm sentence about the queue.
    [[nodiscard]] static QString status(const sync::SyncStatus &status);
    /// One package's upload (the end page, the history's detail).
    [[nodiscard]] static QString upload(const sync::SessionUpload &upload);
    /// For a tooltip: the last failure's technical detail, empty when there is none.
    [[nodiscard]] static QString detail(const std::optional<Error> &error);
};

} // namespace dualrec::ui
