#include "app/pendingcommand.h"

#include "app/application.h"
#include "core/storage/journal.h"
#include "core/storage/unsyncedevidence.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

namespace dualrec::app {

int runPendingCommand(const CommandLine &commandLine, QTextStream &out, QTextStream &err)
{
    // The folder asked for, even where the IT policy fixes another one: an uninstaller checks
    // every folder it finds.
    const QString dataDirectory = commandLine.dataDirectory.isEmpty() ? Application::dataDirectory(commandLine) : commandLine.dataDirectory;
    const QString folder = QDir::toNativeSeparators(dataDirectory);
    auto evidence = storage::readUnsyncedEvidence(storage::Journal::databasePath(dataDirectory));
    if (!evidence) {
        if (evidence.error().code == ErrorCode::NotFound)
            err << "dualrec pending: " << QCoreApplication::translate("PendingCommand", "there is no DualRec journal in %1 (check --data-dir)").arg(folder) << Qt::endl;
        else
            err << "dualrec pending: " << evidence.error().detail << Qt::endl;
        return 2;
    }
    const int total = evidence->total();
    if (commandLine.pendingJson) {
        QJsonObject states;
        for (auto it = evidence->sessionsByState.cbegin(); it != evidence->sessionsByState.cend(); ++it)
            states.insert(storage::evidenceStateName(it.key()), it.value());
        if (evidence->unknownStates > 0)
            states.insert(QStringLiteral("unknown"), evidence->unknownStates);
        const QJsonObject report{{QStringLiteral("dataFolder"), folder},
                                 {QStringLiteral("notAcknowledged"), total},
                                 {QStringLiteral("notSealed"), evidence->notSealed()},
                                 {QStringLiteral("sealedNotAcknowledged"), evidence->sealedNotAcknowledged()},
                                 {QStringLiteral("sessionsByState"), states}};
        out << QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Indented));
    } else if (total == 0) {
        out << QCoreApplication::translate("PendingCommand", "The insurer has acknowledged every recording in %1, or there is none: nothing would be lost.").arg(folder) << Qt::endl;
    } else {
        out << QCoreApplication::translate("PendingCommand", "%n recording(s) in %1 are not yet acknowledged by the insurer (%2 not sealed yet, %3 sealed and not yet "
                                                             "acknowledged after upload). They exist only on this computer: keep this folder.", nullptr, total)
                   .arg(folder).arg(evidence->notSealed()).arg(evidence->sealedNotAcknowledged())
            << Qt::endl;
    }
    return total == 0 ? 0 : 1;
}

} // namespace dualrec::app
