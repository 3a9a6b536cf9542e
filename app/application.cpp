#include "app/application.h"

#include "app/capturesetup.h"
#include "app/devicekeysetup.h"
#include "app/sealcommand.h"
#include "app/synccommand.h"
#include "core/ffmpeg/ondemand.h"
#include "core/live/livecapture.h"
#include "ui/settingstext.h"
#include "ui/capturefeed.h"
#include "ui/datafolderproblem.h"
#include "ui/livefeed.h"
#include "ui/mainwindow.h"
#include "ui/uiservices.h"
#include "ui/workflowtext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QLibraryInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>
#include <QWindow>

namespace dualrec::app {

Application::Application(CommandLine commandLine, Translators &translators, QObject *parent)
    : QObject(parent), m_commandLine(std::move(commandLine)), m_translators(translators),
      m_library(workflow::TemplateLibrary::loadDirectories(templateDirectories(m_commandLine.templateDirectories)))
{
}

Application::~Application()
{
    // A recovery still running uses the journal: it stops after the session it is closing.
    if (m_recovery.joinable()) {
        m_recovery.request_stop();
        m_recovery.join();
    }
    // The window (and a recording it may still finalize) goes before the capture it uses.
    m_window.reset();
    m_sealing.reset(); // a running seal stops between two blocks; it is made again at the next start
    m_sync.reset();    // uploads in flight stop; their offsets are in the journal and they resume at the next start
    m_captureFeed.reset();
    m_capture.reset();
    m_journal.reset();
    m_instance.reset(); // the data folder is free for the next window only now
}

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

bool Application::tellJournalStartup(const storage::JournalStartupReport &report, QTextStream &err)
{
    if (!report.backupProblem.isEmpty())
        err << tr("dualrec: the journal could not be backed up: %1").arg(report.backupProblem) << Qt::endl;
    if (!report.permissionsTightened.isEmpty())
        err << "dualrec: " << report.permissionsTightened << Qt::endl;
    if (!report.folderAdopted.isEmpty())
        err << "dualrec: " << report.folderAdopted << Qt::endl;
    if (report.integrityBroken()) {
        err << tr("dualrec: WARNING: the audit log or the accounts were changed outside DualRec (this was written to the "
                  "audit log; run \"dualrec verify --journal\"):")
            << Qt::endl;
        for (const auto &line : report.integrityProblems())
            err << "dualrec: " << line << Qt::endl;
    }
    if (!report.needsAttention())
        return false;
    err << tr("dualrec: WARNING: the journal was damaged.") << Qt::endl;
    for (const auto &line : ui::WorkflowText::journalStartup(report).split(u'\n'))
        err << "dualrec: " << line << Qt::endl;
    err << "dualrec: " << report.describe() << Qt::endl;
    return true;
}

void Application::tellInvalidSettings(const SettingsStore &settings, QTextStream &err)
{
    for (const auto &invalid : settings.invalidSettings()) {
        const QString used = settings.text(invalid.key);
        err << tr("dualrec: the setting %1 in %2 is \"%3\": expected %4; %5")
                   .arg(QLatin1String(settingKeyName(invalid.key)), QDir::toNativeSeparators(invalid.rejected.source),
                        invalid.rejected.text.left(100), ui::SettingsText::expected(invalid.key),
                        used.isEmpty() ? tr("it counts as not set") : tr("\"%1\" is used instead").arg(used))
            << Qt::endl;
    }
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

    // One window per data folder: a second start brings the first window to the front and ends.
    m_instance = std::make_unique<SingleInstance>();
    const auto claim = m_instance->claim(dataDirectory);
    if (!claim) {
        err << tr("dualrec: the data folder \"%1\" cannot be opened: %2")
                   .arg(QDir::toNativeSeparators(dataDirectory), claim.error().detail)
            << Qt::endl;
        return 2;
    }
    if (*claim == SingleInstance::Claim::OtherActivated) {
        err << tr("dualrec: DualRec is already open for the data folder \"%1\". That window was brought to the "
                  "front; this start ends.")
                   .arg(QDir::toNativeSeparators(dataDirectory))
            << Qt::endl;
        return 0;
    }

    for (const auto &diagnostic : m_library.diagnostics())
        err << "dualrec: " << diagnostic.toString() << Qt::endl;

    // The device keys before the journal (a new folder gets its marker first): every recording,
    // sidecar and snapshot is encrypted with them. Without them nothing is recorded or changed.
    auto keys = openDeviceKeys(dataDirectory, KeyOpening::CreateForNewFolder);
    if (!keys) {
        const auto problem = deviceKeyProblem(dataDirectory, keys.error());
        err << "dualrec: " << problem << Qt::endl;
        ui::DataFolderProblemBox box(dataDirectory, keys.error());
        box.exec();
        return 2;
    }
    storage::Journal::Options journalOptions;
    journalOptions.evidenceKeys = *keys;
    auto journal = storage::Journal::open(dataDirectory, m_clock, journalOptions);
    if (!journal) {
        err << tr("dualrec: the journal in \"%1\" cannot be opened: %2")
                   .arg(QDir::toNativeSeparators(dataDirectory), journal.error().detail)
            << Qt::endl;
        // A person who started the program sees why instead of nothing (the detail is logged above).
        ui::DataFolderProblemBox box(ui::DataFolderPart::Journal, dataDirectory, journal.error());
        box.exec();
        return 2;
    }
    m_journal = std::move(*journal);
    tellJournalStartup(m_journal->startup(), err); // the window shows it too

    const auto source = prepareCapture(err);
    if (!source)
        return 2;
    m_sourceDescription = *source;
    ui::ShellInfo info{*source, QDir::toNativeSeparators(dataDirectory), chooseLanguage(m_commandLine.language)};
    media::RecorderSettings recording;
    recording.keys = *keys;
    recording.encoder.width = m_format.width;
    recording.encoder.height = m_format.height;
    recording.encoder.framesPerSecond = m_format.framesPerSecond;
    m_voice = makeVoice(err);
    m_sealing = std::make_unique<live::SealQueue>(*m_journal, dataDirectory, *keys, m_clock, [this] { return insurerCertificates(); });
    m_sealing->setTimestampAuthority([this] {
        QString problem;
        auto authority = configuredTimestampAuthority(m_settings, problem);
        if (!problem.isEmpty())
            qWarning("dualrec: %s", qUtf8Printable(problem));
        return authority;
    });
    startSync(dataDirectory, err);
    m_window = std::make_unique<ui::MainWindow>(
        ui::UiServices{m_library, *m_journal, m_clock, m_settings, m_feed.get(), m_capture.get(), recording, m_voice.get(),
                       m_sealing.get(), m_sync.get()},
        info);
    connect(m_window.get(), &ui::MainWindow::languageRequested, this, &Application::onLanguageRequested);
    connect(m_instance.get(), &SingleInstance::activationRequested, m_window.get(), [this] {
        QTextStream(stderr) << tr("dualrec: DualRec was started again for this data folder; this window came to the front "
                                  "instead of a second one.")
                            << Qt::endl;
        m_window->bringToFront();
    });
    m_window->show();
    if (auto *handle = m_window->windowHandle())
        handle->installEventFilter(this);
    QTimer::singleShot(1000, this, &Application::onWindowShown);
    return std::nullopt;
}

bool Application::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Expose && m_window && watched == m_window->windowHandle() && m_window->windowHandle()->isExposed()) {
        watched->removeEventFilter(this);
        // After this expose has been painted.
        QTimer::singleShot(0, this, &Application::onWindowShown);
    }
    return QObject::eventFilter(watched, event);
}

void Application::onWindowShown()
{
    if (m_windowShown)
        return;
    m_windowShown = true;
    startCaptureSource();
    startRecovery();
    // FFmpeg (loaded on first use) is loaded now, beside the window, so that the first
    // recording's start does not wait for it on the GUI thread (SessionController would).
    m_ffmpegPreload = std::jthread([] {
        if (auto loaded = ffmpeg::load(); !loaded)
            qWarning("dualrec: %s", qUtf8Printable(loaded.error().detail));
    });
}

std::unique_ptr<ui::VoiceBroadcast> Application::makeVoice(QTextStream &err) const
{
    // DUALREC_VOICE=builtin|system|system:ENGINE overrides the platform's choice (support:
    // e.g. system:speechd on a Linux desktop whose speech-dispatcher has a Mandarin voice).
    const auto requested = qEnvironmentVariable("DUALREC_VOICE");
    auto engine = ui::VoiceBroadcast::defaultEngine();
    QString systemEngine;
    if (!requested.isEmpty()) {
        const auto name = requested.section(u':', 0, 0);
        engine = ui::VoiceBroadcast::engineFromName(name);
        systemEngine = requested.section(u':', 1);
        if (engine == ui::VoiceBroadcast::Engine::Invalid) {
            err << tr("dualrec: DUALREC_VOICE must be builtin, system or system:ENGINE; \"%1\" is none of these, the default is used")
                       .arg(requested)
                << Qt::endl;
            engine = ui::VoiceBroadcast::defaultEngine();
            systemEngine.clear();
        }
    }
    return std::make_unique<ui::VoiceBroadcast>(m_clock, m_capture ? &m_capture->promptMixer() : nullptr, engine,
                                                systemEngine);
}

void Application::startRecovery()
{
    m_recovery = std::jthread([this, journal = m_journal.get(), clock = &m_clock, library = &m_library](std::stop_token stop) {
        auto recovered = live::recoverInterruptedSessions(*journal, *clock, stop, library);
        QMetaObject::invokeMethod(this, [this, recovered = std::move(recovered)] { onRecovered(recovered); },
                                  Qt::QueuedConnection);
    });
}

void Application::onRecovered(const Result<QList<live::RecoveredSession>> &recovered)
{
    QTextStream err(stderr);
    if (!recovered) {
        err << tr("dualrec: the sessions left open last time could not be closed: %1").arg(recovered.error().toString())
            << Qt::endl;
        return;
    }
    for (const auto &session : *recovered)
        err << tr("dualrec: session %1 (application %2) was left behind last time; recording: %3")
                   .arg(session.id.toString(), session.applicationNo,
                        session.recordingPath.isEmpty() ? tr("none") : QDir::toNativeSeparators(session.recordingPath))
            << Qt::endl;
    if (m_window)
        m_window->showRecoveredSessions(*recovered);
    // What is stored and not sealed yet (also what the recovery just stored) is sealed now.
    if (m_sealing)
        m_sealing->sealPending();
}

QList<QByteArray> Application::insurerCertificates() const
{
    QList<QByteArray> certificates;
    for (const auto &path : m_settings.text(SettingKey::InsurerCertificates).split(u';', Qt::SkipEmptyParts)) {
        QFile file(path.trimmed());
        if (!file.open(QIODevice::ReadOnly) || file.size() > 1024 * 1024) {
            qWarning("dualrec: the insurer certificate %s (setting seal/insurerCertificates) cannot be read",
                     qUtf8Printable(path.trimmed()));
            continue;
        }
        certificates.append(file.readAll());
    }
    return certificates;
}

void Application::startSync(const QString &dataDirectory, QTextStream &err)
{
    auto endpoint = configuredSyncEndpoint(m_settings, dataDirectory);
    if (!endpoint) {
        if (endpoint.error().code != ErrorCode::NotFound) // no address: uploads are not set up, nothing to say
            err << tr("dualrec: sealed recordings are not uploaded: %1").arg(endpoint.error().detail) << Qt::endl;
        return;
    }
    const auto options = configuredSyncOptions(m_settings); // sync/uploadOnMetered, sync/retentionDays
    if (!options) {
        err << tr("dualrec: sealed recordings are not uploaded: %1").arg(options.error().detail) << Qt::endl;
        return;
    }
    m_sync = std::make_unique<sync::SyncService>(*m_journal, dataDirectory, *endpoint, m_clock, *options, QStringLiteral("dualrec window"));
    // A session sealed while the window is open is queued at once.
    connect(m_sealing.get(), &live::SealQueue::sealed, m_sync.get(), [this] { m_sync->enqueueSealed(); });
    m_sync->start();
}

std::optional<QString> Application::prepareCapture(QTextStream &err)
{
    // The recording size: the configured resolution ("WIDTHxHEIGHT"), else 1280x720.
    const auto size = m_settings.text(SettingKey::Resolution).split(u'x');
    if (size.size() == 2 && size.at(0).toInt() >= 160 && size.at(1).toInt() >= 120) {
        m_format.width = size.at(0).toInt() & ~1;
        m_format.height = size.at(1).toInt() & ~1;
    }
    // A file stands in for a camera: it plays again from the start when it ends.
    m_format.loopFile = true;
    // The camera and microphone chosen in the settings (or by the IT policy); empty: the defaults.
    m_format.cameraId = m_settings.text(SettingKey::Camera).toUtf8();
    m_format.microphoneId = m_settings.text(SettingKey::Microphone).toUtf8();
    std::unique_ptr<capture::CaptureSource> source;
    if (m_commandLine.source == SourceKind::Camera) {
        // The demo source when the machine has no camera; decided when it starts.
        auto camera = std::make_unique<CameraOrDemoSource>(m_format, m_clock);
        m_cameraOrDemo = camera.get();
        source = std::move(camera);
    } else {
        source = makeSource(m_commandLine.source, m_commandLine.sourceFile, m_format, m_clock);
    }
    if (!source)
        return std::nullopt;
    FaceModelChoice model;
    auto guard = makeGuard(m_commandLine.faceModel, model);
    if (!guard) {
        err << tr("dualrec: the presence guard cannot start: %1").arg(guard.error().detail) << Qt::endl;
        return std::nullopt;
    }
    if (!model.fallbackReason.isEmpty())
        err << "dualrec: face detection uses the Haar fallback: " << model.fallbackReason << Qt::endl;
    m_feed = std::make_unique<ui::LiveFeed>();
    m_capture = std::make_unique<live::LiveCapture>(std::move(source), std::move(*guard));
    m_captureFeed = std::make_unique<ui::CaptureFeed>(*m_capture, *m_feed);
    QString description;
    switch (m_commandLine.source) {
    case SourceKind::Camera:
        // Which one is known once it has started (startCaptureSource()).
        description = tr("the camera is being started");
        break;
    case SourceKind::Demo:
        description = tr("built-in demo source");
        break;
    case SourceKind::File:
        description = tr("file %1").arg(QDir::toNativeSeparators(m_commandLine.sourceFile));
        break;
    case SourceKind::Invalid:
        return std::nullopt;
    }
    return description;
}

void Application::startCaptureSource()
{
    // A source that cannot start (camera busy, unreadable file) is reported; the window stays,
    // and its pre-flight page refuses to record, saying the picture is missing.
    auto started = m_capture->start();
    if (m_cameraOrDemo && m_cameraOrDemo->cameraFound()) {
        m_sourceDescription = *m_cameraOrDemo->cameraFound() ? tr("camera %1").arg(m_cameraOrDemo->cameraName())
                                                              : tr("built-in demo source (no camera found)");
        if (m_window && started)
            m_window->setSourceDescription(m_sourceDescription);
    }
    if (!started) {
        QTextStream(stderr) << tr("dualrec: the video source cannot start: %1").arg(started.error().detail) << Qt::endl;
        if (m_window)
            m_window->setSourceDescription(tr("%1 — not working: %2").arg(m_sourceDescription, started.error().detail));
    }
}

void Application::onLanguageRequested(const QString &language)
{
    // A language fixed by the IT policy stays; the menu cannot change it.
    if (!m_settings.set(SettingKey::Language, language))
        return;
    m_translators.install(language);
}

} // namespace dualrec::app
