#pragma once

#include "core/util/clock.h"
#include "core/util/result.h"
#include "core/voice/pcmclip.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <stop_token>

class QAudioSink;
class QBuffer;
class QMediaPlayer;
class QAudioOutput;
class QTextToSpeech;

namespace dualrec::voice {
class PromptMixer;
}

namespace dualrec::ui {

/// The voice broadcast of the recording page: reads the step's script aloud (or plays the
/// template's recorded prompt) through the loudspeaker and, where the sound is made in the app,
/// puts it into the recording too (voice::PromptMixer). It never endangers a recording: an
/// engine that cannot start, a missing loudspeaker or a failed synthesis make it unavailable
/// with a reason (problem()) the page shows on the button; nothing is called on an engine that
/// is not ready.
///
/// Engines: BuiltIn is espeak-ng inside the app (Linux: Qt's engines there have no working
/// Mandarin voice), synthesised in a worker thread and played with QAudioSink; System is Qt
/// TextToSpeech (Windows, macOS), whose sound cannot be mixed into the recording (the
/// microphone still picks it up).
///
/// Thread contract: GUI thread only; the synthesis runs in the thread pool and reports back
/// through a queued signal.
class VoiceBroadcast final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VoiceBroadcast)

public:
    enum class Engine : quint8 { Invalid = 0, BuiltIn, System };
    enum class State : quint8 {
        Invalid = 0,
        Starting,    ///< the engine is being checked
        Unavailable, ///< cannot speak at all: problem() says why
        Ready,
        Preparing,   ///< making the sound of a prompt
        Speaking,
    };

    /// BuiltIn where this build has it, else System.
    [[nodiscard]] static Engine defaultEngine();
    /// "builtin" / "system" (command line, settings); Invalid for anything else.
    [[nodiscard]] static Engine engineFromName(const QString &name);

    /// `mixer` (may be null) receives every clip the built-in engine plays. `systemEngine` names
    /// the Qt TextToSpeech plugin for Engine::System (empty: Qt's default).
    VoiceBroadcast(const Clock &clock, voice::PromptMixer *mixer, Engine engine, QString systemEngine = {},
                   QObject *parent = nullptr);
    ~VoiceBroadcast() override;

    [[nodiscard]] Engine engine() const { return m_engine; }
    [[nodiscard]] State state() const { return m_state; }
    /// Why the last prompt could not be played, or why nothing can be: a translated sentence;
    /// empty when all is well.
    [[nodiscard]] QString problem() const { return m_problem; }
    /// The technical English detail behind problem() (logs, tooltips).
    [[nodiscard]] QString problemDetail() const { return m_problemDetail; }
    /// Whether the prompts are also in the recording (the built-in engine).
    [[nodiscard]] bool mixesIntoRecording() const { return m_engine == Engine::BuiltIn && m_mixer; }

    /// Reads `text` aloud (Mandarin); `slow` for elder customers. Stops a prompt still playing.
    void speak(const QString &text, bool slow);
    /// Plays a recorded prompt file.
    void playFile(const QString &path, bool slow);
    void stop();

Q_SIGNALS:
    void stateChanged();
    /// The built-in engine made the sound of a prompt (tests and logs): `clip` is what plays.
    void clipReady(const dualrec::voice::PcmClip &clip);

private:
    void setState(State state, const QString &problem = {}, const QString &detail = {});
    void startSystemEngine();
    void onSynthesized(quint64 generation, const Result<voice::PcmClip> &clip);
    void play(const voice::PcmClip &clip);
    void releaseSink();

    const Clock &m_clock;
    voice::PromptMixer *m_mixer;
    Engine m_engine;
    QString m_systemEngine;
    State m_state = State::Starting;
    QString m_problem;
    QString m_problemDetail;
    quint64 m_generation = 0;
    std::stop_source m_synthesisStop;

    QPointer<QAudioSink> m_sink;
    QPointer<QBuffer> m_buffer;
    QTextToSpeech *m_speech = nullptr;
    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_audioOutput = nullptr;
};

} // namespace dualrec::ui

Q_DECLARE_METATYPE(dualrec::voice::PcmClip)
