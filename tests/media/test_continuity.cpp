// The continuity log: holes in the input are recorded with start, end and reason, and the
// file's timeline is never cut.
#include "core/media/recorder.h"
#include "tests/support/mediatools.h"

#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

#include <stop_token>

using namespace dualrec;
using namespace std::chrono;

namespace {

/// Feeds gray frames and silence-free tone directly, with chosen timestamps.
struct Feeder {
    media::Recorder &recorder;
    nanoseconds origin;
    std::stop_source stop;

    void frameAt(milliseconds at)
    {
        recorder.awaitCapacity(stop.get_token());
        capture::VideoFrame frame;
        frame.timestamp = origin + at;
        frame.format = capture::PixelFormat::I420;
        frame.width = 160;
        frame.height = 90;
        frame.data = QByteArray(capture::frameBytes(frame.format, 160, 90), char(100));
        recorder.deliverVideo(std::move(frame));
        capture::AudioChunk chunk;
        chunk.timestamp = origin + at;
        chunk.samples = QByteArray(48000 / 25 * 2, char(1));
        recorder.deliverAudio(std::move(chunk));
    }
};

media::RecorderSettings settingsFor(const QString &path, nanoseconds origin)
{
    media::RecorderSettings settings;
    settings.outputPath = path;
    settings.origin = origin;
    settings.encoder.width = 160;
    settings.encoder.height = 90;
    settings.encoder.videoBitrate = 100'000;
    settings.encoder.hardware = media::HardwareEncoding::Off;
    settings.watermark.enabled = false;
    settings.minimumFreeBytes = 0;
    return settings;
}

} // namespace

TEST_CASE("holes in the input are logged with start end and reason and the timeline is kept")
{
    QTemporaryDir dir;
    SystemClock clock;
    const auto origin = clock.monotonicNow();
    const auto path = dir.filePath(QStringLiteral("gaps.mp4"));
    auto recorder = media::Recorder::open(settingsFor(path, origin), clock);
    REQUIRE(recorder);
    Feeder feed{**recorder, origin, {}};
    // 0-1 s frames, 1-2 s nothing (unexplained), 2-3 s frames, camera lost 3-4 s, 4-5 s frames.
    for (int n = 0; n < 25; ++n)
        feed.frameAt(milliseconds(n * 40));
    for (int n = 50; n < 75; ++n)
        feed.frameAt(milliseconds(n * 40));
    (*recorder)->deliverEvent({capture::SourceEventType::VideoLost, origin + 3000ms, QStringLiteral("camera unplugged")});
    (*recorder)->deliverEvent({capture::SourceEventType::VideoRestored, origin + 4000ms, QStringLiteral("camera back")});
    for (int n = 100; n < 125; ++n)
        feed.frameAt(milliseconds(n * 40));
    REQUIRE((*recorder)->close());

    const auto gaps = (*recorder)->continuity().gaps();
    REQUIRE(gaps.size() >= 2);
    bool dropped = false;
    bool lost = false;
    for (const auto &gap : gaps) {
        if (gap.reason == media::GapReason::DroppedFrames) {
            dropped = true;
            CHECK(gap.start == 1000ms);
            CHECK(gap.end == 2000ms);
            CHECK(gap.count == 25);
        }
        if (gap.reason == media::GapReason::VideoLost) {
            lost = true;
            CHECK(gap.start == 3000ms);
            CHECK(gap.end == 4000ms);
            CHECK(!gap.open);
        }
        // The device loss explains its hole: it is not logged twice as dropped frames.
        CHECK(!(gap.reason == media::GapReason::DroppedFrames && gap.start >= 2900ms));
    }
    CHECK(dropped);
    CHECK(lost);

    // Nothing was cut: the last frame sits at 4.96 s on the file's timeline.
    const auto decoded = test::decodeVideo(path);
    CHECK(decoded.frames == 75);
    CHECK(decoded.videoSeconds >= 4.95);
}

TEST_CASE("a pause is logged and frames during it are not written")
{
    QTemporaryDir dir;
    SystemClock clock;
    const auto origin = clock.monotonicNow();
    auto recorder = media::Recorder::open(settingsFor(dir.filePath(QStringLiteral("pause.mp4")), origin), clock);
    REQUIRE(recorder);
    (*recorder)->pause(QStringLiteral("agent paused"));
    (*recorder)->resume();
    REQUIRE((*recorder)->close());
    const auto gaps = (*recorder)->continuity().gaps();
    REQUIRE(gaps.size() == 1);
    CHECK(gaps[0].reason == media::GapReason::Pause);
    CHECK(gaps[0].detail == QLatin1String("agent paused"));
    CHECK(!gaps[0].open);
}

TEST_CASE("the continuity log merges dropped frames and closes open gaps at the end")
{
    media::ContinuityLog log;
    log.add(media::GapReason::DroppedFrames, 100ms, 140ms, 1);
    log.add(media::GapReason::DroppedFrames, 500ms, 540ms, 1);
    log.add(media::GapReason::DroppedFrames, 5000ms, 5040ms, 1);
    log.begin(media::GapReason::AudioLost, 6000ms, QStringLiteral("microphone unplugged"));
    CHECK(log.explained(6100ms, 9000ms));
    CHECK(!log.explained(1000ms, 2000ms));
    log.closeAll(7000ms);
    const auto gaps = log.gaps();
    REQUIRE(gaps.size() == 3);
    CHECK(gaps[0].count == 2);
    CHECK(gaps[0].end == 540ms);
    CHECK(gaps[2].end == 7000ms);
    CHECK(!gaps[2].open);
}
