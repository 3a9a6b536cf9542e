// FFmpeg loaded on first use (core/ffmpeg/ondemand.h): not before media work starts, then once
// for every thread; a library that cannot be loaded is named with its package. Each test case
// runs in its own process (catch_discover_tests), so "not loaded yet" is a real state here.
#include "core/ffmpeg/ondemand.h"
#include "core/media/finalizer.h"
#include "tests/support/mediatools.h"

#include <QFile>
#include <QTemporaryDir>

#include <thread>
#include <vector>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;

namespace {

bool mapped(const QByteArray &library)
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    return maps.open(QIODevice::ReadOnly) && maps.readAll().contains(library);
}

} // namespace

#ifdef Q_OS_LINUX
TEST_CASE("FFmpeg is loaded when media work starts, not at program start, and once for all threads")
{
    // Nothing in this process has touched media yet: the libraries are not even mapped.
    CHECK_FALSE(ffmpeg::isLoaded());
    CHECK_FALSE(mapped("/libavcodec.so"));
    CHECK_FALSE(mapped("/libavfilter.so"));
    CHECK(ffmpeg::libraryNames().size() == 6);
    CHECK(ffmpeg::libraryNames().filter(QStringLiteral("libavcodec.so.")).size() == 1);

    QTemporaryDir dir;
    const QString clip = dir.filePath(QStringLiteral("clip.mp4"));
    test::makeTestClip(clip, 25, 2, 48000, 1);
    // Four threads start media work at once: each gets the whole file.
    std::vector<Result<media::MediaCount>> counts(4);
    {
        std::vector<std::jthread> threads;
        for (auto &count : counts)
            threads.emplace_back([&count, &clip] { count = media::countPackets(clip); });
    }
    for (const auto &count : counts) {
        REQUIRE(count.has_value());
        CHECK(count->videoPackets == 50);
        CHECK(count->audioPackets > 0);
    }
    CHECK(ffmpeg::isLoaded());
    CHECK(mapped("/libavcodec.so"));
    CHECK(ffmpeg::load().has_value());
}

TEST_CASE("a FFmpeg library that cannot be loaded is an error naming it and its package")
{
    const auto missing = ffmpeg::detail::openLibrary(QStringLiteral("libavcodec.so.1"), QStringLiteral("libavcodec1"));
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == ErrorCode::InternalError);
    CHECK(missing.error().detail.contains(QLatin1String("libavcodec.so.1")));
    CHECK(missing.error().detail.contains(QLatin1String("install the package libavcodec1")));
    // What the loader said is kept (the file is not there).
    CHECK(missing.error().detail.contains(QLatin1String("No such file")));
    CHECK_FALSE(ffmpeg::isLoaded());
}
#endif
