// Benchmark child (run by dualrec_record_bench through scripts/bench record, never by CTest):
// records INPUT once through the same pipeline as `dualrec record` -- the file source as fast
// as the encoder takes it, libx264 superfast 1.1 Mbit/s + AAC, the watermark, the fragmented MP4,
// then the finalizing copy (faststart) -- either encrypted at rest (AES-256-GCM chunks under a
// device key in owner-only files, as the app writes it) or as plain files (the media layer's test
// mode, never used by the app). The parent measures CPU, wall time and peak memory of each run
// from outside and compares the two; so the difference is the encryption's cost only.
//
// Usage: dualrec_bench_record_encryption plain|encrypted INPUT OUTDIR
// Prints the final file's size in bytes on its last line; exit 0 when recorded and finalized.
#include "core/capture/filesource.h"
#include "core/media/finalizer.h"
#include "core/media/recorder.h"
#include "core/seal/devicekeys.h"
#include "core/util/clock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

#include <chrono>
#include <thread>

using namespace dualrec;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString mode = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (argc != 4 || (mode != QLatin1String("plain") && mode != QLatin1String("encrypted"))) {
        err << "usage: dualrec_bench_record_encryption plain|encrypted INPUT OUTDIR" << Qt::endl;
        return 2;
    }
    const QString input = QString::fromLocal8Bit(argv[2]);
    QDir outDir(QString::fromLocal8Bit(argv[3]));
    outDir.removeRecursively();
    QDir().mkpath(outDir.path());

    media::RecorderSettings settings; // the `dualrec record` defaults: 1280x720, 25 fps, 1.1 Mbit/s, superfast
    settings.outputPath = outDir.filePath(QStringLiteral("recording.fragmented.mp4"));
    settings.encoder.hardware = media::HardwareEncoding::Off;
    settings.watermark.agentId = QStringLiteral("A-007");
    settings.watermark.applicationNumber = QStringLiteral("P2026-0001");
    settings.watermark.sessionId = QStringLiteral("5b0c9f5e-0000-4000-8000-000000000001");
    if (mode == QLatin1String("encrypted")) {
        seal::FileKeyStore store(outDir.filePath(QStringLiteral("keys")));
        auto keys = seal::DeviceKeys::open(outDir.path(), store);
        if (!keys) {
            err << "device keys: " << keys.error().detail << Qt::endl;
            return 1;
        }
        settings.keys = std::make_shared<const seal::DeviceKeys>(std::move(*keys));
    }

    SystemClock clock;
    settings.origin = clock.monotonicNow();
    auto recorder = media::Recorder::open(settings, clock);
    if (!recorder) {
        err << "recorder: " << recorder.error().detail << Qt::endl;
        return 1;
    }
    capture::FileSource source(input, capture::Pace::AsFastAsPossible, clock);
    if (auto started = source.start(**recorder); !started) {
        err << "source: " << started.error().detail << Qt::endl;
        return 1;
    }
    while (!(*recorder)->sourceEnded() && !(*recorder)->failure())
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    source.stop();
    if (const auto failure = (*recorder)->failure()) {
        err << "recording: " << failure->detail << Qt::endl;
        return 1;
    }
    auto statistics = (*recorder)->close();
    if (!statistics) {
        err << "close: " << statistics.error().detail << Qt::endl;
        return 1;
    }
    auto finalized = media::finalizeRecording(settings.outputPath, outDir.filePath(QStringLiteral("recording.mp4")), {}, {},
                                              settings.keys.get());
    if (!finalized) {
        err << "finalize: " << finalized.error().detail << Qt::endl;
        return 1;
    }
    out << "frames encoded " << statistics->framesEncoded << ", dropped " << statistics->framesDropped << Qt::endl;
    out << QFileInfo(finalized->path).size() << Qt::endl;
    return 0;
}
