#include "app/qccommand.h"

#include "app/facemodelsetting.h"
#include "core/vision/qcanalysis.h"
#include "core/workflow/templatelibrary.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace dualrec::app {

namespace {

QString seconds(std::chrono::nanoseconds time)
{
    return QString::number(std::chrono::duration<double>(time).count(), 'f', 2);
}

} // namespace

int runQc(const CommandLine &commandLine, QTextStream &out, QTextStream &err)
{
    const QString file = commandLine.files.value(0);

    // The template only matters with chapter marks naming its steps. The decoder used here
    // (cv::VideoCapture) does not expose chapters, so every recording is held to "both parties
    // all the time"; the template is still checked so a wrong one is reported.
    if (!commandLine.qcScript.isEmpty()) {
        const auto library = workflow::TemplateLibrary::loadFiles({commandLine.qcScript});
        if (!library.diagnostics().isEmpty() || library.templates().isEmpty()) {
            err << "dualrec qc: " << QCoreApplication::translate("QcCommand", "--script %1 is not a valid script template:").arg(commandLine.qcScript) << Qt::endl;
            for (const auto &diagnostic : library.diagnostics())
                err << "  " << diagnostic.toString() << Qt::endl;
            return 2;
        }
    }

    const auto model = chooseFaceModel(commandLine.faceModel);
    if (!model) {
        err << "dualrec qc: " << model.error().detail << Qt::endl;
        return 2;
    }
    vision::QcOptions options;
    options.analyzer.detector.yunetModelPath = model->yunetModelPath;
    if (commandLine.qcGraceSeconds)
        options.policy.grace = std::chrono::milliseconds(std::llround(*commandLine.qcGraceSeconds * 1000));

    const auto report = vision::analyzeVideoFile(file, options);
    if (!report) {
        err << "dualrec qc: " << report.error().detail << Qt::endl;
        return 2;
    }
    const QString rule = QStringLiteral("both_all_the_time");

    if (commandLine.qcJson) {
        auto json = report->toJson();
        json.insert(QStringLiteral("fallback_reason"), model->fallbackReason.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(model->fallbackReason));
        json.insert(QStringLiteral("grace_s"), static_cast<double>(options.policy.grace.count()) / 1000.0);
        json.insert(QStringLiteral("presence_rule"), rule);
        json.insert(QStringLiteral("script"), commandLine.qcScript.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(commandLine.qcScript));
        out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
    } else {
        out << QCoreApplication::translate("QcCommand", "File: %1 (%2x%3, %4 s)").arg(file).arg(report->width).arg(report->height).arg(seconds(report->duration)) << '\n';
        if (report->detector == vision::DetectorKind::Haar)
            out << QCoreApplication::translate("QcCommand", "Detector: haar (fallback: %1; %2)").arg(model->fallbackReason, report->detectorModel) << '\n';
        else
            out << QCoreApplication::translate("QcCommand", "Detector: yunet (%1)").arg(report->detectorModel) << '\n';
        out << QCoreApplication::translate("QcCommand", "Checks: %1, %2 per second, %3 ms CPU per check")
                   .arg(report->checks)
                   .arg(report->checksPerSecond())
                   .arg(static_cast<double>(report->cpuPerCheck.count()) / 1000.0, 0, 'f', 1)
            << '\n';
        out << QCoreApplication::translate("QcCommand", "Rule: agent and customer in frame all the time; grace %1 s").arg(static_cast<double>(options.policy.grace.count()) / 1000.0)
            << '\n';
        if (!commandLine.qcScript.isEmpty())
            out << QCoreApplication::translate("QcCommand", "Note: the recording has no chapter marks this build can read, so the steps of %1 are not told apart.")
                       .arg(commandLine.qcScript)
                << '\n';
        out << QCoreApplication::translate("QcCommand", "Timeline:") << '\n';
        for (const auto &segment : report->timeline.segments()) {
            QStringList seen;
            if (segment.sample.agent)
                seen << QStringLiteral("agent");
            if (segment.sample.customer)
                seen << QStringLiteral("customer");
            if (segment.sample.blocked)
                seen << QStringLiteral("blocked");
            out << QStringLiteral("  %1 - %2 s  ").arg(seconds(segment.start), 7).arg(seconds(segment.end), 7)
                << QCoreApplication::translate("QcCommand", "%n face(s)", nullptr, segment.sample.faces) << (seen.isEmpty() ? QString() : QStringLiteral("  ") + seen.join(QLatin1Char(' ')))
                << '\n';
        }
        if (report->defects.empty()) {
            out << QCoreApplication::translate("QcCommand", "Defects: none") << '\n';
        } else {
            out << QCoreApplication::translate("QcCommand", "Defects: %1").arg(report->defects.size()) << '\n';
            for (const auto &defect : report->defects) {
                out << QStringLiteral("  %1 %2 - %3 s").arg(QLatin1String(vision::defectKindName(defect.kind)), seconds(defect.start), seconds(defect.end));
                if (defect.who != vision::Party::Invalid)
                    out << ' ' << vision::partyName(defect.who);
                out << '\n';
            }
        }
        out.flush();
    }
    return report->defects.empty() ? 0 : 1;
}

} // namespace dualrec::app
