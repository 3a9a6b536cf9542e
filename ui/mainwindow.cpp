#include "ui/mainwindow.h"

#include "core/storage/sessionjournaler.h"
#include "core/vision/presencemonitor.h"
#include "core/workflow/workflowsession.h"
#include "ui/endpage.h"
#include "ui/historypage.h"
#include "ui/livefeed.h"
#include "ui/loginpage.h"
#include "ui/newsessionpage.h"
#include "ui/pagestyle.h"
#include "ui/preflightpage.h"
#include "ui/recordingpage.h"
#include "ui/scriptbrowserpage.h"
#include "ui/settingspage.h"
#include "ui/workflowtext.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QEvent>
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
    : QMainWindow(parent), m_services(services), m_info(std::move(info))
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
    buildNavigation();
    layout->addWidget(m_navigation);

    m_pages = new QStackedWidget(central);
    m_loginPage = new LoginPage(m_services.journal.users(), m_services.journal.audit(), m_pages);
    m_preflightPage = new PreflightPage(m_services.clock, m_pages);
    m_newSessionPage = new NewSessionPage(m_services.library, m_services.clock, m_pages);
    m_recordingPage = new RecordingPage(m_services.clock, m_pages);
    m_endPage = new EndPage(m_pages);
    m_scriptPage = new ScriptBrowserPage(m_services.library, m_pages);
    m_historyPage = new HistoryPage(m_services.journal.sessions(), m_services.journal.audit(), m_services.library, m_pages);
    m_settingsPage = new SettingsPage(m_services.settings, m_services.journal.audit(), m_pages);
    for (QWidget *page : {static_cast<QWidget *>(m_loginPage), static_cast<QWidget *>(m_preflightPage),
                          static_cast<QWidget *>(m_newSessionPage),
                          static_cast<QWidget *>(m_recordingPage), static_cast<QWidget *>(m_endPage),
                          static_cast<QWidget *>(m_scriptPage), static_cast<QWidget *>(m_historyPage),
                          static_cast<QWidget *>(m_settingsPage)})
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
    buildMenus();

    connect(m_loginPage, &LoginPage::loggedIn, this, &MainWindow::onLoggedIn);
    connect(m_newSessionPage, &NewSessionPage::startRequested, this, &MainWindow::onStartRequested);
    connect(m_recordingPage, &RecordingPage::sessionEnded, this, &MainWindow::onSessionEnded);
    connect(m_settingsPage, &SettingsPage::languageChanged, this, &MainWindow::languageRequested);
    connect(m_endPage, &EndPage::newSessionRequested, this, &MainWindow::startNewSession);
    connect(m_preflightPage, &PreflightPage::passed, this, [this] {
        m_newSessionPage->reset();
        showPage(m_newSessionPage);
    });

    retranslateUi();
    showPage(m_loginPage);
}

MainWindow::~MainWindow()
{
    endSessionWiring();
    m_recordingPage->detach();
}

QWidget *MainWindow::currentPage() const
{
    return m_pages->currentWidget();
}

bool MainWindow::recording() const
{
    return m_session && !isEndState(m_session->state());
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
    m_navLogout = new QPushButton(m_navigation);
    m_navLogout->setObjectName(QStringLiteral("navLogout"));
    for (auto *button : {m_navNewSession, m_navScripts, m_navHistory, m_navSettings, m_navLogout})
        row->addWidget(button);

    connect(m_navNewSession, &QPushButton::clicked, this, [this] {
        if (!recording())
            startNewSession();
    });
    connect(m_navScripts, &QPushButton::clicked, this, [this] {
        if (!recording())
            showPage(m_scriptPage);
    });
    connect(m_navHistory, &QPushButton::clicked, this, [this] {
        if (recording() || !m_user || !storage::canSupervise(m_user->role))
            return;
        m_historyPage->open(m_user->login);
        showPage(m_historyPage);
    });
    connect(m_navSettings, &QPushButton::clicked, this, [this] {
        if (recording() || !m_user || !storage::canSupervise(m_user->role))
            return;
        m_settingsPage->open(m_user->login);
        showPage(m_settingsPage);
    });
    connect(m_navLogout, &QPushButton::clicked, this, &MainWindow::onLogout);
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
        (void)m_session->abort(QStringLiteral("window closed during the recording"));
    }
    if (m_user)
        (void)m_services.journal.audit().append(m_user->login, storage::AuditAction::Logout, m_user->login,
                                                QStringLiteral("window closed"));
    event->accept();
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("DualRec — insurance sales recording"));
    m_banner->setText(tr("DualRec · recording of insurance sales, replayable and verifiable"));
    m_banner->setAccessibleName(m_banner->text());
    m_userLabel->setText(m_user ? tr("Signed in: %1 (%2)").arg(m_user->displayName, WorkflowText::userRole(m_user->role))
                                : QString());
    m_navNewSession->setText(tr("New &recording"));
    m_navScripts->setText(tr("S&cripts"));
    m_navHistory->setText(tr("&History"));
    m_navHistory->setAccessibleName(tr("History"));
    m_navSettings->setText(tr("Se&ttings"));
    m_navSettings->setAccessibleName(tr("Settings"));
    m_navLogout->setText(tr("Sign &out"));
    m_navNewSession->setAccessibleName(tr("New recording"));
    m_navScripts->setAccessibleName(tr("Scripts"));
    m_navLogout->setAccessibleName(tr("Sign out"));
    m_sourceLabel->setText(tr("Video source: %1").arg(m_info.sourceDescription));
    m_dataLabel->setText(tr("Data folder: %1").arg(m_info.dataDirectory));
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
    const bool locked = recording();
    const QString reason = locked ? tr("Not while a recording runs: finish or abort it first.") : QString();
    for (auto *button : {m_navNewSession, m_navScripts, m_navHistory, m_navSettings, m_navLogout}) {
        button->setEnabled(!locked);
        button->setToolTip(reason);
    }
    // Only supervisors and IT see the history (and later the settings): agents get no button.
    m_navHistory->setVisible(m_user && storage::canSupervise(m_user->role));
    m_navSettings->setVisible(m_user && storage::canSupervise(m_user->role));
}

void MainWindow::onLoggedIn(const storage::User &user)
{
    m_user = user;
    retranslateUi();
    if (storage::canSupervise(user.role)) {
        m_historyPage->open(user.login);
        showPage(m_historyPage);
        return;
    }
    startNewSession();
}

void MainWindow::startNewSession()
{
    m_preflightPage->check(m_info.dataDirectory, m_services.feed != nullptr);
    showPage(m_preflightPage);
}

void MainWindow::onLogout()
{
    if (recording())
        return;
    if (m_user)
        (void)m_services.journal.audit().append(m_user->login, storage::AuditAction::Logout, m_user->login);
    m_user.reset();
    retranslateUi();
    m_loginPage->reset();
    showPage(m_loginPage);
}

void MainWindow::onStartRequested(const SaleForm &form, const SaleFormCheck &check)
{
    if (!m_user || !check.canStart() || !check.plan || recording())
        return;
    endSessionWiring();
    m_recordingPage->detach();
    m_session.reset();

    auto created = WorkflowSession::create(SessionId::generate(), *check.plan, m_services.clock);
    if (!created) {
        QMessageBox::warning(this, tr("Cannot start"), tr("The recording cannot start: %1").arg(created.error().detail));
        return;
    }
    m_session = std::move(*created);

    storage::SessionRecord record;
    record.id = m_session->id();
    record.applicationNo = form.applicationNo;
    record.agentId = m_user->login;
    record.customer = storage::CustomerData{form.policyholderName, form.policyholderIdNumber, QString()};
    record.templateId = check.plan->id();
    record.templateVersion = check.plan->sources().join(u',');
    for (const auto &product : check.plan->products())
        record.products.append({product.code, product.name});
    record.scopeRequired = check.scope ? check.scope->required : true;
    record.scopeReason = check.scope ? check.scope->summary() : QString();
    record.createdAt = m_services.clock.wallNow();
    m_journaler = std::make_unique<storage::SessionJournaler>(m_services.journal.sessions(), m_services.journal.audit(),
                                                              *m_session, m_user->login);
    if (auto begun = m_journaler->begin(record); !begun) {
        QMessageBox::warning(this, tr("Cannot start"),
                             tr("The session cannot be saved in the journal, so it does not start: %1")
                                 .arg(begun.error().detail));
        m_journaler.reset();
        m_session.reset();
        return;
    }
    connect(m_journaler.get(), &storage::SessionJournaler::journalFailed, m_recordingPage,
            &RecordingPage::setJournalProblem);

    vision::PolicyConfig presenceConfig;
    presenceConfig.grace = std::chrono::milliseconds(
        qint64(m_services.settings.value(SettingKey::GraceSeconds).toDouble() * 1000));
    m_monitor = std::make_unique<vision::PresenceMonitor>(*m_session, presenceConfig);
    connect(m_monitor.get(), &vision::PresenceMonitor::problemChanged, m_recordingPage,
            &RecordingPage::setPresenceProblem);
    if (m_services.feed) {
        m_feedConnections.append(connect(m_services.feed, &LiveFeed::checked, m_monitor.get(),
                                         &vision::PresenceMonitor::addCheck));
        m_feedConnections.append(
            connect(m_services.feed, &LiveFeed::frameReady, m_recordingPage, &RecordingPage::showFrame));
    }
    m_recordingPage->attach(m_session.get(), saleContextOf(form, m_user->displayName, m_user->login),
                            m_services.feed != nullptr);
    showPage(m_recordingPage);
    if (auto started = m_session->start(); !started)
        QMessageBox::warning(this, tr("Cannot start"), tr("The recording cannot start: %1").arg(started.error().detail));
    updateNavigation();
}

void MainWindow::endSessionWiring()
{
    for (const auto &connection : std::as_const(m_feedConnections))
        disconnect(connection);
    m_feedConnections.clear();
    m_monitor.reset();
}

void MainWindow::onSessionEnded()
{
    if (!m_session)
        return;
    endSessionWiring();
    m_recordingPage->detach();
    std::optional<storage::MediaFile> recordingFile;
    if (const auto files = m_services.journal.sessions().mediaFiles(m_session->id())) {
        for (const auto &file : *files) {
            if (file.role == QLatin1String("recording"))
                recordingFile = file;
        }
    }
    m_endPage->showSession(*m_session, recordingFile);
    showPage(m_endPage);
}

} // namespace dualrec::ui
