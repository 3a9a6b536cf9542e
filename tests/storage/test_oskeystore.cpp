// The OS key store (qtkeychain over a real Secret Service: gnome-keyring in a private D-Bus
// session, started by CTest) and the file fallback where no Secret Service answers.
#include "core/seal/devicekeys.h"
#include "core/seal/oskeystore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;
using namespace dualrec::seal;

TEST_CASE("the device key lives in the Secret Service, not in a file", "[.secretservice]")
{
    REQUIRE(OsKeyStore::built());
    const auto probed = OsKeyStore::probe();
    INFO((probed ? QString() : probed.error().detail).toStdString());
    REQUIRE(probed.has_value());
    QTemporaryDir folder;
    const auto fallback = folder.filePath(QStringLiteral("keys"));
    auto store = makeKeyStore(fallback);
    CHECK(store->backendName() == QLatin1String("Secret Service"));
    const auto data = folder.filePath(QStringLiteral("data"));
    auto keys = DeviceKeys::open(data, *store);
    REQUIRE(keys.has_value());
    CHECK(keys->backendName() == QLatin1String("Secret Service"));
    CHECK_FALSE(QDir(fallback).exists()); // no key file anywhere
    auto again = DeviceKeys::open(data, *store);
    REQUIRE(again.has_value());
    CHECK(again->keyId() == keys->keyId());

    // The store never replaces a key.
    const QString name = QStringLiteral("device-") + keys->folderId();
    auto secret = store->read(name);
    REQUIRE(secret.has_value());
    REQUIRE(secret->has_value());
    CHECK((*secret)->size() == SecretKey::kSize);
    const auto replaced = store->write(name, QByteArray(32, 'x'));
    REQUIRE_FALSE(replaced.has_value());
    CHECK(replaced.error().code == ErrorCode::InvalidState);

    // The raw key is in no file of the data folder, nor of the home folder (the keyring keeps it encrypted).
    for (const auto &root : {data, QDir::homePath()}) {
        QDirIterator files(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (file.size() < 100 * 1024 * 1024 && file.open(QIODevice::ReadOnly)) {
                INFO(file.fileName().toStdString());
                CHECK_FALSE(file.readAll().contains(**secret));
            }
        }
    }
}

TEST_CASE("without a Secret Service the key goes to an owner-only file, and the folder says where its key is")
{
    // No session bus: no Secret Service answers.
    const auto bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/dualrec-test-bus");
    const auto probed = OsKeyStore::probe();
    CHECK_FALSE(probed.has_value());
    QTemporaryDir folder;
    auto store = makeKeyStore(folder.filePath(QStringLiteral("keys")));
    CHECK(store->backendName() == QLatin1String("file"));
    const auto data = folder.filePath(QStringLiteral("data"));
    auto keys = DeviceKeys::open(data, *store);
    REQUIRE(keys.has_value());
    CHECK(QDir(folder.filePath(QStringLiteral("keys"))).entryList(QDir::Files).size() == 1);
    // A folder whose key is in the file store, opened with another (empty) store, names where
    // the key was kept.
    FileKeyStore empty(folder.filePath(QStringLiteral("other-keys")));
    auto missing = DeviceKeys::open(data, empty);
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == ErrorCode::NotFound);
    if (bus.isEmpty())
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    else
        qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
}
