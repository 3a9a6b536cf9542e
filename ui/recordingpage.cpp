#include "ui/recordingpage.h"

#include "core/workflow/timeestimate.h"
#include "ui/errortext.h"
#include "ui/pagestyle.h"
#include "ui/previewwidget.h"
#include "ui/voicebroadcast.h"
#include "ui/workflowtext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace dualrec::ui {

using namespace dualrec::workflow;
using vision::PresenceProblem;

namespace {

constexpr int kTickMs = 250;
constexpr double kTeleprompterScale = 1.8;
constexpr double kElderTeleprompterScale = 2.5;

Error errorOf(const Result<void> &result)
{
    return result ? Error{} : result.error();
}

} // namespace

RecordingPage::RecordingPage(const Clock &clock, VoiceBroadcast *voice, QWidget *parent)
    : QWidget(parent), m_clock(clock), m_voice(voice)
{
    setObjectName(QStringLiteral("recordingPage"));
    auto *layout = new QVBoxLayout(this);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("presenceBanner"));
    m_banner->setWordWrap(true);
    m_banner->setAlignment(Qt::AlignCenter);
    m_banner->setStyleSheet(QStringLiteral("background: #b3261e; color: white; padding: 0.4em; border-radius: 6px;"));
    pageStyle::enlarge(m_banner, 1.9, true);
    m_banner->hide();
    layout->addWidget(m_banner);

    auto *columns = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    m_preview = new PreviewWidget(this);
    m_preview->setObjectName(QStringLiteral("preview"));
    left->addWidget(m_preview, 1);
    m_presenceIndicator = new QLabel(this);
    m_presenceIndicator->setObjectName(QStringLiteral("presenceIndicator"));
    m_presenceIndicator->setWordWrap(true);
    pageStyle::enlarge(m_presenceIndicator, 1.3, true);
    left->addWidget(m_presenceIndicator);
    auto *status = new QHBoxLayout;
    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("sessionState"));
    m_elapsed = new QLabel(this);
    m_elapsed->setObjectName(QStringLiteral("elapsedTime"));
    m_timeLeft = new QLabel(this);
    m_timeLeft->setObjectName(QStringLiteral("timeLeft"));
    for (auto *label : {m_stateLabel, m_elapsed, m_timeLeft}) {
        pageStyle::enlarge(label, 1.2);
        status->addWidget(label);
    }
    status->addStretch(1);
    left->addLayout(status);
    columns->addLayout(left, 5);

    auto *right = new QVBoxLayout;
    auto *stepsHeader = new QHBoxLayout;
    m_stepsTitle = new QLabel(this);
    pageStyle::enlarge(m_stepsTitle, 1.1, true);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("stepProgress"));
    stepsHeader->addWidget(m_stepsTitle);
    stepsHeader->addWidget(m_progress, 1);
    right->addLayout(stepsHeader);
    m_steps = new QListWidget(this);
    m_steps->setObjectName(QStringLiteral("recordingSteps"));
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    pageStyle::keepSize(m_steps, pageStyle::Extent::MaximumHeight, 9);
    right->addWidget(m_steps);
    m_stepTitle = new QLabel(this);
    m_stepTitle->setObjectName(QStringLiteral("currentStepTitle"));
    pageStyle::makeHeading(m_stepTitle, 1.4);
    right->addWidget(m_stepTitle);
    m_teleprompter = new QTextBrowser(this);
    m_teleprompter->setObjectName(QStringLiteral("recordingTeleprompter"));
    right->addWidget(m_teleprompter, 1);
    auto *voiceRow = new QHBoxLayout;
    m_elderMode = new QCheckBox(this);
    m_elderMode->setObjectName(QStringLiteral("elderMode"));
    pageStyle::enlarge(m_elderMode, 1.15);
    m_play = new QPushButton(this);
    m_play->setObjectName(QStringLiteral("playPrompt"));
    pageStyle::addShortcut(this, m_play, QKeySequence(Qt::Key_F5));
    pageStyle::enlarge(m_play, 1.15);
    voiceRow->addWidget(m_elderMode);
    voiceRow->addStretch(1);
    voiceRow->addWidget(m_play);
    right->addLayout(voiceRow);
    // Why the prompt cannot be played (no loudspeaker, no working voice): said next to the button.
    m_voiceProblem = new QLabel(this);
    m_voiceProblem->setObjectName(QStringLiteral("voiceProblem"));
    m_voiceProblem->setWordWrap(true);
    m_voiceProblem->setAlignment(Qt::AlignRight);
    m_voiceProblem->hide();
    right->addWidget(m_voiceProblem);
    columns->addLayout(right, 4);
    layout->addLayout(columns, 1);

    // The live microphone check: calm, never red, gone when the sound is fine again.
    m_microphoneWarning = new QLabel(this);
    m_microphoneWarning->setObjectName(QStringLiteral("microphoneWarning"));
    m_microphoneWarning->setWordWrap(true);
    m_microphoneWarning->setStyleSheet(QStringLiteral("background: #fff4d6; color: #5c4400; padding: 0.3em; border-radius: 4px;"));
    pageStyle::enlarge(m_microphoneWarning, 1.15);
    m_microphoneWarning->hide();
    layout->addWidget(m_microphoneWarning);

    auto *actions = new QHBoxLayout;
    m_answerYes = new QPushButton(this);
    m_answerYes->setObjectName(QStringLiteral("answerYes"));
    m_answerNo = new QPushButton(this);
    m_answerNo->setObjectName(QStringLiteral("answerNo"));
    m_snapshot = new QPushButton(this);
    m_snapshot->setObjectName(QStringLiteral("snapshotTaken"));
    m_next = new QPushButton(this);
    m_next->setObjectName(QStringLiteral("nextStep"));
    pageStyle::addShortcut(this, m_next, QKeySequence(Qt::CTRL | Qt::Key_Return));
    pageStyle::addShortcut(this, m_next, QKeySequence(Qt::CTRL | Qt::Key_Enter));
    for (auto *button : {m_answerYes, m_answerNo, m_snapshot})
        pageStyle::enlarge(button, 1.35);
    pageStyle::enlarge(m_next, 1.5, true);
    pageStyle::keepSize(m_next, pageStyle::Extent::MinimumHeight, 2.2);
    actions->addWidget(m_answerYes);
    actions->addWidget(m_answerNo);
    actions->addWidget(m_snapshot);
    actions->addStretch(1);
    actions->addWidget(m_next);
    layout->addLayout(actions);

    // No answer heard yet on a step that asks one: a hint, never a lock.
    m_answerHint = new QLabel(this);
    m_answerHint->setObjectName(QStringLiteral("answerHint"));
    m_answerHint->setWordWrap(true);
    m_answerHint->setStyleSheet(QStringLiteral("color: #1f4e79;"));
    pageStyle::enlarge(m_answerHint, 1.15);
    m_answerHint->hide();
    layout->addWidget(m_answerHint);

    m_nextReason = new QLabel(this);
    m_nextReason->setObjectName(QStringLiteral("nextStepReason"));
    m_nextReason->setWordWrap(true);
    m_nextReason->setStyleSheet(QStringLiteral("color: #8a4b00;"));
    pageStyle::enlarge(m_nextReason, 1.2);
    layout->addWidget(m_nextReason);

    auto *control = new QHBoxLayout;
    m_journalLabel = new QLabel(this);
    m_journalLabel->setObjectName(QStringLiteral("journalProblem"));
    m_journalLabel->setWordWrap(true);
    m_journalLabel->setStyleSheet(QStringLiteral("color: #a61b1b;"));
    control->addWidget(m_journalLabel, 1);
    m_pauseResume = new QPushButton(this);
    m_pauseResume->setObjectName(QStringLiteral("pauseResume"));
    pageStyle::addShortcut(this, m_pauseResume, QKeySequence(Qt::Key_F9));
    m_abort = new QPushButton(this);
    m_abort->setObjectName(QStringLiteral("abortSession"));
    control->addWidget(m_pauseResume);
    control->addWidget(m_abort);
    layout->addLayout(control);

    m_abortPanel = new QWidget(this);
    m_abortPanel->setObjectName(QStringLiteral("abortPanel"));
    auto *abortLayout = new QHBoxLayout(m_abortPanel);
    m_abortLabel = new QLabel(m_abortPanel);
    m_abortReason = new QComboBox(m_abortPanel);
    m_abortReason->setObjectName(QStringLiteral("abortReason"));
    m_abortReason->setEditable(true);
    m_abortReason->setMinimumContentsLength(24);
    m_abortLabel->setBuddy(m_abortReason);
    m_confirmAbort = new QPushButton(m_abortPanel);
    m_confirmAbort->setObjectName(QStringLiteral("confirmAbort"));
    m_cancelAbort = new QPushButton(m_abortPanel);
    m_cancelAbort->setObjectName(QStringLiteral("cancelAbort"));
    abortLayout->addWidget(m_abortLabel);
    abortLayout->addWidget(m_abortReason, 1);
    abortLayout->addWidget(m_confirmAbort);
    abortLayout->addWidget(m_cancelAbort);
    m_abortPanel->hide();
    layout->addWidget(m_abortPanel);

    setTabOrder(m_answerYes, m_answerNo);
    setTabOrder(m_answerNo, m_snapshot);
    setTabOrder(m_snapshot, m_next);
    setTabOrder(m_next, m_play);
    setTabOrder(m_play, m_elderMode);
    setTabOrder(m_elderMode, m_pauseResume);
    setTabOrder(m_pauseResume, m_abort);
    setTabOrder(m_abort, m_abortReason);
    setTabOrder(m_abortReason, m_confirmAbort);
    setTabOrder(m_confirmAbort, m_cancelAbort);

    if (m_voice)
        connect(m_voice, &VoiceBroadcast::stateChanged, this, &RecordingPage::refresh);

    m_timer = new QTimer(this);
    m_timer->setInterval(kTickMs);
    connect(m_timer, &QTimer::timeout, this, &RecordingPage::onTick);
    connect(m_answerYes, &QPushButton::clicked, this, [this] {
        if (m_session)
            showError(errorOf(m_session->recordAnswer(Answer::Yes)));
    });
    connect(m_answerNo, &QPushButton::clicked, this, [this] {
        if (m_session)
            showError(errorOf(m_session->recordAnswer(Answer::No)));
    });
    connect(m_snapshot, &QPushButton::clicked, this, [this] {
        if (m_session)
            Q_EMIT snapshotRequested();
    });
    connect(m_next, &QPushButton::clicked, this, [this] {
        if (m_session)
            showError(errorOf(m_session->completeCurrentStep()));
    });
    connect(m_play, &QPushButton::clicked, this, &RecordingPage::onPlayPrompt);
    connect(m_elderMode, &QCheckBox::toggled, this, &RecordingPage::applyTeleprompterFont);
    connect(m_pauseResume, &QPushButton::clicked, this, &RecordingPage::onPauseResume);
    connect(m_abort, &QPushButton::clicked, this, [this] { showAbortPanel(true); });
    connect(m_cancelAbort, &QPushButton::clicked, this, [this] { showAbortPanel(false); });
    connect(m_confirmAbort, &QPushButton::clicked, this, &RecordingPage::onAbortConfirmed);
    connect(m_abortReason, &QComboBox::editTextChanged, this, &RecordingPage::refresh);

    applyTeleprompterFont();
    retranslateUi();
}

RecordingPage::~RecordingPage() = default;

bool RecordingPage::elderMode() const
{
    return m_elderMode->isChecked();
}

void RecordingPage::attach(WorkflowSession *session, SaleContext context, bool videoConnected)
{
    detach();
    m_session = session;
    m_context = std::move(context);
    m_videoConnected = videoConnected;
    m_startedAt = m_clock.monotonicNow();
    m_problem = PresenceProblem::Invalid;
    m_lastError.clear();
    m_journalProblem.clear();
    m_recordingProblem.clear();
    m_answerSpeech = live::AnswerSpeech::Invalid;
    m_microphone = {};
    m_elderMode->setChecked(false);
    showAbortPanel(false);
    m_preview->showMessage(videoConnected ? tr("Waiting for the camera picture…")
                                          : tr("No video source is connected in this build, so nobody can be seen "
                                               "and steps that need people in the picture cannot be completed."));
    connect(session, &WorkflowSession::requirementsChanged, this, &RecordingPage::refresh);
    connect(session, &WorkflowSession::currentStepChanged, this, [this] {
        m_lastError.clear();
        if (m_voice) // the prompt of the step that ended is not read on over the next one
            m_voice->stop();
        refreshSteps();
        refreshTeleprompter();
        refresh();
    });
    connect(session, &WorkflowSession::stateChanged, this, [this](SessionState, SessionState to) {
        refresh();
        if (to == SessionState::Consent) {
            // Keyboard: the consent question is the first thing to do; its "yes" takes the focus
            // as soon as it counts (once both are in the picture).
            m_focusYesWhenPossible = true;
        }
        if (isEndState(to)) {
            m_timer->stop();
            Q_EMIT sessionEnded();
        }
    });
    refreshSteps();
    refreshTeleprompter();
    refresh();
    m_timer->start();
    m_next->setFocus();
}

void RecordingPage::detach()
{
    m_timer->stop();
    if (m_voice)
        m_voice->stop();
    if (m_session)
        m_session->disconnect(this);
    m_session = nullptr;
}

void RecordingPage::showFrame(const QImage &frame, const std::vector<vision::FaceBox> &faces)
{
    if (m_session)
        m_preview->showFrame(frame, faces);
}

void RecordingPage::setPresenceProblem(PresenceProblem problem)
{
    m_problem = problem;
    refresh();
}

void RecordingPage::setJournalProblem(const Error &error)
{
    m_journalProblem = ErrorText::describe(
        tr("The journal could not save part of this session; the recording goes on. Tell technical support after the session."),
        error);
    refresh();
}

QImage RecordingPage::previewFrame() const
{
    return m_preview->frame();
}

void RecordingPage::setRecordingProblem(const QString &text)
{
    m_recordingProblem = text;
    refresh();
}

void RecordingPage::setAnswerSpeech(live::AnswerSpeech state)
{
    m_answerSpeech = state;
    refresh();
}

void RecordingPage::setMicrophone(const audio::MicrophoneState &state, std::chrono::seconds quietFor)
{
    m_microphone = state;
    m_quietFor = quietFor;
    refresh();
}

void RecordingPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void RecordingPage::retranslateUi()
{
    m_stepsTitle->setText(tr("Steps"));
    m_elderMode->setText(tr("&Elder-friendly mode (bigger text, slower voice)"));
    m_play->setText(tr("Play the prompt (F5)"));
    m_answerYes->setText(tr("Customer answered “&Yes”"));
    m_answerNo->setText(tr("Customer answered “&No”"));
    m_snapshot->setText(tr("&Take a close-up"));
    m_next->setText(tr("Next step (Ctrl+Enter)"));
    m_abort->setText(tr("&Abort…"));
    m_abortLabel->setText(tr("&Reason for aborting:"));
    m_confirmAbort->setText(tr("Abort the recording"));
    m_cancelAbort->setText(tr("Continue recording"));
    const QString current = m_abortReason->currentText();
    {
        const QSignalBlocker blocker(m_abortReason);
        m_abortReason->clear();
        m_abortReason->addItem(QString());
        m_abortReason->addItem(tr("The customer wants to stop"), QStringLiteral("customer_wants_to_stop"));
        m_abortReason->addItem(tr("The customer must leave"), QStringLiteral("customer_must_leave"));
        m_abortReason->addItem(tr("Equipment problem"), QStringLiteral("equipment_problem"));
        m_abortReason->addItem(tr("Wrong application details"), QStringLiteral("wrong_application_details"));
        m_abortReason->setEditText(current);
    }

    m_preview->setAccessibleName(tr("Camera picture"));
    m_presenceIndicator->setAccessibleName(tr("Who is in the picture"));
    m_banner->setAccessibleName(tr("Presence warning"));
    m_steps->setAccessibleName(tr("Steps of the recording"));
    m_progress->setAccessibleName(tr("Recording progress"));
    m_teleprompter->setAccessibleName(tr("Teleprompter"));
    m_elderMode->setAccessibleName(tr("Elder-friendly mode"));
    m_play->setAccessibleName(tr("Play the prompt"));
    m_answerYes->setAccessibleName(tr("Customer answered yes"));
    m_answerNo->setAccessibleName(tr("Customer answered no"));
    m_snapshot->setAccessibleName(tr("Take a close-up"));
    m_next->setAccessibleName(tr("Next step"));
    m_nextReason->setAccessibleName(tr("Why the next step is not available"));
    m_pauseResume->setAccessibleName(tr("Pause or resume"));
    m_abort->setAccessibleName(tr("Abort the recording"));
    m_abortReason->setAccessibleName(tr("Reason for aborting"));
    m_confirmAbort->setAccessibleName(tr("Confirm abort"));
    m_cancelAbort->setAccessibleName(tr("Continue recording"));
    if (m_session) {
        refreshSteps();
        refreshTeleprompter();
    }
    refresh();
}

bool RecordingPage::sessionRunning() const
{
    return m_session && (m_session->state() == SessionState::Consent || m_session->state() == SessionState::Steps);
}

void RecordingPage::applyTeleprompterFont()
{
    pageStyle::enlarge(m_teleprompter, m_elderMode->isChecked() ? kElderTeleprompterScale : kTeleprompterScale);
}

void RecordingPage::refreshSteps()
{
    if (!m_session)
        return;
    const auto &plan = m_session->plan();
    const QSignalBlocker blocker(m_steps);
    m_steps->clear();
    const auto current = m_session->currentStep();
    for (qsizetype i = 0; i < plan.steps().size(); ++i) {
        const auto &step = plan.steps().at(i);
        QString title = step.definition.title;
        if (step.productIndex >= 0 && plan.products().size() > 1)
            title += QStringLiteral(" · ") + plan.products().at(step.productIndex).name;
        QString mark = QStringLiteral("    ");
        if (m_session->stepRun(i).completed)
            mark = QStringLiteral("✓ ");
        else if (i == current)
            mark = QStringLiteral("▶ ");
        auto *item = new QListWidgetItem(mark + QStringLiteral("%1. ").arg(i + 1) + title, m_steps);
        if (i == current) {
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
        }
    }
    if (current < m_steps->count())
        m_steps->scrollToItem(m_steps->item(int(current)));
    m_progress->setRange(0, int(plan.steps().size()));
    m_progress->setValue(int(std::min(current, plan.steps().size())));
    m_progress->setFormat(tr("%1 of %n step(s) done", nullptr, int(plan.steps().size()))
                              .arg(std::min(current, plan.steps().size())));
}

void RecordingPage::refreshTeleprompter()
{
    if (!m_session)
        return;
    const auto index = m_session->currentStep();
    const auto &plan = m_session->plan();
    if (index >= plan.steps().size()) {
        m_stepTitle->clear();
        m_teleprompter->clear();
        return;
    }
    const auto &step = plan.steps().at(index);
    m_stepTitle->setText(tr("Step %1: %2").arg(index + 1).arg(step.definition.title));
    m_teleprompter->setPlainText(plan.renderedText(index, m_context));
    applyTeleprompterFont();
}

void RecordingPage::refresh()
{
    const bool attached = !m_session.isNull();
    const auto state = attached ? m_session->state() : SessionState::Invalid;
    const bool running = sessionRunning();
    const bool paused = state == SessionState::Paused;
    const bool ended = isEndState(state);
    const auto &plan = attached ? m_session->plan() : ScriptPlan();
    const auto index = attached ? m_session->currentStep() : 0;
    const PlannedStep *step = attached && index < plan.steps().size() ? &plan.steps().at(index) : nullptr;

    // Presence: the banner says what is wrong in big words; the indicator is always there.
    const bool problem = m_problem != PresenceProblem::None && m_problem != PresenceProblem::Invalid;
    m_banner->setVisible(attached && !ended && problem);
    m_banner->setText(problem ? WorkflowText::presenceProblem(m_problem) : QString());
    if (!m_videoConnected) {
        m_presenceIndicator->setText(tr("✖ No camera picture: presence cannot be checked"));
        m_presenceIndicator->setStyleSheet(QStringLiteral("color: #a61b1b;"));
    } else if (attached && m_session->presence().agent && m_session->presence().policyholder) {
        m_presenceIndicator->setText(tr("✔ Agent and customer are both in the picture"));
        m_presenceIndicator->setStyleSheet(QStringLiteral("color: #1b6e2e;"));
    } else {
        m_presenceIndicator->setText(tr("✖ Not both in the picture"));
        m_presenceIndicator->setStyleSheet(QStringLiteral("color: #a61b1b;"));
    }

    m_stateLabel->setText(attached ? tr("State: %1").arg(WorkflowText::sessionState(state)) : QString());

    const bool answerStep = step && (step->definition.requirements.answerRequired
                                     || step->definition.kind == StepKind::Consent);
    const bool closeUpStep = step && step->definition.requirements.closeUp != CloseUp::None;
    // A "yes" and a close-up count only while everyone the step needs is in the picture (the
    // session refuses them otherwise); a "no" is always taken.
    const bool inPicture = attached && m_session->presenceMet();
    m_answerYes->setEnabled(running && answerStep && inPicture);
    m_answerNo->setEnabled(running && answerStep);
    m_snapshot->setEnabled(running && closeUpStep && inPicture);
    if (m_focusYesWhenPossible && m_answerYes->isEnabled()) {
        m_focusYesWhenPossible = false;
        m_answerYes->setFocus();
    }
    if (state != SessionState::Consent)
        m_focusYesWhenPossible = false;
    const QString notInPicture = tr("Only counts while everyone this step needs is in the picture.");
    m_answerYes->setToolTip(!answerStep ? tr("This step asks the customer nothing.") : inPicture ? QString() : notInPicture);
    m_answerNo->setToolTip(answerStep ? QString() : m_answerYes->toolTip());
    m_snapshot->setToolTip(!closeUpStep ? tr("This step needs no close-up.")
                           : inPicture  ? WorkflowText::closeUp(step->definition.requirements.closeUp)
                                        : notInPicture);
    if (answerStep && m_session->stepRun(index).answer != Answer::Invalid)
        m_answerYes->setToolTip(tr("Recorded answer: %1").arg(WorkflowText::answer(m_session->stepRun(index).answer)));
    // Nothing heard since the question: say so, calmly; the buttons stay as they are.
    const bool promptPlaying = m_voice && (m_voice->state() == VoiceBroadcast::State::Preparing
                                           || m_voice->state() == VoiceBroadcast::State::Speaking);
    const bool notHeard = running && answerStep && !promptPlaying && m_answerSpeech == live::AnswerSpeech::NotHeard;
    m_answerHint->setText(notHeard ? tr("The customer has not been heard answering yet. Ask them to answer in their own words; "
                                        "the buttons still work.")
                                   : QString());
    m_answerHint->setVisible(notHeard);
    if (notHeard)
        m_answerYes->setToolTip(m_answerYes->toolTip().isEmpty() ? m_answerHint->text()
                                                                 : m_answerYes->toolTip() + u'\n' + m_answerHint->text());

    QStringList microphone;
    if (m_microphone.tooQuiet)
        microphone.append(tr("The microphone has picked up almost nothing for %n second(s). Check that it is switched on, "
                             "not covered and close to the customer.", nullptr, int(m_quietFor.count())));
    if (m_microphone.clipping)
        microphone.append(tr("The sound is so loud that it distorts. Move the microphone a little further away or turn its "
                             "volume down."));
    m_microphoneWarning->setText(microphone.join(u'\n'));
    m_microphoneWarning->setVisible(attached && !ended && !microphone.isEmpty());

    QStringList reasons;
    if (attached && running) {
        for (const auto requirement : m_session->unmetRequirements()) {
            if (requirement == UnmetRequirement::Duration) {
                const auto left = m_session->remainingDuration();
                reasons.append(tr("the step has not run long enough (%n second(s) left)", nullptr,
                                  int((left.count() + 999) / 1000)));
            } else {
                reasons.append(WorkflowText::unmet(requirement));
            }
        }
    } else if (paused) {
        reasons.append(tr("the recording is paused"));
    }
    m_next->setEnabled(running && reasons.isEmpty());
    m_nextReason->setText(reasons.isEmpty() ? m_lastError : tr("Next step not yet possible: %1.").arg(reasons.join(tr("; "))));
    m_next->setToolTip(m_nextReason->text());

    refreshVoice(attached && !ended && step != nullptr,
                 step && !step->definition.audioPath.isEmpty() && QFileInfo::exists(step->definition.audioPath));

    m_pauseResume->setText(paused ? tr("&Resume (F9)") : tr("&Pause (F9)"));
    m_pauseResume->setEnabled(running || paused);
    m_abort->setEnabled(attached && !ended);
    m_confirmAbort->setEnabled(attached && !ended && !m_abortReason->currentText().trimmed().isEmpty());
    m_confirmAbort->setToolTip(m_confirmAbort->isEnabled() ? QString() : tr("Give a reason first."));

    QStringList problems{m_recordingProblem, m_journalProblem};
    problems.removeAll(QString());
    m_journalLabel->setText(problems.join(u'\n'));
    updateTimes();
}

void RecordingPage::onTick()
{
    if (!m_session)
        return;
    if (!isEndState(m_session->state()))
        m_session->tick();
    updateTimes();
    // The countdown in the reason line moves every second.
    if (sessionRunning() && m_session->unmetRequirements().contains(UnmetRequirement::Duration))
        refresh();
}

void RecordingPage::updateTimes()
{
    if (!m_session)
        return;
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(m_clock.monotonicNow() - m_startedAt);
    m_elapsed->setText(tr("Elapsed: %1").arg(WorkflowText::duration(elapsed)));
    m_timeLeft->setText(tr("About %1 left").arg(WorkflowText::duration(estimatedTimeLeft(*m_session))));
}

void RecordingPage::refreshVoice(bool stepShown, bool hasRecordedPrompt)
{
    const auto state = m_voice ? m_voice->state() : VoiceBroadcast::State::Unavailable;
    const bool busy = state == VoiceBroadcast::State::Preparing || state == VoiceBroadcast::State::Speaking;
    const bool canSpeak = state == VoiceBroadcast::State::Ready || busy;
    m_play->setText(busy ? tr("Stop the prompt (F5)") : tr("Play the prompt (F5)"));
    m_play->setEnabled(stepShown && (canSpeak || hasRecordedPrompt));
    QString problem;
    if (!m_voice)
        problem = tr("This window has no voice broadcast. Read the script aloud instead.");
    else if (state == VoiceBroadcast::State::Starting)
        problem = tr("The voice broadcast is getting ready…");
    else
        problem = m_voice->problem();
    m_voiceProblem->setText(problem);
    m_voiceProblem->setVisible(stepShown && !problem.isEmpty());
    m_play->setToolTip(problem.isEmpty() ? QString() : problem + (m_voice && !m_voice->problemDetail().isEmpty()
                                                                      ? u'\n' + m_voice->problemDetail()
                                                                      : QString()));
}

void RecordingPage::onPlayPrompt()
{
    if (!m_session || !m_voice)
        return;
    if (m_voice->state() == VoiceBroadcast::State::Preparing || m_voice->state() == VoiceBroadcast::State::Speaking) {
        m_voice->stop();
        return;
    }
    const auto index = m_session->currentStep();
    if (index >= m_session->plan().steps().size())
        return;
    const auto &step = m_session->plan().steps().at(index);
    if (!step.definition.audioPath.isEmpty() && QFileInfo::exists(step.definition.audioPath)) {
        m_voice->playFile(step.definition.audioPath, m_elderMode->isChecked());
        return;
    }
    m_voice->speak(m_teleprompter->toPlainText(), m_elderMode->isChecked());
}

void RecordingPage::onPauseResume()
{
    if (!m_session)
        return;
    if (m_session->state() == SessionState::Paused)
        showError(errorOf(m_session->resume()));
    else
        showError(errorOf(m_session->pause(QStringLiteral("paused by the agent"))));
    refresh();
}

void RecordingPage::showAbortPanel(bool visible)
{
    m_abortPanel->setVisible(visible);
    if (visible) {
        m_abortReason->setEditText(QString());
        m_abortReason->setFocus();
    }
    refresh();
}

void RecordingPage::onAbortConfirmed()
{
    const auto reason = m_abortReason->currentText().trimmed();
    if (!m_session || reason.isEmpty())
        return;
    // The timeline keeps stable English: a listed reason by its code, the agent's own words
    // marked as such (agents are told not to type customers' personal data there).
    const int listed = m_abortReason->findText(reason);
    const auto code = listed > 0 ? m_abortReason->itemData(listed).toString() : QStringLiteral("other: ") + reason;
    showError(errorOf(m_session->abort(code)));
}

void RecordingPage::showError(const Error &error)
{
    m_lastError = error.code == ErrorCode::Invalid ? QString() : ErrorText::describe(tr("Not done."), error);
    refresh();
}

} // namespace dualrec::ui
