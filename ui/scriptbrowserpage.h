#pragma once

#include "core/workflow/templatelibrary.h"

#include <QWidget>

#include <optional>

class QLabel;
class QListWidget;
class QTextBrowser;
class QTreeWidget;

namespace dualrec::ui {

/// The script browser: the products an agent can sell, each product's regulated steps with
/// their requirements, and the teleprompter text. A view over the template library; no rule is
/// decided here. GUI thread only.
class ScriptBrowserPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptBrowserPage)

public:
    explicit ScriptBrowserPage(const workflow::TemplateLibrary &library, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fillTemplates();
    void showTemplate(int row);
    void showStep(int row);

    const workflow::TemplateLibrary &m_library;
    std::optional<workflow::ScriptPlan> m_plan;

    QLabel *m_productsTitle = nullptr;
    QListWidget *m_templates = nullptr;
    QLabel *m_productDetails = nullptr;
    QTreeWidget *m_steps = nullptr;
    QLabel *m_promptTitle = nullptr;
    QTextBrowser *m_prompt = nullptr;
};

} // namespace dualrec::ui
