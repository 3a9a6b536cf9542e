// Disk full: a small tmpfs fills up during a recording. Needs root (mount); CI runs as root.
#include "core/media/diskspace.h"
#include "tests/media/recordingfixture.h"
#include "tests/support/mediatools.h"

#include <QDir>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

#include <unistd.h>

using namespace dualrec;
using namespace std::chrono;

namespace {

/// An 8 MiB tmpfs, unmounted again when the test ends.
class SmallFileSystem final
{
public:
    SmallFileSystem()
    {
        m_mounted = test::runTool(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                                            QStringLiteral("size=8m"), QStringLiteral("tmpfs"), m_dir.path()})
                        .exitCode == 0;
    }
    ~SmallFileSystem()
    {
        if (m_mounted)
            test::runTool(QStringLiteral("umount"), {m_dir.path()});
    }
    Q_DISABLE_COPY_MOVE(SmallFileSystem)

    [[nodiscard]] bool mounted() const { return m_mounted; }
    [[nodiscard]] QString path(const QString &name) const { return QDir(m_dir.path()).filePath(name); }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
};

/// Noise at a high bit rate: fills 8 MiB within a few seconds of media.
media::RecorderSettings greedySettings(const QString &path)
{
    auto settings = test::smallSettings(path, 640, 360);
    settings.encoder.videoBitrate = 20'000'000;
    settings.encoder.softwarePreset = QStringLiteral("ultrafast");
    return settings;
}

capture::SyntheticSettings noisySource()
{
    auto source = test::sourceOfSize(640, 360);
    source.noise = true;
    return source;
}

void checkPlayable(const QString &path)
{
    const auto decoded = test::decodeVideo(path);
    INFO("decoder said: " << decoded.errors.toStdString());
    CHECK(decoded.frames > 25);
    CHECK(decoded.videoSeconds > 1.0);
}

} // namespace

TEST_CASE("disk full while recording stops cleanly and keeps a playable file")
{
    if (geteuid() != 0)
        SKIP("needs root to mount a small tmpfs (CI runs as root)");
    SmallFileSystem small;
    REQUIRE(small.mounted());

    SECTION("the free-space watch stops before the disk is full")
    {
        auto settings = greedySettings(small.path(QStringLiteral("watched.mp4")));
        settings.minimumFreeBytes = 2 * 1024 * 1024;
        const auto result = test::recordSynthetic(settings, noisySource(), 120s);
        REQUIRE(!result);
        INFO(result.error().toString().toStdString());
        CHECK(result.error().code == ErrorCode::DiskFull);
        CHECK(result.error().detail.contains(QLatin1String("recording stopped")));
        checkPlayable(settings.outputPath);
    }
    SECTION("a write error (ENOSPC) stops cleanly")
    {
        auto settings = greedySettings(small.path(QStringLiteral("full.mp4")));
        settings.minimumFreeBytes = 0; // no watch: the writes themselves fail
        const auto result = test::recordSynthetic(settings, noisySource(), 120s);
        REQUIRE(!result);
        INFO(result.error().toString().toStdString());
        CHECK(result.error().code == ErrorCode::DiskFull);
        checkPlayable(settings.outputPath);
    }
    SECTION("the space check before starting refuses a recording that cannot fit")
    {
        media::EncoderSettings encoder;
        const auto needed = media::requiredBytes(encoder, 60s, 1024 * 1024);
        CHECK(needed > 2 * encoder.bytesPerSecond() * 60);
        const auto refused = media::checkFreeSpace(small.path({}), needed);
        REQUIRE(!refused);
        CHECK(refused.error().code == ErrorCode::DiskFull);
        CHECK(media::checkFreeSpace(small.path({}), 1024 * 1024));
    }
}
