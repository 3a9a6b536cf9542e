#include "ui/mainwindow.h"

#include "ui/workflowtext.h"

#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace dualrec::ui {

using namespace dualrec::workflow;

namespace {

QString termText(const PolicyTerm &term)
{
    return term.wholeLife ? MainWindow::tr("whole life") : MainWindow::tr("%n year(s)", nullptr, term.years);
}

} // namespace

MainWindow::MainWindow(const TemplateLibrary &library, ShellInfo info, QWidget *parent)
    : QMainWindow(parent), m_library(library), m_info(std::move(info))
{
    setObjectName(QStringLiteral("mainWindow"));
    resize(1180, 760);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    m_banner = new QLabel(central);
    m_banner->setObjectName(QStringLiteral("banner"));
    QFont bannerFont = m_banner->font();
    bannerFont.setPointSizeF(bannerFont.pointSizeF() * 1.6);
    bannerFont.setBold(true);
    m_banner->setFont(bannerFont);
    layout->addWidget(m_banner);

    auto *splitter = new QSplitter(Qt::Horizontal, central);
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_productsTitle = new QLabel(left);
    m_templates = new QListWidget(left);
    m_templates->setObjectName(QStringLiteral("templateList"));
    leftLayout->addWidget(m_productsTitle);
    leftLayout->addWidget(m_templates);

    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_productDetails = new QLabel(right);
    m_productDetails->setWordWrap(true);
    m_productDetails->setTextFormat(Qt::PlainText);
    m_steps = new QTreeWidget(right);
    m_steps->setObjectName(QStringLiteral("stepList"));
    m_steps->setRootIsDecorated(false);
    m_steps->setColumnCount(3);
    m_steps->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_promptTitle = new QLabel(right);
    m_prompt = new QTextBrowser(right);
    m_prompt->setObjectName(QStringLiteral("teleprompter"));
    QFont promptFont = m_prompt->font();
    promptFont.setPointSizeF(promptFont.pointSizeF() * 1.5);
    m_prompt->setFont(promptFont);
    rightLayout->addWidget(m_productDetails);
    rightLayout->addWidget(m_steps, 3);
    rightLayout->addWidget(m_promptTitle);
    rightLayout->addWidget(m_prompt, 2);

    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({360, 820});
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_sourceLabel = new QLabel(this);
    m_dataLabel = new QLabel(this);
    m_problemsLabel = new QLabel(this);
    m_problemsLabel->setObjectName(QStringLiteral("problemsLabel"));
    statusBar()->addWidget(m_sourceLabel);
    statusBar()->addWidget(m_dataLabel, 1);
    statusBar()->addPermanentWidget(m_problemsLabel);

    buildMenus();

    connect(m_templates, &QListWidget::currentRowChanged, this, &MainWindow::showTemplate);
    connect(m_steps, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *item) { showStep(item ? m_steps->indexOfTopLevelItem(item) : -1); });

    retranslateUi();
    if (m_templates->count() > 0)
        m_templates->setCurrentRow(0);
}

void MainWindow::buildMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_quitAction = m_fileMenu->addAction(QString(), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

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

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("DualRec — insurance sales recording"));
    m_banner->setText(tr("DualRec · recording of insurance sales, replayable and verifiable"));
    m_productsTitle->setText(tr("Products"));
    m_promptTitle->setText(tr("Teleprompter"));
    m_steps->setHeaderLabels({tr("#"), tr("Step"), tr("Requirements")});
    m_templates->setAccessibleName(tr("Products"));
    m_steps->setAccessibleName(tr("Steps of the recording"));
    m_prompt->setAccessibleName(tr("Teleprompter"));
    m_sourceLabel->setText(tr("Video source: %1").arg(m_info.sourceDescription));
    m_dataLabel->setText(tr("Data folder: %1").arg(m_info.dataDirectory));
    const auto problems = m_library.diagnostics().size();
    m_problemsLabel->setText(problems == 0 ? QString()
                                           : tr("%n script file problem(s): run \"dualrec script check\"", nullptr,
                                                int(problems)));
    QStringList lines;
    for (const auto &diagnostic : m_library.diagnostics())
        lines.append(diagnostic.toString());
    m_problemsLabel->setToolTip(lines.join(u'\n'));

    m_fileMenu->setTitle(tr("&File"));
    m_quitAction->setText(tr("&Quit"));
    m_settingsMenu->setTitle(tr("&Settings"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About DualRec"));

    const int row = m_templates->currentRow();
    fillTemplates();
    if (row >= 0)
        m_templates->setCurrentRow(row);
}

void MainWindow::fillTemplates()
{
    const QSignalBlocker blocker(m_templates);
    m_templates->clear();
    for (const auto &script : m_library.templates()) {
        QString subtitle;
        if (script.isBundle())
            subtitle = tr("%n products on one application", nullptr, int(script.bundle.size()));
        else
            subtitle = WorkflowText::category(script.product->category) + QStringLiteral(" · ")
                       + WorkflowText::design(script.product->design);
        auto *item = new QListWidgetItem(script.title + u'\n' + subtitle, m_templates);
        item->setData(Qt::UserRole, script.id);
        item->setToolTip(script.id + u'@' + script.version);
    }
}

void MainWindow::showTemplate(int row)
{
    m_steps->clear();
    m_prompt->clear();
    m_plan.reset();
    if (row < 0 || row >= m_templates->count())
        return;
    const auto id = m_templates->item(row)->data(Qt::UserRole).toString();
    auto plan = m_library.plan(id);
    if (!plan) {
        m_productDetails->setText(tr("This script cannot be used: %1").arg(plan.error().detail));
        return;
    }
    m_plan = std::move(*plan);
    QStringList details;
    for (const auto &product : m_plan->products()) {
        details.append(tr("%1 (%2) — %3, %4, term %5, cooling-off %n day(s)", nullptr, product.coolingOffDays)
                           .arg(product.name, product.code, product.insurer, WorkflowText::category(product.category),
                                termText(product.term)));
    }
    m_productDetails->setText(details.join(u'\n'));
    for (qsizetype i = 0; i < m_plan->steps().size(); ++i) {
        const auto &step = m_plan->steps().at(i);
        auto title = step.definition.title;
        if (step.productIndex >= 0 && m_plan->products().size() > 1)
            title += QStringLiteral(" · ") + m_plan->products().at(step.productIndex).name;
        auto *item = new QTreeWidgetItem(m_steps, {QString::number(i + 1), title,
                                                   WorkflowText::requirements(step.definition.requirements)});
        item->setToolTip(1, WorkflowText::stepKind(step.definition.kind));
    }
    if (m_steps->topLevelItemCount() > 0)
        m_steps->setCurrentItem(m_steps->topLevelItem(0));
}

void MainWindow::showStep(int row)
{
    if (!m_plan || row < 0 || row >= m_plan->steps().size()) {
        m_prompt->clear();
        return;
    }
    m_prompt->setPlainText(m_plan->renderedText(row, {}));
}

} // namespace dualrec::ui
