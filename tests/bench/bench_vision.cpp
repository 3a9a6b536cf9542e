// Presence guard benchmark: the analysis policy of issue 16 (a 320x180 pass, and a 640x360
// second pass when fewer faces than expected are found, kept while faces are small) next to the
// policy before it (one 320x180 pass), and the Haar fallback for reference.
//  1. Cost: thread CPU per check on 1280x720 camera-size frames (the downscales included), for a
//     desk shot (the shared two-party clip scaled to 720p), a wide shot (wide_clean) and a wide
//     shot with someone away (wide_walk_behind); the live guard's share of one core at 8 checks/s.
//  2. The live guard in real time: a PresenceGuard fed 720p frames at 25 fps for some seconds,
//     the checks per second it delivers and the CPU its thread used per second of stream.
//  3. Per generated clip: labelled defects caught, false alarms, faces found, CPU per check, for
//     both policies side by side (the same scoring as tests/vision/test_hardpictures.cpp).
// Run by scripts/bench (vision); prints tables, asserts nothing (timings are not test material).
// Measures CPU time, not wall time: the machine is shared.
//
//   dualrec_bench_vision SHARED_ASSETS_DIR CLIPS_DIR [ROUNDS] [LIVE_SECONDS]
#include "core/vision/frameanalyzer.h"
#include "core/vision/presenceguard.h"
#include "core/vision/qcanalysis.h"
#include "core/vision/videoframereader.h"

#include "tests/vision/clipscore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace dualrec::vision;
using namespace std::chrono_literals;

namespace {

struct Policy {
    const char *name;
    AnalyzerConfig config;
    int liveCopyWidth; ///< the width of the copy the live hub hands the guard under this policy
};

struct Cost {
    double cpuMsPerCheck = 0;
    double cpuMsP95 = 0;
    double secondPassShare = 0;
};

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "bench: %s\n", qPrintable(message));
    std::exit(2);
}

std::vector<cv::Mat> readFrames(const QString &path, int width, int height)
{
    std::vector<cv::Mat> frames;
    const auto info = readVideoFrames(path, [&](const cv::Mat &frame, std::chrono::nanoseconds) {
        cv::Mat sized;
        if (frame.cols == width && frame.rows == height)
            sized = frame.clone();
        else
            cv::resize(frame, sized, cv::Size(width, height), 0, 0, cv::INTER_LINEAR);
        frames.push_back(sized);
        return true;
    });
    if (!info)
        die(info.error().toString());
    return frames;
}

Cost measure(const AnalyzerConfig &config, const std::vector<cv::Mat> &frames, int rounds)
{
    auto analyzer = FrameAnalyzer::create(config);
    if (!analyzer)
        die(analyzer.error().toString());
    (void)(*analyzer)->analyze(frames.front(), {}); // warm-up: network allocation
    std::vector<double> cpu;
    int second = 0;
    for (int round = 0; round < rounds; ++round) {
        // Every other frame of 15 fps: the 7.5-8 checks a second of the live guard.
        for (std::size_t i = 0; i < frames.size(); i += 2) {
            const auto check = (*analyzer)->analyze(frames[i], std::chrono::milliseconds(static_cast<qint64>(i) * 67));
            cpu.push_back(static_cast<double>(check.cpuTime.count()) / 1000.0);
            second += check.analysisWidth > config.analysisWidth ? 1 : 0;
        }
    }
    std::ranges::sort(cpu);
    Cost cost;
    for (const double value : cpu)
        cost.cpuMsPerCheck += value;
    cost.cpuMsPerCheck /= static_cast<double>(cpu.size());
    cost.cpuMsP95 = cpu[cpu.size() * 95 / 100];
    cost.secondPassShare = static_cast<double>(second) / static_cast<double>(cpu.size());
    return cost;
}

struct Live {
    double checksPerSecond = 0;
    double coreShare = 0; ///< guard thread CPU per second of stream
    double cpuMsPerCheck = 0; ///< the guard thread's CPU time per check (mean)
    double cpuMsP95 = 0;
    qint64 dropped = 0;   ///< replaced in the mailbox while a check ran (the machine was busy)
    qint64 deferred = 0;  ///< refused by the guard's CPU budget
};

/// A guard at 8 checks a second fed `seconds` of frames at 25 fps in real time, each frame the
/// copy the live hub would hand it (liveCopyWidth wide).
Live live(const Policy &policy, const std::vector<cv::Mat> &frames, int seconds)
{
    std::vector<cv::Mat> copies;
    for (const auto &frame : frames) {
        cv::Mat copy;
        cv::resize(frame, copy, cv::Size(policy.liveCopyWidth, policy.liveCopyWidth * frame.rows / frame.cols), 0, 0, cv::INTER_AREA);
        copies.push_back(copy);
    }
    auto guard = PresenceGuard::create(policy.config, 8.0);
    if (!guard)
        die(guard.error().toString());
    int checks = 0;
    std::chrono::microseconds cpu{0};
    std::vector<double> perCheck;
    QObject receiver;
    QObject::connect(guard->get(), &PresenceGuard::checked, &receiver, [&](const PresenceCheck &check) {
        ++checks;
        cpu += check.cpuTime;
        perCheck.push_back(static_cast<double>(check.cpuTime.count()) / 1000.0);
    });
    QElapsedTimer clock;
    clock.start();
    const qint64 total = static_cast<qint64>(seconds) * 25;
    for (qint64 i = 0; i < total; ++i) {
        const auto due = std::chrono::milliseconds(i * 40);
        while (std::chrono::milliseconds(clock.elapsed()) < due)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        (*guard)->submitFrame(copies[static_cast<std::size_t>(i) % copies.size()], due);
    }
    QThread::msleep(300);
    QCoreApplication::processEvents();
    Live result;
    result.dropped = (*guard)->droppedFrames();
    result.deferred = (*guard)->deferredFrames();
    guard->reset(); // waits for the check in progress
    QCoreApplication::processEvents();
    result.checksPerSecond = checks / static_cast<double>(seconds);
    result.coreShare = static_cast<double>(cpu.count()) / 1e6 / static_cast<double>(seconds);
    if (!perCheck.empty()) {
        std::ranges::sort(perCheck);
        result.cpuMsPerCheck = static_cast<double>(cpu.count()) / 1000.0 / static_cast<double>(perCheck.size());
        result.cpuMsP95 = perCheck[perCheck.size() * 95 / 100];
    }
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: dualrec_bench_vision SHARED_ASSETS_DIR CLIPS_DIR [ROUNDS] [LIVE_SECONDS]\n");
        return 2;
    }
    const QString assets = QString::fromLocal8Bit(argv[1]);
    const QString clips = QString::fromLocal8Bit(argv[2]);
    const int rounds = argc > 3 ? std::max(1, std::atoi(argv[3])) : 1;
    const int liveSeconds = argc > 4 ? std::max(0, std::atoi(argv[4])) : 10;
    cv::setNumThreads(1); // as in the guard's worker

    AnalyzerConfig twoPass;
    twoPass.detector.yunetModelPath = assets + QStringLiteral("/models/face_detection_yunet_2022mar.onnx");
    AnalyzerConfig onePass = twoPass;
    onePass.fineWidth = 0;
    const Policy policies[] = {{"before: one pass 320x180", onePass, 320}, {"now: 320x180 + 640x360 when short", twoPass, 640}};

    struct Scene {
        const char *name;
        std::vector<cv::Mat> frames;
    };
    const Scene scenes[] = {
        {"desk (two_party_gap at 720p)", readFrames(assets + QStringLiteral("/clips/two_party_gap_640x360_15fps.mp4"), 1280, 720)},
        {"wide shot (wide_clean)", readFrames(clips + QStringLiteral("/wide_clean.mp4"), 1280, 720)},
        {"wide, one away (wide_walk_behind)", readFrames(clips + QStringLiteral("/wide_walk_behind.mp4"), 1280, 720)},
    };

    std::printf("Presence guard cost: thread CPU per check from 1280x720 frames (downscales included), every other frame "
                "x %d round(s), one OpenCV thread, OpenCV %s\n",
                rounds, CV_VERSION);
    std::printf("%-34s | %-36s | %-9s | %-9s | %-9s | %s\n", "scene", "policy", "CPU ms", "p95 ms", "2nd pass", "% of one core at 8 checks/s");
    for (const auto &scene : scenes) {
        for (const auto &policy : policies) {
            const auto cost = measure(policy.config, scene.frames, rounds);
            std::printf("%-34s | %-36s | %9.2f | %9.2f | %8.0f%% | %.1f %% (max %.0f checks/s in 25 %%)\n", scene.name, policy.name,
                        cost.cpuMsPerCheck, cost.cpuMsP95, cost.secondPassShare * 100, cost.cpuMsPerCheck * 8 / 10,
                        250.0 / cost.cpuMsPerCheck);
        }
        AnalyzerConfig haar;
        const auto cost = measure(haar, scene.frames, rounds);
        std::printf("%-34s | %-36s | %9.2f | %9.2f | %8s | %.1f %%\n", scene.name, "(reference: Haar fallback, 320x180)",
                    cost.cpuMsPerCheck, cost.cpuMsP95, "-", cost.cpuMsPerCheck * 8 / 10);
    }

    if (liveSeconds > 0) {
        std::printf("\nThe live guard in real time: 8 checks/s asked, 720p25 frames paced by the clock for %d s each, the copy the "
                    "live hub hands the guard (320 px before, 640 px now)\n",
                    liveSeconds);
        std::printf("%-34s | %-36s | %-8s | %-16s | %-20s | %-34s | %s\n", "scene", "policy", "checks/s", "guard CPU % core",
                    "CPU ms/check (p95)", "by CPU time: checks/s in 25 %, share", "frames dropped in the mailbox / deferred by the CPU budget");
        bool goalMet = true;
        for (const auto &scene : scenes) {
            for (const auto &policy : policies) {
                const auto result = live(policy, scene.frames, liveSeconds);
                // What the guard sustains when its thread gets the CPU it asks for: 8 a second, or
                // fewer when a check costs more than the 25 % budget allows (the budget's rule).
                // From thread CPU time, so other processes on the machine change it little.
                const double sustained = result.cpuMsP95 > 0 ? std::min(8.0, 250.0 / result.cpuMsP95) : 0;
                const double share = sustained * result.cpuMsP95 / 1000.0;
                const bool met = sustained >= 5.0 && share <= 0.25;
                if (&policy == &policies[1])
                    goalMet = goalMet && met;
                std::printf("%-34s | %-36s | %8.2f | %14.1f %% | %8.2f (%7.2f) | %5.1f checks/s at %4.1f %% of a core %-4s | %lld / %lld\n",
                            scene.name, policy.name, result.checksPerSecond, result.coreShare * 100, result.cpuMsPerCheck, result.cpuMsP95,
                            sustained, share * 100, met ? "ok" : "MISS", static_cast<long long>(result.dropped),
                            static_cast<long long>(result.deferred));
            }
        }
        std::printf("Fewer than 8 checks/s delivered with few deferred frames means the guard's thread did not get the CPU "
                    "(a busy machine). The goal (>= 5 checks/s within <= 25 %% of one core, at the p95 CPU time per check) "
                    "with the current policy: %s\n", goalMet ? "met on every scene" : "NOT met");
    }

    std::printf("\nPer generated clip (QC at 8 checks/s): labelled defects caught, false alarms, faces found/expected per check, "
                "CPU per check\n");
    std::printf("%-18s | %-7s | %-58s | %s\n", "clip", "defects", policies[0].name, policies[1].name);
    const char *names[] = {"clean", "third_face", "camera_covered", "dim_light", "small_faces", "brief_dip", "customer_absent", "agent_absent",
                           "wide_clean", "wide_walk_behind", "wide_passerby", "wide_brief_dip", "three_quarter", "tilted_heads", "dim_noise"};
    for (const char *name : names) {
        const QString base = clips + QLatin1Char('/') + QLatin1String(name);
        const auto labels = dualrec::test::readLabels(base + QStringLiteral(".labels.csv"));
        auto truth = dualrec::test::readTruth(base + QStringLiteral(".truth.csv"));
        if (truth.empty()) {
            // The first clips have range labels only: expand them per frame (15 fps, 10 s).
            for (int i = 0; i < 150; ++i) {
                dualrec::test::TruthFrame frame{i / 15.0, -1, -1, -1};
                for (const auto &range : labels.faces)
                    if (frame.time >= range.start && frame.time < range.end)
                        frame.faces = range.count;
                truth.push_back(frame);
            }
        }
        QString cells[2];
        for (int p = 0; p < 2; ++p) {
            QcOptions options;
            options.analyzer = policies[p].config;
            options.maxChecksPerSecond = 8;
            const auto report = analyzeVideoFile(base + QStringLiteral(".mp4"), options);
            if (!report)
                die(report.error().toString());
            const auto score = dualrec::test::scoreClip(*report, labels, truth);
            const auto second = std::ranges::count_if(report->frames, [](const FrameFaces &f) { return f.analysisWidth > 320; });
            cells[p] = QStringLiteral("%1/%2 caught, %3 false, faces %4 %, %5 ms, 640 px in %6 %")
                           .arg(score.caught)
                           .arg(score.labelledDefects)
                           .arg(score.falseAlarms)
                           .arg(score.faceRecall() * 100, 0, 'f', 0)
                           .arg(static_cast<double>(report->cpuPerCheck.count()) / 1000.0, 0, 'f', 1)
                           .arg(report->frames.empty() ? 0.0 : 100.0 * static_cast<double>(second) / static_cast<double>(report->frames.size()), 0, 'f', 0);
        }
        std::printf("%-18s | %7zu | %-58s | %s\n", name, labels.defects.size(), qPrintable(cells[0]), qPrintable(cells[1]));
    }
    return 0;
}
