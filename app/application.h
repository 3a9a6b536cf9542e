#pragma once

#include "app/commandline.h"
#include "core/workflow/templatelibrary.h"

#include <QObject>
#include <QTranslator>

#include <memory>

namespace dualrec::ui {
class MainWindow;
}

namespace dualrec::app {

/// The composition root (style P2): builds the core services and hands them to the UI.
/// Owns the translators so the language can change while the window is open. GUI thread only.
class Application final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Application)

public:
    explicit Application(CommandLine commandLine, QObject *parent = nullptr);
    ~Application() override;

    /// Opens the main window. Returns an exit code when start-up failed (printed to stderr),
    /// or nothing when the event loop should run.
    [[nodiscard]] std::optional<int> startWindow();

    /// Installs the translators for "zh_CN" or "en" (DualRec's own and Qt's).
    static void installTranslators(const QString &language);
    /// The language to use: the command line's, else the saved setting, else zh_CN.
    [[nodiscard]] static QString chooseLanguage(const QString &requested);
    /// The built-in script and rule folders plus the extra ones asked for.
    [[nodiscard]] static QStringList templateDirectories(const QStringList &extra);

private:
    void onLanguageRequested(const QString &language);

    CommandLine m_commandLine;
    workflow::TemplateLibrary m_library;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace dualrec::app
