#include "core/media/finalizer.h"

#include "core/ffmpeg/avhandles.h"

#include <QFile>
#include <QFileInfo>

namespace dualrec::media {

using namespace std::chrono;

namespace {

Result<InputContextPtr> openInput(const QString &path)
{
    AVFormatContext *raw = nullptr;
    if (int rc = avformat_open_input(&raw, path.toUtf8().constData(), nullptr, nullptr); rc < 0)
        return std::unexpected(avError(rc, QStringLiteral("open %1").arg(path), ErrorCode::FormatError));
    InputContextPtr input(raw);
    if (int rc = avformat_find_stream_info(raw, nullptr); rc < 0)
        return std::unexpected(avError(rc, QStringLiteral("read %1").arg(path), ErrorCode::FormatError));
    return input;
}

} // namespace

Result<QList<ChapterMark>> readChapters(const QString &path)
{
    auto input = openInput(path);
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

Result<MediaCount> countPackets(const QString &path)
{
    auto input = openInput(path);
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
                                             const QList<ChapterMark> &chapters, std::stop_token stop)
{
    auto input = openInput(fragmentedPath);
    if (!input)
        return std::unexpected(input.error());
    const QString partialOutput = finalPath + QStringLiteral(".tmp");
    const auto cleanup = [&partialOutput] { QFile::remove(partialOutput); };

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
        if (int rc = avio_open(&output->pb, partialOutput.toUtf8().constData(), AVIO_FLAG_WRITE); rc < 0)
            return std::unexpected(avError(rc, QStringLiteral("create %1").arg(partialOutput), ErrorCode::IoError));
        AVDictionary *options = nullptr;
        av_dict_set(&options, "movflags", "+faststart", 0);
        const int header = avformat_write_header(output.get(), &options);
        av_dict_free(&options);
        if (header < 0)
            return std::unexpected(avError(header, QStringLiteral("write header of %1").arg(partialOutput), ErrorCode::IoError));

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
        if (int rc = av_write_trailer(output.get()); rc < 0)
            return std::unexpected(avError(rc, QStringLiteral("finish %1").arg(partialOutput), ErrorCode::IoError));
        if (output->pb->error < 0)
            return std::unexpected(avError(output->pb->error, QStringLiteral("write %1").arg(partialOutput), ErrorCode::IoError));
        return done;
    }();
    input->reset();
    if (!result) {
        cleanup();
        return result;
    }

    // Verify before the fragmented original goes: the final file must read back completely.
    auto check = countPackets(partialOutput);
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
