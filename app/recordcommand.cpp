#include "app/recordcommand.h"

#include "app/application.h"
#include "app/capturesetup.h"
#include "core/live/recordingrun.h"
#include "core/vision/presencemonitor.h"
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

int runRecord(const CommandLine &commandLine, media::RecordingJournal &journal, const PresenceFeed &presence,
              QTextStream &out, QTextStream &err, std::shared_ptr<const seal::DeviceKeys> keys)
{
    const auto &options = commandLine.record;
    const auto library = workflow::TemplateLibrary::loadDirectories(Application::templateDirectories(commandLine.templateDirectories));
    auto plan = library.plan(options.templateId);
    if (!plan) {
        err << "dualrec record: " << plan.error().toString() << Qt::endl;
        return 2;
    }
    const QDir directory(options.outputDirectory);
    if (!QDir().mkpath(directory.absolutePath()) || !QFileInfo(directory.absolutePath()).isWritable()) {
        err << "dualrec record: cannot write to " << QDir::toNativeSeparators(directory.absolutePath()) << Qt::endl;
        return 2;
    }

    live::RecordingRequest request;
    auto &settings = request.settings;
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
    request.folder = directory.absolutePath();
    request.templateId = options.templateId;
    request.templateVersion = plan->version();
    request.applicationNumber = options.applicationNumber;
    request.agentId = options.agentId;
    for (const auto &product : plan->products())
        request.products.append({product.code, product.name});
    // Free space for the planned length: the script's minimum durations, or the duration limit.
    milliseconds scriptLength{0};
    for (const auto &step : plan->steps())
        scriptLength += step.definition.requirements.minDuration;
    request.plannedDuration = options.durationSeconds ? seconds(*options.durationSeconds)
                                                      : duration_cast<seconds>(scriptLength) + seconds(60);

    SystemClock clock;
    const auto sessionId = workflow::SessionId::generate();
    auto created = workflow::WorkflowSession::create(sessionId, *plan, clock);
    if (!created) {
        err << "dualrec record: " << created.error().toString() << Qt::endl;
        return 2;
    }
    auto &session = **created;
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
    auto source = makeSource(commandLine.source, commandLine.sourceFile, format, clock);
    if (!source)
        return 2;

    // --presence guard: the face detector watches a copy of the frames and decides who is in
    // frame; otherwise everyone counts as present (the caller's feed).
    std::unique_ptr<vision::PresenceGuard> guard;
    FaceModelChoice model;
    if (options.presenceGuard) {
        auto createdGuard = makeGuard(commandLine.faceModel, model);
        if (!createdGuard) {
            err << "dualrec record: " << createdGuard.error().detail << Qt::endl;
            return 2;
        }
        guard = std::move(*createdGuard);
    }
    live::LiveOptions liveOptions;
    liveOptions.previewsPerSecond = 0; // no window
    live::LiveCapture capture(std::move(source), std::move(guard), liveOptions);

    auto opened = live::RecordingRun::open(session, origin, request, capture, journal, clock);
    if (!opened) {
        if (opened.error().code == ErrorCode::DiskFull)
            err << "dualrec record: " << opened.error().detail << Qt::endl;
        else
            err << "dualrec record: cannot start the recording: " << opened.error().toString() << Qt::endl;
        return 3;
    }
    auto &run = **opened;

    std::unique_ptr<vision::PresenceMonitor> monitor;
    if (capture.guard()) {
        monitor = std::make_unique<vision::PresenceMonitor>(session);
        QObject::connect(capture.guard(), &vision::PresenceGuard::checked, monitor.get(), &vision::PresenceMonitor::addCheck);
        QObject::connect(monitor.get(), &vision::PresenceMonitor::problemChanged, monitor.get(), [&err](vision::PresenceProblem problem) {
            err << "dualrec record: presence: " << vision::presenceProblemName(problem) << Qt::endl;
        });
        out << "dualrec: presence guard on ("
            << (model.yunetModelPath.isEmpty() ? QStringLiteral("haar: ") + model.fallbackReason : QStringLiteral("yunet"))
            << ")" << Qt::endl;
    }
    const auto currentPresence = [&] { return monitor ? monitor->policy().facts() : presence(); };

    if (auto started = run.start(); !started) {
        err << "dualrec record: " << started.error().toString() << Qt::endl;
        return 3;
    }
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
    const auto outcome = run.finish(stopReason, monitor ? &monitor->policy().timeline() : nullptr);
    if (outcome.finalizeError)
        err << "dualrec record: the recording could not be finalized (the fragmented file is kept and plays): "
            << outcome.finalizeError->toString() << Qt::endl;
    if (outcome.failure)
        err << "dualrec record: the recording stopped: " << outcome.failure->toString()
            << (outcome.failure->code == ErrorCode::DiskFull ? " -- free some disk space" : "")
            << "; everything recorded so far is in " << QDir::toNativeSeparators(run.fragmentedPath()) << " and plays"
            << Qt::endl;

    out << "recording: " << QDir::toNativeSeparators(outcome.recordingPath) << '\n'
        << "sidecar: " << QDir::toNativeSeparators(outcome.sidecarPath) << '\n'
        << "session: " << sessionId.toString() << ' ' << workflow::sessionStateName(session.state()) << " ("
        << stopReason << ")\n"
        << "journal: " << journal.summary() << Qt::endl;
    return outcome.failure ? 3 : 0;
}

} // namespace dualrec::app
