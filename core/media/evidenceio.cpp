#include "core/media/evidenceio.h"
#include "core/ffmpeg/ondemand.h"

#include <QFile>

#include <cstring>

namespace dualrec::media {

namespace {

constexpr int kBufferSize = 64 * 1024;

// FFmpeg 7 made the write callback's buffer const.
#if LIBAVFORMAT_VERSION_MAJOR >= 61
int writeCallback(void *opaque, const uint8_t *data, int size)
#else
int writeCallback(void *opaque, uint8_t *data, int size)
#endif
{
    return EncryptedOutput::writePacket(opaque, data, size);
}

int averrorOf(const Error &error)
{
    switch (error.code) {
    case ErrorCode::DiskFull: return AVERROR(ENOSPC);
    case ErrorCode::DataCorrupt: return AVERROR_INVALIDDATA;
    default: return AVERROR(EIO);
    }
}

} // namespace

// ---- output ----------------------------------------------------------------------------------

Result<std::unique_ptr<EncryptedOutput>> EncryptedOutput::create(const QString &path, const seal::DeviceKeys &keys)
{
    auto writer = seal::EncryptedWriter::create(path, keys);
    if (!writer)
        return std::unexpected(writer.error());
    std::unique_ptr<EncryptedOutput> output(new EncryptedOutput);
    output->m_writer = std::move(*writer);
    auto *buffer = static_cast<unsigned char *>(av_malloc(kBufferSize));
    if (!buffer)
        return std::unexpected(outOfMemory(QStringLiteral("output buffer")));
    output->m_context = avio_alloc_context(buffer, kBufferSize, 1, output.get(), nullptr,
                                           &writeCallback, &EncryptedOutput::seek);
    if (!output->m_context) {
        av_free(buffer);
        return std::unexpected(outOfMemory(QStringLiteral("output context")));
    }
    output->m_context->seekable = 0;
    return output;
}

EncryptedOutput::~EncryptedOutput()
{
    if (m_context) {
        av_freep(&m_context->buffer);
        avio_context_free(&m_context);
    }
    // m_writer's destructor seals what is left as an incomplete file (as a crash would).
}

int EncryptedOutput::writePacket(void *opaque, const uint8_t *data, int size)
{
    auto *self = static_cast<EncryptedOutput *>(opaque);
    if (self->m_error)
        return averrorOf(*self->m_error);
    if (auto written = self->m_writer->write(QByteArrayView(reinterpret_cast<const char *>(data), size)); !written) {
        self->m_error = written.error();
        return averrorOf(written.error());
    }
    self->m_dirty = true;
    return size;
}

int64_t EncryptedOutput::seek(void *opaque, int64_t offset, int whence)
{
    auto *self = static_cast<EncryptedOutput *>(opaque);
    const qint64 end = self->m_writer->size();
    whence &= ~AVSEEK_FORCE;
    if (whence == AVSEEK_SIZE)
        return end;
    const qint64 target = whence == SEEK_SET ? offset : whence == SEEK_CUR ? end + offset : whence == SEEK_END ? end + offset : -1;
    if (target == end)
        return end;
    if (!self->m_error)
        self->m_error = Error{ErrorCode::InternalError,
                              QStringLiteral("%1: the muxer tried to seek to byte %2 of an append-only encrypted file (%3 bytes)")
                                  .arg(self->m_writer->path()).arg(target).arg(end)};
    return AVERROR(ESPIPE);
}

Result<void> EncryptedOutput::seal()
{
    avio_flush(m_context);
    if (m_error)
        return std::unexpected(*m_error);
    if (!m_dirty)
        return {};
    m_dirty = false;
    if (auto flushed = m_writer->flush(false); !flushed) {
        m_error = flushed.error();
        return flushed;
    }
    return {};
}

Result<void> EncryptedOutput::finish()
{
    avio_flush(m_context);
    if (m_error)
        return std::unexpected(*m_error);
    if (auto finished = m_writer->finish(); !finished) {
        m_error = finished.error();
        return finished;
    }
    return {};
}

// ---- input -----------------------------------------------------------------------------------

Result<std::unique_ptr<EncryptedInput>> EncryptedInput::open(const QString &path, const seal::DeviceKeys &keys)
{
    auto reader = seal::EncryptedReader::open(path, keys);
    if (!reader)
        return std::unexpected(reader.error());
    std::unique_ptr<EncryptedInput> input(new EncryptedInput);
    input->m_reader = std::move(*reader);
    auto *buffer = static_cast<unsigned char *>(av_malloc(kBufferSize));
    if (!buffer)
        return std::unexpected(outOfMemory(QStringLiteral("input buffer")));
    input->m_context = avio_alloc_context(buffer, kBufferSize, 0, input.get(), &EncryptedInput::readPacket, nullptr,
                                          &EncryptedInput::seek);
    if (!input->m_context) {
        av_free(buffer);
        return std::unexpected(outOfMemory(QStringLiteral("input context")));
    }
    return input;
}

EncryptedInput::~EncryptedInput()
{
    if (m_context) {
        av_freep(&m_context->buffer);
        avio_context_free(&m_context);
    }
}

int EncryptedInput::readPacket(void *opaque, uint8_t *data, int size)
{
    auto *self = static_cast<EncryptedInput *>(opaque);
    auto read = self->m_reader->read(self->m_position, size);
    if (!read) {
        if (!self->m_error)
            self->m_error = read.error();
        return averrorOf(read.error());
    }
    if (read->isEmpty())
        return AVERROR_EOF;
    std::memcpy(data, read->constData(), std::size_t(read->size()));
    self->m_position += read->size();
    return int(read->size());
}

int64_t EncryptedInput::seek(void *opaque, int64_t offset, int whence)
{
    auto *self = static_cast<EncryptedInput *>(opaque);
    const qint64 size = self->m_reader->size();
    whence &= ~AVSEEK_FORCE;
    if (whence == AVSEEK_SIZE)
        return size;
    const qint64 target = whence == SEEK_SET ? offset
                          : whence == SEEK_CUR ? self->m_position + offset
                          : whence == SEEK_END ? size + offset
                                               : -1;
    if (target < 0)
        return AVERROR(EINVAL);
    self->m_position = target;
    return target;
}

// ---- opening ---------------------------------------------------------------------------------

Result<MediaInput> openMediaInput(const QString &path, const seal::DeviceKeys *keys)
{
    if (auto libraries = ffmpeg::load(); !libraries)
        return std::unexpected(libraries.error());
    MediaInput input;
    AVFormatContext *raw = nullptr;
    QByteArray url = QFile::encodeName(path);
    if (seal::looksEncrypted(path)) {
        if (!keys)
            return fail(ErrorCode::InvalidState, QStringLiteral("%1 is encrypted and no device key is open to read it").arg(path));
        auto io = EncryptedInput::open(path, *keys);
        if (!io)
            return std::unexpected(io.error());
        input.io = std::move(*io);
        raw = avformat_alloc_context();
        if (!raw)
            return std::unexpected(outOfMemory(QStringLiteral("demuxer")));
        raw->pb = input.io->context();
        raw->flags |= AVFMT_FLAG_CUSTOM_IO;
    }
    // On failure avformat_open_input frees the context (not the custom AVIOContext).
    if (int rc = avformat_open_input(&raw, url.constData(), nullptr, nullptr); rc < 0) {
        if (input.io && input.io->error())
            return std::unexpected(*input.io->error());
        return std::unexpected(avError(rc, QStringLiteral("open %1").arg(path), ErrorCode::FormatError));
    }
    input.format.reset(raw);
    if (int rc = avformat_find_stream_info(raw, nullptr); rc < 0) {
        if (input.io && input.io->error())
            return std::unexpected(*input.io->error());
        return std::unexpected(avError(rc, QStringLiteral("read %1").arg(path), ErrorCode::FormatError));
    }
    return input;
}

} // namespace dualrec::media
