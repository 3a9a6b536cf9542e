#include "ui/newsessionpage.h"

#include "core/workflow/applicationimport.h"
#include "ui/pagestyle.h"
#include "ui/workflowtext.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace dualrec::ui {

using namespace dualrec::workflow;

NewSessionPage::NewSessionPage(const TemplateLibrary &library, const Clock &clock, QWidget *parent)
    : QWidget(parent), m_library(library), m_clock(clock)
{
    setObjectName(QStringLiteral("newSessionPage"));
    auto *layout = new QVBoxLayout(this);
    auto *header = new QHBoxLayout;
    m_title = new QLabel(this);
    pageStyle::makeHeading(m_title, 1.6);
    header->addWidget(m_title, 1);
    m_import = new QPushButton(this);
    m_import->setObjectName(QStringLiteral("importApplication"));
    pageStyle::enlarge(m_import, 1.1);
    header->addWidget(m_import);
    layout->addLayout(header);
    m_importMessage = new QLabel(this);
    m_importMessage->setObjectName(QStringLiteral("importMessage"));
    m_importMessage->setWordWrap(true);
    m_importMessage->setTextFormat(Qt::PlainText);
    m_importMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_importMessage->hide();
    layout->addWidget(m_importMessage);

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
    m_paymentsTitle = new QLabel(this);
    pageStyle::enlarge(m_paymentsTitle, 1.15, true);
    right->addWidget(m_paymentsTitle);
    m_paymentsBox = new QWidget(this);
    m_paymentsBox->setObjectName(QStringLiteral("payments"));
    m_paymentsForm = new QFormLayout(m_paymentsBox);
    m_paymentsForm->setContentsMargins(0, 0, 0, 0);
    right->addWidget(m_paymentsBox);
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
    connect(m_products, &QListWidget::itemChanged, this, [this] {
        rebuildPayments();
        refresh();
    });
    connect(m_import, &QPushButton::clicked, this, [this] {
        const auto path = QFileDialog::getOpenFileName(this, tr("Import the application"), QString(),
                                                       tr("Application files (*.json)"));
        if (!path.isEmpty())
            (void)importApplication(path);
    });
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
    {
        const QSignalBlocker blocker(m_products);
        for (int row = 0; row < m_products->count(); ++row)
            m_products->item(row)->setCheckState(Qt::Unchecked);
    }
    m_payments.clear();
    m_importMessage->clear();
    m_importMessage->hide();
    rebuildPayments();
    refresh();
    m_applicationNo->setFocus();
}

void NewSessionPage::setParties(const SaleParties &parties)
{
    m_parties = parties;
    refresh();
}

QStringList NewSessionPage::checkedProducts() const
{
    QStringList ids;
    for (int row = 0; row < m_products->count(); ++row) {
        if (m_products->item(row)->checkState() == Qt::Checked)
            ids.append(m_products->item(row)->data(Qt::UserRole).toString());
    }
    return ids;
}

void NewSessionPage::rebuildPayments()
{
    const auto products = checkedProducts();
    if (products == m_paymentProducts && m_paymentsForm->rowCount() > 0)
        return;
    m_paymentProducts = products;
    while (m_paymentsForm->rowCount() > 0)
        m_paymentsForm->removeRow(0);
    QWidget *previous = m_products;
    for (const auto &id : products) {
        const auto *script = m_library.findTemplate(id);
        const QString name = script && script->product ? script->product->name : id;
        const auto payment = m_payments.value(id);
        auto *heading = new QLabel(QStringLiteral("《%1》").arg(name), m_paymentsBox);
        pageStyle::enlarge(heading, 1.05, true);
        m_paymentsForm->addRow(heading);

        auto *premium = new QLineEdit(payment.premium, m_paymentsBox);
        premium->setObjectName(QStringLiteral("premium-") + id);
        premium->setAccessibleName(tr("Premium per payment of %1, in yuan").arg(name));
        premium->setPlaceholderText(tr("yuan, e.g. 12000.00"));
        auto *method = new QComboBox(m_paymentsBox);
        method->setObjectName(QStringLiteral("paymentMethod-") + id);
        method->setAccessibleName(tr("Payment method of %1").arg(name));
        method->addItem(tr("— choose —"), int(PaymentMethod::Invalid));
        for (const auto &entry : kPaymentMethodNames)
            method->addItem(WorkflowText::paymentMethod(entry.value), int(entry.value));
        method->setCurrentIndex(std::max(0, method->findData(int(payment.method))));
        auto *years = new QSpinBox(m_paymentsBox);
        years->setObjectName(QStringLiteral("paymentYears-") + id);
        years->setAccessibleName(tr("Payment period of %1, in years").arg(name));
        years->setRange(0, 100);
        years->setSpecialValueText(tr("— choose —"));
        years->setSuffix(tr(" years"));
        years->setValue(payment.years);
        years->setEnabled(payment.method != PaymentMethod::Single);
        for (QWidget *field : {static_cast<QWidget *>(premium), static_cast<QWidget *>(method), static_cast<QWidget *>(years)})
            pageStyle::enlarge(field, 1.15);
        m_paymentsForm->addRow(tr("Premium per payment (yuan):"), premium);
        m_paymentsForm->addRow(tr("Payment method:"), method);
        m_paymentsForm->addRow(tr("Payment period:"), years);
        for (QWidget *field : {static_cast<QWidget *>(premium), static_cast<QWidget *>(method), static_cast<QWidget *>(years)}) {
            setTabOrder(previous, field);
            previous = field;
        }

        connect(premium, &QLineEdit::textChanged, this, [this, id](const QString &text) {
            m_payments[id].premium = text;
            refresh();
        });
        connect(method, &QComboBox::currentIndexChanged, this, [this, id, method, years] {
            m_payments[id].method = PaymentMethod(method->currentData().toInt());
            years->setEnabled(m_payments[id].method != PaymentMethod::Single);
            refresh();
        });
        connect(years, &QSpinBox::valueChanged, this, [this, id](int value) {
            m_payments[id].years = value;
            refresh();
        });
    }
    setTabOrder(previous, m_start);
    m_paymentsTitle->setVisible(!products.isEmpty());
}

bool NewSessionPage::importApplication(const QString &path)
{
    auto showProblems = [this](const QString &text) {
        m_importMessage->setText(text);
        m_importMessage->setStyleSheet(QStringLiteral("color: #a61b1b;"));
        m_importMessage->show();
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showProblems(tr("The application file %1 cannot be read: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    const auto parsed = parseApplicationImport(file.readAll(), QDir::toNativeSeparators(path), m_library);
    if (!parsed.form) {
        QStringList lines;
        for (const auto &diagnostic : parsed.diagnostics)
            lines.append(diagnostic.toString());
        showProblems(tr("Nothing was imported: the application file has %n problem(s):", nullptr, int(lines.size()))
                     + u'\n' + lines.join(u'\n'));
        return false;
    }
    const auto &form = *parsed.form;
    m_applicationNo->setText(form.applicationNo);
    m_policyholderName->setText(form.policyholderName);
    m_policyholderId->setText(form.policyholderIdNumber);
    m_insuredName->setText(form.insuredName);
    if (form.channel != Channel::Invalid)
        m_channel->setCurrentIndex(std::max(0, m_channel->findData(int(form.channel))));
    if (!form.provinceCode.isEmpty())
        m_province->setCurrentIndex(std::max(0, m_province->findData(form.provinceCode)));
    for (int p = 0; p < form.productTemplateIds.size(); ++p)
        m_payments.insert(form.productTemplateIds.at(p), form.payments.value(p));
    {
        const QSignalBlocker blocker(m_products);
        for (int row = 0; row < m_products->count(); ++row) {
            const auto id = m_products->item(row)->data(Qt::UserRole).toString();
            m_products->item(row)->setCheckState(form.productTemplateIds.contains(id) ? Qt::Checked : Qt::Unchecked);
        }
    }
    m_paymentProducts.clear();
    rebuildPayments();
    refresh();
    m_importMessage->setText(tr("Imported application %1 from %2. Check the values before you start.")
                                 .arg(form.applicationNo, QDir::toNativeSeparators(path)));
    m_importMessage->setStyleSheet(QStringLiteral("color: #1b6e2e;"));
    m_importMessage->show();
    return true;
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
    form.productTemplateIds = checkedProducts();
    for (const auto &id : std::as_const(form.productTemplateIds))
        form.payments.append(m_payments.value(id));
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
    m_paymentsTitle->setText(tr("Premium and payment, as on the application:"));
    m_import->setText(tr("I&mport from the application system…"));
    m_import->setAccessibleName(tr("Import from the application system"));
    m_import->setToolTip(tr("Reads the application number, the customer and the premiums from the file the insurer's "
                            "application system exports (docs/application-import.md)."));
    m_importMessage->setAccessibleName(tr("Import result"));
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
    m_paymentProducts.clear();
    rebuildPayments();
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
    m_check = checkSaleForm(m_library, form(), m_parties);
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
