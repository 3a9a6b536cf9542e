#pragma once

#include "core/util/clock.h"
#include "core/workflow/saleform.h"
#include "core/workflow/templatelibrary.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QFormLayout;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace dualrec::ui {

/// The sale to record: application number, policyholder (ID number -> age), insured, channel,
/// where the sale happens, the products and per product the premium, payment method and payment
/// period. The facts can be imported from the insurer's application file
/// (docs/application-import.md). Shows the scope decision with its reasons and, while the form
/// is incomplete or a value of the script is missing (the agent's licence number, the
/// institution's short name, a premium, ...), why the recording cannot start. The checks are
/// core's (workflow::checkSaleForm); the page only binds. GUI thread only.
class NewSessionPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewSessionPage)

public:
    NewSessionPage(const workflow::TemplateLibrary &library, const Clock &clock, QWidget *parent = nullptr);

    /// Empties the form for the next sale.
    void reset();
    /// Who sells for which institution: the values of the script no form field gives.
    void setParties(const workflow::SaleParties &parties);
    /// Fills the form from an application file; false (and the page lists the problems) when
    /// the file cannot be read or has problems, and then nothing is changed.
    bool importApplication(const QString &path);
    [[nodiscard]] workflow::SaleForm form() const;
    [[nodiscard]] const workflow::SaleFormCheck &check() const { return m_check; }

Q_SIGNALS:
    /// The agent asked to record this sale; `check.canStart()` holds and `check.plan` is set.
    void startRequested(const dualrec::workflow::SaleForm &form, const dualrec::workflow::SaleFormCheck &check);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fillChoices();
    void refresh();
    /// One premium / method / period row per checked product, values kept per product.
    void rebuildPayments();
    [[nodiscard]] QStringList checkedProducts() const;

    const workflow::TemplateLibrary &m_library;
    const Clock &m_clock;
    workflow::SaleFormCheck m_check;
    workflow::SaleParties m_parties;
    QHash<QString, workflow::ProductPayment> m_payments; ///< by template id, kept while unchecked
    QStringList m_paymentProducts;                       ///< the products the rows are for

    QLabel *m_title = nullptr;
    QLabel *m_applicationLabel = nullptr;
    QLineEdit *m_applicationNo = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_policyholderName = nullptr;
    QLabel *m_idLabel = nullptr;
    QLineEdit *m_policyholderId = nullptr;
    QLabel *m_age = nullptr;
    QLabel *m_insuredLabel = nullptr;
    QLineEdit *m_insuredName = nullptr;
    QLabel *m_channelLabel = nullptr;
    QComboBox *m_channel = nullptr;
    QLabel *m_provinceLabel = nullptr;
    QComboBox *m_province = nullptr;
    QLabel *m_productsLabel = nullptr;
    QListWidget *m_products = nullptr;
    QLabel *m_paymentsTitle = nullptr;
    QWidget *m_paymentsBox = nullptr;
    QFormLayout *m_paymentsForm = nullptr;
    QPushButton *m_import = nullptr;
    QLabel *m_importMessage = nullptr;
    QLabel *m_scopeTitle = nullptr;
    QLabel *m_scope = nullptr;
    QLabel *m_reason = nullptr;
    QPushButton *m_start = nullptr;
};

} // namespace dualrec::ui
