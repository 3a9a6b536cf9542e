#pragma once

// Tests only: opening a data folder's device keys the way the application does (the file key
// store under <data>/keys when no Secret Service answers) and decrypting an encrypted
// recording into a test's own temporary folder, so that ffprobe/ffmpeg can look at it.

#include "core/seal/devicekeys.h"
#include "core/seal/encryptedfile.h"
#include "core/seal/keystore.h"

#include <QDir>
#include <QFile>

#include <catch2/catch_test_macros.hpp>

#include <memory>

namespace dualrec::test {

/// The device keys of `dataFolder` from the owner-only file store in `keyFolder`.
inline std::shared_ptr<const seal::DeviceKeys> openTestKeys(const QString &dataFolder, const QString &keyFolder)
{
    seal::FileKeyStore store(keyFolder);
    auto keys = seal::DeviceKeys::open(dataFolder, store);
    REQUIRE(keys.has_value());
    return std::make_shared<const seal::DeviceKeys>(std::move(*keys));
}

/// The plaintext of the encrypted file `path` (complete chunks), written to `plainPath`.
inline QString decryptTo(const QString &path, const seal::DeviceKeys &keys, const QString &plainPath)
{
    auto reader = seal::EncryptedReader::open(path, keys);
    INFO(path.toStdString() << ": " << (reader ? std::string() : reader.error().detail.toStdString()));
    REQUIRE(reader.has_value());
    auto plain = (*reader)->read(0, (*reader)->size());
    REQUIRE(plain.has_value());
    QFile out(plainPath);
    REQUIRE(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(out.write(*plain) == plain->size());
    return plainPath;
}

/// Whether the file starts like a plaintext MP4, JPEG or PNG.
inline bool startsLikePlainMedia(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const auto head = file.read(12);
    return head.mid(4, 4) == "ftyp" || head.startsWith("\xFF\xD8\xFF") || head.startsWith("\x89PNG");
}

} // namespace dualrec::test
