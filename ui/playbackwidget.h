#pragma once

#include "core/seal/encryptedfiledevice.h"
#include "core/seal/memoryfile.h"

#include <memory>
#include <QFutureWatcher>
#include <QList>
#include <QString>
#include <QWidget>

#include <chrono>
#include <optional>

class QAudioOutput;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QMediaPlayer;
class QPushButton;
class QSlider;
class QVideoWidget;

namespace dualrec::ui {

/// One entry of the chapter list: a step and where it starts on the recording's timeline.
struct PlaybackChapter final {
    QString title;
    std::chrono::milliseconds start{0};
};

/// What the digest check of the loaded file found (see PlaybackWidget::load).
enum class DigestCheck : quint8 {
    Invalid = 0,
    NotChecked, ///< the journal has no digest for the file (e.g. the growing fragmented file)
    Running,
    Matches,
    Differs,
    Unreadable,
};

/// Plays a session's recording for review: video, play/pause, a position slider with
/// "mm:ss / mm:ss", and the steps as a chapter list. Activating a chapter (click or Enter)
/// seeks to its start and keeps the playback state (paused stays paused); while the position
/// moves the chapter it lies in is shown in bold. A missing or unplayable file is said in the
/// pane with its path; nothing is played then. GUI thread only.
///
/// The first start of playback after each load() emits playbackStarted(), so the owner can
/// write it to the audit log. The SHA-256 of the file is compared with the journal's digest in
/// a worker thread; loading another file or destroying the widget cancels that. The player and
/// its video widget are created by the first load() (they start the multimedia backend).
class PlaybackWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaybackWidget)

public:
    explicit PlaybackWidget(QWidget *parent = nullptr);
    ~PlaybackWidget() override;

    /// The data folder's device keys: an encrypted recording is played through a decrypting
    /// device (seal::EncryptedFileDevice, QMediaPlayer::setSourceDevice), never as a plaintext copy.
    void setEvidenceKeys(std::shared_ptr<const seal::DeviceKeys> keys) { m_keys = std::move(keys); }
    /// Loads `path` paused at its start. `expectedSha256` (lower-case hex, may be empty) is the
    /// journal's digest of the file. A file that does not exist or cannot be read is reported
    /// in the pane instead.
    void load(const QString &path, const QList<PlaybackChapter> &chapters, const QString &expectedSha256);
    /// Shows `text` instead of a recording (e.g. "no recording registered").
    void showProblem(const QString &text);
    /// Unloads and shows nothing.
    void clear();

    void play();
    void pause();
    /// Seeks to the start of chapter `index` (out of range: ignored).
    void seekToChapter(int index);

    [[nodiscard]] QString source() const { return m_path; }
    [[nodiscard]] bool isPlaying() const;
    [[nodiscard]] bool isLoaded() const;
    [[nodiscard]] std::chrono::milliseconds position() const;
    [[nodiscard]] std::chrono::milliseconds duration() const;
    /// The chapter the position lies in (the first one also covers the time before it starts),
    /// -1 without chapters.
    [[nodiscard]] int currentChapter() const { return m_currentChapter; }
    [[nodiscard]] const QList<PlaybackChapter> &chapters() const { return m_chapterList; }
    [[nodiscard]] QString problem() const;
    [[nodiscard]] DigestCheck digestCheck() const { return m_digestCheck; }
    /// True once a picture of the recording has been decoded (for checks under a headless display).
    [[nodiscard]] bool hasPicture() const;

Q_SIGNALS:
    /// Playback of `path` started for the first time since it was loaded.
    void playbackStarted(const QString &path);

protected:
    void changeEvent(QEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void retranslateUi();
    void unload();
    void updatePosition(qint64 positionMs);
    void updateDuration(qint64 durationMs);
    void updatePlayButton();
    void updateDigestLabel();
    void setCurrentChapter(int index);
    void seekTo(std::chrono::milliseconds at);
    void onChapterActivated(QListWidgetItem *item);
    void startDigestCheck(const QString &expectedSha256);
    void ensurePlayer();

    QWidget *m_videoArea = nullptr;
    QMediaPlayer *m_player = nullptr; ///< null until the first load()
    QAudioOutput *m_audio = nullptr;  ///< null until the first load()
    QVideoWidget *m_video = nullptr;  ///< null until the first load()
    QPushButton *m_playPause = nullptr;
    QSlider *m_slider = nullptr;
    QLabel *m_time = nullptr;
    QLabel *m_chaptersLabel = nullptr;
    QListWidget *m_chapters = nullptr;
    QLabel *m_file = nullptr;
    QLabel *m_digest = nullptr;
    QLabel *m_problem = nullptr;

    /// Why nothing plays; kept as a kind so a language change retranslates it.
    enum class Problem : quint8 { None = 0, Given, Missing, Unreadable, Unplayable, Undecryptable };
    Problem m_problemKind = Problem::None;
    QString m_problemDetail; ///< the text for Given, the player's error for Unplayable
    QString m_path;
    std::shared_ptr<const seal::DeviceKeys> m_keys;
    /// The decrypting source of an encrypted recording; the player reads it until unload().
    std::unique_ptr<seal::EncryptedFileDevice> m_device;
    /// ... or its plaintext in an anonymous in-memory file (Linux), played by its /proc path.
    std::optional<seal::MemoryFile> m_memory;
    QList<PlaybackChapter> m_chapterList;
    int m_currentChapter = -1;
    bool m_startReported = false;
    /// A seek asked for before the media was loaded (the backend ignores it then).
    std::optional<std::chrono::milliseconds> m_pendingSeek;
    DigestCheck m_digestCheck = DigestCheck::Invalid;
    QFutureWatcher<int> m_digestWatcher;
    QString m_expectedSha256;
};

} // namespace dualrec::ui
