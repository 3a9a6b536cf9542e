#pragma once

#include "core/util/result.h"
#include "core/voice/pcmclip.h"

#include <QString>

#include <stop_token>

namespace dualrec::voice {

enum class VoiceLanguage : quint8 { Invalid = 0, Mandarin, English };

struct SpeechOptions final {
    VoiceLanguage language = VoiceLanguage::Mandarin;
    /// Slower speech for elder customers.
    bool slow = false;
};

/// Text to sound inside the app, with espeak-ng (Mandarin through its `cmn-latn-pinyin`
/// voice, which speaks the tones right; `cmn` reads 你 as "ni three"). Built where espeak-ng
/// exists (Linux); elsewhere available() says so and the window uses the system's engine.
///
/// Thread contract: every function may be called from any thread; espeak-ng is one engine per
/// process, so syntheses run one at a time (a second call waits for the first). Synthesis is
/// slow (about a tenth of the speech's length): never call it on the GUI thread.
class SpeechSynthesizer final
{
public:
    SpeechSynthesizer() = delete;

    /// Whether sound can be made here: espeak-ng built in, its data found, the voice present.
    /// The first call initialises the engine (tens of milliseconds).
    [[nodiscard]] static Result<void> available(VoiceLanguage language = VoiceLanguage::Mandarin);
    /// The whole text as one clip. Stops early (ErrorCode::Cancelled) when `stop` is requested.
    [[nodiscard]] static Result<PcmClip> synthesize(const QString &text, SpeechOptions options,
                                                    std::stop_token stop = {});
    /// Words per minute used for normal and slow speech.
    static constexpr int kNormalRate = 165;
    static constexpr int kSlowRate = 120;
};

} // namespace dualrec::voice
