#include "ui/datafolderproblem.h"

#include <QDir>

namespace dualrec::ui {

DataFolderProblemBox::DataFolderProblemBox(const QString &dataDirectory, const Error &error, QWidget *parent)
    : QMessageBox(parent)
{
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
