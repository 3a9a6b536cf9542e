// Benchmark (run by scripts/bench live, never by CTest): what the window's live consumers cost on
// top of recording. One 30 s 720p25 input (raw yuv420p + PCM, generated once with the ffmpeg CLI)
// is played in real time (25 fps, as a camera delivers) through the live hub three ways, each in
// its own child process whose CPU time the kernel reports (wait4 rusage: every thread counted):
//   1. recorder only: core/live/LiveCapture without preview or guard, the Recorder attached --
//      what `dualrec record` does (app/recordcommand.cpp sets previewsPerSecond = 0, no guard);
//   2. the window: the same plus 10 BGRA previews/s at 640 px consumed in the main thread (a
//      detached copy, as ui/CaptureFeed makes), the microphone level 10/s and the presence guard
//      with the real YuNet model at 8 checks/s;
//   3. the reference: the ffmpeg CLI encoding the same input with the same settings and watermark,
//      read at its native rate (-re).
// Prints CPU seconds per second of media, the ratios, frames delivered/encoded/dropped and how
// late frames reached the recorder (a consumer on the capture thread that is too slow shows as
// lag, a too slow encoder as drops). Asserts nothing about time; exits 1 only when a run failed.
//
//   dualrec_bench_live SHARED_DIR WORKDIR [ROUNDS]
//   dualrec_bench_live --child recorder|window INPUT OUTDIR SHARED_DIR   (one variant; internal)
#include "core/capture/filesource.h"
#include "core/live/livecapture.h"
#include "core/media/recorder.h"
#include "core/media/watermarkfont.h"
#include "core/vision/presenceguard.h"
#include "tests/bench/benchprocess.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <fcntl.h>
#include <mutex>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace dualrec;
using namespace std::chrono;
using namespace dualrec::bench;

namespace {

constexpr int kSeconds = 30;
constexpr int kFramesPerSecond = 25;

// ---- child: one variant ---------------------------------------------------------------------

/// Sits between the hub and the recorder on the capture thread: notes how late each frame
/// arrives after its capture time, and the capture thread's CPU time when the input ends.
class LagProbe final : public capture::CaptureSink
{
public:
    LagProbe(capture::CaptureSink &recorder, const Clock &clock) : m_recorder(recorder), m_clock(clock) {}

    void deliverVideo(capture::VideoFrame frame) override
    {
        const auto lag = m_clock.monotonicNow() - frame.timestamp;
        {
            const std::lock_guard lock(m_mutex);
            m_lagMs.push_back(double(lag.count()) / 1e6);
        }
        m_recorder.deliverVideo(std::move(frame));
    }
    void deliverAudio(capture::AudioChunk chunk) override { m_recorder.deliverAudio(std::move(chunk)); }
    void deliverEvent(capture::SourceEvent event) override
    {
        if (event.type == capture::SourceEventType::EndOfInput) {
            rusage usage{};
            getrusage(RUSAGE_THREAD, &usage);
            m_captureThreadCpu = cpuSeconds(usage);
        }
        m_recorder.deliverEvent(std::move(event));
    }
    void awaitCapacity(const std::stop_token &stop) override { m_recorder.awaitCapacity(stop); }

    /// After the capture stopped.
    [[nodiscard]] std::vector<double> lagMs() const
    {
        const std::lock_guard lock(m_mutex);
        return m_lagMs;
    }
    [[nodiscard]] double captureThreadCpu() const { return m_captureThreadCpu; }

private:
    capture::CaptureSink &m_recorder;
    const Clock &m_clock;
    mutable std::mutex m_mutex;
    std::vector<double> m_lagMs;
    std::atomic<double> m_captureThreadCpu{0};
};

int runChild(const QString &variant, const QString &input, const QString &outputDirectory, const QString &shared)
{
    const bool window = variant == QLatin1String("window");
    QDir(outputDirectory).removeRecursively();
    QDir().mkpath(outputDirectory);
    QJsonObject report;
    const auto finish = [&](int code) {
        QFile file(QDir(outputDirectory).filePath(QStringLiteral("report.json")));
        if (file.open(QIODevice::WriteOnly))
            file.write(QJsonDocument(report).toJson());
        return code;
    };

    SystemClock clock;
    std::unique_ptr<vision::PresenceGuard> guard;
    if (window) {
        // As app/capturesetup.cpp makeGuard: the YuNet model, the analyzer's defaults.
        vision::AnalyzerConfig analyzer;
        analyzer.detector.yunetModelPath = shared + QStringLiteral("/assets/models/face_detection_yunet_2022mar.onnx");
        auto created = vision::PresenceGuard::create(analyzer);
        if (!created || (*created)->detectorKind() != vision::DetectorKind::YuNet) {
            report[QStringLiteral("error")] = created ? QStringLiteral("YuNet not loaded") : created.error().toString();
            return finish(1);
        }
        guard = std::move(*created);
    }
    live::LiveOptions options;
    if (!window)
        options.previewsPerSecond = 0; // as `dualrec record`: no window
    live::LiveCapture capture(std::make_unique<capture::FileSource>(input, capture::Pace::RealTime, clock), std::move(guard),
                              options);

    // The window's consumers in the main thread, connected as ui/CaptureFeed connects them.
    QObject consumer;
    int previews = 0;
    int levels = 0;
    int checks = 0;
    double guardCpu = 0;
    qint64 previewBytes = 0;
    if (window) {
        QObject::connect(&capture, &live::LiveCapture::previewReady, &consumer, [&](const capture::VideoFrame &picture) {
            // CaptureFeed::toImage copies the picture into a QImage: the same bytes copied here.
            QByteArray copy(picture.data.constData(), picture.data.size());
            previewBytes += copy.size();
            ++previews;
        }, Qt::QueuedConnection);
        QObject::connect(&capture, &live::LiveCapture::audioLevel, &consumer, [&](double) { ++levels; },
                         Qt::QueuedConnection);
        QObject::connect(capture.guard(), &vision::PresenceGuard::checked, &consumer, [&](const vision::PresenceCheck &check) {
            ++checks;
            guardCpu += double(check.cpuTime.count()) / 1e6;
        }, Qt::QueuedConnection);
    }

    // The recorder as `dualrec record --no-hardware-encoder` opens it (default encoder settings).
    media::RecorderSettings settings;
    settings.encoder.hardware = media::HardwareEncoding::Off;
    settings.watermark.agentId = QStringLiteral("A-007");
    settings.watermark.applicationNumber = QStringLiteral("P2026-0001");
    settings.watermark.sessionId = QStringLiteral("5b0c9f5e-0000-4000-8000-000000000001");
    settings.outputPath = QDir(outputDirectory).filePath(QStringLiteral("recording.mp4"));
    settings.origin = clock.monotonicNow();
    auto recorder = media::Recorder::open(settings, clock);
    if (!recorder) {
        report[QStringLiteral("error")] = recorder.error().toString();
        return finish(1);
    }
    LagProbe probe(**recorder, clock);
    capture.setRecorder(&probe);

    rusage before{};
    getrusage(RUSAGE_SELF, &before);
    QElapsedTimer wall;
    wall.start();
    if (auto started = capture.start(); !started) {
        report[QStringLiteral("error")] = started.error().toString();
        return finish(1);
    }
    QEventLoop loop;
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, &loop, [&] {
        if ((*recorder)->sourceEnded() || (*recorder)->failure())
            loop.quit();
    });
    watch.start(100);
    loop.exec();
    capture.stop();
    capture.setRecorder(nullptr);
    const auto closed = (*recorder)->close();
    const double wallSeconds = double(wall.nsecsElapsed()) / 1e9;
    rusage after{};
    getrusage(RUSAGE_SELF, &after);
    // The last queued previews and checks.
    QCoreApplication::processEvents();

    const auto statistics = (*recorder)->statistics();
    auto lags = probe.lagMs();
    std::ranges::sort(lags);
    report[QStringLiteral("liveCpuSeconds")] = cpuSeconds(after) - cpuSeconds(before);
    report[QStringLiteral("liveWallSeconds")] = wallSeconds;
    report[QStringLiteral("captureThreadCpuSeconds")] = probe.captureThreadCpu();
    report[QStringLiteral("guardCpuSeconds")] = guardCpu;
    report[QStringLiteral("framesReceived")] = statistics.framesReceived;
    report[QStringLiteral("framesEncoded")] = statistics.framesEncoded;
    report[QStringLiteral("framesDropped")] = statistics.framesDropped;
    report[QStringLiteral("framesSkipped")] = statistics.framesSkipped;
    report[QStringLiteral("silenceSamples")] = statistics.silenceSamples;
    report[QStringLiteral("mediaSeconds")] = double(statistics.videoDuration.count()) / 1000.0;
    report[QStringLiteral("lagMedianMs")] = lags.empty() ? 0.0 : lags[lags.size() / 2];
    report[QStringLiteral("lagP99Ms")] = lags.empty() ? 0.0 : lags[lags.size() * 99 / 100];
    report[QStringLiteral("lagMaxMs")] = lags.empty() ? 0.0 : lags.back();
    report[QStringLiteral("previews")] = previews;
    report[QStringLiteral("previewMegabytes")] = double(previewBytes) / 1e6;
    report[QStringLiteral("levels")] = levels;
    report[QStringLiteral("checks")] = checks;
    report[QStringLiteral("guardDropped")] = capture.guard() ? capture.guard()->droppedFrames() : 0;
    if (!closed)
        report[QStringLiteral("error")] = closed.error().toString();
    return finish(closed ? 0 : 1);
}

// ---- parent: the comparison -----------------------------------------------------------------

struct Variant {
    QString name;
    Measured process;
    QJsonObject report;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 6 && QLatin1String(argv[1]) == QLatin1String("--child"))
        return runChild(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]), QString::fromLocal8Bit(argv[4]),
                        QString::fromLocal8Bit(argv[5]));
    QTextStream out(stdout);
    if (argc < 3) {
        out << "usage: dualrec_bench_live SHARED_DIR WORKDIR [ROUNDS]" << Qt::endl;
        return 2;
    }
    const QString self = QCoreApplication::applicationFilePath();
    const QString shared = QFileInfo(QString::fromLocal8Bit(argv[1])).absoluteFilePath();
    const QDir work(QFileInfo(QString::fromLocal8Bit(argv[2])).absoluteFilePath());
    const int rounds = argc > 3 ? std::max(1, QString::fromLocal8Bit(argv[3]).toInt()) : 1;
    QDir().mkpath(work.path());

    // The input: like recordbench's, a moving test pattern with sensor-like noise (so the encoder
    // works as hard as on a camera picture) and a tone, stored raw so that decoding costs almost
    // nothing; the same file for all three, so the only difference is what consumes it.
    const auto input = work.filePath(QStringLiteral("input-720p25-30s-raw.nut"));
    if (!QFileInfo::exists(input)) {
        out << "generating the input (30 s 720p25 raw, noisy test pattern + tone, ~1 GB)..." << Qt::endl;
        const auto made = measure({QStringLiteral("ffmpeg"), QStringLiteral("-y"), QStringLiteral("-f"), QStringLiteral("lavfi"),
                                   QStringLiteral("-i"), QStringLiteral("testsrc2=size=1280x720:rate=25,noise=alls=8:allf=t"),
                                   QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                                   QStringLiteral("sine=frequency=440:sample_rate=48000"), QStringLiteral("-t"),
                                   QString::number(kSeconds), QStringLiteral("-c:v"), QStringLiteral("rawvideo"),
                                   QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), QStringLiteral("-c:a"),
                                   QStringLiteral("pcm_s16le"), QStringLiteral("-f"), QStringLiteral("nut"),
                                   input + QStringLiteral(".part")});
        if (made.exitCode != 0 || !QFile::rename(input + QStringLiteral(".part"), input)) {
            out << "cannot generate the input with ffmpeg" << Qt::endl;
            return 1;
        }
    }
    measure({QStringLiteral("cat"), input}); // into the page cache for everyone

    // The ffmpeg CLI with the recorder's settings (as recordbench): libx264 superfast, ABR
    // 1.1 Mbit/s with the same VBV, 1 s GOP, no B-frames, AAC 64 kbit/s mono 48 kHz, the same
    // drawtext watermark, fragmented MP4 flushed per packet; -re reads at 25 fps like the others.
    const auto textFile = work.filePath(QStringLiteral("watermark.txt"));
    {
        QFile text(textFile);
        if (text.open(QIODevice::WriteOnly))
            text.write(QStringLiteral("%{pts:localtime:1795315595.193:%Y-%m-%d %H\\:%M\\:%S %z}\n代理人 A-007  投保单号 P2026-0001\n"
                                      "会话 5b0c9f5e-0000-4000-8000-000000000001").toUtf8());
    }
    const QStringList ffmpeg{
        QStringLiteral("ffmpeg"), QStringLiteral("-y"), QStringLiteral("-re"), QStringLiteral("-i"), input, QStringLiteral("-vf"),
        QStringLiteral("scale=1280:720:force_original_aspect_ratio=decrease,pad=1280:720:(ow-iw)/2:(oh-ih)/2,"
                       "drawtext=fontfile=%1:textfile=%2:fontsize=30:fontcolor=white:box=1:boxcolor=black@0.55:boxborderw=5:"
                       "line_spacing=6:x=15:y=15,format=yuv420p").arg(media::findWatermarkFont(), textFile),
        QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"), QStringLiteral("superfast"),
        QStringLiteral("-profile:v"), QStringLiteral("high"), QStringLiteral("-b:v"), QStringLiteral("1100k"),
        QStringLiteral("-maxrate"), QStringLiteral("1375k"), QStringLiteral("-bufsize"), QStringLiteral("1100k"),
        QStringLiteral("-g"), QStringLiteral("25"), QStringLiteral("-keyint_min"), QStringLiteral("25"), QStringLiteral("-bf"),
        QStringLiteral("0"), QStringLiteral("-c:a"), QStringLiteral("aac"), QStringLiteral("-b:a"), QStringLiteral("64k"),
        QStringLiteral("-ac"), QStringLiteral("1"), QStringLiteral("-ar"), QStringLiteral("48000"), QStringLiteral("-movflags"),
        QStringLiteral("+frag_keyframe+empty_moov+default_base_moof"), QStringLiteral("-flush_packets"), QStringLiteral("1"),
        work.filePath(QStringLiteral("ffmpeg-out.mp4"))};

    // Rounds alternate the three so that a neighbour's load spreads over all of them.
    std::vector<Variant> recorderRuns;
    std::vector<Variant> windowRuns;
    std::vector<Measured> ffmpegRuns;
    const auto child = [&](const QString &variant) {
        Variant run;
        run.name = variant;
        const auto directory = work.filePath(QStringLiteral("live-") + variant);
        run.process = measure({self, QStringLiteral("--child"), variant, input, directory, shared});
        QFile report(QDir(directory).filePath(QStringLiteral("report.json")));
        if (report.open(QIODevice::ReadOnly))
            run.report = QJsonDocument::fromJson(report.readAll()).object();
        return run;
    };
    for (int round = 1; round <= rounds; ++round) {
        out << "round " << round << "/" << rounds << " (load average " << loadAverage() << "): recorder only..." << Qt::flush;
        recorderRuns.push_back(child(QStringLiteral("recorder")));
        out << " window..." << Qt::flush;
        windowRuns.push_back(child(QStringLiteral("window")));
        out << " ffmpeg CLI..." << Qt::flush;
        ffmpegRuns.push_back(measure(ffmpeg));
        out << " done (load average " << loadAverage() << ")" << Qt::endl;
    }

    const double mediaSeconds = kSeconds;
    const auto sum = [](const auto &runs, const auto &value) {
        double total = 0;
        for (const auto &run : runs)
            total += value(run);
        return total;
    };
    const auto processCpu = [&](const std::vector<Variant> &runs) {
        return sum(runs, [](const Variant &run) { return run.process.cpuSeconds; }) / (mediaSeconds * double(runs.size()));
    };
    const auto liveCpu = [&](const std::vector<Variant> &runs) {
        return sum(runs, [](const Variant &run) { return run.report.value(QStringLiteral("liveCpuSeconds")).toDouble(); })
               / (mediaSeconds * double(runs.size()));
    };
    const double ffmpegCpu = sum(ffmpegRuns, [](const Measured &run) { return run.cpuSeconds; }) / (mediaSeconds * double(rounds));

    out << Qt::endl << "Same 30 s 720p25 input (raw), paced at 25 fps; libx264 superfast 1.1 Mbit/s + AAC 64 kbit/s,"
        << " watermark, fragmented MP4; " << QThread::idealThreadCount() << " cores" << Qt::endl;
    out << "CPU s per s of media (whole process, every thread; mean of " << rounds << " round(s)):" << Qt::endl;
    const auto line = [&](const QString &name, double whole, const QString &extra) {
        out << QStringLiteral("  %1 %2  %3").arg(name, -34).arg(whole, 6, 'f', 3).arg(extra) << Qt::endl;
    };
    line(QStringLiteral("1 recorder only (dualrec record)"), processCpu(recorderRuns),
         QStringLiteral("(capture to close: %1)").arg(liveCpu(recorderRuns), 0, 'f', 3));
    line(QStringLiteral("2 recorder + window consumers"), processCpu(windowRuns),
         QStringLiteral("(capture to close: %1)").arg(liveCpu(windowRuns), 0, 'f', 3));
    line(QStringLiteral("3 ffmpeg CLI (-re)"), ffmpegCpu, QString());
    out << "ratios: 2/1 " << QString::number(processCpu(windowRuns) / processCpu(recorderRuns), 'f', 2) << " (capture to close "
        << QString::number(liveCpu(windowRuns) / liveCpu(recorderRuns), 'f', 2) << "), 1/ffmpeg "
        << QString::number(processCpu(recorderRuns) / ffmpegCpu, 'f', 2) << ", 2/ffmpeg "
        << QString::number(processCpu(windowRuns) / ffmpegCpu, 'f', 2) << Qt::endl;

    bool ok = true;
    out << Qt::endl << "per run (real time: every frame encoded, none dropped, frames reach the recorder on time):" << Qt::endl;
    const auto detail = [&](const Variant &run) {
        const auto &r = run.report;
        const auto number = [&](const char *key) { return r.value(QLatin1String(key)).toDouble(); };
        const bool failed = run.process.exitCode != 0 || r.contains(QStringLiteral("error"));
        ok = ok && !failed;
        out << "  " << QStringLiteral("%1").arg(run.name, -8) << " exit " << run.process.exitCode << ", CPU "
            << QString::number(run.process.cpuSeconds, 'f', 2) << " s (capture thread "
            << QString::number(number("captureThreadCpuSeconds"), 'f', 2) << " s, guard checks "
            << QString::number(number("guardCpuSeconds"), 'f', 2) << " s), peak " << QString::number(run.process.peakMegabytes, 'f', 0)
            << " MB; frames received " << number("framesReceived") << ", encoded " << number("framesEncoded") << ", dropped "
            << number("framesDropped") << ", skipped " << number("framesSkipped") << "; lag to recorder median "
            << QString::number(number("lagMedianMs"), 'f', 1) << " ms, p99 " << QString::number(number("lagP99Ms"), 'f', 1)
            << " ms, max " << QString::number(number("lagMaxMs"), 'f', 1) << " ms; live wall "
            << QString::number(number("liveWallSeconds"), 'f', 1) << " s";
        if (run.name == QLatin1String("window"))
            out << "; previews " << number("previews") << ", levels " << number("levels") << ", guard checks "
                << number("checks") << " (" << QString::number(number("checks") / mediaSeconds, 'f', 1)
                << "/s; mailbox drops " << number("guardDropped") << ")";
        if (failed)
            out << "; FAILED: " << r.value(QStringLiteral("error")).toString();
        out << Qt::endl;
        return number("framesDropped") == 0 && number("framesEncoded") >= kSeconds * kFramesPerSecond - 2;
    };
    bool realTime = true;
    for (int i = 0; i < rounds; ++i) {
        realTime = detail(recorderRuns[size_t(i)]) && realTime;
        realTime = detail(windowRuns[size_t(i)]) && realTime;
        const auto &f = ffmpegRuns[size_t(i)];
        ok = ok && f.exitCode == 0;
        out << "  ffmpeg   exit " << f.exitCode << ", CPU " << QString::number(f.cpuSeconds, 'f', 2) << " s, wall "
            << QString::number(f.wallSeconds, 'f', 1) << " s, peak " << QString::number(f.peakMegabytes, 'f', 0) << " MB" << Qt::endl;
    }
    out << "keeps real time on this machine: " << (realTime ? "yes" : "NO (frames dropped or missing)") << Qt::endl;
    out << (ok ? "RESULT: ok" : "RESULT: FAILED") << Qt::endl;
    return ok ? 0 : 1;
}
