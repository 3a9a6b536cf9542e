#pragma once

#include "core/util/error.h"

#include <QMessageBox>

namespace dualrec::ui {

/// Which part of the data folder cannot be used.
enum class DataFolderPart : quint8 { Invalid = 0, DeviceKey, Journal };

/// What the window shows instead of itself when the data folder's device key cannot be opened
/// (missing from the key store, unreadable, or another key): one sentence on what happened,
/// one on what it means and who can help, both in the UI language without technical detail;
/// the key store's own words (English) only behind "Show Details…" for IT. It offers no
/// first-run set-up and no way on: a missing key on a folder in use is never a reason to make
/// a new one, and nothing in the folder is touched. Only a Close button.
///
/// Thread contract: GUI thread.
class DataFolderProblemBox final : public QMessageBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DataFolderProblemBox)

public:
    /// The device key cannot be opened.
    DataFolderProblemBox(const QString &dataDirectory, const Error &error, QWidget *parent = nullptr);
    /// `part` cannot be opened. For the journal (write-protected, damaged without a usable
    /// backup, on a full disk, written by a newer DualRec): the folder named, what to do by the
    /// error's code, nothing changed; its detail (English) behind "Show Details…" for IT. The
    /// caller logs the detail (the audit log is in the journal that cannot be opened).
    DataFolderProblemBox(DataFolderPart part, const QString &dataDirectory, const Error &error, QWidget *parent = nullptr);
};

} // namespace dualrec::ui
