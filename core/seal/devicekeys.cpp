#include "core/seal/devicekeys.h"

#include "core/seal/encryptedfile.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUuid>

#include <openssl/evp.h>
#include <openssl/kdf.h>

#include <cstring>
#include <memory>
#include <optional>

namespace dualrec::seal {

namespace {

constexpr int kMarkerFormat = 1;

QByteArray keyIdOf(const SecretKey &key)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView("dualrec device key id\n"));
    hash.addData(key.bytes());
    return hash.result().left(DeviceKeys::kKeyIdSize);
}

QString keyNameOf(const QString &folderId)
{
    return QStringLiteral("device-") + folderId;
}

/// Something recorded lives here already (a folder used before markers existed, or whose
/// marker was deleted): it is not new.
bool hasEvidence(const QDir &folder)
{
    if (folder.exists(QStringLiteral("journal.sqlite")))
        return true;
    const QDir recordings(folder.filePath(QStringLiteral("recordings")));
    return recordings.exists() && !recordings.entryList(QDir::Files | QDir::NoDotAndDotDot).isEmpty();
}

/// The journal schema version DualRec had when folder markers came (migrations 0001-0004): a
/// journal at this version or older can come from before encryption at rest.
constexpr quint32 kLastUnmarkedSchema = 4;

/// The folders recordings of `folder` were written to: its own and those the journal remembers.
QStringList recordingFolders(const QDir &folder)
{
    QStringList folders{folder.filePath(QStringLiteral("recordings"))};
    QFile remembered(folder.filePath(QStringLiteral("recording-folders.txt")));
    if (remembered.open(QIODevice::ReadOnly)) {
        for (const auto &line : QString::fromUtf8(remembered.read(1024 * 1024)).split(u'\n', Qt::SkipEmptyParts)) {
            if (!line.trimmed().isEmpty())
                folders.append(line.trimmed());
        }
    }
    return folders;
}

/// A trace of a DualRec with encryption at rest in an unmarked folder (then its marker was lost
/// and no key may be made for it), or nothing. `plainFiles` counts the older unencrypted files.
std::optional<QString> encryptionEraTrace(const QDir &folder, int &plainFiles)
{
    QFile journal(folder.filePath(QStringLiteral("journal.sqlite")));
    if (journal.exists()) {
        if (!journal.open(QIODevice::ReadOnly))
            return QStringLiteral("its journal %1 cannot be read (%2)").arg(journal.fileName(), journal.errorString());
        const QByteArray header = journal.read(100);
        if (header.size() < 100 || !header.startsWith(QByteArrayView("SQLite format 3\0", 16)))
            return QStringLiteral("its journal %1 is not a readable SQLite database, so its age cannot be told").arg(journal.fileName());
        const auto *bytes = reinterpret_cast<const uchar *>(header.constData());
        const quint32 version = (quint32(bytes[60]) << 24) | (quint32(bytes[61]) << 16) | (quint32(bytes[62]) << 8) | quint32(bytes[63]);
        if (version > kLastUnmarkedSchema)
            return QStringLiteral("its journal %1 has schema version %2, written by a DualRec with encryption at rest")
                .arg(journal.fileName())
                .arg(version);
    }
    const QDir keys(folder.filePath(QStringLiteral("keys")));
    for (const auto &name : keys.entryList(QDir::Files | QDir::Hidden)) {
        if (name.startsWith(QLatin1String("device-")) || name.endsWith(QLatin1String(".wrapped")))
            return QStringLiteral("its key folder holds %1").arg(keys.filePath(name));
    }
    for (const auto &name : {QStringLiteral("device-signing.json"), QStringLiteral("packages")}) {
        if (folder.exists(name))
            return QStringLiteral("it holds %1").arg(folder.filePath(name));
    }
    plainFiles = 0;
    for (const auto &path : recordingFolders(folder)) {
        const QDir recordings(path);
        for (const auto &name : recordings.entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot)) {
            if (looksEncrypted(recordings.filePath(name)))
                return QStringLiteral("the encrypted file %1").arg(recordings.filePath(name));
            ++plainFiles;
        }
    }
    return std::nullopt;
}

struct CipherContextDeleter {
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};

/// AES-256 key wrap (RFC 3394) in either direction.
Result<QByteArray> keyWrap(const SecretKey &kek, const QByteArray &input, bool encrypt)
{
    std::unique_ptr<EVP_CIPHER_CTX, CipherContextDeleter> context(EVP_CIPHER_CTX_new());
    if (!context)
        return fail(ErrorCode::OutOfMemory, QStringLiteral("no cipher context for the key wrap"));
    EVP_CIPHER_CTX_set_flags(context.get(), EVP_CIPHER_CTX_FLAG_WRAP_ALLOW);
    const auto *key = reinterpret_cast<const unsigned char *>(kek.bytes().constData());
    if (EVP_CipherInit_ex(context.get(), EVP_aes_256_wrap(), nullptr, key, nullptr, encrypt ? 1 : 0) != 1)
        return fail(ErrorCode::InternalError, QStringLiteral("the key wrap cannot start"));
    QByteArray output(input.size() + 16, '\0');
    int written = 0;
    int finalWritten = 0;
    auto *out = reinterpret_cast<unsigned char *>(output.data());
    if (EVP_CipherUpdate(context.get(), out, &written, reinterpret_cast<const unsigned char *>(input.constData()),
                         int(input.size()))
            != 1
        || EVP_CipherFinal_ex(context.get(), out + written, &finalWritten) != 1)
        return fail(ErrorCode::DataCorrupt, encrypt ? QStringLiteral("wrapping a data key failed")
                                                    : QStringLiteral("a wrapped data key does not open with this device key "
                                                                     "(another device's file, or altered)"));
    output.truncate(written + finalWritten);
    return output;
}

} // namespace

DeviceKeys::DeviceKeys(SecretKey key, QByteArray keyId, QString folderId, QString backend)
    : m_key(std::move(key)), m_keyId(std::move(keyId)), m_folderId(std::move(folderId)), m_backend(std::move(backend))
{
}

Result<DeviceKeys> DeviceKeys::open(const QString &dataFolder, KeyStore &store)
{
    const QDir folder(dataFolder);
    const QString markerPath = folder.filePath(markerName());
    QFile markerFile(markerPath);
    if (!markerFile.exists()) {
        QString adoption;
        if (hasEvidence(folder)) {
            int plainFiles = 0;
            if (const auto trace = encryptionEraTrace(folder, plainFiles))
                return fail(ErrorCode::DataCorrupt,
                            QStringLiteral("%1 holds recordings or a journal but no folder marker (%2), and %3: its keys "
                                           "cannot be found; nothing was changed")
                                .arg(dataFolder, markerName(), *trace));
            adoption = QStringLiteral("the data folder %1 was used by a DualRec from before encryption at rest (no folder "
                                      "marker, a journal of schema version %2 or older, no encrypted file): it now has a "
                                      "device key; its %3 older recording file(s) stay as they were, unencrypted")
                           .arg(dataFolder)
                           .arg(kLastUnmarkedSchema)
                           .arg(plainFiles);
        }
        // A new folder: its device key first, then the marker that says the folder is in use.
        auto key = SecretKey::generate();
        if (!key)
            return std::unexpected(key.error());
        const QString folderId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (auto stored = store.write(keyNameOf(folderId), key->bytes()); !stored)
            return std::unexpected(stored.error());
        const auto id = keyIdOf(*key);
        QJsonObject marker{{QStringLiteral("format"), kMarkerFormat},
                           {QStringLiteral("folder_id"), folderId},
                           {QStringLiteral("device_key_id"), QString::fromLatin1(id.toHex())},
                           {QStringLiteral("key_store"), store.backendName()},
                           {QStringLiteral("created"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
        if (!adoption.isEmpty())
            marker.insert(QStringLiteral("adopted"), QStringLiteral("a folder from before encryption at rest"));
        if (!QDir().mkpath(dataFolder))
            return fail(ErrorCode::IoError, QStringLiteral("cannot create the data folder %1").arg(dataFolder));
        QSaveFile out(markerPath);
        if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(marker).toJson()) < 0 || !out.commit())
            return fail(ErrorCode::IoError, QStringLiteral("cannot write the folder marker %1: %2").arg(markerPath, out.errorString()));
        DeviceKeys made(std::move(*key), id, folderId, store.backendName());
        made.m_adoption = adoption;
        return made;
    }

    if (!markerFile.open(QIODevice::ReadOnly))
        return fail(ErrorCode::IoError, QStringLiteral("cannot read the folder marker %1: %2").arg(markerPath, markerFile.errorString()));
    const auto marker = QJsonDocument::fromJson(markerFile.read(64 * 1024)).object();
    const auto folderId = marker.value(QStringLiteral("folder_id")).toString();
    const auto expectedId = QByteArray::fromHex(marker.value(QStringLiteral("device_key_id")).toString().toLatin1());
    if (marker.value(QStringLiteral("format")).toInt() != kMarkerFormat || QUuid::fromString(folderId).isNull()
        || expectedId.size() != kKeyIdSize)
        return fail(ErrorCode::DataCorrupt,
                    QStringLiteral("the folder marker %1 is damaged (expected format %2 with folder_id and device_key_id); "
                                   "nothing was changed")
                        .arg(markerPath)
                        .arg(kMarkerFormat));
    auto stored = store.read(keyNameOf(folderId));
    if (!stored)
        return std::unexpected(stored.error());
    const auto keptIn = marker.value(QStringLiteral("key_store")).toString();
    if (!stored->has_value())
        return fail(ErrorCode::NotFound,
                    QStringLiteral("the device key of %1 (id %2) is missing from the key store (%3%4); the folder's "
                                   "encrypted files cannot be opened; nothing was changed")
                        .arg(dataFolder, QString::fromLatin1(expectedId.toHex()), store.backendName(),
                             keptIn != store.backendName() ? QStringLiteral("; it was kept in the %1").arg(keptIn) : QString()));
    auto key = SecretKey::fromBytes(**stored);
    if (!key)
        return fail(ErrorCode::DataCorrupt, QStringLiteral("the device key of %1 in the key store (%2) is damaged: %3")
                                                .arg(dataFolder, store.backendName(), key.error().detail));
    const auto id = keyIdOf(*key);
    if (id != expectedId)
        return fail(ErrorCode::DataCorrupt,
                    QStringLiteral("the key store (%1) holds another key for %2 (id %3, the folder marker names %4); nothing "
                                   "was changed")
                        .arg(store.backendName(), dataFolder, QString::fromLatin1(id.toHex()),
                             QString::fromLatin1(expectedId.toHex())));
    return DeviceKeys(std::move(*key), id, folderId, store.backendName());
}

Result<QByteArray> DeviceKeys::wrap(const SecretKey &dataKey) const
{
    return keyWrap(m_key, dataKey.bytes(), true);
}

Result<SecretKey> DeviceKeys::unwrap(const QByteArray &wrapped) const
{
    if (wrapped.size() != kWrappedSize)
        return fail(ErrorCode::DataCorrupt, QStringLiteral("a wrapped data key has %1 bytes; found %2").arg(kWrappedSize).arg(wrapped.size()));
    auto plain = keyWrap(m_key, wrapped, false);
    if (!plain)
        return std::unexpected(plain.error());
    return SecretKey::fromBytes(*plain);
}

Result<SecretKey> DeviceKeys::derive(DerivedKey purpose) const
{
    const char *label = nullptr;
    switch (purpose) {
    case DerivedKey::PersonalData: label = "dualrec personal-data key v1"; break;
    case DerivedKey::Integrity: label = "dualrec integrity key v1"; break;
    case DerivedKey::Invalid: break;
    }
    if (!label)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("no such derived key"));
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> context(EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr),
                                                                        &EVP_PKEY_CTX_free);
    const QByteArray salt = m_folderId.toLatin1();
    QByteArray derived(SecretKey::kSize, '\0');
    std::size_t size = std::size_t(derived.size());
    if (!context || EVP_PKEY_derive_init(context.get()) <= 0 || EVP_PKEY_CTX_set_hkdf_md(context.get(), EVP_sha256()) <= 0
        || EVP_PKEY_CTX_set1_hkdf_salt(context.get(), reinterpret_cast<const unsigned char *>(salt.constData()), int(salt.size())) <= 0
        || EVP_PKEY_CTX_set1_hkdf_key(context.get(), reinterpret_cast<const unsigned char *>(m_key.bytes().constData()),
                                      int(m_key.bytes().size()))
               <= 0
        || EVP_PKEY_CTX_add1_hkdf_info(context.get(), reinterpret_cast<const unsigned char *>(label), int(std::strlen(label))) <= 0
        || EVP_PKEY_derive(context.get(), reinterpret_cast<unsigned char *>(derived.data()), &size) <= 0
        || size != std::size_t(SecretKey::kSize))
        return fail(ErrorCode::InternalError, QStringLiteral("the key derivation (HKDF) failed"));
    return SecretKey::fromBytes(derived);
}

Result<std::pair<SecretKey, QByteArray>> DeviceKeys::newDataKey() const
{
    auto key = SecretKey::generate();
    if (!key)
        return std::unexpected(key.error());
    auto wrapped = wrap(*key);
    if (!wrapped)
        return std::unexpected(wrapped.error());
    return std::pair{std::move(*key), std::move(*wrapped)};
}

} // namespace dualrec::seal
