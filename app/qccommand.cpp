#include "app/qccommand.h"

#include "app/application.h"
#include "app/devicekeysetup.h"
#include "app/facemodelsetting.h"
#include "core/media/finalizer.h"
#include "core/qc/audioscan.h"
#include "core/qc/sessioninputs.h"
#include "core/seal/evidencefile.h"
#include "core/vision/qcanalysis.h"
#include "core/workflow/templatelibrary.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace dualrec::app {

namespace {

QString seconds(std::chrono::nanoseconds time)
{
    return QString::number(std::chrono::duration<double>(time).count(), 'f', 2);
}

struct StepSpans {
    std::vector<vision::RequirementSpan> spans;
    QString source; ///< "sidecar" or "mp4"
    QList<media::ChapterMark> chapters;
    QJsonObject sidecar; ///< empty without one
};

/// The presence requirement of every step, on the recording's timeline. The sidecar beside the
/// recording (<session>.json) names each chapter's step; without it, the MP4's chapter titles
/// are matched to the plan's steps in order.
Result<StepSpans> stepRequirements(const QString &file, const workflow::ScriptPlan &plan, const seal::DeviceKeys *keys)
{
    using std::chrono::milliseconds;
    const auto &steps = plan.steps();
    auto requirementOf = [&](qsizetype index) { return steps.at(index).definition.requirements.presence; };
    StepSpans result;

    const QFileInfo info(file);
    QFile sidecar(info.absoluteDir().filePath(info.baseName() + QStringLiteral(".json")));
    if (sidecar.exists()) {
        // Encrypted like the recording (or plaintext, written before encryption or by hand).
        const auto bytes = seal::readEvidenceFile(sidecar.fileName(), keys);
        if (!bytes)
            return std::unexpected(bytes.error());
        result.sidecar = QJsonDocument::fromJson(*bytes).object();
        const auto chapters = result.sidecar.value(QStringLiteral("chapters")).toArray();
        for (const auto &value : chapters) {
            const auto chapter = value.toObject();
            const auto id = chapter.value(QStringLiteral("id")).toString();
            qsizetype index = -1;
            for (qsizetype i = 0; i < steps.size() && index < 0; ++i)
                index = steps.at(i).id == id ? i : -1;
            if (index < 0)
                return fail(ErrorCode::InvalidArgument,
                            QStringLiteral("%1: chapter \"%2\" is not a step of template %3").arg(sidecar.fileName(), id, plan.id()));
            result.spans.push_back({milliseconds(qint64(chapter.value(QStringLiteral("start_ms")).toDouble())),
                                    milliseconds(qint64(chapter.value(QStringLiteral("end_ms")).toDouble())), requirementOf(index)});
            result.chapters.append({id, chapter.value(QStringLiteral("title")).toString(),
                                    milliseconds(qint64(chapter.value(QStringLiteral("start_ms")).toDouble())),
                                    milliseconds(qint64(chapter.value(QStringLiteral("end_ms")).toDouble()))});
        }
        result.source = QStringLiteral("sidecar");
        return result;
    }

    auto chapters = media::readChapters(file, keys);
    if (!chapters)
        return std::unexpected(chapters.error());
    qsizetype next = 0;
    for (const auto &chapter : std::as_const(*chapters)) {
        while (next < steps.size() && steps.at(next).definition.title != chapter.title)
            ++next;
        if (next >= steps.size())
            return fail(ErrorCode::InvalidArgument, QStringLiteral("%1: chapter \"%2\" matches no step of template %3 (in order)")
                                                        .arg(file, chapter.title, plan.id()));
        result.spans.push_back({chapter.start, chapter.end, requirementOf(next)});
        result.chapters.append({steps.at(next).id, chapter.title, chapter.start, chapter.end});
        ++next;
    }
    result.source = QStringLiteral("mp4");
    return result;
}

} // namespace

int runQc(const CommandLine &commandLine, QTextStream &out, QTextStream &err)
{
    const QString file = commandLine.files.value(0);
    // Recordings of this data folder are encrypted with its device keys; a folder without them
    // (nothing recorded there) reads plaintext files only, and nothing is created for qc.
    const auto dataDirectory = Application::dataDirectory(commandLine);
    auto keys = openDeviceKeys(dataDirectory, KeyOpening::ExistingOnly);
    // Every failure says so on stderr; with --json, stdout carries it as a JSON object too, so a
    // script reading stdout never takes a failure for a clean result.
    const auto failed = [&](const Error &error, const QStringList &more = {}) {
        err << "dualrec qc: " << error.detail << Qt::endl;
        for (const auto &line : more)
            err << "  " << line << Qt::endl;
        if (commandLine.qcJson) {
            QString message = error.detail;
            if (!more.isEmpty())
                message += QStringLiteral(": ") + more.join(QStringLiteral("; "));
            const QJsonObject problem{{QStringLiteral("code"), QLatin1String(errorCodeName(error.code))},
                                      {QStringLiteral("message"), message}};
            const QJsonObject json{{QStringLiteral("file"), file}, {QStringLiteral("clean"), false}, {QStringLiteral("error"), problem}};
            out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
            out.flush();
        }
        return 2;
    };

    if (!keys)
        return failed(Error{keys.error().code, deviceKeyProblem(dataDirectory, keys.error())});

    // With a template, each step's presence requirement applies to its chapter of the recording;
    // without one (or without chapters), both parties must be in frame all the time.
    std::optional<StepSpans> perStep;
    std::optional<workflow::ScriptPlan> scriptPlan;
    if (!commandLine.qcScript.isEmpty()) {
        const auto library = workflow::TemplateLibrary::loadFiles({commandLine.qcScript});
        if (!library.diagnostics().isEmpty() || library.templates().isEmpty()) {
            QStringList problems;
            for (const auto &diagnostic : library.diagnostics())
                problems.append(diagnostic.toString());
            return failed(Error{ErrorCode::InvalidArgument,
                                QCoreApplication::translate("QcCommand", "--script %1 is not a valid script template:").arg(commandLine.qcScript)},
                          problems);
        }
        // The file named, not a template it bundles or that sits beside it.
        QString templateId = library.templates().first().id;
        for (const auto &script : library.templates()) {
            if (QFileInfo(script.filePath).absoluteFilePath() == QFileInfo(commandLine.qcScript).absoluteFilePath())
                templateId = script.id;
        }
        const auto plan = library.plan(templateId);
        if (!plan) {
            return failed(plan.error());
        }
        scriptPlan = *plan;
        auto spans = stepRequirements(file, *plan, keys->get());
        if (!spans) {
            return failed(spans.error());
        }
        if (!spans->spans.empty())
            perStep = std::move(*spans);
    }

    const auto model = chooseFaceModel(commandLine.faceModel);
    if (!model) {
        return failed(model.error());
    }
    vision::QcOptions options;
    options.keys = *keys;
    options.analyzer.detector.yunetModelPath = model->yunetModelPath;
    if (commandLine.qcGraceSeconds)
        options.policy.grace = std::chrono::milliseconds(std::llround(*commandLine.qcGraceSeconds * 1000));
    if (perStep)
        options.requirements = perStep->spans;

    const auto report = vision::analyzeVideoFile(file, options);
    if (!report) {
        return failed(report.error());
    }
    const QString rule = perStep ? QStringLiteral("per_step") : QStringLiteral("both_all_the_time");

    // With a template: the session's QC verdict (docs/qc-verdict.md) from the presence defects, the
    // continuity log in the sidecar, the steps' times and the sound track.
    std::optional<qc::QcVerdict> verdict;
    if (scriptPlan) {
        qc::QcInput input;
        input.length = std::chrono::duration_cast<std::chrono::milliseconds>(report->duration);
        if (perStep) {
            const bool finished = perStep->sidecar.isEmpty()
                                  || perStep->sidecar.value(QStringLiteral("state")).toString() == QLatin1String("finished");
            auto steps = qc::stepsFromChapters(perStep->chapters, *scriptPlan, finished);
            if (!steps)
                return failed(steps.error());
            input.steps = std::move(*steps);
            input.gaps = qc::gapsFromJson(perStep->sidecar);
        }
        for (const auto &defect : report->defects) {
            QString detail;
            for (const auto &issue : report->decodeIssues) {
                if (issue.start <= defect.end && issue.end >= defect.start)
                    detail = issue.detail;
            }
            input.presence.push_back({defect.kind, defect.who,
                                      {std::chrono::duration_cast<std::chrono::milliseconds>(defect.start),
                                       std::chrono::duration_cast<std::chrono::milliseconds>(defect.end)},
                                      detail});
        }
        auto audio = qc::scanAudio(file, keys->get());
        if (!audio)
            return failed(audio.error());
        input.audio = *audio;
        verdict = qc::evaluate(input, scriptPlan->qcRules());
    }

    if (commandLine.qcJson) {
        auto json = report->toJson();
        json.insert(QStringLiteral("fallback_reason"), model->fallbackReason.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(model->fallbackReason));
        json.insert(QStringLiteral("grace_s"), static_cast<double>(options.policy.grace.count()) / 1000.0);
        json.insert(QStringLiteral("presence_rule"), rule);
        json.insert(QStringLiteral("script"), commandLine.qcScript.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(commandLine.qcScript));
        json.insert(QStringLiteral("chapters_from"), perStep ? QJsonValue(perStep->source) : QJsonValue(QJsonValue::Null));
        json.insert(QStringLiteral("qc"), verdict ? QJsonValue(verdict->toJson()) : QJsonValue(QJsonValue::Null));
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
        if (perStep)
            out << QCoreApplication::translate("QcCommand", "Rule: each step's presence requirement from %1 (%n chapter(s) from the %2); grace %3 s",
                                               nullptr, int(perStep->spans.size()))
                       .arg(commandLine.qcScript, perStep->source)
                       .arg(static_cast<double>(options.policy.grace.count()) / 1000.0)
                << '\n';
        else
            out << QCoreApplication::translate("QcCommand", "Rule: agent and customer in frame all the time; grace %1 s").arg(static_cast<double>(options.policy.grace.count()) / 1000.0)
                << '\n';
        if (!commandLine.qcScript.isEmpty() && !perStep)
            out << QCoreApplication::translate("QcCommand", "Note: the recording has no chapter marks, so the steps of %1 are not told apart.")
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
        if (verdict) {
            out << QCoreApplication::translate("QcCommand", "Verdict: %1").arg(QLatin1String(qc::qcOutcomeName(verdict->outcome))) << '\n';
            for (const auto &reason : verdict->reasons) {
                out << QStringLiteral("  %1 (%2) %3 - %4 s")
                           .arg(QLatin1String(qc::qcReasonKindName(reason.kind)), QLatin1String(qc::qcSeverityName(reason.severity)),
                                seconds(reason.range.start), seconds(reason.range.end));
                if (!reason.stepId.isEmpty())
                    out << ' ' << QCoreApplication::translate("QcCommand", "step %1").arg(reason.stepId);
                out << ": " << reason.detail << '\n';
            }
        }
        out.flush();
    }
    if (verdict)
        return verdict->outcome == qc::QcOutcome::Pass ? 0 : 1;
    return report->defects.empty() ? 0 : 1;
}

} // namespace dualrec::app
