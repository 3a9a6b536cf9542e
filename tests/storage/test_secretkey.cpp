#include "core/seal/secretkey.h"

#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec::seal;

TEST_CASE("AES-256-GCM round trip / tamper and context detection")
{
    const auto key = SecretKey::generate();
    REQUIRE(key.has_value());
    const QByteArray plain("{\"name\":\"王秀英\"}");
    const auto sealed = encryptAesGcm(*key, plain, "session-1");
    REQUIRE(sealed.has_value());
    CHECK(sealed->size() == 3 + 12 + plain.size() + 16);
    CHECK_FALSE(sealed->contains(plain));
    CHECK(decryptAesGcm(*key, *sealed, "session-1").value() == plain);
    // Two encryptions of the same value differ (fresh nonce).
    CHECK(encryptAesGcm(*key, plain, "session-1").value() != *sealed);

    auto flipped = *sealed;
    flipped[20] = char(flipped.at(20) ^ 0x01);
    CHECK_FALSE(decryptAesGcm(*key, flipped, "session-1").has_value());
    CHECK_FALSE(decryptAesGcm(*key, *sealed, "session-2").has_value());
    CHECK_FALSE(decryptAesGcm(SecretKey::generate().value(), *sealed, "session-1").has_value());
    CHECK_FALSE(decryptAesGcm(*key, sealed->left(10), "session-1").has_value());
}

TEST_CASE("the key file is created once with mode 0600 and checked when read")
{
    QTemporaryDir dir;
    const auto path = dir.filePath(QStringLiteral("keys/k.key"));
    const auto created = SecretKey::loadOrCreate(path);
    REQUIRE(created.has_value());
    CHECK((QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther)) == 0);
    const auto loaded = SecretKey::loadOrCreate(path);
    REQUIRE(loaded.has_value());
    CHECK(loaded->bytes() == created->bytes());

    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);
    const auto open = SecretKey::loadOrCreate(path);
    REQUIRE_FALSE(open.has_value());
    CHECK(open.error().detail.contains(path));

    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    QFile file(path);
    REQUIRE(file.open(QIODevice::Append));
    file.write("x");
    file.close();
    const auto wrongSize = SecretKey::loadOrCreate(path);
    REQUIRE_FALSE(wrongSize.has_value());
    CHECK(wrongSize.error().detail.contains(QLatin1String("33 bytes")));
}
