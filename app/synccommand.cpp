#include "app/synccommand.h"

#include "app/application.h"
#include "app/devicekeysetup.h"
#include "core/seal/sealsession.h"
#include "core/storage/journal.h"
#include "core/sync/evidencefollow.h"
#include "core/sync/syncscheduler.h"
#include "core/sync/synctoken.h"
#include "core/util/settingsstore.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QLocale>
#include <QTimer>

#include <algorithm>


namespace dualrec::app {

namespace {


QString percent(qint64 part, qint64 whole)
{
    return whole > 0 ? QString::number(double(part) * 100.0 / double(whole), 'f', 1) : QStringLiteral("100.0");
}

QString lineOf(const sync::UploadRecord &r)
{
    const QString head = r.sessionId.toString() + QStringLiteral("  ") + r.applicationNumber + QStringLiteral("  ");
    switch (r.state) {
    case sync::UploadState::Acknowledged:
        return head + QCoreApplication::translate("SyncCommand", "acknowledged: the insurer holds all %1 bytes with the same SHA-256").arg(r.totalBytes);
    case sync::UploadState::Purged:
        return head + QCoreApplication::translate("SyncCommand", "acknowledged and removed from this computer");
    case sync::UploadState::Blocked:
        return head + QCoreApplication::translate("SyncCommand", "blocked until someone acts: %1").arg(r.lastErrorDetail);
    case sync::UploadState::Uploading:
    case sync::UploadState::Queued:
        if (r.lastErrorDetail.isEmpty())
            return head + QCoreApplication::translate("SyncCommand", "%1 of %2 bytes on the server (%3 %)").arg(r.confirmedOffset).arg(r.totalBytes).arg(percent(r.confirmedOffset, r.totalBytes));
        return head + QCoreApplication::translate("SyncCommand", "%1 of %2 bytes on the server (%3 %); next try %4; last error: %5")
                          .arg(r.confirmedOffset).arg(r.totalBytes).arg(percent(r.confirmedOffset, r.totalBytes))
                          .arg(r.nextAttemptUtc.isValid() ? r.nextAttemptUtc.toLocalTime().toString(Qt::ISODate) : QCoreApplication::translate("SyncCommand", "now"), r.lastErrorDetail);
    case sync::UploadState::Invalid:
        break;
    }
    return head + QCoreApplication::translate("SyncCommand", "in an unknown state");
}

/// InvalidArgument naming `key`, where its value is and what is expected, when the value set for
/// it is not valid (SettingsStore::value() would quietly pass over it).
Result<void> refuseInvalid(const SettingsStore &settings, SettingKey key, const char *expected)
{
    const auto rejected = settings.rejectedValue(key);
    if (!rejected)
        return {};
    return fail(ErrorCode::InvalidArgument, QStringLiteral("the setting %1 in %2 is \"%3\": expected %4")
                                                .arg(QLatin1String(settingKeyName(key)), QDir::toNativeSeparators(rejected->source),
                                                     rejected->text.left(100), QLatin1String(expected)));
}

} // namespace

Result<sync::SyncScheduler::Options> configuredSyncOptions(const SettingsStore &settings)
{
    if (auto checked = refuseInvalid(settings, SettingKey::SyncUploadOnMetered, "true or false"); !checked)
        return std::unexpected(checked.error());
    if (auto checked = refuseInvalid(settings, SettingKey::SyncRetentionDays,
                                     "a whole number of days from 0 to 3650 (how long an acknowledged package stays on this computer; "
                                     "0 keeps it for ever)");
        !checked)
        return std::unexpected(checked.error());
    sync::SyncScheduler::Options options;
    options.uploadOnMetered = settings.value(SettingKey::SyncUploadOnMetered).toBool();
    const int days = settings.value(SettingKey::SyncRetentionDays).toInt();
    options.retention = days > 0 ? std::optional<std::chrono::days>(std::chrono::days(days)) : std::nullopt;
    return options;
}

QString syncCommandHelp()
{
    return QCoreApplication::translate("SyncCommand",
        "  sync [--endpoint URL] [--once] [--ca-file PEM] [--pin sha256/BASE64] [--bandwidth BYTES]\n"
        "                         upload the sealed packages to the insurer (tus); one line per package;\n"
        "                         with --once exit 0 when every package is acknowledged, else 1; 2 when a\n"
        "                         setting is wrong (the message names it). It reads these settings from the\n"
        "                         IT policy file (or the user's settings file); an option given wins:\n"
        "                         sync/endpoint is the insurer's upload address (https://...); --endpoint.\n"
        "                         sync/caFile is a PEM file of the only certificate authorities trusted for\n"
        "                         that address; empty, the system's are trusted; --ca-file.\n"
        "                         sync/pin is the server's public key as sha256/BASE64: a server with another\n"
        "                         key is refused; empty, no pin; --pin.\n"
        "                         sync/bandwidthLimit is at most how many KiB per second all uploads together\n"
        "                         may use; 0, the default, means no limit; --bandwidth (bytes per second).\n"
        "                         sync/uploadOnMetered set to true also uploads on a metered network (a\n"
        "                         phone's hotspot); false, the default, waits for another network.\n"
        "                         sync/retentionDays is how many days after the insurer acknowledged a package\n"
        "                         it is deleted from this computer (never before; audited); 0 keeps it for\n"
        "                         ever; the default is 30.\n"
        "                         The bearer token is no setting: it is kept in the key store (sync\n"
        "                         --set-token); the environment variable DUALREC_SYNC_TOKEN wins over it.\n"
        "  sync --set-token       read the upload token from standard input and keep it in the key store\n"
        "                         (empty input removes it); the token is never printed");
}

Result<sync::SyncEndpoint> configuredSyncEndpoint(const SettingsStore &settings, const QString &dataDirectory, const SyncOptions &options)
{
    // The command line wins; otherwise the IT policy (or the user's settings) names them.
    const QString endpointText = options.endpoint.isEmpty() ? settings.text(SettingKey::SyncEndpoint) : options.endpoint;
    if (endpointText.isEmpty())
        return fail(ErrorCode::NotFound, QStringLiteral("no upload address (sync/endpoint) is configured"));
    if (!options.bandwidthLimit) {
        if (auto checked = refuseInvalid(settings, SettingKey::SyncBandwidthLimit, "a whole number of KiB per second from 0 (no limit) to 10000000");
            !checked)
            return std::unexpected(checked.error());
    }
    const QString pinText = options.publicKeyPin.isEmpty() ? settings.text(SettingKey::SyncPublicKeyPin) : options.publicKeyPin;
    sync::SyncEndpoint endpoint;
    endpoint.creationUrl = QUrl(endpointText);
    endpoint.caFile = options.caFile.isEmpty() ? settings.text(SettingKey::SyncCaFile) : options.caFile;
    // --bandwidth is in bytes per second; the setting sync/bandwidthLimit in KiB per second.
    endpoint.bandwidthLimit = options.bandwidthLimit.value_or(settings.value(SettingKey::SyncBandwidthLimit).toLongLong() * 1024);
    if (!pinText.isEmpty()) {
        auto pin = sync::SyncEndpoint::parsePin(pinText);
        if (!pin)
            return fail(pin.error().code, QStringLiteral("--pin / sync/pin: %1").arg(pin.error().detail));
        endpoint.publicKeyPinSha256 = *pin;
    }
    if (auto valid = endpoint.validate(); !valid)
        return std::unexpected(valid.error());
    auto store = seal::dataFolderKeyStore(dataDirectory);
    auto token = sync::loadSyncToken(*store);
    if (!token)
        return fail(token.error().code, QStringLiteral("the upload token cannot be read: %1").arg(token.error().detail));
    endpoint.bearerToken = token->token;
    return endpoint;
}

int runSetSyncToken(const QString &dataDirectory, QIODevice &in, QTextStream &out, QTextStream &err)
{
    // One line; the text is never echoed or printed.
    const QString token = QString::fromUtf8(in.readLine(8193)).trimmed();
    if (token.size() > 4096 || (!token.isEmpty() && !sync::isValidSyncToken(token))) {
        err << "dualrec sync --set-token: " << QCoreApplication::translate("SyncCommand", "the text on standard input is not an upload token (1 to 4096 printable ASCII "
                                                  "characters without spaces); nothing was stored")
            << Qt::endl;
        return 2;
    }
    auto store = seal::dataFolderKeyStore(dataDirectory);
    if (auto stored = sync::storeSyncToken(*store, token); !stored) {
        err << "dualrec sync --set-token: " << stored.error().detail << Qt::endl;
        return 2;
    }
    if (token.isEmpty())
        out << QCoreApplication::translate("SyncCommand", "The upload token was removed from the %1 key store.").arg(store->backendName()) << Qt::endl;
    else
        out << QCoreApplication::translate("SyncCommand", "The upload token is kept in the %1 key store; uploads use it from now on.").arg(store->backendName()) << Qt::endl;
    return 0;
}

int runSyncCommand(const CommandLine &commandLine, QTextStream &out, QTextStream &err)
{
    const auto &options = commandLine.sync;
    const auto dataDirectory = Application::dataDirectory(commandLine);
    if (options.setToken) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            err << "dualrec sync --set-token: " << QCoreApplication::translate("SyncCommand", "standard input cannot be read") << Qt::endl;
            return 2;
        }
        return runSetSyncToken(dataDirectory, in, out, err);
    }
    if (!QFileInfo::exists(storage::Journal::databasePath(dataDirectory))) {
        err << "dualrec sync: " << QCoreApplication::translate("SyncCommand", "there is no DualRec journal in %1 (check --data-dir)").arg(QDir::toNativeSeparators(dataDirectory)) << Qt::endl;
        return 2;
    }
    const SettingsStore settings(QString(), SettingsStore::systemPolicyPath());
    auto configured = configuredSyncEndpoint(settings, dataDirectory, options);
    if (!configured) {
        err << "dualrec sync: " << (configured.error().code == ErrorCode::NotFound
                                        ? QCoreApplication::translate("SyncCommand", "no upload address: give --endpoint URL or set sync/endpoint in the IT policy")
                                        : configured.error().detail)
            << Qt::endl;
        return 2;
    }
    const sync::SyncEndpoint endpoint = *configured;
    const SystemClock clock;
    // The journal's keys come from the folder's device keys (never made here).
    auto keys = openDeviceKeys(dataDirectory, KeyOpening::ExistingOnly);
    if (!keys) {
        err << "dualrec sync: " << deviceKeyProblem(dataDirectory, keys.error()) << Qt::endl;
        return 2;
    }
    storage::Journal::Options journalOptions;
    journalOptions.evidenceKeys = *keys;
    auto journal = storage::Journal::open(dataDirectory, clock, journalOptions);
    if (!journal) {
        err << "dualrec sync: " << QCoreApplication::translate("SyncCommand", "cannot open the journal in %1: %2").arg(QDir::toNativeSeparators(dataDirectory), journal.error().detail) << Qt::endl;
        return 2;
    }
    Application::tellJournalStartup((*journal)->startup(), err);
    sync::UploadQueue queue((*journal)->database(), dataDirectory, clock);

    auto configuredOptions = configuredSyncOptions(settings);
    if (!configuredOptions) {
        err << "dualrec sync: " << configuredOptions.error().detail << Qt::endl;
        return 2;
    }
    sync::SyncScheduler::Options schedulerOptions = *configuredOptions;
    schedulerOptions.once = options.once;
    sync::SyncScheduler scheduler(queue, endpoint, clock, schedulerOptions, &(*journal)->audit());
    const sync::SystemMeteredNetwork metered;
    scheduler.setMeteredNetwork(&metered);
    QEventLoop loop;
    const auto print = [&](const workflow::SessionId &id, const QString &text) {
        out << id.toString() << "  " << text << Qt::endl;
    };
    // The evidence lifecycle follows the upload (core/sync/evidencefollow.h, as in the window).
    sync::followEvidence(scheduler, (*journal)->sessions(), clock, QStringLiteral("dualrec sync"),
                         [&err](const workflow::SessionId &id, const Error &error) {
                             err << "dualrec sync: " << id.toString() << ": " << error.toString() << Qt::endl;
                         });
    QObject::connect(&scheduler, &sync::SyncScheduler::uploadStarted, &loop, [&](const workflow::SessionId &id) {
        print(id, QCoreApplication::translate("SyncCommand", "upload created on the server"));
    });
    QObject::connect(&scheduler, &sync::SyncScheduler::acknowledged, &loop, [&](const workflow::SessionId &id) {
        print(id, QCoreApplication::translate("SyncCommand", "acknowledged"));
    });
    QObject::connect(&scheduler, &sync::SyncScheduler::purged, &loop, [&](const workflow::SessionId &id) {
        print(id, QCoreApplication::translate("SyncCommand", "removed from this computer: the retention period after the acknowledgement is over"));
    });
    QObject::connect(&scheduler, &sync::SyncScheduler::attemptFailed, &loop,
                     [&](const workflow::SessionId &id, const Error &error, const QDateTime &retryAt) {
                         const QString when = retryAt.isValid() ? QCoreApplication::translate("SyncCommand", "next try %1").arg(retryAt.toLocalTime().toString(Qt::ISODate))
                                                                : QCoreApplication::translate("SyncCommand", "not retried until someone acts");
                         err << "dualrec sync: " << (id.isNull() ? QString() : id.toString() + QStringLiteral(": ")) << error.detail
                             << " (" << when << ")" << Qt::endl;
                     });
    QObject::connect(&scheduler, &sync::SyncScheduler::meteredPauseChanged, &loop, [&](bool paused) {
        if (paused)
            out << (options.once ? QCoreApplication::translate("SyncCommand", "not uploading: the network connection is metered (billed by data use); "
                                                                             "packages wait for one that is not (or set sync/uploadOnMetered)")
                                 : QCoreApplication::translate("SyncCommand", "waiting: the network connection is metered (billed by data use); "
                                                                             "uploads go on when it is not (or set sync/uploadOnMetered)"))
                << Qt::endl;
        else
            out << QCoreApplication::translate("SyncCommand", "the network connection is no longer metered: uploads go on") << Qt::endl;
    });
    bool stopped = false;
    QObject::connect(&scheduler, &sync::SyncScheduler::stopped, &loop, [&](const Error &error) {
        stopped = true;
        err << "dualrec sync: " << QCoreApplication::translate("SyncCommand", "stopped: %1").arg(error.detail) << Qt::endl;
        loop.quit();
    });
    QObject::connect(&scheduler, &sync::SyncScheduler::drained, &loop, &QEventLoop::quit);
    if (!options.once) {
        // Without --once: until everything is acknowledged (checked after every outcome).
        const auto checkDone = [&] {
            auto all = queue.all();
            if (!all)
                return;
            const bool left = std::any_of(all->cbegin(), all->cend(), [](const sync::UploadRecord &r) {
                return r.state == sync::UploadState::Queued || r.state == sync::UploadState::Uploading;
            });
            if (!left && scheduler.running() == 0)
                loop.quit();
        };
        QObject::connect(&scheduler, &sync::SyncScheduler::acknowledged, &loop, checkDone, Qt::QueuedConnection);
        QObject::connect(&scheduler, &sync::SyncScheduler::attemptFailed, &loop, checkDone, Qt::QueuedConnection);
        QTimer::singleShot(0, &loop, checkDone);
    }
    scheduler.start();
    if (!options.once) {
        if (auto queued = queue.enqueueSealed(); !queued) {
            err << "dualrec sync: " << queued.error().detail << Qt::endl;
            return 2;
        }
    }
    loop.exec();
    scheduler.stop();

    auto all = queue.all();
    if (!all) {
        err << "dualrec sync: " << all.error().detail << Qt::endl;
        return 2;
    }
    bool left = false;
    for (const auto &record : std::as_const(*all)) {
        out << lineOf(record) << Qt::endl;
        left = left || (record.state != sync::UploadState::Acknowledged && record.state != sync::UploadState::Purged);
    }
    if (all->isEmpty())
        out << QCoreApplication::translate("SyncCommand", "no sealed package is waiting for upload") << Qt::endl;
    return (left || stopped) ? 1 : 0;
}

} // namespace dualrec::app
