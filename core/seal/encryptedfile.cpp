#include "core/seal/encryptedfile.h"

#include "core/util/freespace.h"

#include <QFileInfo>

#include <QCryptographicHash>
#include <QtEndian>

#include <openssl/evp.h>
#include <openssl/rand.h>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

#include <algorithm>
#include <cstring>

namespace dualrec::seal {

namespace {

constexpr char kMagic[8] = {'D', 'R', 'E', 'N', 'C', 0, 0, 1};
constexpr qint64 kTagSize = 16;
constexpr qint64 kLengthSize = 4;
constexpr quint32 kFinalBit = 0x8000'0000u;
constexpr qint64 kMinChunkSize = 4 * 1024;
constexpr qint64 kMaxChunkSize = 16 * 1024 * 1024;
constexpr qint64 kFileIdSize = 16;

struct CipherContextDeleter {
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, CipherContextDeleter>;

QByteArray nonceOf(quint64 index)
{
    QByteArray nonce(12, '\0');
    qToBigEndian(index, nonce.data() + 4);
    return nonce;
}

QByteArray associatedData(const QByteArray &headerDigest, quint64 index, bool final, quint32 length)
{
    QByteArray aad = headerDigest;
    char tail[8 + 1 + 4];
    qToBigEndian(index, tail);
    tail[8] = final ? 1 : 0;
    qToBigEndian(length, tail + 9);
    aad.append(tail, sizeof tail);
    return aad;
}

const unsigned char *u8(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

/// AES-256-GCM of one chunk into `out` (input size bytes when encrypting, input size - tag when
/// decrypting; encrypting appends the tag); `encrypt` false: `input` is ciphertext||tag.
Result<void> gcmInto(const SecretKey &key, quint64 index, const QByteArray &aad, QByteArrayView input, bool encrypt, unsigned char *out)
{
    CipherContext context(EVP_CIPHER_CTX_new());
    if (!context)
        return fail(ErrorCode::OutOfMemory, QStringLiteral("no cipher context"));
    const auto nonce = nonceOf(index);
    if (EVP_CipherInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr, encrypt ? 1 : 0) != 1
        || EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, int(nonce.size()), nullptr) != 1
        || EVP_CipherInit_ex(context.get(), nullptr, nullptr, u8(key.bytes()), u8(nonce), encrypt ? 1 : 0) != 1)
        return fail(ErrorCode::InternalError, QStringLiteral("AES-256-GCM cannot start"));
    int produced = 0;
    if (EVP_CipherUpdate(context.get(), nullptr, &produced, u8(aad), int(aad.size())) != 1)
        return fail(ErrorCode::InternalError, QStringLiteral("AES-256-GCM rejected the associated data"));
    const qint64 bodySize = encrypt ? input.size() : input.size() - kTagSize;
    if (bodySize < 0)
        return fail(ErrorCode::DataCorrupt, QStringLiteral("chunk %1 is shorter than its tag").arg(index));
    const auto *in = reinterpret_cast<const unsigned char *>(input.data());
    if (bodySize > 0 && EVP_CipherUpdate(context.get(), out, &produced, in, int(bodySize)) != 1)
        return fail(ErrorCode::InternalError, QStringLiteral("AES-256-GCM failed"));
    if (!encrypt
        && EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, int(kTagSize), const_cast<unsigned char *>(in + bodySize)) != 1)
        return fail(ErrorCode::InternalError, QStringLiteral("AES-256-GCM rejected the tag"));
    int finalProduced = 0;
    if (EVP_CipherFinal_ex(context.get(), out + bodySize, &finalProduced) != 1)
        return fail(ErrorCode::DataCorrupt, QStringLiteral("chunk %1 fails authentication").arg(index));
    if (encrypt
        && EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, int(kTagSize), out + bodySize) != 1)
        return fail(ErrorCode::InternalError, QStringLiteral("AES-256-GCM gave no tag"));
    return {};
}

/// gcmInto() into a new array.
Result<QByteArray> gcm(const SecretKey &key, quint64 index, const QByteArray &aad, QByteArrayView input, bool encrypt)
{
    const qint64 bodySize = encrypt ? input.size() : input.size() - kTagSize;
    if (bodySize < 0)
        return fail(ErrorCode::DataCorrupt, QStringLiteral("chunk %1 is shorter than its tag").arg(index));
    QByteArray output(bodySize + (encrypt ? kTagSize : 0), Qt::Uninitialized);
    if (auto done = gcmInto(key, index, aad, input, encrypt, reinterpret_cast<unsigned char *>(output.data())); !done)
        return std::unexpected(done.error());
    return output;
}

bool syncToDisk(QFile &file)
{
    if (!file.flush())
        return false;
#ifdef Q_OS_WIN
    return _commit(file.handle()) == 0;
#else
    return ::fsync(file.handle()) == 0;
#endif
}

} // namespace

bool looksEncrypted(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(sizeof kMagic) == QByteArray(kMagic, sizeof kMagic);
}

// ---- writer ----------------------------------------------------------------------------------

EncryptedWriter::EncryptedWriter(QString path, SecretKey key, QByteArray header, qint64 chunkSize)
    : m_file(std::move(path)), m_key(std::move(key)),
      m_headerDigest(QCryptographicHash::hash(header, QCryptographicHash::Sha256)), m_chunkSize(chunkSize)
{
}

Result<std::unique_ptr<EncryptedWriter>> EncryptedWriter::create(const QString &path, const DeviceKeys &keys, qint64 chunkSize)
{
    if (chunkSize < kMinChunkSize || chunkSize > kMaxChunkSize)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("chunk size %1 is outside %2..%3 bytes").arg(chunkSize).arg(kMinChunkSize).arg(kMaxChunkSize));
    auto dataKey = keys.newDataKey();
    if (!dataKey)
        return std::unexpected(dataKey.error());
    QByteArray header(kMagic, sizeof kMagic);
    char word[4];
    qToBigEndian(quint32(chunkSize), word);
    header.append(word, 4);
    header.append(keys.keyId());
    char shortWord[2];
    qToBigEndian(quint16(dataKey->second.size()), shortWord);
    header.append(shortWord, 2);
    header.append(dataKey->second);
    QByteArray fileId(kFileIdSize, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(fileId.data()), int(fileId.size())) != 1)
        return fail(ErrorCode::InternalError, QStringLiteral("the random number generator failed"));
    header.append(fileId);
    Q_ASSERT(header.size() == kEncryptedHeaderSize);

    std::unique_ptr<EncryptedWriter> writer(new EncryptedWriter(path, std::move(dataKey->first), header, chunkSize));
    if (!writer->m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return fail(ErrorCode::IoError, QStringLiteral("cannot create %1: %2").arg(path, writer->m_file.errorString()));
    writer->m_file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    if (writer->m_file.write(header) != header.size() || !writer->m_file.flush())
        return fail(ErrorCode::IoError, QStringLiteral("cannot write %1: %2").arg(path, writer->m_file.errorString()));
    return writer;
}

EncryptedWriter::~EncryptedWriter()
{
    if (!m_finished && !m_failed && m_file.isOpen())
        (void)flush(); // best effort: the file stays readable up to here, marked incomplete
}

Result<void> EncryptedWriter::sealChunk(QByteArrayView plain, bool final)
{
    const auto length = quint32(plain.size());
    auto sealed = gcm(m_key, m_chunks, associatedData(m_headerDigest, m_chunks, final, length), plain, true);
    if (!sealed) {
        m_failed = true;
        return std::unexpected(sealed.error());
    }
    QByteArray record(kLengthSize, '\0');
    qToBigEndian(length | (final ? kFinalBit : 0u), record.data());
    record.append(*sealed);
    // One write per chunk: a crash tears at most this one.
    if (m_file.write(record) != record.size()) {
        m_failed = true;
        const auto free = freeBytes(QFileInfo(m_file.fileName()).absolutePath());
        const bool full = m_file.error() == QFileDevice::ResourceError || (free && *free < qint64(record.size()) + 4096);
        return fail(full ? ErrorCode::DiskFull : ErrorCode::IoError,
                    QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString()));
    }
    ++m_chunks;
    return {};
}

Result<void> EncryptedWriter::write(QByteArrayView data)
{
    if (m_finished || m_failed)
        return fail(ErrorCode::InvalidState, QStringLiteral("%1 is closed for writing").arg(m_file.fileName()));
    m_buffer.append(data.data(), data.size());
    m_size += data.size();
    qint64 sealedUpTo = 0;
    while (m_buffer.size() - sealedUpTo >= m_chunkSize) {
        if (auto sealed = sealChunk(QByteArrayView(m_buffer).sliced(sealedUpTo, m_chunkSize), false); !sealed)
            return sealed;
        sealedUpTo += m_chunkSize;
    }
    if (sealedUpTo > 0)
        m_buffer.remove(0, sealedUpTo);
    return {};
}

Result<void> EncryptedWriter::flush(bool sync)
{
    if (m_finished || m_failed)
        return fail(ErrorCode::InvalidState, QStringLiteral("%1 is closed for writing").arg(m_file.fileName()));
    if (!m_buffer.isEmpty()) {
        if (auto sealed = sealChunk(m_buffer, false); !sealed)
            return sealed;
        m_buffer.clear();
    }
    if (!(sync ? syncToDisk(m_file) : m_file.flush())) {
        m_failed = true;
        // A full disk is said as such, like a failed chunk write (a failed flush does not always
        // carry ENOSPC in QFile's error: the folder's free space tells).
        const auto free = freeBytes(QFileInfo(m_file.fileName()).absolutePath());
        const bool full = m_file.error() == QFileDevice::ResourceError || (free && *free < qint64(m_chunkSize) + 4096);
        return fail(full ? ErrorCode::DiskFull : ErrorCode::IoError,
                    QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString()));
    }
    return {};
}

Result<void> EncryptedWriter::finish()
{
    if (m_finished || m_failed)
        return fail(ErrorCode::InvalidState, QStringLiteral("%1 is closed for writing").arg(m_file.fileName()));
    if (auto sealed = sealChunk(m_buffer, true); !sealed)
        return sealed;
    m_buffer.clear();
    if (!syncToDisk(m_file)) {
        m_failed = true;
        return fail(ErrorCode::IoError, QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString()));
    }
    m_file.close();
    m_finished = true;
    return {};
}

// ---- reader ----------------------------------------------------------------------------------

EncryptedReader::EncryptedReader(QString path, SecretKey key, QByteArray headerDigest)
    : m_file(std::move(path)), m_key(std::move(key)), m_headerDigest(std::move(headerDigest))
{
}

Result<std::unique_ptr<EncryptedReader>> EncryptedReader::open(const QString &path, const DeviceKeys &keys)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::NotFound, QStringLiteral("cannot open %1: %2").arg(path, file.errorString()));
    const auto header = file.read(kEncryptedHeaderSize);
    if (header.size() < qsizetype(sizeof kMagic) || !header.startsWith(QByteArray(kMagic, sizeof kMagic)))
        return fail(ErrorCode::FormatError, QStringLiteral("%1 is not an encrypted DualRec file").arg(path));
    if (header.size() != kEncryptedHeaderSize)
        return fail(ErrorCode::DataCorrupt, QStringLiteral("%1: the header is cut short").arg(path));
    const auto chunkSize = qint64(qFromBigEndian<quint32>(header.constData() + 8));
    const auto keyId = header.mid(12, DeviceKeys::kKeyIdSize);
    const auto wrappedSize = qFromBigEndian<quint16>(header.constData() + 20);
    if (chunkSize < kMinChunkSize || chunkSize > kMaxChunkSize || wrappedSize != DeviceKeys::kWrappedSize)
        return fail(ErrorCode::DataCorrupt, QStringLiteral("%1: the header is damaged (chunk size %2, wrapped key %3 bytes)")
                                                .arg(path).arg(chunkSize).arg(wrappedSize));
    if (keyId != keys.keyId())
        return fail(ErrorCode::DataCorrupt,
                    QStringLiteral("%1 was encrypted with another device key (id %2; this folder's is %3)")
                        .arg(path, QString::fromLatin1(keyId.toHex()), QString::fromLatin1(keys.keyId().toHex())));
    auto dataKey = keys.unwrap(header.mid(22, wrappedSize));
    if (!dataKey)
        return fail(ErrorCode::DataCorrupt, QStringLiteral("%1: %2").arg(path, dataKey.error().detail));

    std::unique_ptr<EncryptedReader> reader(
        new EncryptedReader(path, std::move(*dataKey), QCryptographicHash::hash(header, QCryptographicHash::Sha256)));
    // The layout: walk the length fields. A length past the chunk size is damage; a chunk that
    // runs past the end of the file is the torn tail of a crash.
    const qint64 fileSize = file.size();
    qint64 at = kEncryptedHeaderSize;
    qint64 plain = 0;
    while (at < fileSize) {
        if (reader->m_complete)
            return fail(ErrorCode::DataCorrupt, QStringLiteral("%1: %2 bytes follow the final chunk").arg(path).arg(fileSize - at));
        if (fileSize - at < kLengthSize) {
            reader->m_tornBytes = fileSize - at;
            break;
        }
        file.seek(at);
        const auto field = qFromBigEndian<quint32>(file.read(kLengthSize).constData());
        const qint64 length = field & ~kFinalBit;
        const bool final = field & kFinalBit;
        if (length > chunkSize)
            return fail(ErrorCode::DataCorrupt, QStringLiteral("%1: chunk %2 at byte %3 claims %4 bytes, more than the chunk size %5")
                                                    .arg(path).arg(reader->m_chunks.size()).arg(at).arg(length).arg(chunkSize));
        const qint64 recordSize = kLengthSize + length + kTagSize;
        if (at + recordSize > fileSize) {
            reader->m_tornBytes = fileSize - at;
            break;
        }
        reader->m_chunks.push_back({at, plain, length, final});
        reader->m_complete = final;
        plain += length;
        at += recordSize;
    }
    reader->m_size = plain;
    if (!reader->m_file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::IoError, QStringLiteral("cannot open %1: %2").arg(path, reader->m_file.errorString()));
    return reader;
}

Result<QByteArray> EncryptedReader::decryptChunk(std::size_t index)
{
    if (index == m_cachedIndex)
        return m_cached;
    const auto &chunk = m_chunks.at(index);
    if (!m_file.seek(chunk.fileOffset + kLengthSize))
        return fail(ErrorCode::IoError, QStringLiteral("cannot read %1").arg(m_file.fileName()));
    const auto sealed = m_file.read(chunk.length + kTagSize);
    if (sealed.size() != chunk.length + kTagSize)
        return fail(ErrorCode::IoError, QStringLiteral("cannot read %1: %2").arg(m_file.fileName(), m_file.errorString()));
    auto plain = gcm(m_key, index, associatedData(m_headerDigest, index, chunk.final, quint32(chunk.length)), sealed, false);
    if (!plain)
        return fail(ErrorCode::DataCorrupt, QStringLiteral("%1: chunk %2 at byte %3 fails authentication (altered or damaged)")
                                                .arg(m_file.fileName()).arg(index).arg(chunk.fileOffset));
    m_cachedIndex = index;
    m_cached = *plain;
    return plain;
}

Result<QByteArray> EncryptedReader::read(qint64 offset, qint64 maxSize)
{
    if (offset < 0 || maxSize < 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("negative read"));
    QByteArray out;
    if (offset >= m_size || maxSize == 0)
        return out;
    // The first chunk that holds `offset`.
    auto it = std::upper_bound(m_chunks.cbegin(), m_chunks.cend(), offset,
                               [](qint64 value, const Chunk &chunk) { return value < chunk.plainOffset; });
    auto index = std::size_t(std::distance(m_chunks.cbegin(), it)) - 1;
    const qint64 want = std::min(maxSize, m_size - offset);
    out.reserve(want);
    while (out.size() < want && index < m_chunks.size()) {
        const auto &chunk = m_chunks[index];
        if (chunk.length == 0) {
            ++index;
            continue;
        }
        auto plain = decryptChunk(index);
        if (!plain)
            return std::unexpected(plain.error());
        const qint64 from = offset + out.size() - chunk.plainOffset;
        out.append(plain->constData() + from, std::min<qint64>(chunk.length - from, want - out.size()));
        ++index;
    }
    return out;
}

Result<void> EncryptedReader::decryptChunkInto(std::size_t index, char *data)
{
    const auto &chunk = m_chunks.at(index);
    if (!m_file.seek(chunk.fileOffset + kLengthSize))
        return fail(ErrorCode::IoError, QStringLiteral("cannot read %1").arg(m_file.fileName()));
    m_sealed.resize(chunk.length + kTagSize);
    if (m_file.read(m_sealed.data(), m_sealed.size()) != m_sealed.size())
        return fail(ErrorCode::IoError, QStringLiteral("cannot read %1: %2").arg(m_file.fileName(), m_file.errorString()));
    if (!gcmInto(m_key, index, associatedData(m_headerDigest, index, chunk.final, quint32(chunk.length)), m_sealed, false,
                 reinterpret_cast<unsigned char *>(data)))
        return fail(ErrorCode::DataCorrupt, QStringLiteral("%1: chunk %2 at byte %3 fails authentication (altered or damaged)")
                                                .arg(m_file.fileName()).arg(index).arg(chunk.fileOffset));
    return {};
}

Result<qint64> EncryptedReader::readInto(qint64 offset, char *data, qint64 maxSize)
{
    if (offset < 0 || maxSize < 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("negative read"));
    if (offset >= m_size || maxSize == 0)
        return 0;
    auto it = std::upper_bound(m_chunks.cbegin(), m_chunks.cend(), offset,
                               [](qint64 value, const Chunk &chunk) { return value < chunk.plainOffset; });
    auto index = std::size_t(std::distance(m_chunks.cbegin(), it)) - 1;
    const qint64 want = std::min(maxSize, m_size - offset);
    qint64 done = 0;
    while (done < want && index < m_chunks.size()) {
        const auto &chunk = m_chunks[index];
        const qint64 from = offset + done - chunk.plainOffset;
        const qint64 take = std::min<qint64>(chunk.length - from, want - done);
        if (take <= 0) {
            ++index;
            continue;
        }
        if (from == 0 && take == chunk.length && index != m_cachedIndex) {
            // A whole chunk: decrypted straight into the caller's buffer, no copy.
            if (auto decrypted = decryptChunkInto(index, data + done); !decrypted)
                return std::unexpected(decrypted.error());
        } else {
            auto plain = decryptChunk(index);
            if (!plain)
                return std::unexpected(plain.error());
            std::memcpy(data + done, plain->constData() + from, size_t(take));
        }
        done += take;
        ++index;
    }
    return done;
}

Result<void> EncryptedReader::verify(bool requireComplete)
{
    for (std::size_t i = 0; i < m_chunks.size(); ++i)
        if (auto plain = decryptChunk(i); !plain)
            return std::unexpected(plain.error());
    if (requireComplete && !m_complete)
        return fail(ErrorCode::DataCorrupt,
                    QStringLiteral("%1 is cut short: it has no final chunk%2")
                        .arg(m_file.fileName(), m_tornBytes > 0 ? QStringLiteral(" (%1 torn bytes at the end)").arg(m_tornBytes) : QString()));
    return {};
}

} // namespace dualrec::seal
