#pragma once

#include "core/live/interruptedsessions.h"
#include "core/storage/accountadministration.h"
#include "core/storage/userrepository.h"
#include "core/workflow/saleform.h"
#include "ui/uiservices.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QMenu;
class QPushButton;
class QStackedWidget;

namespace dualrec::live {
class RecordingRun;
class SessionController;
}
namespace dualrec::vision {
class PresenceMonitor;
}
namespace dualrec::workflow {
class WorkflowSession;
}

namespace dualrec::ui {

class AccountsPage;
class EndPage;
class HistoryPage;
class LoginPage;
class NewSessionPage;
class PreflightPage;
class RecordingPage;
class ScriptBrowserPage;
class SettingsPage;

/// What the shell shows about how it was started.
struct ShellInfo final {
    QString sourceDescription; ///< translated: which video source records
    QString dataDirectory;
    QString language; ///< "zh_CN" or "en"
};

/// The page host: sign-in, then the agent's flow (pre-flight -> new session -> recording -> end), the
/// script browser and, for supervisors and IT, the history. It composes pages and wires the running session to the journal (through
/// SessionJournaler), to the presence monitor and to the live feed; it decides no workflow
/// rule itself. While a recording runs the navigation is locked. GUI thread only.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(UiServices services, ShellInfo info, QWidget *parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] QWidget *currentPage() const;
    /// The running (or last ended) session; null before the first.
    [[nodiscard]] workflow::WorkflowSession *session() const;
    [[nodiscard]] vision::PresenceMonitor *presenceMonitor() const;
    [[nodiscard]] const std::optional<storage::User> &user() const { return m_user; }
    /// The running session's recording; null without a capture or after the session ended.
    [[nodiscard]] live::RecordingRun *recordingRun() const;
    /// Where recordings and snapshots are written: <data folder>/recordings.
    [[nodiscard]] QString recordingsDirectory() const;
    /// Says, in a notice above the pages until dismissed, which sessions were open when DualRec
    /// last stopped unexpectedly and what became of their recordings (found at start-up by
    /// live::recoverInterruptedSessions). Nothing is shown for an empty list.
    void showRecoveredSessions(const QList<live::RecoveredSession> &sessions);
    /// Another start of DualRec on this data folder asked for this window: it comes to the
    /// front and says in the status bar why no second window opened.
    void bringToFront();
    /// The status bar's words on the video source, when they change after the window opened
    /// (the source starts once the window is on screen and may fail; translated).
    void setSourceDescription(const QString &description);

Q_SIGNALS:
    /// The user picked another UI language ("zh_CN" or "en").
    void languageRequested(const QString &language);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    /// The end page and the pages a supervisor opens from the navigation, made (and added)
    /// when first asked for.
    [[nodiscard]] EndPage *endPage();
    [[nodiscard]] ScriptBrowserPage *scriptPage();
    [[nodiscard]] HistoryPage *historyPage();
    [[nodiscard]] SettingsPage *settingsPage();
    [[nodiscard]] AccountsPage *accountsPage();
    void buildNavigation();
    void retranslateUi();
    void updateRecoveryNotice();
    void showPage(QWidget *page);
    void updateNavigation();
    void onLoggedIn(const storage::User &user);
    void onLogout();
    /// An audit entry that could not be written is said in the status bar (and logged).
    void showAuditProblem(const Result<qint64> &appended);
    /// The pre-flight checks, then (when they pass) the new-session page.
    void startNewSession();
    void onStartRequested(const workflow::SaleForm &form, const workflow::SaleFormCheck &check);
    void onSessionEnded();
    /// After the session (and its recording, if any) is done: the end page.
    void showEndPage();
    void onSnapshotRequested();
    void endSessionWiring();
    [[nodiscard]] bool recording() const;
    /// The signed-in agent and the institution (settings, IT policy): the script's values no form gives.
    [[nodiscard]] workflow::SaleParties saleParties() const;
    /// Recording, or still saving the recording of the session that just ended.
    [[nodiscard]] bool busy() const;
    /// The status bar's upload sentence from the sync service's last status.
    void updateSyncStatus();

    UiServices m_services;
    ShellInfo m_info;
    std::optional<storage::User> m_user;
    storage::AccountAdministration m_accounts; ///< what the accounts page changes, audited
    /// The running (or last ended) session, its journal rows, presence and recording.
    std::unique_ptr<live::SessionController> m_controller;
    QList<live::RecoveredSession> m_recovered;
    QWidget *m_recoveryNotice = nullptr;
    QLabel *m_journalNotice = nullptr; ///< the journal was damaged or the accounts are gone
    QLabel *m_settingsNotice = nullptr; ///< settings whose values are passed over
    QLabel *m_recoveryText = nullptr;
    QPushButton *m_recoveryDismiss = nullptr;
    QList<QMetaObject::Connection> m_feedConnections;

    QStackedWidget *m_pages = nullptr;
    LoginPage *m_loginPage = nullptr;
    PreflightPage *m_preflightPage = nullptr;
    NewSessionPage *m_newSessionPage = nullptr;
    RecordingPage *m_recordingPage = nullptr;
    EndPage *m_endPage = nullptr; ///< null until first shown
    ScriptBrowserPage *m_scriptPage = nullptr; ///< null until first opened, as the next three
    HistoryPage *m_historyPage = nullptr;
    SettingsPage *m_settingsPage = nullptr;
    AccountsPage *m_accountsPage = nullptr;

    QLabel *m_banner = nullptr;
    QWidget *m_navigation = nullptr;
    QLabel *m_userLabel = nullptr;
    QPushButton *m_navNewSession = nullptr;
    QPushButton *m_navScripts = nullptr;
    QPushButton *m_navHistory = nullptr;
    QPushButton *m_navSettings = nullptr;
    QPushButton *m_navAccounts = nullptr;
    QPushButton *m_navLogout = nullptr;

    QLabel *m_sourceLabel = nullptr;
    QLabel *m_dataLabel = nullptr;
    QLabel *m_problemsLabel = nullptr;
    QLabel *m_syncLabel = nullptr; ///< the upload queue in one sentence; hidden without uploads
    QMenu *m_fileMenu = nullptr;
    QMenu *m_settingsMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_chineseAction = nullptr;
    QAction *m_englishAction = nullptr;
    QAction *m_aboutAction = nullptr;
};

} // namespace dualrec::ui
