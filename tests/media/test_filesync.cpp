#include "core/media/filesync.h"

#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;

TEST_CASE("syncing a recording to disk works on a file being written and names a missing one")
{
    QTemporaryDir dir;
    const auto path = dir.filePath(QStringLiteral("growing.mp4"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(64 * 1024, 'x'));
    REQUIRE(file.flush()); // in the page cache, the file still open for writing
    CHECK(media::syncFileToDisk(path).has_value());
    file.close();

    const auto missing = media::syncFileToDisk(dir.filePath(QStringLiteral("gone.mp4")));
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == ErrorCode::IoError);
    CHECK(missing.error().detail.contains(QLatin1String("gone.mp4")));
}
