#pragma once

#include "core/storage/qcrepository.h"
#include "core/workflow/scriptplan.h"

#include <QDialog>

#include <optional>

class QButtonGroup;
class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace dualrec::ui {

/// Asks a supervisor for a spot-check result: passed or failed, the whole session or one step,
/// reason codes (at least one for a failure: the OK button says why it is disabled) and a note.
/// Only collects the answer; QcRepository::recordSpotCheck() decides and stores. GUI thread only.
class SpotCheckDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpotCheckDialog)

public:
    /// `steps`: the session's steps (id, title shown), in order.
    SpotCheckDialog(const QList<std::pair<QString, QString>> &steps, QWidget *parent = nullptr);

    [[nodiscard]] storage::SpotCheck result() const;
    /// For tests: fills the dialog as a person would.
    void fill(bool passed, const QString &stepId, const QStringList &codes, const QString &notes);

private:
    void update();

    QRadioButton *m_passed = nullptr;
    QRadioButton *m_failed = nullptr;
    QComboBox *m_step = nullptr;
    QListWidget *m_codes = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QLabel *m_hint = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace dualrec::ui
