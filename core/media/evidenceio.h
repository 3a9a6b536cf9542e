#pragma once

// FFmpeg reading and writing recordings encrypted at rest (docs/security.md, "Encrypted
// files"): custom AVIOContexts over seal::EncryptedWriter / EncryptedReader, so no plaintext
// copy of a recording ever reaches the disk.

#include "core/ffmpeg/avhandles.h"
#include "core/seal/encryptedfile.h"

#include <memory>
#include <optional>

namespace dualrec::media {

/// The device keys evidence is encrypted with. Null: plaintext (only the media layer's own
/// tests; the application always opens the data folder's keys and passes them down).
using EvidenceKeys = std::shared_ptr<const seal::DeviceKeys>;

/// An append-only AVIOContext over an EncryptedWriter. What the muxer writes goes into the
/// writer; seal() encrypts what has come since the last call as one chunk and hands it to the
/// OS. The recorder seals after every packet it muxes: the fragmented MP4 muxer writes a whole
/// fragment at a time, so a chunk is a fragment (split at the chunk size), and kill -9 loses
/// nothing the muxer wrote. Not seekable: the fragmented muxer (empty_moov, skip_trailer)
/// never seeks back; any other seek is refused (ESPIPE) and reported by error().
///
/// Thread contract: one thread at a time (the recorder's encoder thread).
class EncryptedOutput final
{
public:
    [[nodiscard]] static Result<std::unique_ptr<EncryptedOutput>> create(const QString &path, const seal::DeviceKeys &keys);
    ~EncryptedOutput();
    EncryptedOutput(const EncryptedOutput &) = delete;
    EncryptedOutput &operator=(const EncryptedOutput &) = delete;

    /// For AVFormatContext::pb (set AVFMT_FLAG_CUSTOM_IO too); owned here.
    [[nodiscard]] AVIOContext *context() const { return m_context; }
    /// Flushes FFmpeg's buffer and seals what came since the last call as one chunk.
    [[nodiscard]] Result<void> seal();
    /// Seals the rest and the final chunk, syncs and closes.
    [[nodiscard]] Result<void> finish();
    /// The first write or seek that failed.
    [[nodiscard]] const std::optional<Error> &error() const { return m_error; }

    /// FFmpeg's write callback (internal).
    static int writePacket(void *opaque, const uint8_t *data, int size);

private:
    EncryptedOutput() = default;
    static int64_t seek(void *opaque, int64_t offset, int whence);

    std::unique_ptr<seal::EncryptedWriter> m_writer;
    AVIOContext *m_context = nullptr;
    std::optional<Error> m_error;
    bool m_dirty = false;
};

/// A seekable, read-only AVIOContext over an EncryptedReader: every chunk read is
/// authenticated; a torn last chunk (a crash) is not part of the file; a chunk that fails
/// authentication ends reading with AVERROR_INVALIDDATA and error() names it.
///
/// Thread contract: one thread at a time.
class EncryptedInput final
{
public:
    [[nodiscard]] static Result<std::unique_ptr<EncryptedInput>> open(const QString &path, const seal::DeviceKeys &keys);
    ~EncryptedInput();
    EncryptedInput(const EncryptedInput &) = delete;
    EncryptedInput &operator=(const EncryptedInput &) = delete;

    [[nodiscard]] AVIOContext *context() const { return m_context; }
    [[nodiscard]] seal::EncryptedReader &reader() { return *m_reader; }
    [[nodiscard]] const std::optional<Error> &error() const { return m_error; }

private:
    EncryptedInput() = default;
    static int readPacket(void *opaque, uint8_t *data, int size);
    static int64_t seek(void *opaque, int64_t offset, int whence);

    std::unique_ptr<seal::EncryptedReader> m_reader;
    AVIOContext *m_context = nullptr;
    qint64 m_position = 0;
    std::optional<Error> m_error;
};

/// A demuxer opened on a recording (streams found): an encrypted file (by its magic) through
/// EncryptedInput, any other file as it is. An encrypted file and no keys: InvalidState.
struct MediaInput final {
    std::unique_ptr<EncryptedInput> io; ///< declared first: outlives `format`
    InputContextPtr format;
    [[nodiscard]] AVFormatContext *get() const { return format.get(); }
    AVFormatContext *operator->() const { return format.get(); }
};
[[nodiscard]] Result<MediaInput> openMediaInput(const QString &path, const seal::DeviceKeys *keys);

} // namespace dualrec::media
