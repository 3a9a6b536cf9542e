#pragma once

#include "app/capturesetup.h"
#include "app/commandline.h"
#include "app/singleinstance.h"
#include "core/storage/journal.h"
#include "core/util/clock.h"
#include "core/util/settingsstore.h"
#include "core/workflow/templatelibrary.h"

#include "core/live/interruptedsessions.h"
#include "core/live/sealqueue.h"
#include "core/sync/syncservice.h"
#include "ui/voicebroadcast.h"

#include <QObject>
#include <QTextStream>
#include <QTranslator>

#include <memory>
#include <thread>

namespace dualrec::live {
class LiveCapture;
}
namespace dualrec::ui {
class CaptureFeed;
class LiveFeed;
class MainWindow;
}

namespace dualrec::app {

/// DualRec's and Qt's translators for the UI language; swapping them retranslates open
/// windows. GUI thread only.
class Translators final
{
public:
    Translators() = default;
    ~Translators();
    Q_DISABLE_COPY_MOVE(Translators)

    /// Installs the catalogues for "zh_CN" or "en", replacing the previous ones.
    void install(const QString &language);

private:
    std::unique_ptr<QTranslator> m_own;
    std::unique_ptr<QTranslator> m_qt;
};

/// The composition root (style P2): builds the core services and hands them to the UI.
/// Owns the translators so the language can change while the window is open. GUI thread only.
class Application final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Application)

public:
    Application(CommandLine commandLine, Translators &translators, QObject *parent = nullptr);
    ~Application() override;

    /// Opens the main window. Returns an exit code when start-up failed (printed to stderr),
    /// or nothing when the event loop should run.
    [[nodiscard]] std::optional<int> startWindow();

    /// The language to use: the command line's, else the saved setting, else zh_CN.
    [[nodiscard]] static QString chooseLanguage(const QString &requested);
    /// The data folder: --data-dir, else the platform's application data location.
    [[nodiscard]] static QString dataDirectory(const CommandLine &commandLine);
    /// A command's exit code when it did its work on a journal that came up damaged (restored
    /// from a backup or rebuilt) or without the accounts it had: the person must read stderr.
    static constexpr int kExitJournalDamaged = 4;
    /// Tells on stderr, loudly, when the journal came up damaged or without its accounts;
    /// true when it did (the command then exits with kExitJournalDamaged).
    static bool tellJournalStartup(const storage::JournalStartupReport &report, QTextStream &err);
    /// Tells on stderr every setting outside sync/ whose value is passed over (the policy file's
    /// or the user's): which setting, where, the value found, what is expected and what is used
    /// instead. Every start does this (the window says it too), so no bad value goes unsaid.
    static void tellInvalidSettings(const SettingsStore &settings, QTextStream &err);
    /// The built-in script and rule folders plus the extra ones asked for.
    [[nodiscard]] static QStringList templateDirectories(const QStringList &extra);

private:
    void onLanguageRequested(const QString &language);
    /// Makes the capture `--source` names, with the presence guard, feeding the window; it is
    /// started by startCaptureSource(). Returns what the status bar says about the source.
    [[nodiscard]] std::optional<QString> prepareCapture(QTextStream &err);
    /// Starts the capture; a source that cannot start is said on stderr and in the status bar.
    void startCaptureSource();
    /// The work that waits until the window is on screen (its first expose, or 1 s at most):
    /// the capture with the presence guard, and the recovery of sessions left behind. Their
    /// threads would otherwise compete with the window's first paint (scripts/bench startup).
    void onWindowShown();
    bool eventFilter(QObject *watched, QEvent *event) override;
    /// Starts closing the sessions interrupted last time; the window says what became of them.
    void startRecovery();
    [[nodiscard]] std::unique_ptr<ui::VoiceBroadcast> makeVoice(QTextStream &err) const;
    void onRecovered(const Result<QList<live::RecoveredSession>> &recovered);
    /// The insurer's certificates (PEM) from the settings / IT policy (seal/insurerCertificates).
    [[nodiscard]] QList<QByteArray> insurerCertificates() const;
    /// Starts the uploads when the settings or the IT policy name an upload address.
    void startSync(const QString &dataDirectory, QTextStream &err);

    CommandLine m_commandLine;
    Translators &m_translators;
    workflow::TemplateLibrary m_library;
    SystemClock m_clock;
    SettingsStore m_settings{QString(), SettingsStore::systemPolicyPath()};
    /// This window is the only one on its data folder (taken before the journal is opened).
    std::unique_ptr<SingleInstance> m_instance;
    std::unique_ptr<storage::Journal> m_journal;
    SourceFormat m_format;
    std::unique_ptr<ui::LiveFeed> m_feed;
    std::unique_ptr<live::LiveCapture> m_capture;
    std::unique_ptr<ui::CaptureFeed> m_captureFeed;
    std::unique_ptr<ui::VoiceBroadcast> m_voice; ///< before the window, which uses it
    std::unique_ptr<live::SealQueue> m_sealing;  ///< before the window, which uses it
    /// Uploads sealed packages when an upload address is configured (sync/endpoint); null
    /// otherwise. Before the window, which shows its progress; stopped after it.
    std::unique_ptr<sync::SyncService> m_sync;
    std::unique_ptr<ui::MainWindow> m_window;
    bool m_windowShown = false;
    QString m_sourceDescription; ///< what the status bar says about the source
    CameraOrDemoSource *m_cameraOrDemo = nullptr; ///< the capture's source with --source camera (owned by m_capture)
    /// Closes the sessions the last run left behind (finalizing their recordings) in its own
    /// thread, not the pool that checks passwords; stopped between sessions and joined first
    /// when the application goes.
    std::jthread m_recovery;
    /// Loads FFmpeg once the window is on screen (onWindowShown()).
    std::jthread m_ffmpegPreload;
};

} // namespace dualrec::app
