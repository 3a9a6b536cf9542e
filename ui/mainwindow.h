#pragma once

#include "core/workflow/templatelibrary.h"

#include <QMainWindow>

class QLabel;
class QListWidget;
class QTextBrowser;
class QTreeWidget;
class QActionGroup;
class QMenu;
class QAction;

namespace dualrec::ui {

/// What the shell shows about how it was started.
struct ShellInfo final {
    QString sourceDescription; ///< translated: which video source records
    QString dataDirectory;
    QString language; ///< "zh_CN" or "en"
};

/// The main window. Until the session pages arrive it is the script browser: the products
/// an agent can sell, each product's regulated steps with their requirements, and the
/// teleprompter text. A view over core objects; no rule is decided here. GUI thread only.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(const workflow::TemplateLibrary &library, ShellInfo info, QWidget *parent = nullptr);

Q_SIGNALS:
    /// The user picked another UI language ("zh_CN" or "en").
    void languageRequested(const QString &language);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildMenus();
    void retranslateUi();
    void fillTemplates();
    void showTemplate(int row);
    void showStep(int row);

    const workflow::TemplateLibrary &m_library;
    ShellInfo m_info;
    std::optional<workflow::ScriptPlan> m_plan;

    QLabel *m_banner = nullptr;
    QLabel *m_productsTitle = nullptr;
    QListWidget *m_templates = nullptr;
    QLabel *m_productDetails = nullptr;
    QTreeWidget *m_steps = nullptr;
    QLabel *m_promptTitle = nullptr;
    QTextBrowser *m_prompt = nullptr;
    QLabel *m_sourceLabel = nullptr;
    QLabel *m_dataLabel = nullptr;
    QLabel *m_problemsLabel = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_settingsMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_chineseAction = nullptr;
    QAction *m_englishAction = nullptr;
    QAction *m_aboutAction = nullptr;
};

} // namespace dualrec::ui
