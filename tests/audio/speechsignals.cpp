#include "tests/audio/speechsignals.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <numbers>
#include <random>

namespace dualrec::test {

using namespace std::chrono;

const char *backgroundName(Background background)
{
    switch (background) {
    case Background::Silence:
        return "silence";
    case Background::RoomNoise:
        return "room noise (-50 dBFS)";
    case Background::Hum:
        return "mains hum 50 Hz + harmonics (-25 dBFS)";
    case Background::LoudNoise:
        return "loud noise (-15 dBFS)";
    case Background::Babble:
        return "clatter (bursts of noise)";
    }
    return "?";
}

milliseconds TestSignal::length() const
{
    return milliseconds(samples.size() / 2 * 1000 / sampleRate);
}

QStringList answerTexts()
{
    return {QStringLiteral("是的"), QStringLiteral("明白"), QStringLiteral("没有问题"), QStringLiteral("我同意"),
            QStringLiteral("不需要"), QStringLiteral("清楚了"), QStringLiteral("好的，我知道了"), QStringLiteral("对")};
}

QByteArray spoken(const QString &text, int sampleRate, bool slow)
{
    static std::map<std::pair<QString, std::pair<int, bool>>, QByteArray> cache;
    const auto key = std::make_pair(text, std::make_pair(sampleRate, slow));
    if (auto found = cache.find(key); found != cache.end())
        return found->second;
    auto clip = voice::SpeechSynthesizer::synthesize(text, {voice::VoiceLanguage::Mandarin, slow});
    if (!clip)
        return {};
    const auto resampled = clip->resampled(sampleRate);
    const auto *pcm = reinterpret_cast<const qint16 *>(resampled.samples.constData());
    const auto count = resampled.frameCount();
    const int threshold = int(32768 * std::pow(10.0, -40.0 / 20));
    qsizetype first = 0;
    while (first < count && std::abs(int(pcm[first])) < threshold)
        ++first;
    qsizetype last = count;
    while (last > first && std::abs(int(pcm[last - 1])) < threshold)
        --last;
    auto trimmed = resampled.samples.mid(first * 2, (last - first) * 2);
    cache.emplace(key, trimmed);
    return trimmed;
}

TestSignal makeSignal(milliseconds length, Background background, const QList<Utterance> &utterances, unsigned seed,
                      int sampleRate)
{
    TestSignal signal;
    signal.sampleRate = sampleRate;
    const qsizetype count = length.count() * sampleRate / 1000;
    std::vector<double> mix(size_t(count), 0.0);
    std::mt19937 random(seed);
    std::normal_distribution<double> gauss(0.0, 1.0);
    const auto amplitude = [](double dbfs) { return std::pow(10.0, dbfs / 20); };
    switch (background) {
    case Background::Silence:
        break;
    case Background::RoomNoise:
        for (auto &v : mix)
            v = amplitude(-50) * 0.5 * gauss(random);
        break;
    case Background::Hum:
        for (qsizetype i = 0; i < count; ++i) {
            const double t = double(i) / sampleRate;
            double v = 0;
            for (int h = 1; h <= 6; ++h)
                v += std::sin(2 * std::numbers::pi * 50 * h * t) / h;
            mix[size_t(i)] = amplitude(-25) * 0.6 * v;
        }
        break;
    case Background::LoudNoise: {
        // Pink-ish noise (a one-pole low-pass over white noise) as loud as a busy branch hall.
        double state = 0;
        for (auto &v : mix) {
            state = 0.97 * state + 0.03 * gauss(random);
            v = amplitude(-15) * (2.5 * state + 0.3 * gauss(random));
        }
        break;
    }
    case Background::Babble: {
        // Clatter: bursts of 30-120 ms of noise at random times, a few a second.
        std::uniform_int_distribution<qsizetype> gap(sampleRate / 5, sampleRate);
        std::uniform_int_distribution<qsizetype> burst(sampleRate * 3 / 100, sampleRate * 12 / 100);
        for (qsizetype at = gap(random); at < count; at += gap(random)) {
            const auto end = std::min(count, at + burst(random));
            for (qsizetype i = at; i < end; ++i)
                mix[size_t(i)] = amplitude(-12) * gauss(random) * std::exp(-double(i - at) / (sampleRate * 0.02));
        }
        break;
    }
    }
    for (const auto &utterance : utterances) {
        const auto sound = spoken(utterance.text, sampleRate, utterance.slow);
        const auto *pcm = reinterpret_cast<const qint16 *>(sound.constData());
        const auto frames = sound.size() / 2;
        const qsizetype at = utterance.at.count() * sampleRate / 1000;
        const double gain = amplitude(utterance.gainDb);
        for (qsizetype i = 0; i < frames && at + i < count; ++i)
            mix[size_t(at + i)] += gain * pcm[i] / 32768.0;
        const auto end = std::min(count, at + frames);
        signal.truth.append({nanoseconds(at * 1'000'000'000LL / sampleRate), nanoseconds(end * 1'000'000'000LL / sampleRate)});
    }
    signal.samples.resize(count * 2);
    auto *out = reinterpret_cast<qint16 *>(signal.samples.data());
    for (qsizetype i = 0; i < count; ++i)
        out[i] = qint16(std::clamp(std::lround(mix[size_t(i)] * 32767), -32768L, 32767L));
    return signal;
}

} // namespace dualrec::test
