#include "ui/voicebroadcast.h"

#include "core/voice/promptmixer.h"
#include "core/voice/speechsynthesizer.h"

#include <QAudioOutput>
#include <QAudioSink>
#include <QBuffer>
#include <QFutureWatcher>
#include <QLocale>
#include <QMediaDevices>
#include <QMediaPlayer>
#include <QTextToSpeech>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>
#include <QLoggingCategory>

#include <algorithm>
#include <cstring>

Q_LOGGING_CATEGORY(lcVoice, "dualrec.voice")

namespace dualrec::ui {

namespace {

constexpr double kSlowSystemRate = -0.35; ///< Qt TextToSpeech's rate for elder customers (range -1..1)
constexpr double kSlowFileRate = 0.85;    ///< playback rate of recorded prompts for elder customers

/// What went wrong, then what to do: two sentences (no space between them in Chinese).
QString readAloudInstead(const QString &problem)
{
    return VoiceBroadcast::tr("%1 %2", "a problem, then what to do about it")
        .arg(problem, VoiceBroadcast::tr("Read the script aloud instead."));
}

/// Mono 16-bit samples as `channels` interleaved channels.
QByteArray spread(const QByteArray &mono, int channels)
{
    if (channels <= 1)
        return mono;
    const auto frames = mono.size() / qsizetype(sizeof(qint16));
    QByteArray out(frames * channels * qsizetype(sizeof(qint16)), Qt::Uninitialized);
    for (qsizetype i = 0; i < frames; ++i)
        for (int c = 0; c < channels; ++c)
            std::memcpy(out.data() + (i * channels + c) * qsizetype(sizeof(qint16)),
                        mono.constData() + i * qsizetype(sizeof(qint16)), sizeof(qint16));
    return out;
}

} // namespace

VoiceBroadcast::Engine VoiceBroadcast::defaultEngine()
{
#ifdef DUALREC_HAVE_ESPEAK
    return Engine::BuiltIn;
#else
    return Engine::System;
#endif
}

VoiceBroadcast::Engine VoiceBroadcast::engineFromName(const QString &name)
{
    if (name == QLatin1String("builtin"))
        return Engine::BuiltIn;
    if (name == QLatin1String("system"))
        return Engine::System;
    return Engine::Invalid;
}

VoiceBroadcast::VoiceBroadcast(const Clock &clock, voice::PromptMixer *mixer, Engine engine, QString systemEngine,
                               QObject *parent)
    : QObject(parent), m_clock(clock), m_mixer(mixer), m_engine(engine == Engine::Invalid ? defaultEngine() : engine),
      m_systemEngine(std::move(systemEngine))
{
    static const int registered = qRegisterMetaType<voice::PcmClip>();
    Q_UNUSED(registered)
    if (m_engine == Engine::System) {
        startSystemEngine();
        return;
    }
    // Checking espeak-ng loads its data: off the GUI thread, so the window is not held up.
    auto *watcher = new QFutureWatcher<Result<void>>(this);
    connect(watcher, &QFutureWatcher<Result<void>>::finished, this, [this, watcher] {
        const auto available = watcher->result();
        watcher->deleteLater();
        if (available)
            setState(State::Ready);
        else
            setState(State::Unavailable,
                     readAloudInstead(tr("The voice broadcast cannot be used: the speech data of this computer is missing or damaged "
                        "(ask IT to reinstall DualRec).")),
                     available.error().detail);
    });
    watcher->setFuture(QtConcurrent::run([] { return voice::SpeechSynthesizer::available(); }));
}

VoiceBroadcast::~VoiceBroadcast()
{
    m_synthesisStop.request_stop();
    if (m_mixer)
        m_mixer->stop(m_clock.monotonicNow());
    releaseSink();
}

void VoiceBroadcast::setState(State state, const QString &problem, const QString &detail)
{
    if (!detail.isEmpty())
        qCWarning(lcVoice) << "voice broadcast:" << detail;
    if (state == m_state && problem == m_problem)
        return;
    m_state = state;
    m_problem = problem;
    m_problemDetail = detail;
    Q_EMIT stateChanged();
}

void VoiceBroadcast::startSystemEngine()
{
    if (QTextToSpeech::availableEngines().isEmpty()) {
        setState(State::Unavailable, readAloudInstead(tr("This computer has no voice engine.")),
                 QStringLiteral("Qt TextToSpeech has no engine plugin"));
        return;
    }
    m_speech = m_systemEngine.isEmpty() ? new QTextToSpeech(this) : new QTextToSpeech(m_systemEngine, this);
    // An engine that failed to start (speechd without a running speech-dispatcher) is never
    // called again: Qt's plugins are not safe to use in that state.
    if (m_speech->state() == QTextToSpeech::Error) {
        setState(State::Unavailable,
                 readAloudInstead(tr("This computer's voice engine is not working (its speech service may not be running).")),
                 QStringLiteral("Qt TextToSpeech engine %1: %2").arg(m_speech->engine(), m_speech->errorString()));
        return;
    }
    const auto locales = m_speech->availableLocales();
    const auto mandarin = std::find_if(locales.cbegin(), locales.cend(), [](const QLocale &locale) {
        return locale.language() == QLocale::Chinese;
    });
    if (mandarin == locales.cend()) {
        setState(State::Unavailable, readAloudInstead(tr("This computer's voice engine has no Mandarin voice.")),
                 QStringLiteral("Qt TextToSpeech engine %1 offers no Chinese locale").arg(m_speech->engine()));
        return;
    }
    m_speech->setLocale(*mandarin);
    connect(m_speech, &QTextToSpeech::stateChanged, this, [this](QTextToSpeech::State state) {
        // The system's voice is not in the recording, but the speech check must know when a
        // prompt plays: the microphone hears it from the loudspeaker.
        if (m_mixer) {
            if (state == QTextToSpeech::Speaking)
                m_mixer->startUnmixed(m_clock.monotonicNow());
            else
                m_mixer->stop(m_clock.monotonicNow());
        }
        switch (state) {
        case QTextToSpeech::Speaking:
            setState(State::Speaking);
            return;
        case QTextToSpeech::Ready:
        case QTextToSpeech::Paused:
            setState(State::Ready);
            return;
        case QTextToSpeech::Error:
            setState(State::Unavailable,
                     readAloudInstead(tr("This computer's voice engine stopped working.")),
                     QStringLiteral("Qt TextToSpeech engine %1: %2").arg(m_speech->engine(), m_speech->errorString()));
            return;
        }
    });
    setState(State::Ready);
}

void VoiceBroadcast::speak(const QString &text, bool slow)
{
    if (m_state == State::Unavailable || m_state == State::Starting)
        return;
    stop();
    if (m_engine == Engine::System) {
        if (!m_speech || m_speech->state() != QTextToSpeech::Ready)
            return;
        m_speech->setRate(slow ? kSlowSystemRate : 0.0);
        m_speech->say(text);
        return;
    }
    const auto generation = ++m_generation;
    m_synthesisStop = std::stop_source();
    setState(State::Preparing);
    auto *watcher = new QFutureWatcher<Result<voice::PcmClip>>(this);
    connect(watcher, &QFutureWatcher<Result<voice::PcmClip>>::finished, this, [this, watcher, generation] {
        const auto clip = watcher->result();
        watcher->deleteLater();
        onSynthesized(generation, clip);
    });
    watcher->setFuture(QtConcurrent::run(
        [text, slow, stop = m_synthesisStop.get_token()] {
            return voice::SpeechSynthesizer::synthesize(text, {voice::VoiceLanguage::Mandarin, slow}, stop);
        }));
}

void VoiceBroadcast::onSynthesized(quint64 generation, const Result<voice::PcmClip> &clip)
{
    if (generation != m_generation || m_state != State::Preparing)
        return; // stopped, or replaced by a newer prompt
    if (!clip) {
        if (clip.error().code == ErrorCode::Cancelled)
            setState(State::Ready);
        else
            setState(State::Ready, readAloudInstead(tr("The prompt's voice could not be made.")),
                     clip.error().detail);
        return;
    }
    Q_EMIT clipReady(*clip);
    play(*clip);
}

void VoiceBroadcast::play(const voice::PcmClip &clip)
{
    const auto device = QMediaDevices::defaultAudioOutput();
    if (device.isNull()) {
        setState(State::Ready,
                 readAloudInstead(tr("No loudspeaker or headphones are connected, so the prompt cannot be heard.")),
                 QStringLiteral("no audio output device"));
        return;
    }
    // Our sound at the device's own rate when it does not take ours; stereo where mono is refused.
    voice::PcmClip played = clip;
    QAudioFormat format;
    format.setSampleFormat(QAudioFormat::Int16);
    format.setSampleRate(clip.sampleRate);
    format.setChannelCount(1);
    if (!device.isFormatSupported(format)) {
        played = clip.resampled(device.preferredFormat().sampleRate());
        format.setSampleRate(played.sampleRate);
    }
    int channels = 1;
    if (!device.isFormatSupported(format)) {
        channels = std::max(2, device.preferredFormat().channelCount());
        format.setChannelCount(channels);
    }
    releaseSink();
    m_buffer = new QBuffer(this);
    m_buffer->setData(spread(played.samples, channels));
    m_buffer->open(QIODevice::ReadOnly);
    m_sink = new QAudioSink(device, format, this);
    connect(m_sink, &QAudioSink::stateChanged, this, [this](QAudio::State state) {
        if (!m_sink)
            return;
        if (state == QAudio::IdleState) { // everything was played
            releaseSink();
            setState(State::Ready);
        } else if (state == QAudio::StoppedState && m_sink->error() != QAudio::NoError) {
            const auto error = m_sink->error();
            releaseSink();
            if (m_mixer)
                m_mixer->stop(m_clock.monotonicNow());
            setState(State::Ready, readAloudInstead(tr("The loudspeaker stopped working during the prompt.")),
                     QStringLiteral("audio output error %1").arg(int(error)));
        }
    });
    m_sink->start(m_buffer);
    if (m_sink->error() != QAudio::NoError) {
        const auto error = m_sink->error();
        releaseSink();
        setState(State::Ready, readAloudInstead(tr("The loudspeaker could not be opened.")),
                 QStringLiteral("cannot open audio output %1: error %2").arg(device.description()).arg(int(error)));
        return;
    }
    if (m_mixer)
        m_mixer->start(clip, m_clock.monotonicNow());
    setState(State::Speaking);
}

void VoiceBroadcast::playFile(const QString &path, bool slow)
{
    if (m_state == State::Starting)
        return;
    stop();
    if (QMediaDevices::defaultAudioOutput().isNull()) {
        setState(m_state == State::Unavailable ? State::Unavailable : State::Ready,
                 readAloudInstead(tr("No loudspeaker or headphones are connected, so the prompt cannot be heard.")),
                 QStringLiteral("no audio output device"));
        return;
    }
    if (!m_player) {
        m_player = new QMediaPlayer(this);
        m_audioOutput = new QAudioOutput(this);
        m_player->setAudioOutput(m_audioOutput);
        connect(m_player, &QMediaPlayer::playbackStateChanged, this, [this](QMediaPlayer::PlaybackState state) {
            if (!m_mixer) // a recorded prompt file is not mixed in; the speech check still needs its times
                return;
            if (state == QMediaPlayer::PlayingState)
                m_mixer->startUnmixed(m_clock.monotonicNow());
            else
                m_mixer->stop(m_clock.monotonicNow());
        });
        connect(m_player, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error, const QString &detail) {
            setState(State::Ready, readAloudInstead(tr("The recorded prompt could not be played.")), detail);
        });
    }
    m_player->setSource(QUrl::fromLocalFile(path));
    m_player->setPlaybackRate(slow ? kSlowFileRate : 1.0);
    m_player->play();
}

void VoiceBroadcast::stop()
{
    ++m_generation;
    m_synthesisStop.request_stop();
    if (m_player)
        m_player->stop();
    if (m_speech && m_speech->state() == QTextToSpeech::Speaking)
        m_speech->stop();
    if (m_mixer && (m_sink || m_speech || m_player))
        m_mixer->stop(m_clock.monotonicNow());
    releaseSink();
    if (m_state == State::Preparing || m_state == State::Speaking)
        setState(State::Ready);
}

void VoiceBroadcast::releaseSink()
{
    if (m_sink) {
        m_sink->disconnect(this);
        m_sink->stop();
        m_sink->deleteLater();
    }
    if (m_buffer)
        m_buffer->deleteLater();
    m_sink = nullptr;
    m_buffer = nullptr;
}

} // namespace dualrec::ui
