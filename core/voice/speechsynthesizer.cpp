#include "core/voice/speechsynthesizer.h"

#ifdef DUALREC_HAVE_ESPEAK
#include <espeak-ng/espeak_ng.h>
#endif

#include <mutex>
#include <optional>

namespace dualrec::voice {

#ifdef DUALREC_HAVE_ESPEAK

namespace {

const char *voiceName(VoiceLanguage language)
{
    switch (language) {
    case VoiceLanguage::Mandarin:
        return "cmn-latn-pinyin";
    case VoiceLanguage::English:
        return "en";
    case VoiceLanguage::Invalid:
        break;
    }
    return nullptr;
}

QString statusText(espeak_ng_STATUS status)
{
    char text[512] = {};
    espeak_ng_GetStatusCodeMessage(status, text, sizeof text);
    return QString::fromLocal8Bit(text);
}

/// The one engine of the process, and what the running synthesis collects.
struct Engine {
    std::mutex mutex;
    bool initialised = false;
    std::optional<Error> initError;
    QByteArray *collecting = nullptr;
    const std::stop_token *stop = nullptr;
};

Engine &engine()
{
    static Engine instance;
    return instance;
}

int collect(short *wav, int samples, espeak_EVENT *)
{
    auto &e = engine();
    if (e.stop && e.stop->stop_requested())
        return 1; // abort the synthesis
    if (wav && samples > 0 && e.collecting)
        e.collecting->append(reinterpret_cast<const char *>(wav), qsizetype(samples) * qsizetype(sizeof(short)));
    return 0;
}

/// Under the engine's lock.
Result<void> initialise(Engine &e)
{
    if (e.initialised)
        return {};
    if (e.initError)
        return std::unexpected(*e.initError);
    espeak_ng_InitializePath(nullptr);
    espeak_ng_ERROR_CONTEXT context = nullptr;
    auto status = espeak_ng_Initialize(&context);
    if (status != ENS_OK) {
        espeak_ng_ClearErrorContext(&context);
        e.initError = Error{ErrorCode::DeviceUnavailable,
                            QStringLiteral("espeak-ng cannot start (its data, espeak-ng-data, is missing?): ") + statusText(status)};
        return std::unexpected(*e.initError);
    }
    status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
    if (status != ENS_OK) {
        e.initError = Error{ErrorCode::DeviceUnavailable, QStringLiteral("espeak-ng output: ") + statusText(status)};
        return std::unexpected(*e.initError);
    }
    espeak_SetSynthCallback(collect);
    e.initialised = true;
    return {};
}

Result<void> selectVoice(VoiceLanguage language)
{
    const char *name = voiceName(language);
    if (!name)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("no voice for an invalid language"));
    const auto status = espeak_ng_SetVoiceByName(name);
    if (status != ENS_OK)
        return fail(ErrorCode::DeviceUnavailable,
                    QStringLiteral("espeak-ng has no voice %1: %2").arg(QLatin1String(name), statusText(status)));
    return {};
}

} // namespace

Result<void> SpeechSynthesizer::available(VoiceLanguage language)
{
    auto &e = engine();
    const std::lock_guard lock(e.mutex);
    if (auto ready = initialise(e); !ready)
        return ready;
    return selectVoice(language);
}

Result<PcmClip> SpeechSynthesizer::synthesize(const QString &text, SpeechOptions options, std::stop_token stop)
{
    auto &e = engine();
    const std::lock_guard lock(e.mutex);
    if (auto ready = initialise(e); !ready)
        return std::unexpected(ready.error());
    if (auto voice = selectVoice(options.language); !voice)
        return std::unexpected(voice.error());
    espeak_ng_SetParameter(espeakRATE, options.slow ? kSlowRate : kNormalRate, 0);
    QByteArray samples;
    e.collecting = &samples;
    e.stop = &stop;
    const QByteArray utf8 = text.toUtf8();
    const auto status = espeak_ng_Synthesize(utf8.constData(), std::size_t(utf8.size()) + 1, 0, POS_CHARACTER, 0,
                                             espeakCHARS_UTF8, nullptr, nullptr);
    espeak_ng_Synchronize();
    e.collecting = nullptr;
    e.stop = nullptr;
    if (stop.stop_requested())
        return fail(ErrorCode::Cancelled, QStringLiteral("speech synthesis stopped"));
    if (status != ENS_OK)
        return fail(ErrorCode::InternalError, QStringLiteral("espeak-ng synthesis failed: ") + statusText(status));
    return PcmClip{espeak_ng_GetSampleRate(), std::move(samples)};
}

#else // no espeak-ng in this build

Result<void> SpeechSynthesizer::available(VoiceLanguage)
{
    return fail(ErrorCode::DeviceUnavailable, QStringLiteral("this build has no built-in speech synthesis (espeak-ng)"));
}

Result<PcmClip> SpeechSynthesizer::synthesize(const QString &, SpeechOptions, std::stop_token)
{
    return std::unexpected(available().error());
}

#endif

} // namespace dualrec::voice
