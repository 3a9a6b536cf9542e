#include "app/qcreportcommand.h"

#include "app/application.h"
#include "app/supervisorsignin.h"
#include "core/qc/qcreport.h"
#include "core/storage/journal.h"
#include "core/util/clock.h"
#include "core/workflow/templatelibrary.h"
#include "ui/qcreportpdf.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstring>

namespace dualrec::app {

namespace {

const QString kReport = QStringLiteral("report");

} // namespace

QCommandLineOption qcReportOption()
{
    return QCommandLineOption(kReport, QCoreApplication::translate("QcReportCommand", "qc: write the session's QC report to this PDF file."),
                              QStringLiteral("FILE.pdf"));
}

QString qcReportCommandHelp()
{
    return QCoreApplication::translate("QcReportCommand",
              "  qc --report FILE.pdf SESSION_ID --user LOGIN\n"
              "                         the session's QC report as a PDF: the verdict, the steps, who was in\n"
              "                         the picture, the customer's speech and each reason with a picture of\n"
              "                         its moment; supervisors and IT only, the password on the first line of\n"
              "                         standard input; written to the audit log. Exit 0 written, 1 refused,\n"
              "                         2 wrong input");
}

bool writesQcReport(int argc, char **argv)
{
    bool qc = false;
    bool report = false;
    for (int i = 1; i < argc; ++i) {
        qc = qc || std::strcmp(argv[i], "qc") == 0;
        report = report || std::strcmp(argv[i], "--report") == 0 || std::strncmp(argv[i], "--report=", 9) == 0;
    }
    return qc && report;
}

void parseQcReportCommand(const QCommandLineParser &parser, const QStringList &positional, CommandLine &result)
{
    auto &options = result.qcReport;
    options.file = parser.value(kReport);
    options.login = parser.value(QStringLiteral("user")).trimmed();
    if (positional.size() != 2 || options.file.isEmpty() || options.login.isEmpty()) {
        result.error = QCoreApplication::translate("QcReportCommand", "qc --report: expected \"qc --report FILE.pdf SESSION_ID --user LOGIN\"");
    } else if (workflow::SessionId::fromString(positional.at(1)).isNull()) {
        result.error = QCoreApplication::translate("QcReportCommand", "qc --report: \"%1\" is not a session id (expected a UUID such as 1df3086b-e6f7-4463-891d-95999a1913be)")
                           .arg(positional.at(1));
    } else if (parser.isSet(QStringLiteral("script")) || parser.isSet(QStringLiteral("json")) || parser.isSet(QStringLiteral("grace"))) {
        result.error = QCoreApplication::translate("QcReportCommand", "qc --report: --script, --json and --grace check a recording file; leave them out");
    } else {
        options.sessionId = positional.at(1);
        result.mode = CommandLine::Mode::QcReport;
    }
}

int runQcReportCommand(const CommandLine &commandLine, QTextStream &in, QTextStream &out, QTextStream &err)
{
    const auto &options = commandLine.qcReport;
    const auto id = workflow::SessionId::fromString(options.sessionId);
    const QString dataDirectory = Application::dataDirectory(commandLine);
    const QString file = QFileInfo(options.file).absoluteFilePath();
    const QString shownFile = QDir::toNativeSeparators(file);
    const auto say = [&](const QString &text) { err << "dualrec qc: " << text << Qt::endl; };
    if (!hasJournal(dataDirectory, say))
        return 2;
    if (!QFileInfo(QFileInfo(file).absolutePath()).isDir()) {
        say(QCoreApplication::translate("QcReportCommand", "--report: the folder of %1 does not exist").arg(shownFile));
        return 2;
    }
    if (QFileInfo(file).isDir()) {
        say(QCoreApplication::translate("QcReportCommand", "--report: %1 is a folder; name the PDF file to write").arg(shownFile));
        return 2;
    }
    const SystemClock clock;
    const SupervisorCommandWords words{
        QCoreApplication::translate("QcReportCommand", "no report was written"),
        QCoreApplication::translate("QcReportCommand", "only supervisors and IT may write QC reports; %1 is not one of them, no report was written"),
        QStringLiteral("qc report refused: ")};
    auto access = signInSupervisor(dataDirectory, options.login, options.sessionId, in, err, say, words, clock);
    if (!access)
        return access.error();
    const auto &keys = access->keys;
    auto &audit = access->journal->audit();
    const auto audited = [&](const QString &detail) {
        auto appended = audit.append(options.login, storage::AuditAction::Export, options.sessionId, detail);
        if (!appended)
            say(QCoreApplication::translate("QcReportCommand", "the audit log cannot be written: %1").arg(appended.error().detail));
        return appended.has_value();
    };

    const auto library = workflow::TemplateLibrary::loadDirectories(Application::templateDirectories(commandLine.templateDirectories));
    auto &j = *access->journal;
    const auto model = qc::buildQcReport({j.sessions(), j.qc(), j.users(), library}, id);
    if (!model) {
        if (model.error().code == ErrorCode::NotFound)
            say(QCoreApplication::translate("QcReportCommand", "session %1 is not in the journal of %2; no report was written")
                    .arg(options.sessionId, QDir::toNativeSeparators(dataDirectory)));
        else
            say(QCoreApplication::translate("QcReportCommand", "session %1 cannot be read from the journal: %2; no report was written")
                    .arg(options.sessionId, model.error().detail));
        return 2;
    }
    if (auto written = ui::QcReportPdf::write(*model, keys.get(), file); !written) {
        say(QCoreApplication::translate("QcReportCommand", "the report of session %1 was not written: %2").arg(options.sessionId, written.error().detail));
        return 2;
    }
    // The report shows the customer's face: it leaves the data folder only audited.
    if (!audited(QStringLiteral("qc report (PDF): ") + shownFile)) {
        QFile::remove(file);
        say(QCoreApplication::translate("QcReportCommand", "the report was removed again because the audit log could not record it"));
        return 2;
    }
    out << shownFile << Qt::endl;
    say(QCoreApplication::translate("QcReportCommand", "the QC report of application %1 is in %2; it shows the customer, keep it as confidentially as the recording")
            .arg(model->applicationNo, shownFile));
    return 0;
}

} // namespace dualrec::app
