#include "ui/scriptbrowserpage.h"
#include "ui/errortext.h"

#include "ui/pagestyle.h"
#include "ui/workflowtext.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace dualrec::ui {

using namespace dualrec::workflow;

namespace {

QString termText(const PolicyTerm &term)
{
    return term.wholeLife ? ScriptBrowserPage::tr("whole life") : ScriptBrowserPage::tr("%n year(s)", nullptr, term.years);
}

} // namespace

ScriptBrowserPage::ScriptBrowserPage(const TemplateLibrary &library, QWidget *parent)
    : QWidget(parent), m_library(library)
{
    setObjectName(QStringLiteral("scriptBrowserPage"));
    auto *central = this;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
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
    pageStyle::enlarge(m_prompt, 1.5);
    rightLayout->addWidget(m_productDetails);
    rightLayout->addWidget(m_steps, 3);
    rightLayout->addWidget(m_promptTitle);
    rightLayout->addWidget(m_prompt, 2);

    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({360, 820});
    layout->addWidget(splitter, 1);

    connect(m_templates, &QListWidget::currentRowChanged, this, &ScriptBrowserPage::showTemplate);
    connect(m_steps, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *item) { showStep(item ? m_steps->indexOfTopLevelItem(item) : -1); });

    retranslateUi();
    if (m_templates->count() > 0)
        m_templates->setCurrentRow(0);
}

void ScriptBrowserPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ScriptBrowserPage::retranslateUi()
{
    m_productsTitle->setText(tr("Products"));
    m_promptTitle->setText(tr("Teleprompter"));
    m_steps->setHeaderLabels({tr("#"), tr("Step"), tr("Requirements")});
    m_templates->setAccessibleName(tr("Products"));
    m_steps->setAccessibleName(tr("Steps of the recording"));
    m_prompt->setAccessibleName(tr("Teleprompter"));
    const int row = m_templates->currentRow();
    fillTemplates();
    if (row >= 0)
        m_templates->setCurrentRow(row);
}

void ScriptBrowserPage::fillTemplates()
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

void ScriptBrowserPage::showTemplate(int row)
{
    m_steps->clear();
    m_prompt->clear();
    m_plan.reset();
    if (row < 0 || row >= m_templates->count())
        return;
    const auto id = m_templates->item(row)->data(Qt::UserRole).toString();
    auto plan = m_library.plan(id);
    if (!plan) {
        m_productDetails->setText(ErrorText::describe(tr("This script cannot be used."), plan.error()));
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

void ScriptBrowserPage::showStep(int row)
{
    if (!m_plan || row < 0 || row >= m_plan->steps().size()) {
        m_prompt->clear();
        return;
    }
    m_prompt->setPlainText(m_plan->renderedText(row, {}));
}

} // namespace dualrec::ui
