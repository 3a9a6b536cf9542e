#include "ui/spotcheckdialog.h"

#include "ui/qctext.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace dualrec::ui {

SpotCheckDialog::SpotCheckDialog(const QList<std::pair<QString, QString>> &steps, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("spotCheckDialog"));
    setWindowTitle(tr("Spot-check result"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    auto *outcome = new QHBoxLayout;
    m_passed = new QRadioButton(tr("&Passed"), this);
    m_passed->setObjectName(QStringLiteral("spotCheckPassed"));
    m_failed = new QRadioButton(tr("&Failed"), this);
    m_failed->setObjectName(QStringLiteral("spotCheckFailed"));
    m_passed->setChecked(true);
    outcome->addWidget(m_passed);
    outcome->addWidget(m_failed);
    outcome->addStretch(1);
    form->addRow(tr("Result:"), outcome);
    m_step = new QComboBox(this);
    m_step->setObjectName(QStringLiteral("spotCheckStep"));
    m_step->addItem(tr("The whole session"), QString());
    for (const auto &[id, title] : steps)
        m_step->addItem(title, id);
    form->addRow(tr("&Checked:"), m_step);
    m_codes = new QListWidget(this);
    m_codes->setObjectName(QStringLiteral("spotCheckCodes"));
    for (const auto &code : storage::spotCheckReasonCodes()) {
        auto *item = new QListWidgetItem(QcText::spotCheckCode(code), m_codes);
        item->setData(Qt::UserRole, code);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    form->addRow(tr("&Reasons:"), m_codes);
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("spotCheckNotes"));
    m_notes->setPlaceholderText(tr("What you saw or heard (optional)"));
    m_notes->setTabChangesFocus(true);
    form->addRow(tr("&Note:"), m_notes);
    layout->addLayout(form);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("spotCheckHint"));
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("spotCheckSave"));
    m_ok->setText(tr("&Save result"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_passed, &QRadioButton::toggled, this, &SpotCheckDialog::update);
    connect(m_codes, &QListWidget::itemChanged, this, &SpotCheckDialog::update);
    update();
}

storage::SpotCheck SpotCheckDialog::result() const
{
    storage::SpotCheck check;
    check.passed = m_passed->isChecked();
    check.stepId = m_step->currentData().toString();
    for (int i = 0; i < m_codes->count(); ++i) {
        if (m_codes->item(i)->checkState() == Qt::Checked)
            check.reasonCodes.append(m_codes->item(i)->data(Qt::UserRole).toString());
    }
    check.notes = m_notes->toPlainText().trimmed();
    return check;
}

void SpotCheckDialog::fill(bool passed, const QString &stepId, const QStringList &codes, const QString &notes)
{
    (passed ? m_passed : m_failed)->setChecked(true);
    m_step->setCurrentIndex(std::max(0, m_step->findData(stepId)));
    for (int i = 0; i < m_codes->count(); ++i)
        m_codes->item(i)->setCheckState(codes.contains(m_codes->item(i)->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
    m_notes->setPlainText(notes);
}

void SpotCheckDialog::update()
{
    const bool needsReason = m_failed->isChecked() && result().reasonCodes.isEmpty();
    m_ok->setEnabled(!needsReason);
    m_hint->setText(needsReason ? tr("Tick at least one reason why the session failed.") : QString());
}

} // namespace dualrec::ui
