#include "app/application.h"
#include "app/commandline.h"
#include "app/exportcommand.h"
#include "app/devicekeysetup.h"
#include "app/pendingcommand.h"
#include "app/qccommand.h"
#include "app/qcreportcommand.h"
#include "app/recordcommand.h"
#include "app/scriptcheckcommand.h"
#include "app/sealcommand.h"
#include "app/selftestcommand.h"
#include "app/synccommand.h"
#include "core/live/interruptedsessions.h"
#include "core/live/interruptedsessions.h"
#include "core/util/clock.h"
#include "core/util/owneronly.h"
#include "app/usercommand.h"

#include <QApplication>
#include <QDir>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <memory>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("DualRec"));
    QCoreApplication::setApplicationName(QStringLiteral("DualRec"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DUALREC_VERSION));
}

/// One line on what the start did with a session the last run left behind.
QString describeRecovered(const dualrec::live::RecoveredSession &session)
{
    using Kind = dualrec::live::RecoveredSession::Kind;
    const QString why = session.problem ? session.problem->detail : QString();
    QString recording = QStringLiteral("no recording");
    if (!session.recordingPath.isEmpty())
        recording = QDir::toNativeSeparators(session.recordingPath)
                    + (session.finalized ? QStringLiteral(" (finalized)") : QStringLiteral(" (not finalized: ") + why + u')');
    if (session.verdict)
        recording += QStringLiteral("; QC verdict: ") + QLatin1String(dualrec::qc::qcOutcomeName(session.verdict->outcome));
    const QString subject = QStringLiteral("session ") + session.id.toString() + QStringLiteral(" (application ")
                            + session.applicationNo + QStringLiteral("): ");
    switch (session.kind) {
    case Kind::Interrupted:
        return QStringLiteral("closed interrupted ") + subject + recording;
    case Kind::RecordingSaved:
        return QStringLiteral("finished saving the recording of ") + subject + recording;
    case Kind::Reindexed:
        return QStringLiteral("put back into the journal from its sidecar (it was missing) ") + subject + recording;
    case Kind::NotClosed:
    case Kind::Invalid:
        break;
    }
    return QStringLiteral("could not close left-behind ") + subject + why;
}

} // namespace

int main(int argc, char *argv[])
{
    using namespace dualrec::app;
    // Everything DualRec writes (journal, recordings, sidecars, keys, backups, packages) is
    // readable by this user only (docs/security.md), from the first file on.
    dualrec::restrictNewFilesToOwner();
    describeApplication();

    // Commands and --help/--version run without a window system (for scripts and branch IT).
    std::unique_ptr<QCoreApplication> qtApp;
    if (needsWindow(argc, argv)) {
        qtApp = std::make_unique<QApplication>(argc, argv);
    } else if (writesQcReport(argc, argv)) {
        // The PDF's fonts and pictures need a GUI application object, never a window or a display.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        qtApp = std::make_unique<QGuiApplication>(argc, argv);
    } else if (recordsFromCamera(argc, argv)) {
        // Qt Multimedia's camera needs a GUI application object, not a window.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
            && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        qtApp = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        qtApp = std::make_unique<QCoreApplication>(argc, argv);
    }

    Translators translators;
    translators.install(Application::chooseLanguage(requestedLanguage(argc, argv)));
    const auto commandLine = parseCommandLine(QCoreApplication::arguments());

    QTextStream out(stdout);
    QTextStream err(stderr);
    if (!commandLine.error.isEmpty()) {
        err << "dualrec: " << commandLine.error << Qt::endl;
        return 2;
    }
    if (commandLine.mode != CommandLine::Mode::Help && commandLine.mode != CommandLine::Mode::Version)
        Application::tellInvalidSettings(dualrec::SettingsStore(QString(), dualrec::SettingsStore::systemPolicyPath()), err);
    switch (commandLine.mode) {
    case CommandLine::Mode::Help:
        out << commandLine.helpText;
        return 0;
    case CommandLine::Mode::Version:
        out << "dualrec " << QCoreApplication::applicationVersion() << Qt::endl;
        out << signingKeyProtection(commandLine) << Qt::endl;
        return 0;
    case CommandLine::Mode::ScriptCheck:
        return runScriptCheck(commandLine.files, out, err);
    case CommandLine::Mode::Qc:
        return runQc(commandLine, out, err);
    case CommandLine::Mode::Record: {
        const auto dataDirectory = Application::dataDirectory(commandLine);
        dualrec::SystemClock clock;
        auto keys = dualrec::app::openDeviceKeys(dataDirectory, dualrec::app::KeyOpening::CreateForNewFolder);
        if (!keys) {
            err << "dualrec record: " << dualrec::app::deviceKeyProblem(dataDirectory, keys.error()) << Qt::endl;
            return 2;
        }
        dualrec::storage::Journal::Options journalOptions;
        journalOptions.evidenceKeys = *keys;
        auto journal = dualrec::storage::Journal::open(dataDirectory, clock, journalOptions);
        if (!journal) {
            err << "dualrec record: cannot open the journal in " << dataDirectory << ": " << journal.error().toString()
                << Qt::endl;
            return 2;
        }
        const bool damaged = Application::tellJournalStartup((*journal)->startup(), err);
        // Sessions a killed or crashed DualRec left open are closed first, their recordings finalized.
        // Their QC verdicts need the templates' steps.
        const auto library = dualrec::workflow::TemplateLibrary::loadDirectories(Application::templateDirectories(commandLine.templateDirectories));
        if (const auto recovered = dualrec::live::recoverInterruptedSessions(**journal, clock, {}, &library); !recovered) {
            err << "dualrec record: the sessions left open last time could not be closed: " << recovered.error().toString()
                << Qt::endl;
        } else {
            for (const auto &session : *recovered)
                err << "dualrec record: " << describeRecovered(session) << Qt::endl;
        }
        const int recorded = runRecord(commandLine, **journal, clock, everyonePresent, out, err, *keys);
        return (recorded == 0 && damaged) ? Application::kExitJournalDamaged : recorded;
    }
    case CommandLine::Mode::UserAdd:
    case CommandLine::Mode::UserList:
    case CommandLine::Mode::UserReset:
    case CommandLine::Mode::UserUnlock:
    case CommandLine::Mode::UserDisable:
    case CommandLine::Mode::UserEnable:
    case CommandLine::Mode::UserSet: {
        QTextStream in(stdin);
        return runUserCommand(commandLine, in, out, err);
    }
    case CommandLine::Mode::SelfTest:
        return runSelfTest(commandLine, out);
    case CommandLine::Mode::Seal:
    case CommandLine::Mode::Verify:
    case CommandLine::Mode::VerifyJournal:
    case CommandLine::Mode::Open:
    case CommandLine::Mode::DeviceCsr:
        return runSealCommand(commandLine, out, err);
    case CommandLine::Mode::Export: {
        QTextStream in(stdin);
        return runExportCommand(commandLine, in, out, err);
    }
    case CommandLine::Mode::Sync:
        return runSyncCommand(commandLine, out, err);
    case CommandLine::Mode::QcReport: {
        QTextStream in(stdin);
        return runQcReportCommand(commandLine, in, out, err);
    }
    case CommandLine::Mode::Pending:
        return runPendingCommand(commandLine, out, err);
    case CommandLine::Mode::Window:
        break;
    case CommandLine::Mode::Invalid:
        return 2;
    }

    Application application(commandLine, translators);
    if (const auto exitCode = application.startWindow())
        return *exitCode;
    return QCoreApplication::exec();
}
