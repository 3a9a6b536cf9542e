// Encryption at rest, the foundation (core/seal): the device key in a key store, decided by the
// data folder's marker and never silently replaced; files encrypted as written in authenticated
// chunks that survive a crash and give away any change.
#include "core/seal/devicekeys.h"
#include "core/seal/encryptedfile.h"
#include "core/seal/encryptedfiledevice.h"
#include "core/seal/memoryfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;
using namespace dualrec::seal;

namespace {

struct Folders {
    QTemporaryDir root;
    QString data() const { return root.filePath(QStringLiteral("data")); }
    QString keys() const { return root.filePath(QStringLiteral("keys")); }
};

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (auto &byte : bytes)
        byte = char(random.bounded(256));
    return bytes;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

/// Writes `plain` encrypted to `path` in pieces of `piece` bytes, flushing after each.
void writeEncrypted(const QString &path, const DeviceKeys &keys, const QByteArray &plain, qsizetype piece, bool finish,
                    qint64 chunkSize = 4096)
{
    auto writer = EncryptedWriter::create(path, keys, chunkSize);
    REQUIRE(writer.has_value());
    for (qsizetype at = 0; at < plain.size(); at += piece) {
        REQUIRE((*writer)->write(QByteArrayView(plain).sliced(at, std::min(piece, plain.size() - at))).has_value());
        REQUIRE((*writer)->flush().has_value());
    }
    if (finish)
        REQUIRE((*writer)->finish().has_value());
}

} // namespace

TEST_CASE("a new data folder gets a device key; a used folder whose key is missing or different is an error that changes nothing")
{
    Folders folders;
    FileKeyStore store(folders.keys());
    auto keys = DeviceKeys::open(folders.data(), store);
    REQUIRE(keys.has_value());
    CHECK(keys->keyId().size() == DeviceKeys::kKeyIdSize);
    CHECK(keys->backendName() == QLatin1String("file"));
    CHECK(QFileInfo::exists(QDir(folders.data()).filePath(DeviceKeys::markerName())));
    const auto keyFiles = QDir(folders.keys()).entryInfoList(QDir::Files);
    REQUIRE(keyFiles.size() == 1);
#ifndef Q_OS_WIN
    CHECK(keyFiles.first().permissions() == (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser));
    CHECK_FALSE(QFileInfo(folders.keys()).permissions() & (QFile::ReadOther | QFile::ReadGroup));
#endif
    // The marker holds no secret.
    CHECK_FALSE(fileBytes(QDir(folders.data()).filePath(DeviceKeys::markerName())).contains(fileBytes(keyFiles.first().filePath())));

    // Opened again: the same key.
    auto again = DeviceKeys::open(folders.data(), store);
    REQUIRE(again.has_value());
    CHECK(again->keyId() == keys->keyId());

    // The key is gone (a wiped key store): an error naming the folder; no new key is made.
    const auto savedKey = fileBytes(keyFiles.first().filePath());
    REQUIRE(QFile::remove(keyFiles.first().filePath()));
    auto missing = DeviceKeys::open(folders.data(), store);
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == ErrorCode::NotFound);
    CHECK(missing.error().detail.contains(folders.data()));
    CHECK(QDir(folders.keys()).entryList(QDir::Files).isEmpty());

    // Another key under the same name: refused, not used.
    writeBytes(keyFiles.first().filePath(), randomBytes(32, 7));
    QFile::setPermissions(keyFiles.first().filePath(), QFile::ReadOwner | QFile::WriteOwner);
    auto other = DeviceKeys::open(folders.data(), store);
    REQUIRE_FALSE(other.has_value());
    CHECK(other.error().code == ErrorCode::DataCorrupt);
    CHECK(fileBytes(keyFiles.first().filePath()) != savedKey);

#ifndef Q_OS_WIN
    // A key file other users may read is refused.
    writeBytes(keyFiles.first().filePath(), savedKey);
    QFile::setPermissions(keyFiles.first().filePath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
    auto open = DeviceKeys::open(folders.data(), store);
    REQUIRE_FALSE(open.has_value());
    CHECK(open.error().detail.contains(QStringLiteral("0600")));
#endif

    // A folder with a journal but no marker is not new: no key is made for it.
    Folders used;
    REQUIRE(QDir().mkpath(used.data()));
    writeBytes(QDir(used.data()).filePath(QStringLiteral("journal.sqlite")), "SQLite format 3");
    FileKeyStore usedStore(used.keys());
    auto unmarked = DeviceKeys::open(used.data(), usedStore);
    REQUIRE_FALSE(unmarked.has_value());
    CHECK(unmarked.error().code == ErrorCode::DataCorrupt);
    CHECK_FALSE(QFileInfo::exists(used.keys()));
}

TEST_CASE("an encrypted file reads back exactly, at any offset, and shows nothing of its plaintext")
{
    Folders folders;
    FileKeyStore store(folders.keys());
    auto keys = DeviceKeys::open(folders.data(), store);
    REQUIRE(keys.has_value());
    const QByteArray plain = randomBytes(300'000, 1) + QByteArray("ftyp") + QByteArray(50'000, 'A');
    const auto path = folders.root.filePath(QStringLiteral("recording.enc"));
    writeEncrypted(path, *keys, plain, 7'777, true, 65'536);
    CHECK(looksEncrypted(path));
    const auto stored = fileBytes(path);
    CHECK_FALSE(stored.contains("ftyp"));
    CHECK_FALSE(stored.contains(QByteArray(64, 'A')));
    CHECK_FALSE(stored.contains(plain.mid(1000, 32)));
#ifndef Q_OS_WIN
    CHECK_FALSE(QFileInfo(path).permissions() & (QFile::ReadOther | QFile::ReadGroup));
#endif

    auto reader = EncryptedReader::open(path, *keys);
    REQUIRE(reader.has_value());
    CHECK((*reader)->complete());
    CHECK((*reader)->tornBytes() == 0);
    CHECK((*reader)->size() == plain.size());
    REQUIRE((*reader)->verify(true).has_value());
    auto whole = (*reader)->read(0, plain.size() + 10);
    REQUIRE(whole.has_value());
    CHECK(*whole == plain);
    QRandomGenerator random(3);
    for (int i = 0; i < 200; ++i) {
        const auto offset = qint64(random.bounded(int(plain.size())));
        const auto length = qint64(random.bounded(200'000));
        auto part = (*reader)->read(offset, length);
        REQUIRE(part.has_value());
        REQUIRE(*part == plain.mid(offset, length));
    }
    auto past = (*reader)->read(plain.size(), 10);
    REQUIRE(past.has_value());
    CHECK(past->isEmpty());

    // Another folder's device key cannot open it, and says why.
    Folders elsewhere;
    FileKeyStore otherStore(elsewhere.keys());
    auto otherKeys = DeviceKeys::open(elsewhere.data(), otherStore);
    REQUIRE(otherKeys.has_value());
    auto foreign = EncryptedReader::open(path, *otherKeys);
    REQUIRE_FALSE(foreign.has_value());
    CHECK(foreign.error().code == ErrorCode::DataCorrupt);
    CHECK(foreign.error().detail.contains(QStringLiteral("another device key")));
    // A plain file is not taken for an encrypted one.
    writeBytes(folders.root.filePath(QStringLiteral("plain.mp4")), plain.left(1000));
    auto notEncrypted = EncryptedReader::open(folders.root.filePath(QStringLiteral("plain.mp4")), *keys);
    REQUIRE_FALSE(notEncrypted.has_value());
    CHECK(notEncrypted.error().code == ErrorCode::FormatError);
}

TEST_CASE("after a crash every complete chunk decrypts and a torn last chunk is left out, never misread")
{
    Folders folders;
    FileKeyStore store(folders.keys());
    auto keys = DeviceKeys::open(folders.data(), store);
    REQUIRE(keys.has_value());
    const auto plain = randomBytes(40'000, 2);
    const auto path = folders.root.filePath(QStringLiteral("crashed.enc"));
    // Flushed every 3,000 bytes, never finished: the recorder killed mid-way.
    writeEncrypted(path, *keys, plain, 3'000, false);
    const auto stored = fileBytes(path);
    {
        auto reader = EncryptedReader::open(path, *keys);
        REQUIRE(reader.has_value());
        CHECK_FALSE((*reader)->complete());
        CHECK((*reader)->size() == plain.size());
        CHECK((*reader)->verify(false).has_value());
        const auto cutShort = (*reader)->verify(true);
        REQUIRE_FALSE(cutShort.has_value());
        CHECK(cutShort.error().detail.contains(QStringLiteral("cut short")));
    }
    // The file torn at every byte of its last chunk (and at some earlier ones).
    const auto cutPath = folders.root.filePath(QStringLiteral("torn.enc"));
    int cuts = 0;
    for (qsizetype cut = stored.size() - 1; cut > kEncryptedHeaderSize; cut -= (cut > stored.size() - 3'100 ? 1 : 997)) {
        writeBytes(cutPath, stored.left(cut));
        auto reader = EncryptedReader::open(cutPath, *keys);
        REQUIRE(reader.has_value());
        const auto size = (*reader)->size();
        CHECK(size % 3'000 == 0); // whole chunks only
        // What follows the last complete chunk is the torn one, reported and left out: at most
        // one chunk is lost.
        const auto completeEnd = kEncryptedHeaderSize + (size / 3'000) * (4 + 3'000 + 16);
        CHECK((*reader)->tornBytes() == cut - completeEnd);
        CHECK((*reader)->tornBytes() < 4 + 3'000 + 16);
        auto read = (*reader)->read(0, size);
        REQUIRE(read.has_value());
        REQUIRE(*read == plain.left(size));
        ++cuts;
    }
    CHECK(cuts > 3'000);
}

TEST_CASE("any altered, moved, dropped or foreign chunk and any altered header byte is detected")
{
    Folders folders;
    FileKeyStore store(folders.keys());
    auto keys = DeviceKeys::open(folders.data(), store);
    REQUIRE(keys.has_value());
    const QByteArray plain = randomBytes(4096 * 3 + 100, 4);
    const auto path = folders.root.filePath(QStringLiteral("small.enc"));
    writeEncrypted(path, *keys, plain, 4096, true);
    const auto stored = fileBytes(path);
    const auto damaged = folders.root.filePath(QStringLiteral("damaged.enc"));
    const auto detected = [&](const QByteArray &bytes) {
        writeBytes(damaged, bytes);
        auto reader = EncryptedReader::open(damaged, *keys);
        if (!reader)
            return true;
        return !(*reader)->verify(true).has_value();
    };
    REQUIRE_FALSE(detected(stored));

    // Every single byte flipped, one at a time.
    int missed = 0;
    for (qsizetype i = 0; i < stored.size(); ++i) {
        auto copy = stored;
        copy[i] = char(copy[i] ^ 0x01);
        if (!detected(copy))
            ++missed;
    }
    CHECK(missed == 0);

    // Chunks 0 and 1 (same length) swapped; chunk 1 dropped; the final chunk dropped; bytes appended.
    const qsizetype record = 4 + 4096 + 16;
    const auto chunk = [&](int i) { return stored.mid(kEncryptedHeaderSize + i * record, record); };
    const auto header = stored.left(kEncryptedHeaderSize);
    CHECK(detected(header + chunk(1) + chunk(0) + stored.mid(kEncryptedHeaderSize + 2 * record)));
    CHECK(detected(header + chunk(0) + stored.mid(kEncryptedHeaderSize + 2 * record)));
    CHECK(detected(stored.left(stored.size() - (4 + 100 + 16))));
    CHECK(detected(stored + QByteArray(1, '\0')));
    // A chunk from another file with the same device key.
    const auto otherPath = folders.root.filePath(QStringLiteral("other.enc"));
    writeEncrypted(otherPath, *keys, randomBytes(plain.size(), 5), 4096, true);
    const auto other = fileBytes(otherPath);
    CHECK(detected(header + other.mid(kEncryptedHeaderSize, record) + stored.mid(kEncryptedHeaderSize + record)));
    // The header of another file (its own data key) in front of this file's chunks.
    CHECK(detected(other.left(kEncryptedHeaderSize) + stored.mid(kEncryptedHeaderSize)));
}

TEST_CASE("a player reads an encrypted file through a seekable decrypting device or an in-memory file, never altered bytes")
{
    Folders folders;
    FileKeyStore store(folders.keys());
    auto keys = DeviceKeys::open(folders.data(), store);
    REQUIRE(keys.has_value());
    const QByteArray plain = randomBytes(200'000, 7);
    const auto path = folders.root.filePath(QStringLiteral("recording.enc"));
    writeEncrypted(path, *keys, plain, 50'000, true, 65'536);

    auto device = EncryptedFileDevice::open(path, *keys);
    REQUIRE(device.has_value());
    CHECK_FALSE((*device)->isSequential());
    CHECK((*device)->size() == plain.size());
    REQUIRE((*device)->seek(150'000));
    CHECK((*device)->read(10'000) == plain.mid(150'000, 10'000));
    REQUIRE((*device)->seek(3));
    CHECK((*device)->read(70'000) == plain.mid(3, 70'000)); // across a chunk boundary
    REQUIRE((*device)->seek(plain.size()));
    CHECK((*device)->atEnd());
    CHECK((*device)->write("x", 1) == -1);

    auto memory = MemoryFile::open(path, *keys);
    if (!memory && memory.error().code == ErrorCode::DeviceUnavailable)
        SKIP("no anonymous memory files on this platform");
    REQUIRE(memory.has_value());
    QFile opened(memory->path());
    REQUIRE(opened.open(QIODevice::ReadOnly));
    CHECK(opened.readAll() == plain);
    CHECK_FALSE(memory->path().startsWith(folders.root.path()));

    // One altered byte in the second chunk: the device fails that read instead of handing it
    // over, and no in-memory copy is made at all.
    QByteArray stored = fileBytes(path);
    stored[kEncryptedHeaderSize + 4 + 65'536 + 16 + 4 + 100] = char(stored[kEncryptedHeaderSize + 4 + 65'536 + 16 + 4 + 100] ^ 1);
    writeBytes(path, stored);
    auto damaged = EncryptedFileDevice::open(path, *keys);
    REQUIRE(damaged.has_value());
    CHECK((*damaged)->read(1000) == plain.left(1000)); // the first chunk is fine
    REQUIRE((*damaged)->seek(70'000));
    CHECK((*damaged)->read(1000).isEmpty());
    CHECK((*damaged)->errorString().contains(QStringLiteral("fails authentication")));
    CHECK_FALSE(MemoryFile::open(path, *keys).has_value());
}
