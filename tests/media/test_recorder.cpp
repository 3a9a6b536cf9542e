// The recording pipeline in-process: synthetic source -> Recorder (fragmented MP4) ->
// finalizer, checked with FFmpeg's own ffprobe/ffmpeg.
#include "core/capture/filesource.h"
#include "core/ffmpeg/ondemand.h"
#include "core/media/finalizer.h"
#include "core/media/sidecar.h"
#include "core/media/watermarkfont.h"
#include "tests/media/recordingfixture.h"
#include "tests/support/mediatools.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

using namespace dualrec;
using namespace std::chrono;

TEST_CASE("a synthetic recording has the right streams durations chapters and frame count")
{
    QTemporaryDir dir;
    const auto fragmented = dir.filePath(QStringLiteral("s.recording.mp4"));
    const auto finalPath = dir.filePath(QStringLiteral("s.mp4"));
    auto settings = test::smallSettings(fragmented);
    const auto stats = test::recordSynthetic(settings, test::sourceOfSize(320, 180), seconds(6));
    REQUIRE(stats);
    CHECK(stats->framesEncoded == 150);
    CHECK(stats->framesDropped == 0);

    // The fragmented file alone already plays (the crash-safe form).
    const auto partial = test::probe(fragmented);
    CHECK(partial.value(QStringLiteral("streams")).toArray().size() == 2);

    const QList<media::ChapterMark> chapters{{QStringLiteral("consent"), QStringLiteral("录音录像同意"), 0ms, 2500ms},
                                            {QStringLiteral("prompt"), QStringLiteral("Mandated prompt"), 2500ms, 6000ms}};
    const auto finalized = media::finalizeRecording(fragmented, finalPath, chapters);
    REQUIRE(finalized);
    CHECK(!QFile::exists(fragmented)); // removed only after the final file was verified
    CHECK(finalized->videoPackets == 150);

    const auto info = test::probe(finalPath, true);
    int video = 0;
    int audio = 0;
    for (const auto &value : info.value(QStringLiteral("streams")).toArray()) {
        const auto stream = value.toObject();
        const auto type = stream.value(QStringLiteral("codec_type")).toString();
        if (type == QLatin1String("video")) {
            ++video;
            CHECK(stream.value(QStringLiteral("codec_name")).toString() == QLatin1String("h264"));
            CHECK(stream.value(QStringLiteral("width")).toInt() == 320);
            CHECK(stream.value(QStringLiteral("nb_read_frames")).toString().toInt() == 150);
            CHECK(stream.value(QStringLiteral("duration")).toString().toDouble() == Catch::Approx(6.0).margin(0.05));
        } else if (type == QLatin1String("audio")) {
            ++audio;
            CHECK(stream.value(QStringLiteral("codec_name")).toString() == QLatin1String("aac"));
            CHECK(stream.value(QStringLiteral("sample_rate")).toString() == QLatin1String("48000"));
            CHECK(stream.value(QStringLiteral("channels")).toInt() == 1);
            CHECK(stream.value(QStringLiteral("duration")).toString().toDouble() == Catch::Approx(6.0).margin(0.1));
        }
    }
    CHECK(video == 1);
    CHECK(audio == 1);
    const auto probedChapters = info.value(QStringLiteral("chapters")).toArray();
    REQUIRE(probedChapters.size() == 2);
    CHECK(probedChapters[0].toObject().value(QStringLiteral("tags")).toObject().value(QStringLiteral("title")).toString()
          == QStringLiteral("录音录像同意"));
    CHECK(probedChapters[1].toObject().value(QStringLiteral("start_time")).toString().toDouble() == Catch::Approx(2.5).margin(0.01));
    // Faststart: the moov box comes before the media data.
    QFile file(finalPath);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const auto head = file.read(4096);
    REQUIRE(head.indexOf("moov") >= 0);
    CHECK((head.indexOf("mdat") < 0 || head.indexOf("moov") < head.indexOf("mdat")));

    // A/V offset of the flashes and beeps (every 2 s) in the final file.
    const auto sync = test::measureSync(finalPath, 25);
    REQUIRE(sync.flashes.size() == 3);
    REQUIRE(sync.beeps.size() == 3);
    for (const double offset : sync.offsets)
        CHECK(std::abs(offset) <= 0.040);
}

TEST_CASE("A/V sync stays within 40 ms over a 30-minute recording")
{
    // 30 minutes of media, encoded as fast as possible at a small size: 900 flash/beep pairs.
    const int minutes = qEnvironmentVariableIntValue("DUALREC_SYNC_MINUTES") > 0 ? qEnvironmentVariableIntValue("DUALREC_SYNC_MINUTES") : 30;
    QTemporaryDir dir;
    const auto path = dir.filePath(QStringLiteral("long.mp4"));
    auto settings = test::smallSettings(path);
    settings.encoder.videoBitrate = 150'000;
    const auto stats = test::recordSynthetic(settings, test::sourceOfSize(320, 180), minutes * 60s);
    REQUIRE(stats);
    CHECK(stats->framesEncoded == minutes * 60 * 25);
    const auto sync = test::measureSync(path, 25);
    CHECK(sync.flashes.size() == size_t(minutes * 30));
    CHECK(sync.beeps.size() == size_t(minutes * 30));
    double worst = 0;
    for (const double offset : sync.offsets)
        worst = std::max(worst, std::abs(offset));
    INFO("worst A/V offset " << worst * 1000 << " ms over " << sync.offsets.size() << " marks");
    CHECK(worst <= 0.040);
}

TEST_CASE("the watermark is burned in and the sidecar records what was drawn")
{
    QTemporaryDir dir;
    const auto marked = dir.filePath(QStringLiteral("marked.mp4"));
    const auto plain = dir.filePath(QStringLiteral("plain.mp4"));
    auto settings = test::smallSettings(marked, 640, 360);
    settings.encoder.videoBitrate = 1'000'000;
    media::RecorderDescription description;
    REQUIRE(test::recordSynthetic(settings, test::sourceOfSize(640, 360), 1s, &description));
    auto without = test::smallSettings(plain, 640, 360);
    without.encoder.videoBitrate = 1'000'000;
    without.watermark.enabled = false;
    REQUIRE(test::recordSynthetic(without, test::sourceOfSize(640, 360), 1s));

    // Frame 1 (frame 0 is a flash). The watermark sits top left: there the pictures differ a
    // lot; in the bottom half they are the same picture up to coding noise.
    const auto a = test::grayFrame(marked, 1);
    const auto b = test::grayFrame(plain, 1);
    REQUIRE(a.size() == 640 * 360);
    REQUIRE(b.size() == 640 * 360);
    const auto meanDifference = [&](int x0, int y0, int x1, int y1) {
        double sum = 0;
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x)
                sum += std::abs(int(uchar(a[y * 640 + x])) - int(uchar(b[y * 640 + x])));
        return sum / ((x1 - x0) * (y1 - y0));
    };
    const double inText = meanDifference(8, 8, 300, 60);
    const double elsewhere = meanDifference(0, 200, 640, 360);
    INFO("difference in the watermark region " << inText << ", elsewhere " << elsewhere);
    CHECK(inText > 15);
    CHECK(elsewhere < 3);
    CHECK(description.watermarkFontSize == 15); // 360 / 24: legible at 640x360

    // The sidecar names what was drawn: the fields, the template and the first frame's lines.
    media::SidecarData data;
    data.watermark = settings.watermark;
    data.description = description;
    const auto sidecarPath = dir.filePath(QStringLiteral("marked.json"));
    REQUIRE(media::writeSidecar(sidecarPath, data));
    QFile sidecarFile(sidecarPath);
    REQUIRE(sidecarFile.open(QIODevice::ReadOnly));
    const auto watermark = QJsonDocument::fromJson(sidecarFile.readAll()).object().value(QStringLiteral("watermark")).toObject();
    const auto lines = watermark.value(QStringLiteral("first_frame_lines")).toArray();
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].toString().contains(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}$"))));
    CHECK(lines[1].toString() == QStringLiteral("代理人 A-007  投保单号 P2026-0001"));
    CHECK(lines[2].toString().endsWith(QLatin1String("5b0c9f5e-0000-4000-8000-000000000001")));
    CHECK(watermark.value(QStringLiteral("template")).toString().contains(QLatin1String("%{pts:localtime:")));
    // No font named: the platform's CJK font is found and recorded in the sidecar.
    CHECK(settings.watermark.fontPath.isEmpty());
    CHECK(!media::findWatermarkFont().isEmpty());
    CHECK(watermark.value(QStringLiteral("font")).toString() == media::findWatermarkFont());
    CHECK(media::watermarkFontCandidates().contains(media::findWatermarkFont()));
}

TEST_CASE("a missing watermark font is refused before recording starts")
{
    QTemporaryDir dir;
    auto settings = test::smallSettings(dir.filePath(QStringLiteral("x.mp4")));
    settings.watermark.fontPath = dir.filePath(QStringLiteral("no-such-font.ttf"));
    SystemClock clock;
    const auto recorder = media::Recorder::open(settings, clock);
    REQUIRE(!recorder);
    CHECK(recorder.error().code == ErrorCode::NotFound);
}

TEST_CASE("the file source decodes a video file and records it with its own timing")
{
    QTemporaryDir dir;
    // A 3 s 320x240 30 fps clip with stereo 44.1 kHz sound: size, rate and layout all differ
    // from the recording's, so scaling, frame-rate mapping and resampling are exercised.
    const auto clip = dir.filePath(QStringLiteral("clip.mp4"));
    test::makeTestClip(clip, 30, 3, 44100, 2);

    // FFmpeg loaded before the timeline starts (as SessionController does): its load time is
    // not part of the recording.
    REQUIRE(ffmpeg::load());
    SystemClock clock;
    auto settings = test::smallSettings(dir.filePath(QStringLiteral("out.mp4")), 640, 360);
    settings.origin = clock.monotonicNow();
    auto recorder = media::Recorder::open(settings, clock);
    REQUIRE(recorder);
    capture::FileSource source(clip, capture::Pace::AsFastAsPossible, clock);
    REQUIRE(source.start(**recorder));
    while (!(*recorder)->sourceEnded())
        std::this_thread::sleep_for(20ms);
    source.stop();
    CHECK((*recorder)->sourceEnded()->type == capture::SourceEventType::EndOfInput);
    const auto stats = (*recorder)->close();
    REQUIRE(stats);
    CHECK(stats->framesReceived == 90);
    CHECK(stats->framesDropped == 0);
    // 30 fps in, 25 fps out: 3 s -> 75 frames, each at its own time.
    CHECK(std::abs(stats->framesEncoded - 75) <= 1);
    const auto decoded = test::decodeVideo(settings.outputPath);
    CHECK(decoded.videoSeconds == Catch::Approx(3.0).margin(0.1));
    const auto audio = test::pcm(settings.outputPath, 8000);
    CHECK(double(audio.size()) / 8000 == Catch::Approx(3.0).margin(0.1));
}

namespace {

/// Collects what a source delivers (thread-safe), for looking at timestamps.
class CollectingSink final : public capture::CaptureSink
{
public:
    void deliverVideo(capture::VideoFrame frame) override
    {
        const std::lock_guard lock(mutex);
        videoTimes.push_back(frame.timestamp);
    }
    void deliverAudio(capture::AudioChunk chunk) override
    {
        const std::lock_guard lock(mutex);
        audioFrames += chunk.frameCount();
    }
    void deliverEvent(capture::SourceEvent event) override
    {
        const std::lock_guard lock(mutex);
        events.push_back(event.type);
    }

    std::mutex mutex;
    std::vector<std::chrono::nanoseconds> videoTimes;
    qint64 audioFrames = 0;
    std::vector<capture::SourceEventType> events;
};

} // namespace

TEST_CASE("a looping file source starts again at the end with timestamps running on", "[media][source]")
{
    QTemporaryDir dir;
    const auto clip = dir.filePath(QStringLiteral("loop.mp4"));
    test::makeTestClip(clip, 25, 1, 48000, 1);

    SystemClock clock;
    CollectingSink sink;
    capture::FileSource source(clip, capture::Pace::AsFastAsPossible, clock, true);
    REQUIRE(source.start(sink));
    const auto enough = [&] {
        const std::lock_guard lock(sink.mutex);
        return sink.videoTimes.size() >= 80; // more than three passes of 25 frames
    };
    for (int i = 0; i < 500 && !enough(); ++i)
        std::this_thread::sleep_for(10ms);
    source.stop();
    REQUIRE(enough());
    CHECK(sink.events.empty()); // no end of input while looping
    // 25 fps across the restarts: every step 40 ms, never back, never a jump.
    for (std::size_t i = 1; i < sink.videoTimes.size(); ++i) {
        INFO("frame " << i);
        CHECK(std::chrono::duration_cast<std::chrono::milliseconds>(sink.videoTimes[i] - sink.videoTimes[i - 1]).count() == 40);
    }
    CHECK(sink.audioFrames > 3 * 48000 * 9 / 10);

    // Without looping the same file ends once.
    CollectingSink once;
    capture::FileSource single(clip, capture::Pace::AsFastAsPossible, clock);
    REQUIRE(single.start(once));
    for (int i = 0; i < 500 && once.events.empty(); ++i)
        std::this_thread::sleep_for(10ms);
    single.stop();
    CHECK(once.videoTimes.size() == 25);
    CHECK(once.events == std::vector{capture::SourceEventType::EndOfInput});
}
