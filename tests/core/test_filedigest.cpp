// The one SHA-256 of a file (journal rows, receipts, playback check, recovery), checked against
// the openssl CLI as an independent implementation.
#include "core/util/filedigest.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;

TEST_CASE("the SHA-256 of a file matches openssl's / across block boundaries and for an empty file")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    // 0 bytes, less than a block, exactly one 1 MiB block, and several blocks plus a bit.
    for (const qsizetype size : {qsizetype(0), qsizetype(1000), qsizetype(1 << 20), qsizetype(3 * (1 << 20) + 7)}) {
        INFO("size " << size);
        const auto path = dir.filePath(QStringLiteral("data-%1.bin").arg(size));
        {
            QByteArray bytes(size, Qt::Uninitialized);
            for (auto &byte : bytes)
                byte = char(QRandomGenerator::global()->bounded(256));
            QFile file(path);
            REQUIRE(file.open(QIODevice::WriteOnly));
            REQUIRE(file.write(bytes) == size);
        }
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"), {QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-r"), path});
        REQUIRE(openssl.waitForFinished(30000));
        REQUIRE(openssl.exitCode() == 0);
        const auto expected = QString::fromLatin1(openssl.readAllStandardOutput()).section(u' ', 0, 0);
        REQUIRE(expected.size() == 64);
        const auto digest = sha256OfFile(path);
        REQUIRE(digest.has_value());
        CHECK(*digest == expected);
    }
}

TEST_CASE("a file that cannot be read or a stopped digest is an error naming the file")
{
    QTemporaryDir dir;
    const auto missing = dir.filePath(QStringLiteral("no-such-file.mp4"));
    const auto none = sha256OfFile(missing);
    REQUIRE_FALSE(none.has_value());
    CHECK(none.error().code == ErrorCode::NotFound);
    CHECK(none.error().detail.contains(QStringLiteral("no-such-file.mp4")));

    const auto path = dir.filePath(QStringLiteral("big.bin"));
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(3 << 20, 'x'));
    }
    int blocks = 0;
    const auto stopped = sha256OfFile(path, [&blocks] { return ++blocks < 2; });
    REQUIRE_FALSE(stopped.has_value());
    CHECK(stopped.error().code == ErrorCode::InvalidState);
    CHECK(blocks == 2); // asked before each block, stopped at the second
}
