// FFmpeg's libraries loaded on first use (core/ffmpeg/ondemand.h): the loader and one forwarder
// per FFmpeg function the project calls. A function that is called but missing here fails to
// link; a forwarder whose parameters differ from FFmpeg's declaration fails to compile (both
// are extern "C", which cannot be overloaded). Adding a function: one DUALREC_FFMPEG_FORWARD line.
#include "core/ffmpeg/ondemand.h"

#include <dlfcn.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <optional>

// The forwarders are hidden: they satisfy the project's own calls and are never exported, so
// FFmpeg's libraries, once loaded, still call each other directly.
#pragma GCC visibility push(hidden)
extern "C" {
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavformat/avformat.h>
#include <libavutil/audio_fifo.h>
#include <libavutil/channel_layout.h>
#include <libavutil/dict.h>
#include <libavutil/imgutils.h>
#include <libavutil/mathematics.h>
#include <libavutil/mem.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
#include <libavutil/samplefmt.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
}
#pragma GCC visibility pop

namespace dualrec::ffmpeg {

namespace detail {

Result<void *> openLibrary(const QString &fileName, const QString &package)
{
    // Never unloaded: FFmpeg's objects live as long as the process.
    void *handle = dlopen(fileName.toLocal8Bit().constData(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char *why = dlerror();
        return fail(ErrorCode::InternalError,
                    QStringLiteral("FFmpeg library %1 could not be loaded (%2); install the package %3")
                        .arg(fileName, QString::fromLocal8Bit(why ? why : "unknown reason"), package));
    }
    return handle;
}

} // namespace detail

namespace {

enum class Library : quint8 { Util, Resample, Scale, Codec, Format, Filter };

struct LibraryName final {
    const char *fileName;
    const char *package; ///< the Debian package that provides it
};

#define DUALREC_FFMPEG_SONAME(lib, major) "lib" #lib ".so." AV_STRINGIFY(major)
#define DUALREC_FFMPEG_PACKAGE(lib, major) "lib" #lib AV_STRINGIFY(major)
// In the order they depend on each other (Library's order).
constexpr std::array<LibraryName, 6> kLibraries{{
    {DUALREC_FFMPEG_SONAME(avutil, LIBAVUTIL_VERSION_MAJOR), DUALREC_FFMPEG_PACKAGE(avutil, LIBAVUTIL_VERSION_MAJOR)},
    {DUALREC_FFMPEG_SONAME(swresample, LIBSWRESAMPLE_VERSION_MAJOR), DUALREC_FFMPEG_PACKAGE(swresample, LIBSWRESAMPLE_VERSION_MAJOR)},
    {DUALREC_FFMPEG_SONAME(swscale, LIBSWSCALE_VERSION_MAJOR), DUALREC_FFMPEG_PACKAGE(swscale, LIBSWSCALE_VERSION_MAJOR)},
    {DUALREC_FFMPEG_SONAME(avcodec, LIBAVCODEC_VERSION_MAJOR), DUALREC_FFMPEG_PACKAGE(avcodec, LIBAVCODEC_VERSION_MAJOR)},
    {DUALREC_FFMPEG_SONAME(avformat, LIBAVFORMAT_VERSION_MAJOR), DUALREC_FFMPEG_PACKAGE(avformat, LIBAVFORMAT_VERSION_MAJOR)},
    {DUALREC_FFMPEG_SONAME(avfilter, LIBAVFILTER_VERSION_MAJOR), DUALREC_FFMPEG_PACKAGE(avfilter, LIBAVFILTER_VERSION_MAJOR)},
}};
#undef DUALREC_FFMPEG_SONAME
#undef DUALREC_FFMPEG_PACKAGE

struct Loaded final {
    std::array<void *, kLibraries.size()> handles{};
    std::optional<Error> error;
};

/// Loads every library once, on the first call from any thread (a function-local static).
const Loaded &loaded()
{
    static const Loaded libraries = [] {
        Loaded result;
        for (std::size_t i = 0; i < kLibraries.size(); ++i) {
            auto handle = detail::openLibrary(QLatin1String(kLibraries[i].fileName), QLatin1String(kLibraries[i].package));
            if (!handle) {
                result.error = handle.error();
                return result;
            }
            result.handles[i] = *handle;
        }
        return result;
    }();
    return libraries;
}

/// The address of `name` in `library`, loading the libraries first. Only the forwarders call
/// this; a library or function that cannot be found ends the process with a message naming it
/// (callers that start media work call load() first, so this is a last resort).
void *resolve(Library library, const char *name)
{
    const auto &libraries = loaded();
    if (libraries.error) {
        std::fprintf(stderr, "dualrec: %s\n", qUtf8Printable(libraries.error->detail));
        std::abort();
    }
    void *address = dlsym(libraries.handles[std::size_t(library)], name);
    if (!address) {
        std::fprintf(stderr, "dualrec: FFmpeg function %s not found in %s\n", name, kLibraries[std::size_t(library)].fileName);
        std::abort();
    }
    return address;
}

} // namespace

Result<void> load()
{
    const auto &libraries = loaded();
    if (libraries.error)
        return std::unexpected(*libraries.error);
    return {};
}

bool isLoaded()
{
    // Asks the dynamic loader, without loading anything.
    void *handle = dlopen(kLibraries[std::size_t(Library::Codec)].fileName, RTLD_LAZY | RTLD_NOLOAD);
    if (handle)
        dlclose(handle);
    return handle != nullptr;
}

QStringList libraryNames()
{
    QStringList names;
    for (const auto &library : kLibraries)
        names.append(QLatin1String(library.fileName));
    return names;
}

} // namespace dualrec::ffmpeg

// One forwarder per FFmpeg function: resolved once (a function-local static), then a plain call.
#define DUALREC_FFMPEG_FORWARD(library, ret, name, params, args)                                                         \
    ret name params                                                                                                        \
    {                                                                                                                      \
        static const auto forward =                                                                                        \
            reinterpret_cast<decltype(&name)>(dualrec::ffmpeg::resolve(dualrec::ffmpeg::Library::library, #name)); \
        return forward args;                                                                                               \
    }

#pragma GCC visibility push(hidden)
extern "C" {
DUALREC_FFMPEG_FORWARD(Codec, AVCodecContext *, avcodec_alloc_context3, (const AVCodec *codec), (codec))
DUALREC_FFMPEG_FORWARD(Codec, AVPacket *, av_packet_alloc, (void), ())
DUALREC_FFMPEG_FORWARD(Codec, const AVCodec *, avcodec_find_decoder, (enum AVCodecID id), (id))
DUALREC_FFMPEG_FORWARD(Codec, const AVCodec *, avcodec_find_encoder, (enum AVCodecID id), (id))
DUALREC_FFMPEG_FORWARD(Codec, const AVCodec *, avcodec_find_encoder_by_name, (const char *name), (name))
DUALREC_FFMPEG_FORWARD(Codec, int, avcodec_open2, (AVCodecContext *avctx, const AVCodec *codec, AVDictionary **options), (avctx, codec, options))
DUALREC_FFMPEG_FORWARD(Codec, int, avcodec_parameters_copy, (AVCodecParameters *dst, const AVCodecParameters *src), (dst, src))
DUALREC_FFMPEG_FORWARD(Codec, int, avcodec_parameters_from_context, (AVCodecParameters *par, const AVCodecContext *codec), (par, codec))
DUALREC_FFMPEG_FORWARD(Codec, int, avcodec_parameters_to_context, (AVCodecContext *codec, const AVCodecParameters *par), (codec, par))
DUALREC_FFMPEG_FORWARD(Codec, int, avcodec_receive_frame, (AVCodecContext *avctx, AVFrame *frame), (avctx, frame))
DUALREC_FFMPEG_FORWARD(Codec, int, avcodec_receive_packet, (AVCodecContext *avctx, AVPacket *avpkt), (avctx, avpkt))
DUALREC_FFMPEG_FORWARD(Codec, int, avcodec_send_frame, (AVCodecContext *avctx, const AVFrame *frame), (avctx, frame))
DUALREC_FFMPEG_FORWARD(Codec, int, avcodec_send_packet, (AVCodecContext *avctx, const AVPacket *avpkt), (avctx, avpkt))
DUALREC_FFMPEG_FORWARD(Codec, void, av_packet_free, (AVPacket **pkt), (pkt))
DUALREC_FFMPEG_FORWARD(Codec, void, av_packet_rescale_ts, (AVPacket *pkt, AVRational tb_src, AVRational tb_dst), (pkt, tb_src, tb_dst))
DUALREC_FFMPEG_FORWARD(Codec, void, av_packet_unref, (AVPacket *pkt), (pkt))
DUALREC_FFMPEG_FORWARD(Codec, void, avcodec_flush_buffers, (AVCodecContext *avctx), (avctx))
DUALREC_FFMPEG_FORWARD(Codec, void, avcodec_free_context, (AVCodecContext **avctx), (avctx))
DUALREC_FFMPEG_FORWARD(Filter, AVFilterContext *, avfilter_graph_alloc_filter, (AVFilterGraph *graph, const AVFilter *filter, const char *name), (graph, filter, name))
DUALREC_FFMPEG_FORWARD(Filter, AVFilterGraph *, avfilter_graph_alloc, (void), ())
DUALREC_FFMPEG_FORWARD(Filter, const AVFilter *, avfilter_get_by_name, (const char *name), (name))
DUALREC_FFMPEG_FORWARD(Filter, int, av_buffersink_get_frame, (AVFilterContext *ctx, AVFrame *frame), (ctx, frame))
DUALREC_FFMPEG_FORWARD(Filter, int, av_buffersrc_write_frame, (AVFilterContext *ctx, const AVFrame *frame), (ctx, frame))
DUALREC_FFMPEG_FORWARD(Filter, int, avfilter_graph_config, (AVFilterGraph *graphctx, void *log_ctx), (graphctx, log_ctx))
DUALREC_FFMPEG_FORWARD(Filter, int, avfilter_graph_create_filter, (AVFilterContext **filt_ctx, const AVFilter *filt, const char *name, const char *args, void *opaque, AVFilterGraph *graph_ctx), (filt_ctx, filt, name, args, opaque, graph_ctx))
DUALREC_FFMPEG_FORWARD(Filter, int, avfilter_init_str, (AVFilterContext *ctx, const char *args), (ctx, args))
DUALREC_FFMPEG_FORWARD(Filter, int, avfilter_link, (AVFilterContext *src, unsigned srcpad, AVFilterContext *dst, unsigned dstpad), (src, srcpad, dst, dstpad))
DUALREC_FFMPEG_FORWARD(Filter, void, avfilter_graph_free, (AVFilterGraph **graph), (graph))
DUALREC_FFMPEG_FORWARD(Format, AVFormatContext *, avformat_alloc_context, (void), ())
DUALREC_FFMPEG_FORWARD(Format, AVIOContext *, avio_alloc_context, (unsigned char *buffer, int buffer_size, int write_flag, void *opaque, int (*read_packet)(void *opaque, uint8_t *buf, int buf_size), int (*write_packet)(void *opaque, uint8_t *buf, int buf_size), int64_t (*seek)(void *opaque, int64_t offset, int whence)), (buffer, buffer_size, write_flag, opaque, read_packet, write_packet, seek))
DUALREC_FFMPEG_FORWARD(Format, AVRational, av_guess_frame_rate, (AVFormatContext *ctx, AVStream *stream, AVFrame *frame), (ctx, stream, frame))
DUALREC_FFMPEG_FORWARD(Format, AVStream *, avformat_new_stream, (AVFormatContext *s, const AVCodec *c), (s, c))
DUALREC_FFMPEG_FORWARD(Format, int, av_find_best_stream, (AVFormatContext *ic, enum AVMediaType type, int wanted_stream_nb, int related_stream, const AVCodec **decoder_ret, int flags), (ic, type, wanted_stream_nb, related_stream, decoder_ret, flags))
DUALREC_FFMPEG_FORWARD(Format, int, av_interleaved_write_frame, (AVFormatContext *s, AVPacket *pkt), (s, pkt))
DUALREC_FFMPEG_FORWARD(Format, int, av_read_frame, (AVFormatContext *s, AVPacket *pkt), (s, pkt))
DUALREC_FFMPEG_FORWARD(Format, int, av_seek_frame, (AVFormatContext *s, int stream_index, int64_t timestamp, int flags), (s, stream_index, timestamp, flags))
DUALREC_FFMPEG_FORWARD(Format, int, av_write_trailer, (AVFormatContext *s), (s))
DUALREC_FFMPEG_FORWARD(Format, int, avformat_alloc_output_context2, (AVFormatContext **ctx, const AVOutputFormat *oformat, const char *format_name, const char *filename), (ctx, oformat, format_name, filename))
DUALREC_FFMPEG_FORWARD(Format, int, avformat_find_stream_info, (AVFormatContext *ic, AVDictionary **options), (ic, options))
DUALREC_FFMPEG_FORWARD(Format, int, avformat_open_input, (AVFormatContext **ps, const char *url, const AVInputFormat *fmt, AVDictionary **options), (ps, url, fmt, options))
DUALREC_FFMPEG_FORWARD(Format, int, avformat_write_header, (AVFormatContext *s, AVDictionary **options), (s, options))
DUALREC_FFMPEG_FORWARD(Format, int, avio_closep, (AVIOContext **s), (s))
DUALREC_FFMPEG_FORWARD(Format, int, avio_open, (AVIOContext **s, const char *url, int flags), (s, url, flags))
DUALREC_FFMPEG_FORWARD(Format, int64_t, avio_seek, (AVIOContext *s, int64_t offset, int whence), (s, offset, whence))
DUALREC_FFMPEG_FORWARD(Format, void, avformat_close_input, (AVFormatContext **s), (s))
DUALREC_FFMPEG_FORWARD(Format, void, avformat_free_context, (AVFormatContext *s), (s))
DUALREC_FFMPEG_FORWARD(Format, void, avio_context_free, (AVIOContext **s), (s))
DUALREC_FFMPEG_FORWARD(Format, void, avio_flush, (AVIOContext *s), (s))
DUALREC_FFMPEG_FORWARD(Resample, int, swr_alloc_set_opts2, (struct SwrContext **ps, AVChannelLayout *out_ch_layout, enum AVSampleFormat out_sample_fmt, int out_sample_rate, AVChannelLayout *in_ch_layout, enum AVSampleFormat in_sample_fmt, int in_sample_rate, int log_offset, void *log_ctx), (ps, out_ch_layout, out_sample_fmt, out_sample_rate, in_ch_layout, in_sample_fmt, in_sample_rate, log_offset, log_ctx))
DUALREC_FFMPEG_FORWARD(Resample, int, swr_convert, (struct SwrContext *s, uint8_t **out, int out_count, const uint8_t **in , int in_count), (s, out, out_count, in, in_count))
DUALREC_FFMPEG_FORWARD(Resample, int, swr_get_out_samples, (struct SwrContext *s, int in_samples), (s, in_samples))
DUALREC_FFMPEG_FORWARD(Resample, int, swr_init, (struct SwrContext *s), (s))
DUALREC_FFMPEG_FORWARD(Resample, void, swr_free, (struct SwrContext **s), (s))
DUALREC_FFMPEG_FORWARD(Scale, int, sws_scale, (struct SwsContext *c, const uint8_t *const srcSlice[], const int srcStride[], int srcSliceY, int srcSliceH, uint8_t *const dst[], const int dstStride[]), (c, srcSlice, srcStride, srcSliceY, srcSliceH, dst, dstStride))
DUALREC_FFMPEG_FORWARD(Scale, struct SwsContext *, sws_getContext, (int srcW, int srcH, enum AVPixelFormat srcFormat, int dstW, int dstH, enum AVPixelFormat dstFormat, int flags, SwsFilter *srcFilter, SwsFilter *dstFilter, const double *param), (srcW, srcH, srcFormat, dstW, dstH, dstFormat, flags, srcFilter, dstFilter, param))
DUALREC_FFMPEG_FORWARD(Scale, void, sws_freeContext, (struct SwsContext *swsContext), (swsContext))
DUALREC_FFMPEG_FORWARD(Util, AVAudioFifo *, av_audio_fifo_alloc, (enum AVSampleFormat sample_fmt, int channels, int nb_samples), (sample_fmt, channels, nb_samples))
DUALREC_FFMPEG_FORWARD(Util, AVDictionaryEntry *, av_dict_get, (const AVDictionary *m, const char *key, const AVDictionaryEntry *prev, int flags), (m, key, prev, flags))
DUALREC_FFMPEG_FORWARD(Util, AVFrame *, av_frame_alloc, (void), ())
DUALREC_FFMPEG_FORWARD(Util, const char *, av_get_pix_fmt_name, (enum AVPixelFormat pix_fmt), (pix_fmt))
DUALREC_FFMPEG_FORWARD(Util, enum AVSampleFormat, av_get_packed_sample_fmt, (enum AVSampleFormat sample_fmt), (sample_fmt))
DUALREC_FFMPEG_FORWARD(Util, int, av_audio_fifo_read, (AVAudioFifo *af, void **data, int nb_samples), (af, data, nb_samples))
DUALREC_FFMPEG_FORWARD(Util, int, av_audio_fifo_size, (AVAudioFifo *af), (af))
DUALREC_FFMPEG_FORWARD(Util, int, av_audio_fifo_write, (AVAudioFifo *af, void **data, int nb_samples), (af, data, nb_samples))
DUALREC_FFMPEG_FORWARD(Util, int, av_channel_layout_copy, (AVChannelLayout *dst, const AVChannelLayout *src), (dst, src))
DUALREC_FFMPEG_FORWARD(Util, int, av_dict_copy, (AVDictionary **dst, const AVDictionary *src, int flags), (dst, src, flags))
DUALREC_FFMPEG_FORWARD(Util, int, av_dict_set, (AVDictionary **pm, const char *key, const char *value, int flags), (pm, key, value, flags))
DUALREC_FFMPEG_FORWARD(Util, int, av_frame_get_buffer, (AVFrame *frame, int align), (frame, align))
DUALREC_FFMPEG_FORWARD(Util, int, av_frame_ref, (AVFrame *dst, const AVFrame *src), (dst, src))
DUALREC_FFMPEG_FORWARD(Util, int, av_image_fill_arrays, (uint8_t *dst_data[4], int dst_linesize[4], const uint8_t *src, enum AVPixelFormat pix_fmt, int width, int height, int align), (dst_data, dst_linesize, src, pix_fmt, width, height, align))
DUALREC_FFMPEG_FORWARD(Util, int, av_log_get_level, (void), ())
DUALREC_FFMPEG_FORWARD(Util, int, av_opt_set, (void *obj, const char *name, const char *val, int search_flags), (obj, name, val, search_flags))
DUALREC_FFMPEG_FORWARD(Util, int, av_sample_fmt_is_planar, (enum AVSampleFormat sample_fmt), (sample_fmt))
DUALREC_FFMPEG_FORWARD(Util, int, av_samples_set_silence, (uint8_t **audio_data, int offset, int nb_samples, int nb_channels, enum AVSampleFormat sample_fmt), (audio_data, offset, nb_samples, nb_channels, sample_fmt))
DUALREC_FFMPEG_FORWARD(Util, int, av_strerror, (int errnum, char *errbuf, size_t errbuf_size), (errnum, errbuf, errbuf_size))
DUALREC_FFMPEG_FORWARD(Util, int64_t, av_rescale_q, (int64_t a, AVRational bq, AVRational cq), (a, bq, cq))
DUALREC_FFMPEG_FORWARD(Util, int64_t, av_rescale_q_rnd, (int64_t a, AVRational bq, AVRational cq, enum AVRounding rnd), (a, bq, cq, rnd))
DUALREC_FFMPEG_FORWARD(Util, void *, av_malloc, (size_t size), (size))
DUALREC_FFMPEG_FORWARD(Util, void *, av_mallocz, (size_t size), (size))
DUALREC_FFMPEG_FORWARD(Util, void, av_audio_fifo_free, (AVAudioFifo *af), (af))
DUALREC_FFMPEG_FORWARD(Util, void, av_channel_layout_default, (AVChannelLayout *ch_layout, int nb_channels), (ch_layout, nb_channels))
DUALREC_FFMPEG_FORWARD(Util, void, av_channel_layout_uninit, (AVChannelLayout *channel_layout), (channel_layout))
DUALREC_FFMPEG_FORWARD(Util, void, av_dict_free, (AVDictionary **m), (m))
DUALREC_FFMPEG_FORWARD(Util, void, av_dynarray_add, (void *tab_ptr, int *nb_ptr, void *elem), (tab_ptr, nb_ptr, elem))
DUALREC_FFMPEG_FORWARD(Util, void, av_frame_free, (AVFrame **frame), (frame))
DUALREC_FFMPEG_FORWARD(Util, void, av_frame_unref, (AVFrame *frame), (frame))
DUALREC_FFMPEG_FORWARD(Util, void, av_free, (void *ptr), (ptr))
DUALREC_FFMPEG_FORWARD(Util, void, av_freep, (void *ptr), (ptr))
DUALREC_FFMPEG_FORWARD(Util, void, av_log_set_level, (int level), (level))
} // extern "C"
#pragma GCC visibility pop
