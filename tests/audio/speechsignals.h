#pragma once

// Test audio with per-segment truth for the voice activity detection: Mandarin answers spoken by
// the project's own speech synthesis (espeak-ng, voice cmn-latn-pinyin, the same engine as the
// voice broadcast) placed at known times over a background (silence, mains hum, noise). The
// truth of an utterance is the part of its synthesised sound above -40 dBFS (espeak-ng pads
// its output with silence). Deterministic: the same seed gives the same signal.
#include "core/audio/voiceactivity.h"
#include "core/voice/speechsynthesizer.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <chrono>

namespace dualrec::test {

enum class Background : quint8 { Silence, RoomNoise, Hum, LoudNoise, Babble };

[[nodiscard]] const char *backgroundName(Background background);

struct Utterance final {
    QString text;
    std::chrono::milliseconds at{0};   ///< where its sound (the truth's start) begins in the signal
    double gainDb = 0;                 ///< applied to the synthesised sound (0: espeak's own level)
    bool slow = false;
};

struct TestSignal final {
    int sampleRate = 48000;
    QByteArray samples;                     ///< mono, signed 16-bit native endian
    QList<audio::SpeechSegment> truth;      ///< one per utterance, on the signal's time
    [[nodiscard]] std::chrono::milliseconds length() const;
};

/// The synthesised utterance at `sampleRate`, trimmed to its sound (above -40 dBFS).
[[nodiscard]] QByteArray spoken(const QString &text, int sampleRate, bool slow = false);

/// `length` of `background` with `utterances` added; 48 kHz unless told.
[[nodiscard]] TestSignal makeSignal(std::chrono::milliseconds length, Background background,
                                    const QList<Utterance> &utterances, unsigned seed = 1, int sampleRate = 48000);

/// Short answers a customer gives (是的, 明白, 没有问题, ...).
[[nodiscard]] QStringList answerTexts();

} // namespace dualrec::test
