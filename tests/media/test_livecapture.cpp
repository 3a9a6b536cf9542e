// The live hub the window and `dualrec record` share: preview pictures and microphone levels at
// their rates by capture time, the recorder path, and source events.
#include "core/capture/filesource.h"
#include "core/capture/syntheticsource.h"
#include "core/live/livecapture.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <catch2/catch_test_macros.hpp>

#include <mutex>
#include <thread>

using namespace dualrec;
using namespace std::chrono_literals;

namespace {

class CountingSink final : public capture::CaptureSink
{
public:
    void deliverVideo(capture::VideoFrame) override { ++frames; }
    void deliverAudio(capture::AudioChunk chunk) override { samples += chunk.frameCount(); }
    void deliverEvent(capture::SourceEvent event) override { events.push_back(event.type); }

    std::atomic<int> frames{0};
    std::atomic<qint64> samples{0};
    std::vector<capture::SourceEventType> events; // written by the one source thread
};

struct Observed {
    std::mutex mutex;
    std::vector<capture::VideoFrame> previews;
    std::vector<double> levels;
};

std::unique_ptr<capture::SyntheticSource> threeSeconds(const Clock &clock)
{
    capture::SyntheticSettings settings;
    settings.width = 320;
    settings.height = 240;
    settings.framesPerSecond = 25;
    settings.pace = capture::Pace::AsFastAsPossible;
    settings.duration = 3s;
    return std::make_unique<capture::SyntheticSource>(settings, clock);
}

} // namespace

TEST_CASE("live capture hands every frame to the recorder and previews and levels at their rates", "[live]")
{
    SystemClock clock;
    live::LiveOptions options;
    options.previewWidth = 160;
    live::LiveCapture capture(threeSeconds(clock), nullptr, options);
    Observed seen;
    QObject::connect(&capture, &live::LiveCapture::previewReady, &capture, [&](const capture::VideoFrame &frame) {
        const std::lock_guard lock(seen.mutex);
        seen.previews.push_back(frame);
    }, Qt::DirectConnection);
    QObject::connect(&capture, &live::LiveCapture::audioLevel, &capture, [&](double level) {
        const std::lock_guard lock(seen.mutex);
        seen.levels.push_back(level);
    }, Qt::DirectConnection);
    CountingSink recorder;
    capture.setRecorder(&recorder);
    REQUIRE(capture.start().has_value());
    for (int i = 0; i < 1000 && recorder.events.empty(); ++i)
        std::this_thread::sleep_for(10ms);
    capture.stop();

    REQUIRE(recorder.events == std::vector{capture::SourceEventType::EndOfInput});
    CHECK(capture.lastEvent()->type == capture::SourceEventType::EndOfInput);
    CHECK(recorder.frames == 75);
    CHECK(recorder.samples == 3 * 48000);
    CHECK(capture.latestFrame().isValid());
    CHECK(capture.latestFrame().width == 320);

    // 10 previews a second by capture time, scaled to 160 px wide, BGRA.
    CHECK(seen.previews.size() >= 29);
    CHECK(seen.previews.size() <= 31);
    for (const auto &preview : seen.previews) {
        CHECK(preview.isValid());
        CHECK(preview.format == capture::PixelFormat::Bgra);
        CHECK(preview.width == 160);
        CHECK(preview.height == 120);
    }
    // 10 levels a second: the 1 kHz beep (0.8 of full scale) in some, the quiet tone (0.05) in others.
    CHECK(seen.levels.size() >= 29);
    CHECK(seen.levels.size() <= 31);
    const auto [quietest, loudest] = std::minmax_element(seen.levels.cbegin(), seen.levels.cend());
    CHECK(*loudest > -3.0);
    CHECK(*loudest < -1.0);
    CHECK(*quietest > -28.0);
    CHECK(*quietest < -24.0);
}

TEST_CASE("live capture gives the presence guard frames at the guard's own rate", "[live]")
{
    SystemClock clock;
    vision::AnalyzerConfig config;
    config.detector.yunetModelPath = QStringLiteral(DUALREC_SHARED_DIR "/assets/models/face_detection_yunet_2022mar.onnx");
    auto guard = vision::PresenceGuard::create(config, 8.0);
    REQUIRE(guard.has_value());
    auto *presence = guard->get();
    int checks = 0;
    QObject::connect(presence, &vision::PresenceGuard::checked, presence, [&] { ++checks; });
    live::LiveCapture capture(threeSeconds(clock), std::move(*guard));
    std::atomic<bool> ended{false};
    QObject::connect(&capture, &live::LiveCapture::sourceEvent, &capture,
                     [&](const capture::SourceEvent &) { ended = true; }, Qt::DirectConnection);
    REQUIRE(capture.start().has_value());
    // 3 s of 25 fps at 8 checks a second: 24 frames taken (checked, or replaced in the mailbox
    // while a check ran), not 12 (every fourth frame, as a gap limit after 120 ms slots gave).
    QElapsedTimer waited;
    waited.start();
    while ((!ended || checks + presence->droppedFrames() < 24) && waited.elapsed() < 20000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    capture.stop();
    CHECK(ended);
    CHECK(checks + presence->droppedFrames() == 24);
    CHECK(checks >= 1);
}

TEST_CASE("live capture hands the guard the 640 px preview copy: the faces of a 720p wide shot are found", "[live]")
{
    // wide_clean (tests/vision/make_hard_clips.sh): faces 44 and 51 px in 1280x720, 11 px in a
    // 320 px copy (which YuNet misses), 22 px in the 640 px one the guard's second pass uses.
    SystemClock clock;
    vision::AnalyzerConfig config;
    config.detector.yunetModelPath = QStringLiteral(DUALREC_SHARED_DIR "/assets/models/face_detection_yunet_2022mar.onnx");
    auto guard = vision::PresenceGuard::create(config, 8.0);
    REQUIRE(guard.has_value());
    std::vector<vision::PresenceCheck> checks;
    QObject::connect(guard->get(), &vision::PresenceGuard::checked, guard->get(),
                     [&](const vision::PresenceCheck &check) { checks.push_back(check); });
    auto source = std::make_unique<capture::FileSource>(QStringLiteral(DUALREC_TEST_CLIPS_DIR "/wide_clean.mp4"),
                                                        capture::Pace::AsFastAsPossible, clock);
    live::LiveCapture capture(std::move(source), std::move(*guard));
    std::atomic<int> previews{0};
    QObject::connect(&capture, &live::LiveCapture::previewReady, &capture, [&] { ++previews; }, Qt::DirectConnection);
    std::atomic<bool> ended{false};
    QObject::connect(&capture, &live::LiveCapture::sourceEvent, &capture,
                     [&](const capture::SourceEvent &) { ended = true; }, Qt::DirectConnection);
    REQUIRE(capture.start().has_value());
    QElapsedTimer waited;
    waited.start();
    while (!ended && waited.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    capture.stop();
    // The check still running when the source ended arrives after it.
    while (waited.elapsed() < 60000 && checks.size() < 3)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    QCoreApplication::processEvents();
    CHECK(ended);
    CHECK(previews > 0);
    REQUIRE(checks.size() >= 3);
    int both = 0;
    for (const auto &check : checks) {
        CHECK(check.analysisWidth == 640);
        both += check.faces.size() == 2 ? 1 : 0;
    }
    INFO(both << " of " << checks.size() << " checks found both faces");
    CHECK(both * 10 >= static_cast<int>(checks.size()) * 9);
}

TEST_CASE("live capture without a recorder records nothing and a detached recorder gets nothing more", "[live]")
{
    SystemClock clock;
    live::LiveCapture capture(threeSeconds(clock), nullptr);
    CountingSink recorder;
    capture.setRecorder(&recorder);
    capture.setRecorder(nullptr);
    std::atomic<bool> ended{false};
    QObject::connect(&capture, &live::LiveCapture::sourceEvent, &capture,
                     [&](const capture::SourceEvent &) { ended = true; }, Qt::DirectConnection);
    REQUIRE(capture.start().has_value());
    for (int i = 0; i < 1000 && !ended; ++i)
        std::this_thread::sleep_for(10ms);
    capture.stop();
    CHECK(ended);
    CHECK(recorder.frames == 0);
    CHECK(recorder.events.empty());
    CHECK(capture.latestFrame().isValid());
}

TEST_CASE("microphone peak levels in dB full scale", "[live]")
{
    const auto chunkOf = [](std::initializer_list<qint16> samples) {
        capture::AudioChunk chunk;
        chunk.samples = QByteArray(reinterpret_cast<const char *>(std::data(samples)), qsizetype(samples.size() * 2));
        return chunk;
    };
    CHECK(live::LiveCapture::peakDbfs(chunkOf({0, 0, 0})) == -120.0);
    CHECK(live::LiveCapture::peakDbfs(chunkOf({0, -32768, 5})) == 0.0);
    CHECK(std::abs(live::LiveCapture::peakDbfs(chunkOf({100, 16384, -2})) - -6.02) < 0.01);
    CHECK(live::LiveCapture::peakDbfs(capture::AudioChunk{}) == -120.0);
}
