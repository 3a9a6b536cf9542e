#pragma once

// Inspecting recordings in tests with FFmpeg's own tools (ffprobe, ffmpeg), run as processes:
// the tests check our output with an independent reader, not with our own code.
#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <vector>

namespace dualrec::test {

struct ToolRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline ToolRun runTool(const QString &program, const QStringList &arguments, int timeoutMs = 600000)
{
    QProcess process;
    process.start(program, arguments);
    ToolRun run;
    if (!process.waitForStarted(10000))
        return run;
    process.waitForFinished(timeoutMs);
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

/// ffprobe's JSON: format, streams (with counted frames when countFrames), chapters.
inline QJsonObject probe(const QString &path, bool countFrames = false)
{
    QStringList arguments{QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-print_format"), QStringLiteral("json"),
                          QStringLiteral("-show_format"), QStringLiteral("-show_streams"), QStringLiteral("-show_chapters")};
    if (countFrames)
        arguments << QStringLiteral("-count_frames");
    const auto run = runTool(QStringLiteral("ffprobe"), arguments << path);
    return QJsonDocument::fromJson(run.out).object();
}

/// Decodes the whole video; returns the decoded duration in seconds (last frame's end) and
/// whether the decoder complained.
struct DecodeResult {
    double videoSeconds = 0;
    qint64 frames = 0;
    QByteArray errors;
};
inline DecodeResult decodeVideo(const QString &path)
{
    // One line per frame with its presentation time.
    const auto run = runTool(QStringLiteral("ffprobe"),
                             {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"), QStringLiteral("v:0"),
                              QStringLiteral("-show_entries"), QStringLiteral("frame=pts_time,duration_time"), QStringLiteral("-of"),
                              QStringLiteral("csv=p=0"), path});
    DecodeResult result;
    result.errors = run.err;
    for (const auto &line : run.out.split('\n')) {
        const auto fields = line.split(',');
        if (fields.size() < 1 || fields[0].isEmpty())
            continue;
        const double pts = fields[0].toDouble();
        const double duration = fields.size() > 1 ? fields[1].toDouble() : 0;
        result.videoSeconds = std::max(result.videoSeconds, pts + duration);
        ++result.frames;
    }
    return result;
}

/// Mean luma of every decoded frame (scaled down to 16x16 gray), in decode order.
inline std::vector<double> frameLuma(const QString &path)
{
    const auto run = runTool(QStringLiteral("ffmpeg"),
                             {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), path, QStringLiteral("-map"),
                              QStringLiteral("0:v:0"), QStringLiteral("-vf"), QStringLiteral("scale=16:16,format=gray"),
                              QStringLiteral("-f"), QStringLiteral("rawvideo"), QStringLiteral("-")});
    std::vector<double> means;
    for (qsizetype at = 0; at + 256 <= run.out.size(); at += 256) {
        double sum = 0;
        for (qsizetype i = 0; i < 256; ++i)
            sum += uchar(run.out[at + i]);
        means.push_back(sum / 256);
    }
    return means;
}

/// One gray frame at full size (frame `index` of the video), as raw bytes.
inline QByteArray grayFrame(const QString &path, int index)
{
    return runTool(QStringLiteral("ffmpeg"),
                   {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), path, QStringLiteral("-vf"),
                    QStringLiteral("select=eq(n\\,%1),format=gray").arg(index), QStringLiteral("-frames:v"), QStringLiteral("1"),
                    QStringLiteral("-f"), QStringLiteral("rawvideo"), QStringLiteral("-")})
        .out;
}

/// The audio as mono 16-bit PCM at `rate`.
inline std::vector<qint16> pcm(const QString &path, int rate)
{
    const auto run = runTool(QStringLiteral("ffmpeg"),
                             {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), path, QStringLiteral("-map"),
                              QStringLiteral("0:a:0"), QStringLiteral("-ac"), QStringLiteral("1"), QStringLiteral("-ar"),
                              QString::number(rate), QStringLiteral("-f"), QStringLiteral("s16le"), QStringLiteral("-")});
    std::vector<qint16> samples(size_t(run.out.size() / 2));
    std::memcpy(samples.data(), run.out.constData(), samples.size() * 2);
    return samples;
}

/// A/V offsets of the synthetic source's sync marks: for every flash (a frame much brighter
/// than the ones around it), the nearest beep onset minus the flash time, in seconds.
struct SyncMarks {
    std::vector<double> flashes;
    std::vector<double> beeps;
    std::vector<double> offsets;
};
inline SyncMarks measureSync(const QString &path, int framesPerSecond)
{
    SyncMarks marks;
    const auto luma = frameLuma(path);
    for (size_t i = 0; i < luma.size(); ++i) {
        if (luma[i] > 180)
            marks.flashes.push_back(double(i) / framesPerSecond);
    }
    constexpr int kRate = 8000;
    const auto audio = pcm(path, kRate);
    double lastOnset = -10;
    for (size_t i = 0; i < audio.size(); ++i) {
        const double t = double(i) / kRate;
        if (std::abs(audio[i]) > 0.4 * 32767 && t - lastOnset > 0.5) {
            marks.beeps.push_back(t);
            lastOnset = t;
        } else if (std::abs(audio[i]) > 0.4 * 32767) {
            lastOnset = t;
        }
    }
    for (const double flash : marks.flashes) {
        double best = 1e9;
        for (const double beep : marks.beeps) {
            if (std::abs(beep - flash) < std::abs(best))
                best = beep - flash;
        }
        marks.offsets.push_back(best);
    }
    return marks;
}

/// A 320x240 test pattern with a 440 Hz tone, made by the ffmpeg CLI (H.264 + AAC); `extra`
/// output options go before the path (e.g. "-movflags" "+frag_keyframe+empty_moov").
inline void makeTestClip(const QString &path, int framesPerSecond, int seconds, int sampleRate, int channels,
                         const QStringList &extra = {})
{
    const auto made = runTool(
        QStringLiteral("ffmpeg"),
        QStringList{QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                    QStringLiteral("testsrc=size=320x240:rate=%1").arg(framesPerSecond), QStringLiteral("-f"), QStringLiteral("lavfi"),
                    QStringLiteral("-i"), QStringLiteral("sine=frequency=440:sample_rate=%1").arg(sampleRate), QStringLiteral("-t"),
                    QString::number(seconds), QStringLiteral("-ac"), QString::number(channels), QStringLiteral("-c:v"),
                    QStringLiteral("libx264"), QStringLiteral("-preset"), QStringLiteral("ultrafast"), QStringLiteral("-c:a"),
                    QStringLiteral("aac")}
            + extra + QStringList{path});
    REQUIRE(made.exitCode == 0);
}

} // namespace dualrec::test
