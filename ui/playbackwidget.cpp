#include "ui/playbackwidget.h"

#include "core/seal/evidencefile.h"

#include <QAudioDevice>
#include <QAudioOutput>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMediaDevices>
#include <QMediaPlayer>
#include <QPromise>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>
#include <QVideoFrame>
#include <QVideoSink>
#include <QVideoWidget>
#include <QtConcurrent/QtConcurrentRun>

namespace dualrec::ui {

using namespace std::chrono;

namespace {

/// "mm:ss" (minutes keep counting past 59: recordings are rarely longer than an hour).
QString minutesSeconds(milliseconds at)
{
    const auto total = std::max<qint64>(0, at.count() / 1000);
    return QStringLiteral("%1:%2").arg(total / 60, 2, 10, QLatin1Char('0')).arg(total % 60, 2, 10, QLatin1Char('0'));
}

/// Whether the file at `path` is the one the journal describes (seal::matchesJournalDigest, which
/// decrypts a file encrypted at rest): 1 it matches, 0 it differs, -1 unreadable; no result when
/// cancelled.
void checkFile(QPromise<int> &promise, const QString &path, const QString &expected, const std::shared_ptr<const seal::DeviceKeys> &keys)
{
    const auto matches = seal::matchesJournalDigest(path, expected, keys.get(), [&promise] { return !promise.isCanceled(); });
    if (!promise.isCanceled())
        promise.addResult(matches ? (*matches ? 1 : 0) : -1);
}

} // namespace

PlaybackWidget::PlaybackWidget(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("playback"));
    // The player and its video widget come with the first load(): creating either starts the
    // multimedia backend (GStreamer: 0.1 s, 1.5 s with a cold plugin registry, measured), which
    // an agent who never opens the history should not pay for at every start.
    m_videoArea = new QWidget(this);
    m_videoArea->setObjectName(QStringLiteral("playbackVideoArea"));
    m_videoArea->setMinimumSize(288, 162);
    m_videoArea->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_videoArea->setAutoFillBackground(true);
    auto palette = m_videoArea->palette();
    palette.setColor(QPalette::Window, Qt::black);
    m_videoArea->setPalette(palette);
    auto *videoLayout = new QVBoxLayout(m_videoArea);
    videoLayout->setContentsMargins(0, 0, 0, 0);

    m_playPause = new QPushButton(this);
    m_playPause->setObjectName(QStringLiteral("playbackPlayPause"));
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("playbackPosition"));
    m_slider->setSingleStep(1000);
    m_slider->setPageStep(10000);
    m_slider->setFocusPolicy(Qt::StrongFocus);
    m_time = new QLabel(this);
    m_time->setObjectName(QStringLiteral("playbackTime"));
    m_time->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chaptersLabel = new QLabel(this);
    m_chapters = new QListWidget(this);
    m_chapters->setObjectName(QStringLiteral("playbackChapters"));
    m_chapters->setMinimumWidth(180);
    m_chaptersLabel->setBuddy(m_chapters);
    m_file = new QLabel(this);
    m_file->setObjectName(QStringLiteral("playbackFile"));
    m_file->setWordWrap(true);
    m_file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_digest = new QLabel(this);
    m_digest->setObjectName(QStringLiteral("playbackDigest"));
    m_digest->setWordWrap(true);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("playbackProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setStyleSheet(QStringLiteral("color: #a61b1b; font-weight: bold;"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *left = new QVBoxLayout;
    left->addWidget(m_videoArea, 1);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_playPause);
    controls->addWidget(m_slider, 1);
    controls->addWidget(m_time);
    left->addLayout(controls);
    left->addWidget(m_file);
    left->addWidget(m_digest);
    left->addWidget(m_problem);
    auto *right = new QVBoxLayout;
    right->addWidget(m_chaptersLabel);
    right->addWidget(m_chapters, 1);
    layout->addLayout(left, 3);
    layout->addLayout(right, 2);
    setTabOrder(m_playPause, m_slider);
    setTabOrder(m_slider, m_chapters);

    connect(m_playPause, &QPushButton::clicked, this, [this] {
        if (isPlaying())
            pause();
        else
            play();
    });
    // The player moves the slider with its signals blocked; a person moving it (mouse, arrows,
    // Page Up/Down, Home/End) seeks.
    connect(m_slider, &QSlider::valueChanged, this, [this](int value) { seekTo(milliseconds(value)); });
    connect(m_chapters, &QListWidget::itemActivated, this, &PlaybackWidget::onChapterActivated);
    connect(m_chapters, &QListWidget::itemClicked, this, &PlaybackWidget::onChapterActivated);
    connect(&m_digestWatcher, &QFutureWatcher<QString>::finished, this, [this] {
        if (m_digestWatcher.isCanceled() || m_digestWatcher.future().resultCount() == 0)
            return;
        const auto result = m_digestWatcher.result();
        m_digestCheck = result < 0 ? DigestCheck::Unreadable : result > 0 ? DigestCheck::Matches : DigestCheck::Differs;
        updateDigestLabel();
    });
    retranslateUi();
    clear();
}

void PlaybackWidget::ensurePlayer()
{
    if (m_player)
        return;
    m_player = new QMediaPlayer(this);
    m_audio = new QAudioOutput(this);
    // Without any audio device the FFmpeg backend of Qt 6.4 crashes on an attached output
    // (docs/stack-notes: measured); the picture still plays without it.
    if (!QMediaDevices::audioOutputs().isEmpty())
        m_player->setAudioOutput(m_audio);
    m_video = new QVideoWidget(m_videoArea);
    m_video->setObjectName(QStringLiteral("playbackVideo"));
    m_videoArea->layout()->addWidget(m_video);
    m_player->setVideoOutput(m_video);
    connect(m_player, &QMediaPlayer::positionChanged, this, &PlaybackWidget::updatePosition);
    connect(m_player, &QMediaPlayer::durationChanged, this, &PlaybackWidget::updateDuration);
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, [this](QMediaPlayer::PlaybackState state) {
        updatePlayButton();
        if (state == QMediaPlayer::PlayingState && !m_startReported && !m_path.isEmpty()) {
            m_startReported = true;
            Q_EMIT playbackStarted(m_path);
        }
    });
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, [this](QMediaPlayer::MediaStatus status) {
        // The backend ignores seeks until the media is loaded: do the one asked for now.
        if ((status == QMediaPlayer::LoadedMedia || status == QMediaPlayer::BufferedMedia) && m_pendingSeek) {
            const auto at = *m_pendingSeek;
            m_pendingSeek.reset();
            m_player->setPosition(at.count());
        }
        updatePlayButton();
    });
    connect(m_player, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error error, const QString &text) {
        if (error == QMediaPlayer::NoError || m_path.isEmpty())
            return;
        m_problemKind = Problem::Unplayable;
        m_problemDetail = text;
        retranslateUi();
    });
}

PlaybackWidget::~PlaybackWidget()
{
    // The worker reads a file that may be large: stop it and wait, so it never outlives us.
    m_digestWatcher.cancel();
    m_digestWatcher.waitForFinished();
}

void PlaybackWidget::unload()
{
    m_digestWatcher.cancel();
    if (m_player) {
        m_player->stop();
        m_player->setSource(QUrl());
    }
    m_device.reset(); // after the player let go of it
    m_memory.reset();
    m_path.clear();
    m_problemKind = Problem::None;
    m_problemDetail.clear();
    m_pendingSeek.reset();
    m_startReported = false;
    m_expectedSha256.clear();
    m_digestCheck = DigestCheck::Invalid;
    m_chapterList.clear();
    m_chapters->clear();
    m_currentChapter = -1;
    const QSignalBlocker blocker(m_slider);
    m_slider->setRange(0, 0);
    m_slider->setValue(0);
}

void PlaybackWidget::clear()
{
    unload();
    retranslateUi();
}

void PlaybackWidget::showProblem(const QString &text)
{
    unload();
    m_problemKind = Problem::Given;
    m_problemDetail = text;
    retranslateUi();
}

void PlaybackWidget::load(const QString &path, const QList<PlaybackChapter> &chapters, const QString &expectedSha256)
{
    unload();
    m_path = QDir::cleanPath(path);
    m_chapterList = chapters;
    for (qsizetype i = 0; i < chapters.size(); ++i)
        new QListWidgetItem(m_chapters); // texts: retranslateUi()
    const QFileInfo info(m_path);
    if (!info.exists()) {
        m_problemKind = Problem::Missing;
    } else if (!info.isFile() || !info.isReadable()) {
        m_problemKind = Problem::Unreadable;
    } else if (seal::looksEncrypted(m_path)) {
        // Encrypted at rest: decrypted in memory only. Where the platform has anonymous
        // memory files the player gets a path to one (Qt 6.4's GStreamer backend seeks a device
        // source unreliably); elsewhere a decrypting device, read as the player goes.
        auto memory = m_keys ? seal::MemoryFile::open(m_path, *m_keys)
                             : Result<seal::MemoryFile>(fail(ErrorCode::InvalidState, QStringLiteral("no device key is open")));
        auto device = memory || memory.error().code != ErrorCode::DeviceUnavailable
                          ? Result<std::unique_ptr<seal::EncryptedFileDevice>>(std::unique_ptr<seal::EncryptedFileDevice>())
                          : seal::EncryptedFileDevice::open(m_path, *m_keys);
        if (!memory && memory.error().code != ErrorCode::DeviceUnavailable) {
            m_problemKind = Problem::Undecryptable;
            m_problemDetail = memory.error().detail;
            startDigestCheck(expectedSha256); // says whether the file changed since it was journaled
        } else if (memory) {
            m_memory = std::move(*memory);
            ensurePlayer();
            m_player->setSource(QUrl::fromLocalFile(m_memory->path()));
            startDigestCheck(expectedSha256);
        } else if (!device) {
            m_problemKind = Problem::Undecryptable;
            m_problemDetail = device.error().detail;
            startDigestCheck(expectedSha256); // says whether the file changed since it was journaled
        } else {
            m_device = std::move(*device);
            ensurePlayer();
            m_player->setSourceDevice(m_device.get(), QUrl::fromLocalFile(m_path));
            startDigestCheck(expectedSha256);
        }
    } else {
        ensurePlayer();
        m_player->setSource(QUrl::fromLocalFile(m_path));
        startDigestCheck(expectedSha256);
    }
    retranslateUi();
    updatePosition(0);
}

void PlaybackWidget::startDigestCheck(const QString &expectedSha256)
{
    m_expectedSha256 = expectedSha256;
    if (expectedSha256.isEmpty()) {
        m_digestCheck = DigestCheck::NotChecked;
        return;
    }
    m_digestCheck = DigestCheck::Running;
    m_digestWatcher.setFuture(QtConcurrent::run(checkFile, m_path, expectedSha256, m_keys));
}

void PlaybackWidget::play()
{
    if (m_player && m_problemKind == Problem::None && !m_path.isEmpty())
        m_player->play();
}

void PlaybackWidget::pause()
{
    if (m_player)
        m_player->pause();
}

void PlaybackWidget::seekToChapter(int index)
{
    if (index < 0 || index >= m_chapterList.size() || m_problemKind != Problem::None)
        return;
    seekTo(m_chapterList.at(index).start);
    setCurrentChapter(index);
}

void PlaybackWidget::onChapterActivated(QListWidgetItem *item)
{
    if (item)
        seekToChapter(m_chapters->row(item));
}

void PlaybackWidget::seekTo(milliseconds at)
{
    if (!m_player || m_path.isEmpty() || m_problemKind != Problem::None)
        return;
    const auto status = m_player->mediaStatus();
    if (status == QMediaPlayer::LoadedMedia || status == QMediaPlayer::BufferedMedia || status == QMediaPlayer::BufferingMedia
        || status == QMediaPlayer::EndOfMedia) {
        m_pendingSeek.reset();
        m_player->setPosition(at.count());
    } else {
        m_pendingSeek = at;
    }
}

bool PlaybackWidget::isPlaying() const
{
    return m_player && m_player->playbackState() == QMediaPlayer::PlayingState;
}

bool PlaybackWidget::isLoaded() const
{
    if (!m_player)
        return false;
    const auto status = m_player->mediaStatus();
    return status == QMediaPlayer::LoadedMedia || status == QMediaPlayer::BufferedMedia
           || status == QMediaPlayer::BufferingMedia || status == QMediaPlayer::EndOfMedia;
}

milliseconds PlaybackWidget::position() const
{
    return milliseconds(m_player ? m_player->position() : 0);
}

milliseconds PlaybackWidget::duration() const
{
    return milliseconds(m_player ? m_player->duration() : 0);
}

QString PlaybackWidget::problem() const
{
    return m_problem->text();
}

bool PlaybackWidget::hasPicture() const
{
    return m_video && m_video->videoSink() && m_video->videoSink()->videoFrame().isValid();
}

void PlaybackWidget::updatePosition(qint64 positionMs)
{
    {
        const QSignalBlocker blocker(m_slider);
        m_slider->setValue(int(positionMs));
    }
    m_time->setText(tr("%1 / %2").arg(minutesSeconds(milliseconds(positionMs)), minutesSeconds(duration())));
    // The first step starts a few ms after the recording does; the first chapter covers that
    // too (as the MP4's own chapter track does).
    int chapter = m_chapterList.isEmpty() ? -1 : 0;
    for (int i = 1; i < m_chapterList.size(); ++i) {
        if (m_chapterList.at(i).start.count() <= positionMs)
            chapter = i;
    }
    setCurrentChapter(chapter);
}

void PlaybackWidget::updateDuration(qint64 durationMs)
{
    {
        const QSignalBlocker blocker(m_slider);
        m_slider->setRange(0, int(std::max<qint64>(0, durationMs)));
    }
    updatePosition(position().count());
}

void PlaybackWidget::setCurrentChapter(int index)
{
    if (index == m_currentChapter)
        return;
    m_currentChapter = index;
    // Bold, not selection: moving the selection would fight someone walking the list with the
    // arrow keys while it plays.
    for (int row = 0; row < m_chapters->count(); ++row) {
        auto *item = m_chapters->item(row);
        auto font = item->font();
        font.setBold(row == index);
        item->setFont(font);
        item->setData(Qt::AccessibleDescriptionRole, row == index ? tr("playing") : QString());
    }
}

void PlaybackWidget::updatePlayButton()
{
    m_playPause->setText(isPlaying() ? tr("Pa&use") : tr("Pla&y"));
    m_playPause->setAccessibleName(isPlaying() ? tr("Pause the recording") : tr("Play the recording"));
    const bool playable = !m_path.isEmpty() && m_problemKind == Problem::None;
    m_playPause->setEnabled(playable);
    m_slider->setEnabled(playable);
    m_chapters->setEnabled(playable);
}

void PlaybackWidget::updateDigestLabel()
{
    switch (m_digestCheck) {
    case DigestCheck::Invalid:
        m_digest->clear();
        break;
    case DigestCheck::NotChecked:
        m_digest->setText(tr("No digest in the journal for this file (not finalized): not compared."));
        break;
    case DigestCheck::Running:
        m_digest->setText(tr("Comparing the file with the digest in the journal…"));
        break;
    case DigestCheck::Matches:
        m_digest->setText(tr("✓ The file matches the SHA-256 digest in the journal."));
        break;
    case DigestCheck::Differs:
        m_digest->setText(tr("✗ The file does NOT match the SHA-256 digest in the journal: it changed after recording."));
        break;
    case DigestCheck::Unreadable:
        m_digest->setText(tr("The file could not be read to compare it with the journal's digest."));
        break;
    }
    m_digest->setStyleSheet(m_digestCheck == DigestCheck::Differs || m_digestCheck == DigestCheck::Unreadable
                                ? QStringLiteral("color: #a61b1b; font-weight: bold;")
                                : QString());
}

void PlaybackWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PlaybackWidget::hideEvent(QHideEvent *event)
{
    // Nobody watches a hidden player (another page, another session).
    pause();
    QWidget::hideEvent(event);
}

void PlaybackWidget::retranslateUi()
{
    m_chaptersLabel->setText(tr("&Jump to step:"));
    if (m_video)
        m_video->setAccessibleName(tr("Recording video"));
    m_slider->setAccessibleName(tr("Playback position"));
    m_time->setAccessibleName(tr("Playback time"));
    m_chapters->setAccessibleName(tr("Steps of the recording (chapters)"));
    m_file->setAccessibleName(tr("Recording file"));
    m_digest->setAccessibleName(tr("Digest check"));
    m_problem->setAccessibleName(tr("Playback problem"));
    for (int row = 0; row < m_chapters->count() && row < m_chapterList.size(); ++row) {
        const auto &chapter = m_chapterList.at(row);
        m_chapters->item(row)->setText(tr("%1  %2").arg(minutesSeconds(chapter.start), chapter.title));
    }
    m_file->setText(m_path.isEmpty() ? QString() : tr("Recording: %1").arg(QDir::toNativeSeparators(m_path)));
    const auto nativePath = QDir::toNativeSeparators(m_path);
    switch (m_problemKind) {
    case Problem::None:
        m_problem->clear();
        break;
    case Problem::Given:
        m_problem->setText(m_problemDetail);
        break;
    case Problem::Missing:
        m_problem->setText(tr("The recording file is missing: %1").arg(nativePath));
        break;
    case Problem::Unreadable:
        m_problem->setText(tr("The recording file cannot be read: %1").arg(nativePath));
        break;
    case Problem::Unplayable:
        m_problem->setText(tr("The recording %1 cannot be played: %2").arg(nativePath, m_problemDetail));
        break;
    case Problem::Undecryptable:
        m_problem->setText(tr("The recording %1 cannot be decrypted: it was altered or damaged, or this computer's key is "
                              "not the one it was recorded with. Nothing was changed.").arg(nativePath));
        m_problem->setToolTip(m_problemDetail);
        break;
    }
    if (m_problemKind != Problem::Undecryptable)
        m_problem->setToolTip(QString());
    m_problem->setVisible(m_problemKind != Problem::None);
    updatePlayButton();
    updateDigestLabel();
    updatePosition(position().count());
}

} // namespace dualrec::ui
