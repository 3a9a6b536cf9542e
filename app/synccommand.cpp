#include "app/synccommand.h"

#include "app/devicekeysetup.h"

#include "app/application.h"
#include "core/storage/journal.h"
#include "core/sync/syncscheduler.h"
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

} // namespace

int runSyncCommand(const CommandLine &commandLine, QTextStream &out, QTextStream &err)
{
    const auto &options = commandLine.sync;
    const auto dataDirectory = Application::dataDirectory(commandLine);
    if (!QFileInfo::exists(storage::Journal::databasePath(dataDirectory))) {
        err << "dualrec sync: " << QCoreApplication::translate("SyncCommand", "there is no DualRec journal in %1 (check --data-dir)").arg(QDir::toNativeSeparators(dataDirectory)) << Qt::endl;
        return 2;
    }
    // The command line wins; otherwise the IT policy (or the user's settings) names them.
    const SettingsStore settings(QString(), SettingsStore::systemPolicyPath());
    const QString endpointText = options.endpoint.isEmpty() ? settings.text(SettingKey::SyncEndpoint) : options.endpoint;
    if (endpointText.isEmpty()) {
        err << "dualrec sync: " << QCoreApplication::translate("SyncCommand", "no upload address: give --endpoint URL or set sync/endpoint in the IT policy") << Qt::endl;
        return 2;
    }
    const QString pinText = options.publicKeyPin.isEmpty() ? settings.text(SettingKey::SyncPublicKeyPin) : options.publicKeyPin;
    sync::SyncEndpoint endpoint;
    endpoint.creationUrl = QUrl(endpointText);
    endpoint.caFile = options.caFile.isEmpty() ? settings.text(SettingKey::SyncCaFile) : options.caFile;
    endpoint.bandwidthLimit = options.bandwidthLimit;
    endpoint.bearerToken = qEnvironmentVariable("DUALREC_SYNC_TOKEN");
    if (!pinText.isEmpty()) {
        auto pin = sync::SyncEndpoint::parsePin(pinText);
        if (!pin) {
            err << "dualrec sync: --pin: " << pin.error().detail << Qt::endl;
            return 2;
        }
        endpoint.publicKeyPinSha256 = *pin;
    }
    if (auto valid = endpoint.validate(); !valid) {
        err << "dualrec sync: " << valid.error().detail << Qt::endl;
        return 2;
    }
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

    sync::SyncScheduler::Options schedulerOptions;
    schedulerOptions.once = options.once;
    sync::SyncScheduler scheduler(queue, endpoint, clock, schedulerOptions, &(*journal)->audit());
    QEventLoop loop;
    const auto print = [&](const workflow::SessionId &id, const QString &text) {
        out << id.toString() << "  " << text << Qt::endl;
    };
    // The evidence lifecycle follows the upload: sealed -> uploading -> acknowledged -> purged
    // (a step a crash skipped is taken on the way; sessions sealed before the lifecycle existed
    // are left as they are).
    const auto follow = [&](const workflow::SessionId &id, storage::EvidenceState target) {
        auto &sessions = (*journal)->sessions();
        const auto current = sessions.evidenceState(id);
        if (!current || (*current != storage::EvidenceState::Sealed && *current != storage::EvidenceState::Uploading
                         && *current != storage::EvidenceState::Acknowledged))
            return;
        if (auto moved = sessions.adoptEvidence(id, target, clock.wallNow(), QStringLiteral("dualrec sync")); !moved)
            err << "dualrec sync: " << id.toString() << ": " << moved.error().toString() << Qt::endl;
    };
    QObject::connect(&scheduler, &sync::SyncScheduler::uploadStarted, &loop, [&](const workflow::SessionId &id) {
        follow(id, storage::EvidenceState::Uploading);
        print(id, QCoreApplication::translate("SyncCommand", "upload created on the server"));
    });
    QObject::connect(&scheduler, &sync::SyncScheduler::acknowledged, &loop, [&](const workflow::SessionId &id) {
        follow(id, storage::EvidenceState::Acknowledged);
        print(id, QCoreApplication::translate("SyncCommand", "acknowledged"));
    });
    QObject::connect(&scheduler, &sync::SyncScheduler::purged, &loop, [&](const workflow::SessionId &id) {
        follow(id, storage::EvidenceState::Purged);
        print(id, QCoreApplication::translate("SyncCommand", "removed from this computer: the retention period after the acknowledgement is over"));
    });
    QObject::connect(&scheduler, &sync::SyncScheduler::attemptFailed, &loop,
                     [&](const workflow::SessionId &id, const Error &error, const QDateTime &retryAt) {
                         const QString when = retryAt.isValid() ? QCoreApplication::translate("SyncCommand", "next try %1").arg(retryAt.toLocalTime().toString(Qt::ISODate))
                                                                : QCoreApplication::translate("SyncCommand", "not retried until someone acts");
                         err << "dualrec sync: " << (id.isNull() ? QString() : id.toString() + QStringLiteral(": ")) << error.detail
                             << " (" << when << ")" << Qt::endl;
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
