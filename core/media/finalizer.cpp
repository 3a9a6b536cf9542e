#include "core/media/finalizer.h"

#include "core/ffmpeg/avhandles.h"
#include "core/media/evidenceio.h"

#include <QtEndian>

#include <QFile>
#include <QFileInfo>

#include <cstring>

namespace dualrec::media {

using namespace std::chrono;

namespace {

constexpr qint64 kCopyBlock = 1024 * 1024;

quint32 be32(const QByteArray &data, qint64 at)
{
    return qFromBigEndian<quint32>(data.constData() + at);
}

/// Adds `shift` to every chunk offset (stco, co64) in the boxes of data[from, to), descending
/// into the containers on the way to the sample tables.
Result<void> shiftChunkOffsets(QByteArray &data, qint64 from, qint64 to, qint64 shift)
{
    static const QList<QByteArray> containers{"moov", "trak", "mdia", "minf", "stbl"};
    qint64 at = from;
    while (at + 8 <= to) {
        qint64 size = be32(data, at);
        const QByteArray type = data.mid(at + 4, 4);
        qint64 header = 8;
        if (size == 1) {
            if (at + 16 > to)
                return fail(ErrorCode::FormatError, QStringLiteral("moov: box %1 cut short").arg(QString::fromLatin1(type)));
            size = qint64(qFromBigEndian<quint64>(data.constData() + at + 8));
            header = 16;
        } else if (size == 0) {
            size = to - at;
        }
        if (size < header || at + size > to)
            return fail(ErrorCode::FormatError, QStringLiteral("moov: box %1 at %2 has a bad size %3").arg(QString::fromLatin1(type)).arg(at).arg(size));
        if (containers.contains(type)) {
            if (auto inner = shiftChunkOffsets(data, at + header, at + size, shift); !inner)
                return inner;
        } else if (type == "stco" || type == "co64") {
            const bool wide = type == "co64";
            const qint64 table = at + header + 8;
            if (at + header + 8 > at + size)
                return fail(ErrorCode::FormatError, QStringLiteral("moov: %1 cut short").arg(QString::fromLatin1(type)));
            const qint64 count = be32(data, at + header + 4);
            if (table + count * (wide ? 8 : 4) > at + size)
                return fail(ErrorCode::FormatError, QStringLiteral("moov: %1 claims %2 entries").arg(QString::fromLatin1(type)).arg(count));
            for (qint64 i = 0; i < count; ++i) {
                char *entry = data.data() + table + i * (wide ? 8 : 4);
                if (wide) {
                    qToBigEndian(quint64(qFromBigEndian<quint64>(entry) + quint64(shift)), entry);
                } else {
                    const quint64 moved = quint64(qFromBigEndian<quint32>(entry)) + quint64(shift);
                    if (moved > 0xFFFF'FFFFu)
                        return fail(ErrorCode::FormatError, QStringLiteral("the recording is too large to put its index in front (32-bit chunk offsets)"));
                    qToBigEndian(quint32(moved), entry);
                }
            }
        }
        at += size;
    }
    return {};
}

/// The final MP4's muxer output without plaintext on disk: bytes up to the first packet (the
/// header) and after the muxer's first seek back at the end (the moov) stay in memory, the
/// media data between goes into an encrypted temporary file; finishInto() writes the
/// faststart layout (ftyp, moov with shifted chunk offsets, the rest of the header, the media
/// data) through an EncryptedWriter. The mov muxer's seeks (the mdat size, the moov after the
/// data) all land in memory; any other pattern is refused with a named error.
/// Thread contract: one thread (the finalizer's).
class FaststartOutput final
{
public:
    static Result<std::unique_ptr<FaststartOutput>> create(const QString &payloadPath, const seal::DeviceKeys &keys)
    {
        QFile::remove(payloadPath); // a leftover of a crash: encrypted media data, never the only copy
        auto payload = seal::EncryptedWriter::create(payloadPath, keys);
        if (!payload)
            return std::unexpected(payload.error());
        std::unique_ptr<FaststartOutput> output(new FaststartOutput);
        output->m_payloadPath = payloadPath;
        output->m_payload = std::move(*payload);
        auto *buffer = static_cast<unsigned char *>(av_malloc(kBufferSize));
        if (!buffer)
            return std::unexpected(outOfMemory(QStringLiteral("output buffer")));
        output->m_context = avio_alloc_context(buffer, kBufferSize, 1, output.get(), nullptr, &FaststartOutput::writeCallback,
                                               &FaststartOutput::seekCallback);
        if (!output->m_context) {
            av_free(buffer);
            return std::unexpected(outOfMemory(QStringLiteral("output context")));
        }
        output->m_context->seekable = AVIO_SEEKABLE_NORMAL;
        return output;
    }
    ~FaststartOutput()
    {
        if (m_context) {
            av_freep(&m_context->buffer);
            avio_context_free(&m_context);
        }
        m_payload.reset();
        QFile::remove(m_payloadPath);
    }
    [[nodiscard]] AVIOContext *context() const { return m_context; }
    [[nodiscard]] const std::optional<Error> &error() const { return m_error; }

    /// After the header is written: what follows is media data.
    void headerDone()
    {
        avio_flush(m_context);
        m_headerDone = true;
    }
    /// Before the trailer: the muxer's buffer holds no media data any more.
    void dataDone() { avio_flush(m_context); }

    Result<void> finishInto(const QString &path, const seal::DeviceKeys &keys, const std::stop_token &stop)
    {
        avio_flush(m_context);
        if (m_error)
            return std::unexpected(*m_error);
        if (m_head.size() < 8 || m_head.mid(4, 4) != "ftyp" || be32(m_head, 0) > quint32(m_head.size()))
            return fail(ErrorCode::InternalError, QStringLiteral("%1: the muxer's header does not start with ftyp").arg(path));
        if (m_tail.size() < 8 || m_tail.mid(4, 4) != "moov" || be32(m_tail, 0) != quint32(m_tail.size()))
            return fail(ErrorCode::InternalError, QStringLiteral("%1: the muxer's trailer is not one moov box").arg(path));
        if (auto shifted = shiftChunkOffsets(m_tail, 0, m_tail.size(), m_tail.size()); !shifted)
            return shifted;
        if (auto finished = m_payload->finish(); !finished)
            return finished;
        auto payload = seal::EncryptedReader::open(m_payloadPath, keys);
        if (!payload)
            return std::unexpected(payload.error());
        if ((*payload)->size() != m_payloadSize)
            return fail(ErrorCode::IoError, QStringLiteral("%1 holds %2 bytes of the %3 written").arg(m_payloadPath).arg((*payload)->size()).arg(m_payloadSize));

        auto out = seal::EncryptedWriter::create(path, keys);
        if (!out)
            return std::unexpected(out.error());
        auto &writer = **out;
        const qint64 ftypSize = be32(m_head, 0);
        Result<void> written = writer.write(QByteArrayView(m_head).first(ftypSize));
        if (written)
            written = writer.write(m_tail);
        if (written)
            written = writer.write(QByteArrayView(m_head).sliced(ftypSize));
        for (qint64 at = 0; written && at < m_payloadSize; at += kCopyBlock) {
            if (stop.stop_requested())
                return fail(ErrorCode::Cancelled, QStringLiteral("finalizing %1 stopped").arg(path));
            auto block = (*payload)->read(at, kCopyBlock);
            if (!block)
                return std::unexpected(block.error());
            written = writer.write(*block);
        }
        if (written)
            written = writer.finish();
        return written;
    }

private:
    FaststartOutput() = default;

#if LIBAVFORMAT_VERSION_MAJOR >= 61
    static int writeCallback(void *opaque, const uint8_t *data, int size)
#else
    static int writeCallback(void *opaque, uint8_t *data, int size)
#endif
    {
        auto *self = static_cast<FaststartOutput *>(opaque);
        if (self->m_error)
            return AVERROR(EIO);
        const QByteArrayView bytes(reinterpret_cast<const char *>(data), size);
        const qint64 pos = self->m_pos;
        const qint64 end = self->end();
        if (!self->m_headerDone) {
            if (pos > self->m_head.size())
                return self->refuse(pos, size);
            self->m_head.resize(std::max<qsizetype>(self->m_head.size(), pos + size));
            std::memcpy(self->m_head.data() + pos, bytes.data(), std::size_t(size));
        } else if (pos + size <= self->m_head.size()) {
            std::memcpy(self->m_head.data() + pos, bytes.data(), std::size_t(size));
        } else if (self->m_tailStart < 0 && pos == end) {
            if (auto appended = self->m_payload->write(bytes); !appended) {
                self->m_error = appended.error();
                return appended.error().code == ErrorCode::DiskFull ? AVERROR(ENOSPC) : AVERROR(EIO);
            }
            self->m_payloadSize += size;
        } else if (self->m_tailStart >= 0 && pos >= self->m_tailStart && pos <= end) {
            const qint64 offset = pos - self->m_tailStart;
            self->m_tail.resize(std::max<qsizetype>(self->m_tail.size(), offset + size));
            std::memcpy(self->m_tail.data() + offset, bytes.data(), std::size_t(size));
        } else {
            return self->refuse(pos, size);
        }
        self->m_pos += size;
        return size;
    }

    static int64_t seekCallback(void *opaque, int64_t offset, int whence)
    {
        auto *self = static_cast<FaststartOutput *>(opaque);
        const qint64 end = self->end();
        whence &= ~AVSEEK_FORCE;
        if (whence == AVSEEK_SIZE)
            return end;
        const qint64 target = whence == SEEK_SET ? offset : whence == SEEK_CUR ? self->m_pos + offset : end + offset;
        if (target < 0 || target > end)
            return AVERROR(EINVAL);
        if (self->m_headerDone && self->m_tailStart < 0 && target < end)
            self->m_tailStart = end; // the data is complete: what comes at the end now is the moov
        self->m_pos = target;
        return target;
    }

    [[nodiscard]] qint64 end() const
    {
        return m_head.size() + m_payloadSize + m_tail.size();
    }

    int refuse(qint64 pos, int size)
    {
        m_error = Error{ErrorCode::InternalError, QStringLiteral("%1: the muxer wrote %2 bytes at byte %3, outside the header, "
                                                                 "the media data and the index").arg(m_payloadPath).arg(size).arg(pos)};
        return AVERROR(EIO);
    }

    static constexpr int kBufferSize = 64 * 1024;
    QString m_payloadPath;
    std::unique_ptr<seal::EncryptedWriter> m_payload;
    AVIOContext *m_context = nullptr;
    std::optional<Error> m_error;
    QByteArray m_head;
    QByteArray m_tail;
    qint64 m_payloadSize = 0;
    qint64 m_tailStart = -1;
    qint64 m_pos = 0;
    bool m_headerDone = false;
};

} // namespace

Result<QList<ChapterMark>> readChapters(const QString &path, const seal::DeviceKeys *keys)
{
    auto input = openMediaInput(path, keys);
    if (!input)
        return std::unexpected(input.error());
    QList<ChapterMark> chapters;
    for (unsigned i = 0; i < (*input)->nb_chapters; ++i) {
        const AVChapter *chapter = (*input)->chapters[i];
        const auto *title = av_dict_get(chapter->metadata, "title", nullptr, 0);
        chapters.append({QString(), title ? QString::fromUtf8(title->value) : QString(),
                         milliseconds(av_rescale_q(chapter->start, chapter->time_base, {1, 1000})),
                         milliseconds(av_rescale_q(chapter->end, chapter->time_base, {1, 1000}))});
    }
    return chapters;
}

Result<MediaCount> countPackets(const QString &path, const seal::DeviceKeys *keys)
{
    auto input = openMediaInput(path, keys);
    if (!input)
        return std::unexpected(input.error());
    MediaCount count;
    auto packet = allocPacket();
    if (!packet)
        return std::unexpected(outOfMemory(QStringLiteral("packet")));
    qint64 endMicros = 0;
    while (av_read_frame(input->get(), packet.get()) >= 0) {
        const auto *stream = (*input)->streams[packet->stream_index];
        if (stream->codecpar->codec_type == AVMEDIA_TYPE_VIDEO)
            ++count.videoPackets;
        else if (stream->codecpar->codec_type == AVMEDIA_TYPE_AUDIO)
            ++count.audioPackets;
        if (packet->pts != AV_NOPTS_VALUE && (stream->codecpar->codec_type == AVMEDIA_TYPE_VIDEO
                                              || stream->codecpar->codec_type == AVMEDIA_TYPE_AUDIO))
            endMicros = std::max<qint64>(endMicros, av_rescale_q(packet->pts + packet->duration, stream->time_base, {1, 1'000'000}));
        av_packet_unref(packet.get());
    }
    count.duration = duration_cast<milliseconds>(microseconds(endMicros));
    return count;
}

Result<FinalizedRecording> finalizeRecording(const QString &fragmentedPath, const QString &finalPath,
                                             const QList<ChapterMark> &chapters, std::stop_token stop,
                                             const seal::DeviceKeys *keys)
{
    auto input = openMediaInput(fragmentedPath, keys);
    if (!input)
        return std::unexpected(input.error());
    const QString partialOutput = finalPath + QStringLiteral(".tmp");
    const auto cleanup = [&partialOutput] { QFile::remove(partialOutput); };
    std::unique_ptr<FaststartOutput> encrypted;

    Result<FinalizedRecording> result = [&]() -> Result<FinalizedRecording> {
        AVFormatContext *raw = nullptr;
        if (int rc = avformat_alloc_output_context2(&raw, nullptr, "mp4", partialOutput.toUtf8().constData()); rc < 0)
            return std::unexpected(avError(rc, QStringLiteral("create MP4 muxer")));
        OutputContextPtr output(raw);
        QList<int> mapping;
        for (unsigned i = 0; i < (*input)->nb_streams; ++i) {
            const auto *in = (*input)->streams[i];
            const auto type = in->codecpar->codec_type;
            if (type != AVMEDIA_TYPE_VIDEO && type != AVMEDIA_TYPE_AUDIO) {
                mapping.append(-1);
                continue;
            }
            AVStream *out = avformat_new_stream(output.get(), nullptr);
            avcodec_parameters_copy(out->codecpar, in->codecpar);
            out->codecpar->codec_tag = 0;
            out->time_base = in->time_base;
            out->avg_frame_rate = in->avg_frame_rate;
            mapping.append(out->index);
        }
        av_dict_copy(&output->metadata, (*input)->metadata, 0);
        // Chapters: the muxer writes them as a QuickTime chapter track and a Nero 'chpl' box.
        for (qsizetype i = 0; i < chapters.size(); ++i) {
            auto *chapter = static_cast<AVChapter *>(av_mallocz(sizeof(AVChapter)));
            if (!chapter)
                return std::unexpected(outOfMemory(QStringLiteral("chapter")));
            chapter->id = i + 1;
            chapter->time_base = {1, 1000};
            chapter->start = chapters[i].start.count();
            chapter->end = std::max(chapters[i].end, chapters[i].start).count();
            av_dict_set(&chapter->metadata, "title", chapters[i].title.toUtf8().constData(), 0);
            av_dynarray_add(&output->chapters, reinterpret_cast<int *>(&output->nb_chapters), chapter);
        }
        if (keys) {
            auto created = FaststartOutput::create(finalPath + QStringLiteral(".data.tmp"), *keys);
            if (!created)
                return std::unexpected(created.error());
            encrypted = std::move(*created);
            output->pb = encrypted->context();
            output->flags |= AVFMT_FLAG_CUSTOM_IO;
        } else if (int rc = avio_open(&output->pb, partialOutput.toUtf8().constData(), AVIO_FLAG_WRITE); rc < 0) {
            return std::unexpected(avError(rc, QStringLiteral("create %1").arg(partialOutput), ErrorCode::IoError));
        }
        AVDictionary *options = nullptr;
        if (!keys) // encrypted: faststart is done by FaststartOutput
            av_dict_set(&options, "movflags", "+faststart", 0);
        const int header = avformat_write_header(output.get(), &options);
        av_dict_free(&options);
        if (header < 0)
            return std::unexpected(avError(header, QStringLiteral("write header of %1").arg(partialOutput), ErrorCode::IoError));
        if (encrypted)
            encrypted->headerDone();

        FinalizedRecording done;
        done.path = finalPath;
        auto packet = allocPacket();
        if (!packet)
            return std::unexpected(outOfMemory(QStringLiteral("packet")));
        while (true) {
            if (stop.stop_requested())
                return fail(ErrorCode::Cancelled, QStringLiteral("finalizing %1 stopped").arg(fragmentedPath));
            const int read = av_read_frame(input->get(), packet.get());
            if (read == AVERROR_EOF)
                break;
            if (read < 0) // a cut fragment at the end of a crashed file: keep what was readable
                break;
            const int target = packet->stream_index < mapping.size() ? mapping[packet->stream_index] : -1;
            if (target < 0) {
                av_packet_unref(packet.get());
                continue;
            }
            const auto type = output->streams[target]->codecpar->codec_type;
            (type == AVMEDIA_TYPE_VIDEO ? done.videoPackets : done.audioPackets) += 1;
            av_packet_rescale_ts(packet.get(), (*input)->streams[packet->stream_index]->time_base, output->streams[target]->time_base);
            packet->stream_index = target;
            packet->pos = -1;
            if (int rc = av_interleaved_write_frame(output.get(), packet.get()); rc < 0)
                return std::unexpected(avError(rc, QStringLiteral("write %1").arg(partialOutput), ErrorCode::IoError));
        }
        if (encrypted)
            encrypted->dataDone();
        if (int rc = av_write_trailer(output.get()); rc < 0) {
            if (encrypted && encrypted->error())
                return std::unexpected(*encrypted->error());
            return std::unexpected(avError(rc, QStringLiteral("finish %1").arg(partialOutput), ErrorCode::IoError));
        }
        if (output->pb->error < 0) {
            if (encrypted && encrypted->error())
                return std::unexpected(*encrypted->error());
            return std::unexpected(avError(output->pb->error, QStringLiteral("write %1").arg(partialOutput), ErrorCode::IoError));
        }
        if (encrypted) {
            if (auto finished = encrypted->finishInto(partialOutput, *keys, stop); !finished)
                return std::unexpected(finished.error());
            output->pb = nullptr;
        }
        return done;
    }();
    input->format.reset();
    input->io.reset();
    encrypted.reset(); // removes the encrypted media data
    if (!result) {
        cleanup();
        return result;
    }

    // Verify before the fragmented original goes: the final file must read back completely.
    auto check = countPackets(partialOutput, keys);
    if (!check || check->videoPackets != result->videoPackets || check->audioPackets != result->audioPackets) {
        cleanup();
        return fail(ErrorCode::FormatError, QStringLiteral("finalized file does not read back: %1")
                                                .arg(check ? QStringLiteral("packet counts differ") : check.error().detail));
    }
    QFile::remove(finalPath);
    if (!QFile::rename(partialOutput, finalPath)) {
        cleanup();
        return fail(ErrorCode::IoError, QStringLiteral("cannot rename %1 to %2").arg(partialOutput, finalPath));
    }
    if (QFileInfo(fragmentedPath).canonicalFilePath() != QFileInfo(finalPath).canonicalFilePath())
        QFile::remove(fragmentedPath);
    result->duration = check->duration;
    result->bytes = QFileInfo(finalPath).size();
    return result;
}

} // namespace dualrec::media
