#include "ui/datafolderproblem.h"

#include <QDir>

namespace dualrec::ui {

DataFolderProblemBox::DataFolderProblemBox(const QString &dataDirectory, const Error &error, QWidget *parent)
    : DataFolderProblemBox(DataFolderPart::DeviceKey, dataDirectory, error, parent)
{
}

DataFolderProblemBox::DataFolderProblemBox(DataFolderPart part, const QString &dataDirectory, const Error &error, QWidget *parent)
    : QMessageBox(parent)
{
    if (part == DataFolderPart::Journal) {
        setObjectName(QStringLiteral("journalProblem"));
        setIcon(QMessageBox::Critical);
        setWindowTitle(tr("DualRec cannot open its journal"));
        setText(tr("The journal in the data folder %1 (the sessions, accounts and audit log of this computer) cannot be opened.")
                    .arg(QDir::toNativeSeparators(dataDirectory)));
        QString why;
        switch (error.code) {
        case ErrorCode::DiskFull:
            why = tr("The disk of the data folder is full. Free some space (technical support can help), then start DualRec again.");
            break;
        case ErrorCode::DataCorrupt:
        case ErrorCode::FormatError:
            why = tr("The journal is damaged and no usable backup of it was found. Tell technical support; they find the reason "
                     "under \"Show Details\".");
            break;
        case ErrorCode::InvalidState:
            why = tr("The journal was written by a newer version of DualRec. Ask technical support to install that version "
                     "again.");
            break;
        case ErrorCode::Invalid:
        case ErrorCode::InvalidArgument:
        case ErrorCode::RequirementsUnmet:
        case ErrorCode::NotFound:
        case ErrorCode::IoError:
        case ErrorCode::DeviceUnavailable:
        case ErrorCode::InternalError:
        case ErrorCode::OutOfMemory:
        case ErrorCode::Cancelled:
        case ErrorCode::NetworkError:
        case ErrorCode::AccessDenied:
        case ErrorCode::ServerNotTrusted:
            why = tr("The journal file cannot be read or written there (for example, it is write-protected or the drive is "
                     "gone). Start DualRec again; if this happens again, tell technical support, who find the reason under "
                     "\"Show Details\".");
            break;
        }
        setInformativeText(why + u' '
                           + tr("Until then nothing can be recorded here. Nothing was changed and no recording was deleted."));
        setDetailedText(error.detail);
        setStandardButtons(QMessageBox::Close);
        return;
    }
    setObjectName(QStringLiteral("dataFolderProblem"));
    setIcon(QMessageBox::Critical);
    setWindowTitle(tr("DualRec cannot open its data folder"));
    setText(tr("The key that protects the recordings in the data folder %1 cannot be opened.").arg(QDir::toNativeSeparators(dataDirectory)));
    setInformativeText(tr("Until IT restores this computer's device key, nothing can be recorded or played back here. Nothing "
                          "was changed and no file was deleted. DualRec does not set this folder up anew, because it is already "
                          "in use: a new key could not open the recordings in it."));
    // The key store's own words, for IT only.
    setDetailedText(error.detail);
    setStandardButtons(QMessageBox::Close);
}

} // namespace dualrec::ui
