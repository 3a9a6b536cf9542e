#include "app/recordcommand.h"

#include "app/application.h"
#include "app/capturesetup.h"
#include "core/live/sessioncontroller.h"
#include "core/vision/presencemonitor.h"
#include "core/util/settingsstore.h"
#include "core/workflow/applicationimport.h"
#include "core/workflow/eventdetail.h"
#include "core/workflow/templatelibrary.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>

#include <atomic>
#include <csignal>

namespace dualrec::app {

using namespace std::chrono;

namespace {

std::atomic<int> g_stopSignal{0};

extern "C" void onStopSignal(int signal)
{
    g_stopSignal = signal;
}

media::WatermarkPosition parsePosition(const QString &text)
{
    if (text == QLatin1String("top-right"))
        return media::WatermarkPosition::TopRight;
    if (text == QLatin1String("bottom-left"))
        return media::WatermarkPosition::BottomLeft;
    if (text == QLatin1String("bottom-right"))
        return media::WatermarkPosition::BottomRight;
    return media::WatermarkPosition::TopLeft;
}

} // namespace

workflow::PresenceFacts everyonePresent()
{
    return workflow::PresenceFacts{true, true, true};
}

int runRecord(const CommandLine &commandLine, storage::Journal &journal, const Clock &clock, const PresenceFeed &presence,
              QTextStream &out, QTextStream &err, std::shared_ptr<const seal::DeviceKeys> keys)
{
    const auto &options = commandLine.record;
    const auto library = workflow::TemplateLibrary::loadDirectories(Application::templateDirectories(commandLine.templateDirectories));
    // The sale: from an application file, checked as the new-session page checks it, or just a
    // template and an application number.
    workflow::SaleForm form;
    std::optional<workflow::ScopeDecision> scope;
    std::optional<workflow::ScriptPlan> plan;
    if (!options.applicationFile.isEmpty()) {
        QFile file(options.applicationFile);
        if (!file.open(QIODevice::ReadOnly)) {
            err << "dualrec record: cannot read " << QDir::toNativeSeparators(options.applicationFile) << ": "
                << file.errorString() << Qt::endl;
            return 2;
        }
        const auto imported = workflow::parseApplicationImport(file.readAll(), options.applicationFile, library);
        if (!imported.form) {
            for (const auto &diagnostic : imported.diagnostics)
                err << "dualrec record: " << diagnostic.toString() << Qt::endl;
            return 2;
        }
        form = *imported.form;
        form.saleDate = clock.wallNow().date();
        workflow::SaleParties parties;
        if (const auto user = journal.users().find(options.agentId)) {
            parties.agentName = user->displayName;
            parties.agentLicenceNo = user->licenceNo;
        }
        const SettingsStore settings(QString(), SettingsStore::systemPolicyPath());
        parties.institutionName = settings.text(SettingKey::InstitutionName);
        parties.institutionShortName = settings.text(SettingKey::InstitutionShortName);
        const auto check = workflow::checkSaleForm(library, form, parties);
        // Without a window nobody reads the teleprompter: values it would lack do not stop a recording.
        auto problems = check.problems;
        problems.removeAll(workflow::SaleFormProblem::MissingScriptValues);
        if (!problems.isEmpty() || !check.plan) {
            for (const auto problem : std::as_const(problems))
                err << "dualrec record: " << QDir::toNativeSeparators(options.applicationFile) << ": "
                    << workflow::saleFormProblemName(problem)
                    << (problem == workflow::SaleFormProblem::PlanUnusable    ? QStringLiteral(": ") + check.planError
                        : problem == workflow::SaleFormProblem::ScopeUndecidable ? QStringLiteral(": ") + check.scopeError
                                                                                 : QString())
                    << Qt::endl;
            return 2;
        }
        plan = check.plan;
        scope = check.scope;
    } else {
        auto templatePlan = library.plan(options.templateId);
        if (!templatePlan) {
            err << "dualrec record: " << templatePlan.error().toString() << Qt::endl;
            return 2;
        }
        plan = std::move(*templatePlan);
        form.applicationNo = options.applicationNumber;
        form.productTemplateIds = {options.templateId};
    }
    const QDir directory(options.outputDirectory);
    if (!QDir().mkpath(directory.absolutePath()) || !QFileInfo(directory.absolutePath()).isWritable()) {
        err << "dualrec record: cannot write to " << QDir::toNativeSeparators(directory.absolutePath()) << Qt::endl;
        return 2;
    }

    live::SessionSetup setup;
    auto &settings = setup.recording;
    settings.keys = std::move(keys);
    settings.encoder.width = options.width;
    settings.encoder.height = options.height;
    settings.encoder.framesPerSecond = options.framesPerSecond;
    settings.encoder.videoBitrate = options.videoBitrate;
    settings.encoder.audioBitrate = options.audioBitrate;
    settings.encoder.softwarePreset = options.preset;
    settings.encoder.hardware = options.hardwareEncoders ? media::HardwareEncoding::Auto : media::HardwareEncoding::Off;
    settings.watermark.position = parsePosition(options.watermarkPosition);
    if (!options.watermarkFont.isEmpty())
        settings.watermark.fontPath = options.watermarkFont;
    setup.form = form;
    setup.scope = scope;
    setup.plan = *plan;
    setup.agentId = options.agentId;
    setup.recordingFolder = directory.absolutePath();
    if (options.durationSeconds)
        setup.plannedDuration = seconds(*options.durationSeconds);

    auto created = live::SessionController::create(std::move(setup), journal, clock);
    if (!created) {
        err << "dualrec record: " << created.error().toString() << Qt::endl;
        return 2;
    }
    auto &controller = **created;
    auto &session = controller.session();
    const auto sessionId = session.id();
    // The session's monotonic timestamps count from its creation: that instant is the
    // recording's timeline zero too, so step events are chapter times as they are.
    const auto origin = session.createdMonotonic();

    SourceFormat format;
    format.width = options.width;
    format.height = options.height;
    format.framesPerSecond = options.framesPerSecond;
    format.pace = options.fastSource ? capture::Pace::AsFastAsPossible : capture::Pace::RealTime;
    format.origin = origin;
    if (options.fastSource && options.durationSeconds)
        format.demoDuration = seconds(*options.durationSeconds);
    const auto notRecorded = [&](const QString &why) {
        (void)session.fail(workflow::sessionReasonText(workflow::SessionReason::RecordingCouldNotStart, why));
    };
    auto source = makeSource(commandLine.source, commandLine.sourceFile, format, clock);
    if (!source) {
        notRecorded(QStringLiteral("the video source could not be opened"));
        return 2;
    }

    // --presence guard: the face detector watches a copy of the frames and decides who is in
    // frame; otherwise everyone counts as present (the caller's feed).
    std::unique_ptr<vision::PresenceGuard> guard;
    FaceModelChoice model;
    if (options.presenceGuard) {
        auto createdGuard = makeGuard(commandLine.faceModel, model);
        if (!createdGuard) {
            err << "dualrec record: " << createdGuard.error().detail << Qt::endl;
            notRecorded(createdGuard.error().detail);
            return 2;
        }
        guard = std::move(*createdGuard);
    }
    live::LiveOptions liveOptions;
    liveOptions.previewsPerSecond = 0; // no window
    live::LiveCapture capture(std::move(source), std::move(guard), liveOptions);

    if (auto opened = controller.openRecording(capture); !opened) {
        if (opened.error().code == ErrorCode::DiskFull)
            err << "dualrec record: " << opened.error().detail << Qt::endl;
        else
            err << "dualrec record: cannot start the recording: " << opened.error().toString() << Qt::endl;
        return 3;
    }
    auto &run = *controller.recording();
    auto &monitor = controller.presence();
    if (capture.guard()) {
        QObject::connect(capture.guard(), &vision::PresenceGuard::checked, &monitor, &vision::PresenceMonitor::addCheck);
        QObject::connect(&monitor, &vision::PresenceMonitor::problemChanged, &monitor, [&err](vision::PresenceProblem problem) {
            err << "dualrec record: presence: " << vision::presenceProblemName(problem) << Qt::endl;
        });
        out << "dualrec: presence guard on ("
            << (model.yunetModelPath.isEmpty() ? QStringLiteral("haar: ") + model.fallbackReason : QStringLiteral("yunet"))
            << ")" << Qt::endl;
    }
    const auto currentPresence = [&] { return capture.guard() ? monitor.policy().facts() : presence(); };
    std::optional<Error> journalProblem;
    QObject::connect(&controller, &live::SessionController::journalFailed, &controller, [&](const Error &error) {
        if (!journalProblem)
            err << "dualrec record: the journal could not be written (the recording goes on): " << error.toString() << Qt::endl;
        journalProblem = error;
    });

    out << "dualrec: recording session " << sessionId.toString() << " (" << run.recorder().description().videoEncoder
        << ", " << capture.description() << ") to " << QDir::toNativeSeparators(run.fragmentedPath()) << Qt::endl;
    QObject::connect(&run, &live::RecordingRun::deviceLost, &run, [&err] {
        err << "dualrec record: camera or microphone lost: session paused until it is reconnected" << Qt::endl;
    });
    QObject::connect(&run, &live::RecordingRun::deviceRestored, &run,
                     [&err] { err << "dualrec record: device back: session resumed" << Qt::endl; });

    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    QEventLoop loop;
    QTimer timer;
    QString stopReason;
    (void)session.start();
    const auto stopWith = [&](const QString &reason) {
        stopReason = reason;
        timer.stop();
        loop.quit();
    };
    const auto fragmentedPath = run.fragmentedPath();
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        run.watch();
        if (run.failure())
            return stopWith(QStringLiteral("recording failed"));
        if (g_stopSignal != 0) {
            (void)session.abort(workflow::sessionReasonText(workflow::SessionReason::CommandInterrupted));
            return stopWith(QStringLiteral("interrupted"));
        }
        if (options.durationSeconds && run.timelineNow() >= seconds(*options.durationSeconds)) {
            if (!workflow::isEndState(session.state()))
                (void)session.abort(workflow::sessionReasonText(workflow::SessionReason::DurationLimit));
            return stopWith(QStringLiteral("duration limit"));
        }
        if (auto end = run.sourceEnded()) {
            if (!workflow::isEndState(session.state()))
                (void)session.abort(workflow::sessionReasonText(workflow::SessionReason::SourceEnded, end->detail));
            return stopWith(QStringLiteral("source ended"));
        }
        session.tick();
        if (session.state() == workflow::SessionState::Consent || session.state() == workflow::SessionState::Steps) {
            session.setPresence(currentPresence());
            if (options.autoAnswers) {
                const auto unmet = session.unmetRequirements();
                if (unmet.contains(workflow::UnmetRequirement::Answer))
                    (void)session.recordAnswer(workflow::Answer::Yes);
                if (unmet.contains(workflow::UnmetRequirement::CloseUp))
                    (void)session.recordSnapshot(QStringLiteral("auto"));
                if (session.unmetRequirements().isEmpty())
                    (void)session.completeCurrentStep();
            }
        }
        if (workflow::isEndState(session.state()))
            return stopWith(QLatin1String(workflow::sessionStateName(session.state())));
    });
    timer.start(100);
    loop.exec();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);

    capture.stop();
    // The same ending as the window's: closed, finalized in a worker thread, stored.
    std::optional<live::RecordingOutcome> finished;
    QEventLoop finishing;
    QObject::connect(&controller, &live::SessionController::finished, &finishing,
                     [&](const std::optional<live::RecordingOutcome> &outcome) {
                         finished = outcome;
                         finishing.quit();
                     });
    controller.finish(stopReason);
    if (!controller.done())
        finishing.exec();
    const auto outcome = finished.value_or(live::RecordingOutcome{});
    if (outcome.finalizeError)
        err << "dualrec record: the recording could not be finalized (the fragmented file is kept and plays): "
            << outcome.finalizeError->toString() << Qt::endl;
    if (outcome.failure)
        err << "dualrec record: the recording stopped: " << outcome.failure->toString()
            << (outcome.failure->code == ErrorCode::DiskFull ? " -- free some disk space" : "")
            << "; everything recorded so far is in " << QDir::toNativeSeparators(fragmentedPath) << " and plays"
            << Qt::endl;

    out << "recording: " << QDir::toNativeSeparators(outcome.recordingPath) << '\n'
        << "sidecar: " << QDir::toNativeSeparators(outcome.sidecarPath) << '\n'
        << "session: " << sessionId.toString() << ' ' << workflow::sessionStateName(session.state()) << " ("
        << stopReason << ")\n"
        << "evidence: " << storage::evidenceStateName(controller.evidence()) << '\n'
        << "frames: " << outcome.statistics.framesEncoded << " encoded, " << outcome.statistics.framesDropped << " dropped\n"
        << "journal: " << QDir::toNativeSeparators(storage::Journal::databasePath(journal.dataDirectory()))
        << (journalProblem ? QStringLiteral(" (incomplete: ") + journalProblem->toString() + u')' : QString()) << Qt::endl;
    return outcome.failure ? 3 : 0;
}

} // namespace dualrec::app
