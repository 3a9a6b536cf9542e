#pragma once

#include "core/live/speechmonitor.h"
#include "core/util/clock.h"
#include "core/util/error.h"
#include "core/vision/presencepolicy.h"
#include "core/workflow/workflowsession.h"

#include <QPointer>
#include <QWidget>

#include <chrono>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class QTimer;

namespace dualrec::ui {

class PreviewWidget;
class VoiceBroadcast;

/// The page the agent records on: the live picture with the presence state, the steps with
/// progress, the teleprompter (with an elder-friendly mode), the voice broadcast, and the
/// buttons that feed facts to the WorkflowSession. Buttons the session would refuse are
/// disabled and the reason is written next to them; whether a step may be completed is always
/// the session's decision (unmetRequirements). GUI thread only.
class RecordingPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordingPage)

public:
    /// `voice` reads the prompts aloud (null: this page has none and says so); it must outlive the page.
    RecordingPage(const Clock &clock, VoiceBroadcast *voice, QWidget *parent = nullptr);
    ~RecordingPage() override;

    /// Shows `session` (which must outlive the page's use of it, until detach()).
    /// `videoConnected` false: no video source exists, the preview says so.
    void attach(workflow::WorkflowSession *session, workflow::SaleContext context, bool videoConnected);
    void detach();

    void showFrame(const QImage &frame, const std::vector<vision::FaceBox> &faces);
    /// What the presence banner says (from PresenceMonitor::problemChanged).
    void setPresenceProblem(vision::PresenceProblem problem);
    /// A journal write failed: the agent is told, the recording goes on.
    void setJournalProblem(const Error &error);
    /// Something happened to the recording itself (it broke, the camera went away); empty clears it.
    void setRecordingProblem(const QString &text);
    /// Whether the customer was heard answering in the current step (live::SpeechMonitor): on a
    /// step that asks an answer, "not heard" shows a calm hint by the answer buttons; it never
    /// disables them.
    void setAnswerSpeech(live::AnswerSpeech state);
    /// The live microphone check; `quietFor` is how long "too quiet" took (said in the warning).
    void setMicrophone(const audio::MicrophoneState &state, std::chrono::seconds quietFor);

    [[nodiscard]] bool elderMode() const;
    /// The picture the preview shows now (null without one).
    [[nodiscard]] QImage previewFrame() const;

Q_SIGNALS:
    /// The session reached an end state (finished, refused, aborted or failed).
    void sessionEnded();
    /// The agent pressed "snapshot taken": the host saves the picture and records it in the session.
    void snapshotRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void refresh();
    void refreshSteps();
    void refreshTeleprompter();
    void applyTeleprompterFont();
    void onTick();
    void updateTimes();
    void onPlayPrompt();
    void refreshVoice(bool stepShown, bool hasRecordedPrompt);
    void onPauseResume();
    void onAbortConfirmed();
    void showAbortPanel(bool visible);
    void showError(const Error &error);
    [[nodiscard]] bool sessionRunning() const;

    const Clock &m_clock;
    QPointer<workflow::WorkflowSession> m_session;
    workflow::SaleContext m_context;
    bool m_videoConnected = false;
    std::chrono::nanoseconds m_startedAt{0};
    vision::PresenceProblem m_problem = vision::PresenceProblem::Invalid;
    QString m_lastError;
    QString m_journalProblem;
    QString m_recordingProblem;
    live::AnswerSpeech m_answerSpeech = live::AnswerSpeech::Invalid;
    audio::MicrophoneState m_microphone;
    std::chrono::seconds m_quietFor{0};

    QTimer *m_timer = nullptr;
    VoiceBroadcast *m_voice = nullptr;
    bool m_focusYesWhenPossible = false; ///< the consent's "yes" takes the focus once it counts
    QLabel *m_voiceProblem = nullptr;

    QLabel *m_banner = nullptr;
    PreviewWidget *m_preview = nullptr;
    QLabel *m_presenceIndicator = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_elapsed = nullptr;
    QLabel *m_timeLeft = nullptr;
    QLabel *m_stepsTitle = nullptr;
    QProgressBar *m_progress = nullptr;
    QListWidget *m_steps = nullptr;
    QLabel *m_stepTitle = nullptr;
    QTextBrowser *m_teleprompter = nullptr;
    QCheckBox *m_elderMode = nullptr;
    QPushButton *m_play = nullptr;
    QPushButton *m_answerYes = nullptr;
    QPushButton *m_answerNo = nullptr;
    QPushButton *m_snapshot = nullptr;
    QPushButton *m_next = nullptr;
    QLabel *m_nextReason = nullptr;
    QLabel *m_answerHint = nullptr;
    QLabel *m_microphoneWarning = nullptr;
    QPushButton *m_pauseResume = nullptr;
    QPushButton *m_abort = nullptr;
    QWidget *m_abortPanel = nullptr;
    QLabel *m_abortLabel = nullptr;
    QComboBox *m_abortReason = nullptr;
    QPushButton *m_confirmAbort = nullptr;
    QPushButton *m_cancelAbort = nullptr;
    QLabel *m_journalLabel = nullptr;
};

} // namespace dualrec::ui
