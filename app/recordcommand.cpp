#include "app/recordcommand.h"

#include "app/application.h"
#include "core/capture/camera/camerasource.h"
#include "core/capture/filesource.h"
#include "core/capture/syntheticsource.h"
#include "core/media/diskspace.h"
#include "core/media/recorder.h"
#include "core/media/recordingjournal.h"
#include "core/vision/guardtap.h"
#include "core/vision/presencemonitor.h"
#include "app/facemodelsetting.h"
#include "core/media/sidecar.h"
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

const char *stateName(workflow::SessionState state)
{
    switch (state) {
    case workflow::SessionState::Invalid: return "invalid";
    case workflow::SessionState::Created: return "created";
    case workflow::SessionState::Consent: return "consent";
    case workflow::SessionState::Steps: return "steps";
    case workflow::SessionState::Paused: return "paused";
    case workflow::SessionState::Finished: return "finished";
    case workflow::SessionState::Refused: return "refused";
    case workflow::SessionState::Aborted: return "aborted";
    case workflow::SessionState::Failed: return "failed";
    }
    return "unknown";
}

bool ended(workflow::SessionState state)
{
    return state == workflow::SessionState::Finished || state == workflow::SessionState::Refused
           || state == workflow::SessionState::Aborted || state == workflow::SessionState::Failed;
}

} // namespace

workflow::PresenceFacts everyonePresent()
{
    return workflow::PresenceFacts{true, true, true};
}

int runRecord(const CommandLine &commandLine, media::RecordingJournal &journal, const PresenceFeed &presence,
              QTextStream &out, QTextStream &err)
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

    media::RecorderSettings settings;
    settings.encoder.width = options.width;
    settings.encoder.height = options.height;
    settings.encoder.framesPerSecond = options.framesPerSecond;
    settings.encoder.videoBitrate = options.videoBitrate;
    settings.encoder.audioBitrate = options.audioBitrate;
    settings.encoder.softwarePreset = options.preset;
    settings.encoder.hardware = options.hardwareEncoders ? media::HardwareEncoding::Auto : media::HardwareEncoding::Off;

    // Free space before starting: the planned length (the script's minimum durations, or the
    // duration limit), twice (fragmented + finalized copy), plus the running reserve.
    milliseconds scriptLength{0};
    for (const auto &step : plan->steps())
        scriptLength += step.definition.requirements.minDuration;
    const seconds planned = options.durationSeconds ? seconds(*options.durationSeconds)
                                                    : duration_cast<seconds>(scriptLength) + seconds(60);
    const auto needed = media::requiredBytes(settings.encoder, planned, settings.minimumFreeBytes);
    if (auto space = media::checkFreeSpace(directory.absolutePath(), needed); !space) {
        err << "dualrec record: not enough free space to start: " << space.error().detail << Qt::endl;
        return 3;
    }

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
    const auto origin = clock.monotonicNow();
    settings.origin = origin;

    const auto base = directory.absoluteFilePath(sessionId.toString());
    settings.outputPath = base + QStringLiteral(".recording.mp4");
    settings.watermark.agentId = options.agentId;
    settings.watermark.applicationNumber = options.applicationNumber;
    settings.watermark.sessionId = sessionId.toString();
    settings.watermark.position = parsePosition(options.watermarkPosition);
    if (!options.watermarkFont.isEmpty())
        settings.watermark.fontPath = options.watermarkFont;

    std::unique_ptr<capture::CaptureSource> source;
    const auto pace = options.fastSource ? capture::Pace::AsFastAsPossible : capture::Pace::RealTime;
    switch (commandLine.source) {
    case SourceKind::Demo: {
        capture::SyntheticSettings synthetic;
        synthetic.width = options.width;
        synthetic.height = options.height;
        synthetic.framesPerSecond = options.framesPerSecond;
        synthetic.pace = pace;
        synthetic.origin = origin;
        if (options.fastSource && options.durationSeconds)
            synthetic.duration = seconds(*options.durationSeconds);
        source = std::make_unique<capture::SyntheticSource>(synthetic, clock);
        break;
    }
    case SourceKind::File:
        source = std::make_unique<capture::FileSource>(commandLine.sourceFile, pace, clock);
        break;
    case SourceKind::Camera: {
        capture::CameraSettings camera;
        camera.width = options.width;
        camera.height = options.height;
        camera.framesPerSecond = options.framesPerSecond;
        source = std::make_unique<capture::CameraSource>(camera, clock);
        break;
    }
    case SourceKind::Invalid:
        return 2;
    }

    auto opened = media::Recorder::open(settings, clock);
    if (!opened) {
        err << "dualrec record: cannot start the recording: " << opened.error().toString() << Qt::endl;
        return 3;
    }
    auto &recorder = **opened;

    media::SidecarData sidecar;
    sidecar.sessionId = sessionId.toString();
    sidecar.templateId = options.templateId;
    sidecar.templateVersion = plan->version();
    for (const auto &product : plan->products())
        sidecar.products.append({product.code, product.name});
    sidecar.applicationNumber = options.applicationNumber;
    sidecar.agentId = options.agentId;
    sidecar.source = source->description();
    sidecar.fragmentedFile = settings.outputPath;
    sidecar.finalFile = base + QStringLiteral(".mp4");
    sidecar.encoder = settings.encoder;
    sidecar.watermark = settings.watermark;
    sidecar.description = recorder.description();
    const QString sidecarPath = base + QStringLiteral(".json");
    (void)media::writeSidecar(sidecarPath, sidecar);

    // --presence guard: the face detector watches a copy of the frames and decides who is in
    // frame; otherwise everyone counts as present (the caller's feed).
    std::unique_ptr<vision::PresenceGuard> guard;
    std::unique_ptr<vision::PresenceMonitor> monitor;
    std::unique_ptr<vision::GuardTap> tap;
    if (options.presenceGuard) {
        const auto model = chooseFaceModel(commandLine.faceModel);
        if (!model) {
            err << "dualrec record: " << model.error().detail << Qt::endl;
            return 2;
        }
        vision::AnalyzerConfig analyzer;
        analyzer.detector.yunetModelPath = model->yunetModelPath;
        auto createdGuard = vision::PresenceGuard::create(analyzer);
        if (!createdGuard) {
            err << "dualrec record: " << createdGuard.error().toString() << Qt::endl;
            return 2;
        }
        guard = std::move(*createdGuard);
        monitor = std::make_unique<vision::PresenceMonitor>(session);
        QObject::connect(guard.get(), &vision::PresenceGuard::checked, monitor.get(), &vision::PresenceMonitor::addCheck);
        QObject::connect(monitor.get(), &vision::PresenceMonitor::problemChanged, monitor.get(), [&err](vision::PresenceProblem problem) {
            err << "dualrec record: presence: " << vision::presenceProblemName(problem) << Qt::endl;
        });
        tap = std::make_unique<vision::GuardTap>(recorder, *guard);
        out << "dualrec: presence guard on ("
            << (model->yunetModelPath.isEmpty() ? QStringLiteral("haar: ") + model->fallbackReason : QStringLiteral("yunet"))
            << ")" << Qt::endl;
    }
    const auto currentPresence = [&] { return monitor ? monitor->policy().facts() : presence(); };

    if (auto started = source->start(tap ? static_cast<capture::CaptureSink &>(*tap) : recorder); !started) {
        err << "dualrec record: " << started.error().toString() << Qt::endl;
        (void)recorder.close();
        QFile::remove(settings.outputPath);
        QFile::remove(sidecarPath);
        return 3;
    }
    journal.sessionStarted({sessionId.toString(), options.templateId, plan->version(), options.applicationNumber,
                            options.agentId, sidecar.products, directory.absolutePath(), session.events()});
    journal.mediaFile(sessionId.toString(), media::RecordingJournal::FileKind::Fragmented, settings.outputPath, 0);
    out << "dualrec: recording session " << sessionId.toString() << " (" << recorder.description().videoEncoder << ", "
        << source->description() << ") to " << QDir::toNativeSeparators(settings.outputPath) << Qt::endl;

    // Step chapters from the workflow's events.
    QList<media::ChapterMark> chapters;
    QObject::connect(&session, &workflow::WorkflowSession::eventRecorded, &session, [&](const workflow::SessionEvent &event) {
        journal.sessionEvent(sessionId.toString(), event);
        const auto at = duration_cast<milliseconds>(event.monotonic);
        if (event.type == workflow::SessionEventType::StepStarted) {
            const auto &step = session.plan().steps().at(event.stepIndex);
            chapters.append({step.id, step.definition.title, at, at});
        } else if (event.type == workflow::SessionEventType::StepCompleted && !chapters.isEmpty()) {
            chapters.last().end = at;
        } else {
            return;
        }
        // Keep the sidecar current, so that after a crash it still names the steps and gaps
        // recorded up to then (the fragmented file holds the pictures).
        sidecar.chapters = chapters;
        sidecar.gaps = recorder.continuity().gaps();
        sidecar.statistics = recorder.statistics();
        (void)media::writeSidecar(sidecarPath, sidecar);
    });

    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    QEventLoop loop;
    QTimer timer;
    QString stopReason;
    std::optional<Error> failure;
    bool pausedForDevice = false;
    (void)session.start();
    const auto stopWith = [&](const QString &reason) {
        stopReason = reason;
        timer.stop();
        loop.quit();
    };
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        if (auto broken = recorder.failure()) {
            failure = broken;
            (void)session.fail(QStringLiteral("recording failed: ") + broken->detail);
            return stopWith(QStringLiteral("recording failed"));
        }
        if (g_stopSignal != 0) {
            (void)session.abort(QStringLiteral("interrupted"));
            return stopWith(QStringLiteral("interrupted"));
        }
        if (options.durationSeconds && recorder.timelineNow() >= seconds(*options.durationSeconds)) {
            if (!ended(session.state()))
                (void)session.abort(QStringLiteral("duration limit"));
            return stopWith(QStringLiteral("duration limit"));
        }
        if (auto end = recorder.sourceEnded()) {
            if (!ended(session.state()))
                (void)session.abort(QStringLiteral("source ended: ") + end->detail);
            return stopWith(QStringLiteral("source ended"));
        }
        // A lost camera or microphone pauses the session until it is back.
        bool deviceLost = false;
        for (const auto &gap : recorder.continuity().gaps())
            deviceLost = deviceLost || (gap.open && (gap.reason == media::GapReason::VideoLost || gap.reason == media::GapReason::AudioLost));
        if (deviceLost && !pausedForDevice && !ended(session.state())) {
            err << "dualrec record: camera or microphone lost: session paused until it is reconnected" << Qt::endl;
            pausedForDevice = session.pause(QStringLiteral("device lost")).has_value();
        } else if (!deviceLost && pausedForDevice) {
            err << "dualrec record: device back: session resumed" << Qt::endl;
            pausedForDevice = false;
            (void)session.resume();
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
        if (ended(session.state()))
            return stopWith(QLatin1String(stateName(session.state())));
    });
    timer.start(100);
    loop.exec();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);

    source->stop();
    if (monitor) {
        // The presence timeline the guard saw, on the recording's timeline, into the journal.
        auto timeline = monitor->policy().timeline();
        timeline.finish(clock.monotonicNow());
        QList<media::RecordingJournal::PresenceRun> runs;
        for (const auto &segment : timeline.segments()) {
            runs.append({duration_cast<milliseconds>(segment.start - origin), duration_cast<milliseconds>(segment.end - origin),
                         segment.sample.faces, segment.sample.agent, segment.sample.customer});
        }
        journal.presenceTimeline(sessionId.toString(), runs);
    }
    auto closed = recorder.close();
    if (!closed && !failure)
        failure = closed.error();
    const auto end = recorder.timelineNow();
    for (auto &chapter : chapters) {
        if (chapter.end <= chapter.start)
            chapter.end = end;
    }

    sidecar.chapters = chapters;
    sidecar.gaps = recorder.continuity().gaps();
    sidecar.statistics = recorder.statistics();
    sidecar.state = QLatin1String(stateName(session.state()));
    sidecar.stateDetail = stopReason;
    QString recordingPath = settings.outputPath;
    if (!failure) {
        auto finalized = media::finalizeRecording(settings.outputPath, sidecar.finalFile, chapters);
        if (finalized) {
            recordingPath = finalized->path;
            journal.mediaFile(sessionId.toString(), media::RecordingJournal::FileKind::Final, finalized->path, finalized->bytes);
        } else {
            err << "dualrec record: the recording could not be finalized (the fragmented file is kept and plays): "
                << finalized.error().toString() << Qt::endl;
            sidecar.finalFile.clear();
        }
    } else {
        sidecar.finalFile.clear();
        err << "dualrec record: the recording stopped: " << failure->toString()
            << (failure->code == ErrorCode::DiskFull ? " -- free some disk space" : "")
            << "; everything recorded so far is in " << QDir::toNativeSeparators(settings.outputPath) << " and plays"
            << Qt::endl;
    }
    if (auto written = media::writeSidecar(sidecarPath, sidecar); !written)
        err << "dualrec record: " << written.error().toString() << Qt::endl;
    journal.mediaFile(sessionId.toString(), media::RecordingJournal::FileKind::Sidecar, sidecarPath, QFileInfo(sidecarPath).size());

    out << "recording: " << QDir::toNativeSeparators(recordingPath) << '\n'
        << "sidecar: " << QDir::toNativeSeparators(sidecarPath) << '\n'
        << "session: " << sessionId.toString() << ' ' << stateName(session.state()) << " (" << stopReason << ")\n"
        << "journal: " << journal.summary() << Qt::endl;
    return failure ? 3 : 0;
}

} // namespace dualrec::app
