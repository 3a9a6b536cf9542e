#include "app/exportcommand.h"

#include "app/application.h"
#include "app/supervisorsignin.h"
#include "core/seal/evidenceexport.h"
#include "core/storage/journal.h"
#include "core/util/clock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace dualrec::app {

namespace {

const QString kUser = QStringLiteral("user");


} // namespace

QList<QCommandLineOption> exportCommandOptions()
{
    return {QCommandLineOption(kUser, QCoreApplication::translate("ExportCommand", "export: the supervisor or IT account that exports (its password on the first line of standard input)."),
                               QStringLiteral("LOGIN"))};
}

QString exportCommandHelp()
{
    return QCoreApplication::translate("ExportCommand", "  export SESSION_ID --out DIR --user LOGIN\n"
              "                         plain copies of a session's recording, snapshots and sidecar for legal\n"
              "                         or complaint handling, in the new folder DIR/SESSION_ID with export.json;\n"
              "                         supervisors and IT only, the password on the first line of standard\n"
              "                         input; written to the audit log. Prints \"SHA-256  FILE\" per copy. Exit\n"
              "                         0 exported, 1 refused, 2 wrong input");
}

void parseExportCommand(const QCommandLineParser &parser, const QStringList &positional, const QString &outFolder, CommandLine &result)
{
    auto &options = result.exportOptions;
    options.outputFolder = outFolder;
    options.login = parser.value(kUser).trimmed();
    if (positional.size() != 2 || options.outputFolder.isEmpty() || options.login.isEmpty()) {
        result.error = QCoreApplication::translate("ExportCommand", "export: expected \"export SESSION_ID --out DIR --user LOGIN\"");
    } else if (workflow::SessionId::fromString(positional.at(1)).isNull()) {
        result.error = QCoreApplication::translate("ExportCommand", "export: \"%1\" is not a session id (expected a UUID such as 1df3086b-e6f7-4463-891d-95999a1913be)").arg(positional.at(1));
    } else {
        options.sessionId = positional.at(1);
        result.mode = CommandLine::Mode::Export;
    }
}

QString misplacedExportOption(const QCommandLineParser &parser, CommandLine::Mode mode)
{
    if (parser.isSet(kUser) && mode != CommandLine::Mode::Export && mode != CommandLine::Mode::QcReport)
        return QCoreApplication::translate("ExportCommand", "--user belongs to the export and qc --report commands");
    return {};
}

int runExportCommand(const CommandLine &commandLine, QTextStream &in, QTextStream &out, QTextStream &err)
{
    const auto &options = commandLine.exportOptions;
    const auto id = workflow::SessionId::fromString(options.sessionId);
    const QString dataDirectory = Application::dataDirectory(commandLine);
    const auto say = [&](const QString &text) { err << "dualrec export: " << text << Qt::endl; };
    if (!hasJournal(dataDirectory, say))
        return 2;
    if (!QFileInfo(options.outputFolder).isDir()) {
        say(QCoreApplication::translate("ExportCommand", "--out: \"%1\" is not a folder").arg(QDir::toNativeSeparators(options.outputFolder)));
        return 2;
    }
    const SystemClock clock;
    const SupervisorCommandWords words{
        QCoreApplication::translate("ExportCommand", "nothing was exported"),
        QCoreApplication::translate("ExportCommand", "only supervisors and IT may export evidence; %1 is not one of them, nothing was exported"),
        QStringLiteral("refused: ")};
    auto access = signInSupervisor(dataDirectory, options.login, options.sessionId, in, err, say, words, clock);
    if (!access)
        return access.error();
    const auto &keys = access->keys;
    auto &journal = access->journal;
    if (!keys) {
        say(QCoreApplication::translate("ExportCommand", "this data folder has no device key, so it holds no encrypted evidence to export"));
        return 1;
    }
    auto exported = seal::exportSessionEvidence(*journal, id, *keys, options.outputFolder, options.login, clock);
    if (!exported) {
        say(QCoreApplication::translate("ExportCommand", "session %1 was not exported: %2").arg(options.sessionId, exported.error().detail));
        return exported.error().code == ErrorCode::InvalidArgument ? 2 : 1;
    }
    for (const auto &file : std::as_const(exported->files))
        out << file.sha256 << "  " << QDir::toNativeSeparators(file.path) << Qt::endl;
    say(QCoreApplication::translate("ExportCommand", "%n plain file(s) in %1; keep them as confidentially as the recording itself", nullptr,
                                    int(exported->files.size()))
            .arg(QDir::toNativeSeparators(exported->folder)));
    return 0;
}

} // namespace dualrec::app
