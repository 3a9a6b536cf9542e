#pragma once

#include "core/capture/syntheticsource.h"
#include "core/media/recorder.h"
#include "core/util/clock.h"

#include <catch2/catch_test_macros.hpp>

#include <thread>

namespace dualrec::test {

/// Records the synthetic source into `settings.outputPath` as fast as the encoder takes it,
/// until the source has delivered `length` (or the recorder fails). Returns the recorder's
/// close() result.
inline Result<media::RecorderStatistics> recordSynthetic(media::RecorderSettings settings, capture::SyntheticSettings source,
                                                         std::chrono::milliseconds length, media::RecorderDescription *description = nullptr)
{
    SystemClock clock;
    const auto origin = clock.monotonicNow();
    settings.origin = origin;
    source.origin = origin;
    source.pace = capture::Pace::AsFastAsPossible;
    source.duration = length;
    auto recorder = media::Recorder::open(settings, clock);
    if (!recorder)
        return std::unexpected(recorder.error());
    capture::SyntheticSource synthetic(source, clock);
    REQUIRE(synthetic.start(**recorder));
    while (!(*recorder)->sourceEnded() && !(*recorder)->failure())
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    synthetic.stop();
    if (description)
        *description = (*recorder)->description();
    return (*recorder)->close();
}

inline media::RecorderSettings smallSettings(const QString &path, int width = 320, int height = 180)
{
    media::RecorderSettings settings;
    settings.outputPath = path;
    settings.encoder.width = width;
    settings.encoder.height = height;
    settings.encoder.videoBitrate = 300'000;
    settings.encoder.hardware = media::HardwareEncoding::Off;
    settings.watermark.agentId = QStringLiteral("A-007");
    settings.watermark.applicationNumber = QStringLiteral("P2026-0001");
    settings.watermark.sessionId = QStringLiteral("5b0c9f5e-0000-4000-8000-000000000001");
    settings.minimumFreeBytes = 0;
    return settings;
}

inline capture::SyntheticSettings sourceOfSize(int width, int height)
{
    capture::SyntheticSettings source;
    source.width = width;
    source.height = height;
    return source;
}

} // namespace dualrec::test
