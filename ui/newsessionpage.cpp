#include "ui/newsessionpage.h"

#include "ui/pagestyle.h"
#include "ui/workflowtext.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace dualrec::ui {

using namespace dualrec::workflow;

NewSessionPage::NewSessionPage(const TemplateLibrary &library, const Clock &clock, QWidget *parent)
    : QWidget(parent), m_library(library), m_clock(clock)
{
    setObjectName(QStringLiteral("newSessionPage"));
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    pageStyle::makeHeading(m_title, 1.6);
    layout->addWidget(m_title);

    auto *columns = new QHBoxLayout;
    auto *form = new QFormLayout;
    form->setVerticalSpacing(pageStyle::scaled(this, 0.6));
    auto addRow = [&](QLabel *&label, QWidget *field) {
        label = new QLabel(this);
        label->setBuddy(field);
        pageStyle::enlarge(label, 1.15);
        pageStyle::enlarge(field, 1.15);
        form->addRow(label, field);
    };
    m_applicationNo = new QLineEdit(this);
    m_applicationNo->setObjectName(QStringLiteral("applicationNo"));
    addRow(m_applicationLabel, m_applicationNo);
    m_policyholderName = new QLineEdit(this);
    m_policyholderName->setObjectName(QStringLiteral("policyholderName"));
    addRow(m_nameLabel, m_policyholderName);
    m_policyholderId = new QLineEdit(this);
    m_policyholderId->setObjectName(QStringLiteral("policyholderId"));
    m_policyholderId->setMaxLength(20);
    addRow(m_idLabel, m_policyholderId);
    m_age = new QLabel(this);
    m_age->setObjectName(QStringLiteral("policyholderAge"));
    pageStyle::enlarge(m_age, 1.15);
    form->addRow(QString(), m_age);
    m_insuredName = new QLineEdit(this);
    m_insuredName->setObjectName(QStringLiteral("insuredName"));
    addRow(m_insuredLabel, m_insuredName);
    m_channel = new QComboBox(this);
    m_channel->setObjectName(QStringLiteral("channel"));
    addRow(m_channelLabel, m_channel);
    m_province = new QComboBox(this);
    m_province->setObjectName(QStringLiteral("province"));
    addRow(m_provinceLabel, m_province);
    columns->addLayout(form, 3);

    auto *right = new QVBoxLayout;
    m_productsLabel = new QLabel(this);
    pageStyle::enlarge(m_productsLabel, 1.15, true);
    m_products = new QListWidget(this);
    m_products->setObjectName(QStringLiteral("products"));
    pageStyle::enlarge(m_products, 1.15);
    m_productsLabel->setBuddy(m_products);
    right->addWidget(m_productsLabel);
    right->addWidget(m_products, 1);
    columns->addLayout(right, 2);
    layout->addLayout(columns, 1);

    m_scopeTitle = new QLabel(this);
    pageStyle::enlarge(m_scopeTitle, 1.2, true);
    m_scope = new QLabel(this);
    m_scope->setObjectName(QStringLiteral("scopeDecision"));
    m_scope->setWordWrap(true);
    m_scope->setTextFormat(Qt::PlainText);
    pageStyle::enlarge(m_scope, 1.15);
    layout->addWidget(m_scopeTitle);
    layout->addWidget(m_scope);

    auto *bottom = new QHBoxLayout;
    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("startReason"));
    m_reason->setWordWrap(true);
    m_reason->setTextFormat(Qt::PlainText);
    m_reason->setStyleSheet(QStringLiteral("color: #8a4b00;"));
    pageStyle::enlarge(m_reason, 1.15);
    m_start = new QPushButton(this);
    m_start->setObjectName(QStringLiteral("startRecording"));
    m_start->setDefault(true);
    pageStyle::addShortcut(this, m_start, QKeySequence(Qt::CTRL | Qt::Key_Return));
    pageStyle::enlarge(m_start, 1.4, true);
    bottom->addWidget(m_reason, 1);
    bottom->addWidget(m_start);
    layout->addLayout(bottom);

    setTabOrder(m_applicationNo, m_policyholderName);
    setTabOrder(m_policyholderName, m_policyholderId);
    setTabOrder(m_policyholderId, m_insuredName);
    setTabOrder(m_insuredName, m_channel);
    setTabOrder(m_channel, m_province);
    setTabOrder(m_province, m_products);
    setTabOrder(m_products, m_start);

    for (auto *edit : {m_applicationNo, m_policyholderName, m_policyholderId, m_insuredName})
        connect(edit, &QLineEdit::textChanged, this, &NewSessionPage::refresh);
    connect(m_channel, &QComboBox::currentIndexChanged, this, &NewSessionPage::refresh);
    connect(m_province, &QComboBox::currentIndexChanged, this, &NewSessionPage::refresh);
    connect(m_products, &QListWidget::itemChanged, this, &NewSessionPage::refresh);
    connect(m_start, &QPushButton::clicked, this, [this] {
        refresh();
        if (m_check.canStart())
            Q_EMIT startRequested(this->form(), m_check);
    });

    retranslateUi();
}

void NewSessionPage::reset()
{
    for (auto *edit : {m_applicationNo, m_policyholderName, m_policyholderId, m_insuredName})
        edit->clear();
    m_channel->setCurrentIndex(0);
    m_province->setCurrentIndex(0);
    for (int row = 0; row < m_products->count(); ++row)
        m_products->item(row)->setCheckState(Qt::Unchecked);
    refresh();
    m_applicationNo->setFocus();
}

SaleForm NewSessionPage::form() const
{
    SaleForm form;
    form.applicationNo = m_applicationNo->text().trimmed();
    form.policyholderName = m_policyholderName->text().trimmed();
    form.policyholderIdNumber = m_policyholderId->text().trimmed();
    form.insuredName = m_insuredName->text().trimmed();
    form.channel = Channel(m_channel->currentData().toInt());
    form.provinceCode = m_province->currentData().toString();
    for (int row = 0; row < m_products->count(); ++row) {
        if (m_products->item(row)->checkState() == Qt::Checked)
            form.productTemplateIds.append(m_products->item(row)->data(Qt::UserRole).toString());
    }
    form.saleDate = m_clock.wallNow().toLocalTime().date();
    return form;
}

void NewSessionPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void NewSessionPage::retranslateUi()
{
    m_title->setText(tr("New recording"));
    m_applicationLabel->setText(tr("&Application number:"));
    m_nameLabel->setText(tr("Policyholder's &name:"));
    m_idLabel->setText(tr("Policyholder's &ID number:"));
    m_insuredLabel->setText(tr("&Insured person (if different):"));
    m_channelLabel->setText(tr("Sales &channel:"));
    m_provinceLabel->setText(tr("&Where the sale happens:"));
    m_productsLabel->setText(tr("&Products sold on this application:"));
    m_scopeTitle->setText(tr("Must this sale be recorded?"));
    m_start->setText(tr("&Start recording"));
    m_applicationNo->setAccessibleName(tr("Application number"));
    m_policyholderName->setAccessibleName(tr("Policyholder's name"));
    m_policyholderId->setAccessibleName(tr("Policyholder's ID number"));
    m_insuredName->setAccessibleName(tr("Insured person"));
    m_channel->setAccessibleName(tr("Sales channel"));
    m_province->setAccessibleName(tr("Where the sale happens"));
    m_products->setAccessibleName(tr("Products sold on this application"));
    m_scope->setAccessibleName(tr("Scope decision"));
    m_reason->setAccessibleName(tr("Why the recording cannot start"));
    m_start->setAccessibleName(tr("Start recording"));
    m_policyholderId->setPlaceholderText(tr("18 characters, as on the ID card"));
    m_insuredName->setPlaceholderText(tr("empty: the policyholder is insured"));
    fillChoices();
    refresh();
}

void NewSessionPage::fillChoices()
{
    const QSignalBlocker channelBlocker(m_channel);
    const QSignalBlocker provinceBlocker(m_province);
    const QSignalBlocker productsBlocker(m_products);
    const int channel = m_channel->currentIndex();
    m_channel->clear();
    m_channel->addItem(tr("— choose —"), int(Channel::Invalid));
    for (const auto &entry : kChannelNames)
        m_channel->addItem(WorkflowText::channel(entry.value), int(entry.value));
    m_channel->setCurrentIndex(std::max(0, channel));

    const int province = m_province->currentIndex();
    m_province->clear();
    m_province->addItem(tr("Elsewhere (national rules only)"), QString());
    for (const auto &set : m_library.ruleSets()) {
        if (!set.provinceCode.isEmpty() && m_province->findData(set.provinceCode) < 0)
            m_province->addItem(set.regionName.isEmpty() ? set.provinceCode : set.regionName, set.provinceCode);
    }
    m_province->setCurrentIndex(std::max(0, province));

    QStringList checked;
    for (int row = 0; row < m_products->count(); ++row) {
        if (m_products->item(row)->checkState() == Qt::Checked)
            checked.append(m_products->item(row)->data(Qt::UserRole).toString());
    }
    m_products->clear();
    for (const auto &script : m_library.templates()) {
        if (script.isBundle() || !script.product)
            continue;
        auto *item = new QListWidgetItem(script.product->name + QStringLiteral("\n")
                                             + WorkflowText::category(script.product->category) + QStringLiteral(" · ")
                                             + WorkflowText::design(script.product->design),
                                         m_products);
        item->setData(Qt::UserRole, script.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(checked.contains(script.id) ? Qt::Checked : Qt::Unchecked);
    }
}

void NewSessionPage::refresh()
{
    m_check = checkSaleForm(m_library, form());
    m_age->setText(m_check.policyholderAge ? tr("Age: %n year(s)", nullptr, *m_check.policyholderAge) : QString());
    m_scope->setToolTip(QString());
    if (!m_check.scope) {
        m_scope->setText(tr("Shown once the channel and the products are chosen."));
    } else if (m_check.scope->required) {
        QStringList reasons;
        for (const auto &match : m_check.scope->matches)
            reasons.append(QStringLiteral("• ") + match.reason);
        m_scope->setText(tr("Yes, the whole sale must be recorded:") + u'\n' + reasons.join(u'\n'));
    } else {
        // Rule sets by their titles; the "id@version" references are for IT, in the tooltip.
        QStringList titles;
        for (const auto &applied : m_check.scope->ruleSetsApplied) {
            QString title = applied;
            for (const auto &set : m_library.ruleSets()) {
                if (set.id + u'@' + set.version == applied && !set.title.isEmpty())
                    title = tr("“%1”").arg(set.title);
            }
            titles.append(title);
        }
        m_scope->setText(tr("No rule requires a recording for this sale (rules applied: %1). You may still record "
                            "it if the customer agrees.")
                             .arg(titles.join(tr(", "))));
        m_scope->setToolTip(m_check.scope->ruleSetsApplied.join(u'\n'));
    }
    QStringList problems;
    for (const auto problem : m_check.problems)
        problems.append(WorkflowText::saleProblem(problem, m_check));
    m_reason->setText(problems.join(u'\n'));
    m_start->setEnabled(m_check.canStart());
    m_start->setToolTip(problems.join(u'\n'));
}

} // namespace dualrec::ui
