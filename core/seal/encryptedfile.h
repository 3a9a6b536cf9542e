#pragma once

#include "core/seal/devicekeys.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <memory>
#include <vector>

namespace dualrec::seal {

/// Evidence encrypted as it is written (docs/security.md, "Encrypted files"): AES-256-GCM in
/// independently authenticated chunks under a per-file data key, which is wrapped with the
/// device key and stored in the file's own header.
///
///     header  "DRENC" 0 0 1 | u32 chunk size | 8-byte device key id | u16 40 | 40-byte wrapped
///             data key | 16-byte random file id                                  (78 bytes)
///     chunk   u32 length (bit 31: final chunk) | ciphertext (length bytes) | 16-byte GCM tag
///
/// Chunk i uses the nonce 0^4 || i (64-bit big-endian) under the file's own key, and
/// authenticates SHA-256(header) || i || final flag || length, so a chunk cannot be altered,
/// moved, dropped from the middle, or taken into another file unnoticed. A finished file ends
/// with a chunk marked final (possibly empty): without it the file was cut short (a crash), and
/// the reader says so. A chunk is appended with one write; after a crash every complete chunk
/// still decrypts and a torn last one is detected and left out, never misread.
inline constexpr qint64 kEncryptedHeaderSize = 78;
inline constexpr qint64 kDefaultChunkSize = 256 * 1024;

/// Whether `path` starts like an encrypted file (its magic); says nothing about its integrity.
[[nodiscard]] bool looksEncrypted(const QString &path);

/// Thread contract: one thread at a time.
class EncryptedWriter final
{
public:
    /// Creates `path` (refuses an existing file) with a fresh data key wrapped by `keys`.
    [[nodiscard]] static Result<std::unique_ptr<EncryptedWriter>> create(const QString &path, const DeviceKeys &keys,
                                                                         qint64 chunkSize = kDefaultChunkSize);
    /// Unfinished: what was flushed stays readable, the rest is lost (as in a crash).
    ~EncryptedWriter();
    EncryptedWriter(const EncryptedWriter &) = delete;
    EncryptedWriter &operator=(const EncryptedWriter &) = delete;

    /// Appends plaintext; full chunks are encrypted and written as they fill.
    [[nodiscard]] Result<void> write(QByteArrayView data);
    /// Encrypts and writes what is buffered as a (shorter) chunk, and hands it to the OS.
    /// `sync`: also to the disk (fsync), for the recorder's crash guarantee.
    [[nodiscard]] Result<void> flush(bool sync = false);
    /// Writes the rest and the final chunk, syncs and closes. Nothing can be written after.
    [[nodiscard]] Result<void> finish();
    /// Plaintext bytes accepted so far.
    [[nodiscard]] qint64 size() const { return m_size; }
    [[nodiscard]] QString path() const { return m_file.fileName(); }

private:
    EncryptedWriter(QString path, SecretKey key, QByteArray header, qint64 chunkSize);
    [[nodiscard]] Result<void> sealChunk(QByteArrayView plain, bool final);

    QFile m_file;
    SecretKey m_key;
    QByteArray m_headerDigest;
    qint64 m_chunkSize;
    QByteArray m_buffer;
    quint64 m_chunks = 0;
    qint64 m_size = 0;
    bool m_finished = false;
    bool m_failed = false;
};

/// Reads an encrypted file with random access, authenticating every chunk it touches.
/// Thread contract: one thread at a time.
class EncryptedReader final
{
public:
    /// Reads the header (unwrapping the data key with `keys`) and the chunk layout. Errors:
    /// FormatError (not an encrypted file), DataCorrupt (header or layout damaged, another
    /// device's key).
    [[nodiscard]] static Result<std::unique_ptr<EncryptedReader>> open(const QString &path, const DeviceKeys &keys);

    /// Plaintext bytes in the complete chunks.
    [[nodiscard]] qint64 size() const { return m_size; }
    /// The file ends with its final chunk (false: it was cut short, e.g. by a crash).
    [[nodiscard]] bool complete() const { return m_complete; }
    /// Bytes after the last complete chunk (a chunk torn by a crash), left out.
    [[nodiscard]] qint64 tornBytes() const { return m_tornBytes; }
    [[nodiscard]] int chunkCount() const { return int(m_chunks.size()); }

    /// Up to `maxSize` plaintext bytes from `offset` (fewer at the end). DataCorrupt names the
    /// chunk and its file offset when one fails authentication.
    [[nodiscard]] Result<QByteArray> read(qint64 offset, qint64 maxSize);
    /// As read(), into `data` (room for `maxSize` bytes): the bytes read. A whole chunk is
    /// decrypted straight into `data` (sealing a gigabyte recording makes no copies of it).
    [[nodiscard]] Result<qint64> readInto(qint64 offset, char *data, qint64 maxSize);
    /// Authenticates every chunk (and that the file is complete, when `requireComplete`).
    [[nodiscard]] Result<void> verify(bool requireComplete);

private:
    struct Chunk {
        qint64 fileOffset; ///< of its length field
        qint64 plainOffset;
        qint64 length;
        bool final;
    };
    EncryptedReader(QString path, SecretKey key, QByteArray headerDigest);
    [[nodiscard]] Result<QByteArray> decryptChunk(std::size_t index);
    [[nodiscard]] Result<void> decryptChunkInto(std::size_t index, char *data);

    QFile m_file;
    SecretKey m_key;
    QByteArray m_headerDigest;
    std::vector<Chunk> m_chunks;
    qint64 m_size = 0;
    bool m_complete = false;
    qint64 m_tornBytes = 0;
    std::size_t m_cachedIndex = std::size_t(-1);
    QByteArray m_cached;
    QByteArray m_sealed; ///< readInto()'s ciphertext buffer, reused
};

} // namespace dualrec::seal
