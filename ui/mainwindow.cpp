#include "ui/mainwindow.h"

#include "core/live/sealqueue.h"
#include "core/live/sessioncontroller.h"
#include "core/sync/syncservice.h"
#include "core/workflow/eventdetail.h"
#include "core/workflow/receipt.h"
#include "core/workflow/sessiontimeline.h"
#include "core/workflow/workflowsession.h"
#include "ui/accountspage.h"
#include "ui/capturefeed.h"
#include "ui/endpage.h"
#include "ui/errortext.h"
#include "ui/historypage.h"
#include "ui/livefeed.h"
#include "ui/loginpage.h"
#include "ui/newsessionpage.h"
#include "ui/pagestyle.h"
#include "ui/preflightpage.h"
#include "ui/recordingpage.h"
#include "ui/scriptbrowserpage.h"
#include "ui/settingspage.h"
#include "ui/settingstext.h"
#include "ui/synctext.h"
#include "ui/workflowtext.h"

#include <QActionGroup>
#include <QBuffer>
#include <QApplication>
#include <QCloseEvent>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace dualrec::ui {

using namespace dualrec::workflow;

MainWindow::MainWindow(UiServices services, ShellInfo info, QWidget *parent)
    : QMainWindow(parent), m_services(services), m_info(std::move(info)),
      m_accounts(m_services.journal.users(), m_services.journal.audit())
{
    setObjectName(QStringLiteral("mainWindow"));
    resize(1280, 800);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_banner = new QLabel(central);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setStyleSheet(QStringLiteral("background: #1f4e79; color: white; padding: 0.5em 0.7em; border-radius: 4px;"));
    pageStyle::enlarge(m_banner, 1.4, true);
    layout->addWidget(m_banner);
    // What happened to sessions interrupted the last time (filled in at start-up, if any).
    m_recoveryNotice = new QFrame(central);
    m_recoveryNotice->setObjectName(QStringLiteral("recoveryNotice"));
    m_recoveryNotice->setStyleSheet(QStringLiteral(
        "#recoveryNotice { background: #fff4ce; border: 1px solid #c19c00; border-radius: 4px; }"));
    auto *noticeLayout = new QHBoxLayout(m_recoveryNotice);
    m_recoveryText = new QLabel(m_recoveryNotice);
    m_recoveryText->setObjectName(QStringLiteral("recoveryText"));
    m_recoveryText->setWordWrap(true);
    m_recoveryText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    noticeLayout->addWidget(m_recoveryText, 1);
    m_recoveryDismiss = new QPushButton(m_recoveryNotice);
    m_recoveryDismiss->setObjectName(QStringLiteral("recoveryDismiss"));
    connect(m_recoveryDismiss, &QPushButton::clicked, this, [this] {
        m_recovered.clear();
        updateRecoveryNotice();
    });
    noticeLayout->addWidget(m_recoveryDismiss, 0, Qt::AlignTop);
    m_recoveryNotice->hide();
    layout->addWidget(m_recoveryNotice);
    // A damaged journal (restored from a backup, or rebuilt) or lost accounts: red, not dismissible.
    m_journalNotice = new QLabel(central);
    m_journalNotice->setObjectName(QStringLiteral("journalNotice"));
    m_journalNotice->setWordWrap(true);
    m_journalNotice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_journalNotice->setStyleSheet(QStringLiteral(
        "#journalNotice { background: #fde7e9; color: #7a0c16; border: 2px solid #a61b1b; border-radius: 4px; "
        "padding: 0.5em; font-weight: bold; }"));
    m_journalNotice->hide();
    layout->addWidget(m_journalNotice);
    // Settings whose values are passed over (the policy file's or the user's): said, not silent.
    m_settingsNotice = new QLabel(central);
    m_settingsNotice->setObjectName(QStringLiteral("settingsNotice"));
    m_settingsNotice->setWordWrap(true);
    m_settingsNotice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_settingsNotice->setStyleSheet(QStringLiteral(
        "#settingsNotice { background: #fff4e5; color: #5c3200; border: 1px solid #8a4b00; border-radius: 4px; padding: 0.5em; }"));
    m_settingsNotice->hide();
    layout->addWidget(m_settingsNotice);
    buildNavigation();
    layout->addWidget(m_navigation);

    m_pages = new QStackedWidget(central);
    m_loginPage = new LoginPage(m_services.journal.users(), m_services.journal.audit(), m_pages);
    m_preflightPage = new PreflightPage(m_services.clock, m_services.feed, m_pages);
    m_newSessionPage = new NewSessionPage(m_services.library, m_services.clock, m_pages);
    m_recordingPage = new RecordingPage(m_services.clock, m_services.voice, m_pages);
    // The end, script browser, history, settings and accounts pages are made when first opened
    // (endPage() ...): building them took about 40 % of this constructor, on the way to the
    // first window (scripts/bench startup).
    for (QWidget *page : {static_cast<QWidget *>(m_loginPage), static_cast<QWidget *>(m_preflightPage),
                          static_cast<QWidget *>(m_newSessionPage),
                          static_cast<QWidget *>(m_recordingPage)})
        m_pages->addWidget(page);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_sourceLabel = new QLabel(this);
    m_dataLabel = new QLabel(this);
    m_problemsLabel = new QLabel(this);
    m_problemsLabel->setObjectName(QStringLiteral("problemsLabel"));
    statusBar()->addWidget(m_sourceLabel);
    statusBar()->addWidget(m_dataLabel, 1);
    statusBar()->addPermanentWidget(m_problemsLabel);
    m_syncLabel = new QLabel(this);
    m_syncLabel->setObjectName(QStringLiteral("syncStatus"));
    m_syncLabel->hide();
    statusBar()->addPermanentWidget(m_syncLabel);
    buildMenus();

    connect(m_loginPage, &LoginPage::loggedIn, this, &MainWindow::onLoggedIn);
    connect(m_newSessionPage, &NewSessionPage::startRequested, this, &MainWindow::onStartRequested);
    if (auto *sealing = m_services.sealing) {
        // Only the ended session on the end page is shown; the others are sealed in silence.
        const auto shown = [this](const workflow::SessionId &id) {
            return m_controller && m_controller->done() && m_controller->session().id() == id;
        };
        connect(sealing, &live::SealQueue::started, this, [this, shown](const workflow::SessionId &id) {
            if (shown(id))
                endPage()->setSealStatus(EndPage::SealStatus::Sealing, 0);
        });
        connect(sealing, &live::SealQueue::progress, this, [this, shown](const workflow::SessionId &id, qint64 done, qint64 total) {
            if (shown(id))
                endPage()->setSealStatus(EndPage::SealStatus::Sealing, total > 0 ? int(done * 100 / total) : 0);
        });
        connect(sealing, &live::SealQueue::sealed, this, [this, shown](const workflow::SessionId &id) {
            if (shown(id))
                endPage()->setSealStatus(EndPage::SealStatus::Sealed);
        });
        connect(sealing, &live::SealQueue::needsCertificate, this, [this, shown](const workflow::SessionId &id) {
            if (shown(id))
                endPage()->setSealStatus(EndPage::SealStatus::NoCertificate);
        });
        connect(sealing, &live::SealQueue::waiting, this, [this, shown](const workflow::SessionId &id, const Error &reason) {
            if (shown(id))
                endPage()->setSealStatus(EndPage::SealStatus::Failed, 0, reason);
        });
    }
    if (auto *uploads = m_services.sync) {
        connect(uploads, &sync::SyncService::statusChanged, this, &MainWindow::updateSyncStatus);
        // The end page follows the upload of the session it shows.
        connect(uploads, &sync::SyncService::uploadChanged, this, [this](const sync::SessionUpload &upload) {
            if (m_controller && m_controller->done() && m_controller->session().id() == upload.sessionId)
                endPage()->setUploadStatus(upload);
        });
    }
    connect(m_loginPage, &LoginPage::auditFailed, this,
            [this](const Error &error) { showAuditProblem(Result<qint64>(std::unexpected(error))); });
    connect(m_recordingPage, &RecordingPage::sessionEnded, this, &MainWindow::onSessionEnded);
    connect(m_recordingPage, &RecordingPage::snapshotRequested, this, &MainWindow::onSnapshotRequested);
    connect(m_preflightPage, &PreflightPage::passed, this, [this] {
        m_newSessionPage->setParties(saleParties());
        m_newSessionPage->reset();
        showPage(m_newSessionPage);
    });

    retranslateUi();
    showPage(m_loginPage);
}

MainWindow::~MainWindow()
{
    // An unfinished recording is closed and finalized, so the file is complete.
    endSessionWiring();
    m_controller.reset();
    m_recordingPage->detach();
}

QString MainWindow::recordingsDirectory() const
{
    return QDir(m_info.dataDirectory).absoluteFilePath(QStringLiteral("recordings"));
}

QWidget *MainWindow::currentPage() const
{
    return m_pages->currentWidget();
}

SaleParties MainWindow::saleParties() const
{
    SaleParties parties;
    if (m_user) {
        parties.agentName = m_user->displayName;
        parties.agentLicenceNo = m_user->licenceNo;
    }
    parties.institutionName = m_services.settings.text(SettingKey::InstitutionName);
    parties.institutionShortName = m_services.settings.text(SettingKey::InstitutionShortName);
    return parties;
}

bool MainWindow::busy() const
{
    return recording() || (m_controller && m_controller->finishing());
}

bool MainWindow::recording() const
{
    return m_controller && !isEndState(m_controller->session().state());
}

workflow::WorkflowSession *MainWindow::session() const
{
    return m_controller ? &m_controller->session() : nullptr;
}

vision::PresenceMonitor *MainWindow::presenceMonitor() const
{
    return m_controller ? &m_controller->presence() : nullptr;
}

live::RecordingRun *MainWindow::recordingRun() const
{
    return m_controller ? m_controller->recording() : nullptr;
}

void MainWindow::buildNavigation()
{
    m_navigation = new QWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    auto *row = new QHBoxLayout(m_navigation);
    row->setContentsMargins(0, 0, 0, 0);
    m_userLabel = new QLabel(m_navigation);
    m_userLabel->setObjectName(QStringLiteral("currentUser"));
    pageStyle::enlarge(m_userLabel, 1.1);
    row->addWidget(m_userLabel);
    row->addStretch(1);
    m_navNewSession = new QPushButton(m_navigation);
    m_navNewSession->setObjectName(QStringLiteral("navNewSession"));
    m_navScripts = new QPushButton(m_navigation);
    m_navScripts->setObjectName(QStringLiteral("navScripts"));
    m_navHistory = new QPushButton(m_navigation);
    m_navHistory->setObjectName(QStringLiteral("navHistory"));
    m_navSettings = new QPushButton(m_navigation);
    m_navSettings->setObjectName(QStringLiteral("navSettings"));
    m_navAccounts = new QPushButton(m_navigation);
    m_navAccounts->setObjectName(QStringLiteral("navAccounts"));
    m_navLogout = new QPushButton(m_navigation);
    m_navLogout->setObjectName(QStringLiteral("navLogout"));
    for (auto *button : {m_navNewSession, m_navScripts, m_navHistory, m_navSettings, m_navAccounts, m_navLogout})
        row->addWidget(button);

    connect(m_navNewSession, &QPushButton::clicked, this, [this] {
        if (!busy())
            startNewSession();
    });
    connect(m_navScripts, &QPushButton::clicked, this, [this] {
        if (!busy())
            showPage(scriptPage());
    });
    connect(m_navHistory, &QPushButton::clicked, this, [this] {
        if (busy() || !m_user || !storage::canSupervise(m_user->role))
            return;
        historyPage()->open(m_user->login);
        showPage(historyPage());
    });
    connect(m_navSettings, &QPushButton::clicked, this, [this] {
        if (busy() || !m_user || !storage::canSupervise(m_user->role))
            return;
        settingsPage()->open(m_user->login);
        showPage(settingsPage());
    });
    connect(m_navAccounts, &QPushButton::clicked, this, [this] {
        if (busy() || !m_user || !storage::canSupervise(m_user->role))
            return;
        accountsPage()->open(m_user->login);
        showPage(accountsPage());
    });
    connect(m_navLogout, &QPushButton::clicked, this, &MainWindow::onLogout);
}

EndPage *MainWindow::endPage()
{
    if (!m_endPage) {
        m_endPage = new EndPage(m_pages);
        m_endPage->setUploads(m_services.sync ? EndPage::Uploads::SetUp : EndPage::Uploads::NotSetUp);
        connect(m_endPage, &EndPage::newSessionRequested, this, &MainWindow::startNewSession);
        m_pages->addWidget(m_endPage);
    }
    return m_endPage;
}

ScriptBrowserPage *MainWindow::scriptPage()
{
    if (!m_scriptPage) {
        m_scriptPage = new ScriptBrowserPage(m_services.library, m_pages);
        m_pages->addWidget(m_scriptPage);
    }
    return m_scriptPage;
}

HistoryPage *MainWindow::historyPage()
{
    if (!m_historyPage) {
        m_historyPage = new HistoryPage(m_services.journal, m_services.library, m_pages);
        m_historyPage->setEvidenceKeys(m_services.journal.evidenceKeys(), m_services.clock);
        m_historyPage->setQc(m_services.journal.qc(), m_services.clock,
                             m_services.settings.value(SettingKey::ReviewSamplePercent).toDouble());
        if (auto *uploads = m_services.sync)
            m_historyPage->setSync(uploads);
        m_pages->addWidget(m_historyPage);
    }
    return m_historyPage;
}

SettingsPage *MainWindow::settingsPage()
{
    if (!m_settingsPage) {
        m_settingsPage = new SettingsPage(m_services.settings, m_services.journal.audit(), m_pages);
        m_settingsPage->setStorageInUse(m_info.dataDirectory);
        if (const auto &keys = m_services.recording.keys)
            m_settingsPage->setKeyProtection(seal::keyProtectionOf(keys->backendName()), keys->backendName());
        connect(m_settingsPage, &SettingsPage::auditFailed, this,
                [this](const Error &error) { showAuditProblem(Result<qint64>(std::unexpected(error))); });
        connect(m_settingsPage, &SettingsPage::languageChanged, this, &MainWindow::languageRequested);
        m_pages->addWidget(m_settingsPage);
    }
    return m_settingsPage;
}

AccountsPage *MainWindow::accountsPage()
{
    if (!m_accountsPage) {
        m_accountsPage = new AccountsPage(m_accounts, m_services.clock, m_pages);
        m_pages->addWidget(m_accountsPage);
    }
    return m_accountsPage;
}

void MainWindow::buildMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_quitAction = m_fileMenu->addAction(QString(), QKeySequence::Quit, this, &QWidget::close);

    m_settingsMenu = menuBar()->addMenu(QString());
    m_languageMenu = m_settingsMenu->addMenu(QString());
    auto *group = new QActionGroup(this);
    m_chineseAction = m_languageMenu->addAction(QStringLiteral("中文(简体)"));
    m_englishAction = m_languageMenu->addAction(QStringLiteral("English"));
    for (auto *action : {m_chineseAction, m_englishAction}) {
        action->setCheckable(true);
        group->addAction(action);
    }
    (m_info.language == QLatin1String("en") ? m_englishAction : m_chineseAction)->setChecked(true);
    connect(m_chineseAction, &QAction::triggered, this, [this] { Q_EMIT languageRequested(QStringLiteral("zh_CN")); });
    connect(m_englishAction, &QAction::triggered, this, [this] { Q_EMIT languageRequested(QStringLiteral("en")); });

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, [this] {
        QMessageBox::about(this, tr("About DualRec"),
                           tr("<p><b>DualRec %1</b></p><p>Synchronous audio and video recording of insurance "
                              "sales (双录), as the regulation requires.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (recording()) {
        // Closing the window must not lose a running session silently: abort it with a reason.
        const auto answer = QMessageBox::question(this, tr("A recording is running"),
                                                  tr("Closing DualRec aborts the running recording. Close anyway?"));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        (void)m_controller->session().abort(workflow::sessionReasonText(workflow::SessionReason::WindowClosed));
    }
    if (m_user)
        showAuditProblem(m_services.journal.audit().append(m_user->login, storage::AuditAction::Logout, m_user->login,
                                                           QStringLiteral("window closed")));
    event->accept();
}

void MainWindow::showAuditProblem(const Result<qint64> &appended)
{
    if (appended)
        return;
    // Stays until the next message: the audit trail has a gap, and IT must hear of it.
    statusBar()->showMessage(
        ErrorText::describe(tr("An action could not be written to the audit log; tell branch IT."), appended.error()));
}

void MainWindow::showRecoveredSessions(const QList<live::RecoveredSession> &sessions)
{
    m_recovered.append(sessions);
    updateRecoveryNotice();
}

void MainWindow::setSourceDescription(const QString &description)
{
    m_info.sourceDescription = description;
    m_sourceLabel->setText(tr("Video source: %1").arg(m_info.sourceDescription));
}

void MainWindow::bringToFront()
{
    if (isMinimized())
        showNormal();
    show();
    raise();
    activateWindow();
    statusBar()->showMessage(tr("DualRec was started again for this data folder: this window stays the only one, so "
                                "two windows cannot record into the same journal."),
                             15000);
}

void MainWindow::updateRecoveryNotice()
{
    QStringList lines;
    for (const auto &session : std::as_const(m_recovered)) {
        const auto number = session.applicationNo.isEmpty() ? session.id.toString() : session.applicationNo;
        const auto path = QDir::toNativeSeparators(session.recordingPath);
        const QString why = session.problem ? session.problem->detail : QString();
        switch (session.kind) {
        case live::RecoveredSession::Kind::Interrupted:
            if (session.recordingPath.isEmpty())
                lines.append(tr("The session for application %1 was open, without a recording. It is marked as failed.")
                                 .arg(number));
            else if (session.finalized)
                lines.append(tr("The session for application %1 was being recorded. The recording so far (%2) is saved "
                                "in %3. The session is marked as failed and must be recorded again.")
                                 .arg(number, WorkflowText::duration(session.recorded), path));
            else
                lines.append(tr("The session for application %1 was being recorded. What was recorded is kept in %2, "
                                "but it could not be finalized (%3). The session is marked as failed and must be "
                                "recorded again.")
                                 .arg(number, path, why));
            break;
        case live::RecoveredSession::Kind::RecordingSaved:
            if (session.finalized)
                lines.append(tr("The recording of the session for application %1 was still being saved. It is now "
                                "saved in %2 (%3).")
                                 .arg(number, path, WorkflowText::duration(session.recorded)));
            else
                lines.append(tr("The recording of the session for application %1 was still being saved. It is kept in "
                                "%2, but it could not be finalized (%3).")
                                 .arg(number, path, why));
            break;
        case live::RecoveredSession::Kind::Reindexed:
            lines.append(tr("The session for application %1 was missing from the journal. It was added back from its "
                            "recording files (%2).")
                             .arg(number, path));
            break;
        case live::RecoveredSession::Kind::NotClosed:
        case live::RecoveredSession::Kind::Invalid:
            lines.append(tr("The session for application %1 was left open, but it could not be closed (%2). DualRec "
                            "tries again at the next start.")
                             .arg(number, why));
            break;
        }
    }
    m_recoveryDismiss->setText(tr("Dismiss"));
    m_recoveryDismiss->setAccessibleName(tr("Dismiss the notice about interrupted sessions"));
    if (lines.isEmpty()) {
        m_recoveryText->clear();
        m_recoveryText->setAccessibleName(tr("Interrupted sessions"));
        m_recoveryNotice->hide();
        return;
    }
    const QString text = tr("DualRec stopped unexpectedly last time (crash, forced stop or power loss).")
                         + u'\n' + lines.join(u'\n');
    m_recoveryText->setText(text);
    m_recoveryText->setAccessibleName(text);
    m_recoveryNotice->show();
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("DualRec — insurance sales recording"));
    m_banner->setText(tr("DualRec · recording of insurance sales, replayable and verifiable"));
    m_banner->setAccessibleName(m_banner->text());
    updateRecoveryNotice();
    auto journalText = WorkflowText::journalStartup(m_services.journal.startup());
    // What the start-up integrity check found is for supervisors (the audit log is theirs to read).
    if (m_user && storage::canSupervise(m_user->role)) {
        const auto integrity = WorkflowText::journalIntegrity(m_services.journal.startup());
        if (!integrity.isEmpty())
            journalText = journalText.isEmpty() ? integrity : journalText + u'\n' + integrity;
    }
    m_journalNotice->setText(journalText);
    m_journalNotice->setAccessibleName(journalText.isEmpty() ? tr("Notice about the journal") : journalText);
    m_journalNotice->setVisible(!journalText.isEmpty());
    QStringList invalidSettings;
    for (const auto &invalid : m_services.settings.invalidSettings())
        invalidSettings.append(SettingsText::invalid(invalid, m_services.settings.text(invalid.key)));
    m_settingsNotice->setText(invalidSettings.join(u'\n'));
    m_settingsNotice->setAccessibleName(invalidSettings.isEmpty() ? tr("Notice about the settings") : m_settingsNotice->text());
    m_settingsNotice->setVisible(!invalidSettings.isEmpty());
    m_userLabel->setText(m_user ? tr("Signed in: %1 (%2)").arg(m_user->displayName, WorkflowText::userRole(m_user->role))
                                : QString());
    m_navNewSession->setText(tr("New &recording"));
    m_navScripts->setText(tr("S&cripts"));
    m_navHistory->setText(tr("&History"));
    m_navHistory->setAccessibleName(tr("History"));
    m_navSettings->setText(tr("Se&ttings"));
    m_navSettings->setAccessibleName(tr("Settings"));
    m_navAccounts->setText(tr("&Accounts"));
    m_navAccounts->setAccessibleName(tr("Accounts"));
    m_navLogout->setText(tr("Sign &out"));
    m_navNewSession->setAccessibleName(tr("New recording"));
    m_navScripts->setAccessibleName(tr("Scripts"));
    m_navLogout->setAccessibleName(tr("Sign out"));
    m_sourceLabel->setText(tr("Video source: %1").arg(m_info.sourceDescription));
    m_dataLabel->setText(tr("Data folder: %1").arg(m_info.dataDirectory));
    updateSyncStatus();
    const auto problems = m_services.library.diagnostics().size();
    m_problemsLabel->setText(problems == 0 ? QString()
                                           : tr("%n script file problem(s): run \"dualrec script check\"", nullptr,
                                                int(problems)));
    QStringList lines;
    for (const auto &diagnostic : m_services.library.diagnostics())
        lines.append(diagnostic.toString());
    m_problemsLabel->setToolTip(lines.join(u'\n'));

    m_fileMenu->setTitle(tr("&File"));
    m_quitAction->setText(tr("&Quit"));
    m_settingsMenu->setTitle(tr("&Settings"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About DualRec"));
    updateNavigation();
}

void MainWindow::showPage(QWidget *page)
{
    m_pages->setCurrentWidget(page);
    updateNavigation();
}

void MainWindow::updateNavigation()
{
    m_navigation->setVisible(m_user.has_value());
    const bool locked = busy();
    const QString reason = locked ? tr("Not while a recording runs: finish or abort it first.") : QString();
    for (auto *button : {m_navNewSession, m_navScripts, m_navHistory, m_navSettings, m_navAccounts, m_navLogout}) {
        button->setEnabled(!locked);
        button->setToolTip(reason);
    }
    // Only supervisors and IT see the history (and later the settings): agents get no button.
    m_navHistory->setVisible(m_user && storage::canSupervise(m_user->role));
    m_navSettings->setVisible(m_user && storage::canSupervise(m_user->role));
    m_navAccounts->setVisible(m_user && storage::canSupervise(m_user->role));
}

void MainWindow::onLoggedIn(const storage::User &user)
{
    m_user = user;
    retranslateUi();
    if (storage::canSupervise(user.role)) {
        historyPage()->open(user.login);
        showPage(historyPage());
        return;
    }
    startNewSession();
}

void MainWindow::startNewSession()
{
    m_preflightPage->check(m_info.dataDirectory,
                           m_services.feed != nullptr && (!m_services.capture || m_services.capture->running()));
    showPage(m_preflightPage);
}

void MainWindow::onLogout()
{
    if (busy())
        return;
    if (m_user)
        showAuditProblem(m_services.journal.audit().append(m_user->login, storage::AuditAction::Logout, m_user->login));
    m_user.reset();
    retranslateUi();
    m_loginPage->reset();
    showPage(m_loginPage);
}

void MainWindow::onStartRequested(const SaleForm &form, const SaleFormCheck &check)
{
    if (!m_user || !check.canStart() || !check.plan || busy())
        return;
    endSessionWiring();
    m_recordingPage->detach();
    m_controller.reset();

    live::SessionSetup setup;
    setup.form = form;
    setup.plan = *check.plan;
    setup.scope = check.scope;
    setup.agentId = m_user->login;
    setup.recording = m_services.recording;
    setup.recordingFolder = recordingsDirectory();
    setup.presence.grace = std::chrono::milliseconds(
        qint64(m_services.settings.value(SettingKey::GraceSeconds).toDouble() * 1000));
    setup.speech.microphone.quietFor = std::chrono::seconds(m_services.settings.value(SettingKey::MicrophoneQuietSeconds).toInt());
    const auto quietFor = std::chrono::duration_cast<std::chrono::seconds>(setup.speech.microphone.quietFor);
    auto started = live::SessionController::create(std::move(setup), m_services.journal, m_services.clock);
    if (started && m_services.capture) {
        if (auto opened = (*started)->openRecording(*m_services.capture); !opened)
            started = std::unexpected(opened.error());
    }
    if (!started) {
        QMessageBox::warning(this, tr("Cannot start"),
                             ErrorText::describe(tr("The recording cannot start."), started.error(), m_info.dataDirectory));
        startNewSession();
        return;
    }
    m_controller = std::move(*started);
    auto *controller = m_controller.get();
    connect(controller, &live::SessionController::journalFailed, m_recordingPage, &RecordingPage::setJournalProblem);
    connect(controller, &live::SessionController::presenceProblemChanged, m_recordingPage,
            &RecordingPage::setPresenceProblem);
    if (m_services.feed) {
        m_feedConnections.append(connect(m_services.feed, &LiveFeed::checked, controller,
                                         &live::SessionController::addPresenceCheck));
        m_feedConnections.append(
            connect(m_services.feed, &LiveFeed::frameReady, m_recordingPage, &RecordingPage::showFrame));
    }
    connect(controller, &live::SessionController::recordingFailed, m_recordingPage, [this](const Error &error) {
        const auto kept = QDir::toNativeSeparators(m_controller && m_controller->recording()
                                                       ? m_controller->recording()->fragmentedPath()
                                                       : recordingsDirectory());
        if (error.code == ErrorCode::DiskFull)
            ErrorText::log(error);
        m_recordingPage->setRecordingProblem(
            error.code == ErrorCode::DiskFull
                ? tr("The recording stopped: the disk is full. Everything recorded until now is kept in %1.").arg(kept)
                : ErrorText::describe(tr("The recording stopped. Everything recorded until now is kept in %1.").arg(kept), error,
                                      m_info.dataDirectory));
    });
    connect(controller, &live::SessionController::deviceLost, m_recordingPage, [this] {
        m_recordingPage->setRecordingProblem(
            tr("The camera or microphone is gone: the session is paused. Check that it is connected; the session goes on "
               "by itself when it is back. If it does not come back, abort the session. The recording so far is kept."));
    });
    connect(controller, &live::SessionController::deviceRestored, m_recordingPage,
            [this] { m_recordingPage->setRecordingProblem(QString()); });
    connect(controller, &live::SessionController::finished, this,
            [this](const std::optional<live::RecordingOutcome> &outcome) {
                m_recordingPage->setRecordingProblem(QString());
                if (outcome && outcome->finalizeError)
                    QMessageBox::warning(
                        this, tr("Recording not finalized"),
                        ErrorText::describe(tr("The recording could not be finalized, but the file %1 is complete and plays.")
                                                           .arg(QDir::toNativeSeparators(outcome->recordingPath)),
                                                       *outcome->finalizeError));
                showEndPage();
                // A broken recording (a full disk, a failed write): the end page says why and what to do.
                if (outcome && outcome->failure)
                    endPage()->setRecordingFailure(*outcome->failure, QDir::toNativeSeparators(outcome->recordingPath),
                                                   QDir::toNativeSeparators(m_info.dataDirectory));
            });
    m_recordingPage->attach(&controller->session(), saleContextOf(form, saleParties()), m_services.feed != nullptr);
    if (auto *speech = controller->speech()) {
        connect(speech, &live::SpeechMonitor::answerSpeechChanged, m_recordingPage, &RecordingPage::setAnswerSpeech);
        connect(speech, &live::SpeechMonitor::microphoneChanged, m_recordingPage,
                [this, quietFor](const audio::MicrophoneState &state) { m_recordingPage->setMicrophone(state, quietFor); });
        m_recordingPage->setAnswerSpeech(speech->answerSpeech());
    } else if (const auto why = controller->speechUnavailable()) {
        qWarning("dualrec: this session runs without the speech check: %s", qUtf8Printable(why->toString()));
    }
    showPage(m_recordingPage);
    if (auto begun = controller->session().start(); !begun)
        QMessageBox::warning(this, tr("Cannot start"),
                             ErrorText::describe(tr("The recording cannot start."), begun.error()));
    updateNavigation();
}

void MainWindow::onSnapshotRequested()
{
    if (!m_controller)
        return;
    if (auto allowed = m_controller->snapshotAllowed(); !allowed) { // the session's rule (SessionController)
        if (allowed.error().code == ErrorCode::RequirementsUnmet)
            m_recordingPage->setRecordingProblem(
                tr("No snapshot: a close-up counts only while everyone this step needs is in the picture."));
        return;
    }
    // The close-up: the newest full-size camera frame, else the picture the preview shows.
    QImage picture;
    if (m_services.capture)
        picture = CaptureFeed::toImage(live::LiveCapture::toBgra(m_services.capture->latestFrame(), 0));
    if (picture.isNull())
        picture = m_recordingPage->previewFrame();
    if (picture.isNull()) {
        m_recordingPage->setRecordingProblem(tr("No snapshot: there is no camera picture to save."));
        return;
    }
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    if (!buffer.open(QIODevice::WriteOnly) || !picture.save(&buffer, "JPG", 90)) {
        m_recordingPage->setRecordingProblem(tr("No snapshot: the picture could not be encoded."));
        return;
    }
    if (auto saved = m_controller->addSnapshot(jpeg); !saved)
        m_recordingPage->setRecordingProblem(
            ErrorText::describe(tr("The snapshot could not be saved."), saved.error()));
}

void MainWindow::updateSyncStatus()
{
    if (!m_services.sync)
        return;
    const auto &status = m_services.sync->status();
    const QString text = SyncText::status(status);
    m_syncLabel->setText(text);
    m_syncLabel->setToolTip(SyncText::detail(status.error));
    m_syncLabel->setAccessibleName(text);
    const bool failed = status.phase == sync::SyncStatus::Phase::Failed;
    m_syncLabel->setStyleSheet(failed ? QStringLiteral("color: #a61b1b;") : QString());
    m_syncLabel->setVisible(!text.isEmpty());
}

void MainWindow::endSessionWiring()
{
    for (const auto &connection : std::as_const(m_feedConnections))
        disconnect(connection);
    m_feedConnections.clear();
}

void MainWindow::onSessionEnded()
{
    if (!m_controller || m_controller->finishing() || m_controller->done())
        return;
    endSessionWiring();
    // Finalizing copies the file once (seconds for a long session) in the background; the
    // page says so meanwhile and the navigation stays locked.
    if (m_controller->recording())
        m_recordingPage->setRecordingProblem(tr("Saving the recording…"));
    m_controller->finish(QLatin1String(sessionStateName(m_controller->session().state())));
    updateNavigation();
}

void MainWindow::showEndPage()
{
    endSessionWiring();
    m_recordingPage->detach();
    const auto &session = m_controller->session(); // the ended session
    std::optional<storage::MediaFile> recordingFile;
    if (const auto files = m_services.journal.sessions().mediaFiles(session.id())) {
        for (const auto &file : *files) {
            if (file.role == storage::MediaRole::Recording)
                recordingFile = file;
        }
    }
    // The customer's receipt: the application as journaled, the session's length, the
    // recording's check code; the insurer's verification address if IT set one.
    QString applicationNo;
    QDateTime startedAt = session.events().isEmpty() ? QDateTime() : session.events().first().wallTime;
    if (const auto record = m_services.journal.sessions().find(session.id()); record && *record) {
        applicationNo = (*record)->applicationNo;
        startedAt = (*record)->createdAt;
    }
    const auto length = std::chrono::duration_cast<std::chrono::milliseconds>(buildSessionTimeline(session.events()).duration());
    endPage()->showSession(session, recordingFile,
                           makeReceipt(session.plan(), applicationNo, startedAt, length,
                                       recordingFile ? recordingFile->sha256 : QString()),
                           m_services.settings.text(SettingKey::ReceiptVerificationUrl));
    endPage()->setQcVerdict(m_controller->qcVerdict());
    // Sealing follows a stored recording in the background; the page says where it stands.
    const auto evidence = m_controller->evidence();
    if (evidence == storage::EvidenceState::Stored && m_services.sealing)
        m_services.sealing->sealPending();
    else if (evidence == storage::EvidenceState::Recording || evidence == storage::EvidenceState::Recorded)
        endPage()->setSealStatus(EndPage::SealStatus::NotStored);
    if (m_services.sync)
        endPage()->setUploadStatus(m_services.sync->upload(session.id()));
    showPage(endPage());
    updateNavigation();
}

} // namespace dualrec::ui
