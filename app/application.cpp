#include "app/application.h"

#include "ui/mainwindow.h"
#include "ui/uiservices.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QCameraDevice>
#include <QMediaDevices>
#include <QSettings>
#include <QStandardPaths>
#include <QTextStream>

namespace dualrec::app {

Application::Application(CommandLine commandLine, Translators &translators, QObject *parent)
    : QObject(parent), m_commandLine(std::move(commandLine)), m_translators(translators),
      m_library(workflow::TemplateLibrary::loadDirectories(templateDirectories(m_commandLine.templateDirectories)))
{
}

Application::~Application() = default;

QStringList Application::templateDirectories(const QStringList &extra)
{
    return QStringList{QStringLiteral(":/dualrec/scripts"), QStringLiteral(":/dualrec/rules")} + extra;
}

QString Application::chooseLanguage(const QString &requested)
{
    // A language fixed by the IT policy file wins over everything (docs/deployment.md).
    const SettingsStore settings(QString(), SettingsStore::systemPolicyPath());
    if (settings.isLocked(SettingKey::Language) || requested.isEmpty())
        return settings.text(SettingKey::Language);
    return requested;
}

void Translators::install(const QString &language)
{
    for (auto *translator : {&m_own, &m_qt}) {
        if (*translator) {
            QCoreApplication::removeTranslator(translator->get());
            translator->reset();
        }
    }
    // English is the source language; its catalogue only carries the plural forms.
    m_own = std::make_unique<QTranslator>();
    if (m_own->load(QStringLiteral(":/i18n/dualrec_%1.qm").arg(language)))
        QCoreApplication::installTranslator(m_own.get());
    if (language != QLatin1String("zh_CN"))
        return;
    m_qt = std::make_unique<QTranslator>();
    if (m_qt->load(QLocale(QLocale::Chinese, QLocale::China), QStringLiteral("qtbase"), QStringLiteral("_"),
                   QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(m_qt.get());
}

Translators::~Translators()
{
    for (auto *translator : {&m_own, &m_qt}) {
        if (*translator)
            QCoreApplication::removeTranslator(translator->get());
    }
}

QString Application::dataDirectory(const CommandLine &commandLine)
{
    // The IT policy file wins over --data-dir and the user's setting (docs/deployment.md).
    const SettingsStore settings(QString(), SettingsStore::systemPolicyPath());
    if (settings.isLocked(SettingKey::StorageFolder) || commandLine.dataDirectory.isEmpty())
        return settings.text(SettingKey::StorageFolder);
    return commandLine.dataDirectory;
}

std::optional<int> Application::startWindow()
{
    QTextStream err(stderr);
    const auto dataDirectory = Application::dataDirectory(m_commandLine);
    if (!QDir().mkpath(dataDirectory) || !QFileInfo(dataDirectory).isWritable()) {
        err << tr("dualrec: cannot use the data folder \"%1\": it cannot be created or is not writable")
                   .arg(QDir::toNativeSeparators(dataDirectory))
            << Qt::endl;
        return 2;
    }

    QString source;
    switch (m_commandLine.source) {
    case SourceKind::Camera:
        if (QMediaDevices::videoInputs().isEmpty())
            source = tr("built-in demo source (no camera found)");
        else
            source = tr("camera %1").arg(QMediaDevices::defaultVideoInput().description());
        break;
    case SourceKind::Demo:
        source = tr("built-in demo source");
        break;
    case SourceKind::File:
        source = tr("file %1").arg(QDir::toNativeSeparators(m_commandLine.sourceFile));
        break;
    case SourceKind::Invalid:
        return 2;
    }
    for (const auto &diagnostic : m_library.diagnostics())
        err << "dualrec: " << diagnostic.toString() << Qt::endl;

    auto journal = storage::Journal::open(dataDirectory, m_clock);
    if (!journal) {
        err << tr("dualrec: the journal in \"%1\" cannot be opened: %2")
                   .arg(QDir::toNativeSeparators(dataDirectory), journal.error().detail)
            << Qt::endl;
        return 2;
    }
    m_journal = std::move(*journal);
    if (m_journal->startup().outcome == storage::JournalStartup::Recovered)
        err << tr("dualrec: the journal was damaged and has been rebuilt; the damaged copy is %1")
                   .arg(QDir::toNativeSeparators(m_journal->startup().damagedCopy))
            << Qt::endl;

    ui::ShellInfo info{source, QDir::toNativeSeparators(dataDirectory), chooseLanguage(m_commandLine.language)};
    // No live feed yet: the capture pipeline (camera/demo/file -> guard -> feed) is not in this build.
    m_window = std::make_unique<ui::MainWindow>(ui::UiServices{m_library, *m_journal, m_clock, m_settings, nullptr}, info);
    connect(m_window.get(), &ui::MainWindow::languageRequested, this, &Application::onLanguageRequested);
    m_window->show();
    return std::nullopt;
}

void Application::onLanguageRequested(const QString &language)
{
    // A language fixed by the IT policy stays; the menu cannot change it.
    if (!m_settings.set(SettingKey::Language, language))
        return;
    m_translators.install(language);
}

} // namespace dualrec::app
