#include "core/seal/sealsession.h"
#include <QJsonObject>

#include "core/seal/devicekeys.h"
#include "core/seal/encryptedfile.h"
#include "core/seal/oskeystore.h"
#include "core/storage/sealrepository.h"
#include "core/workflow/sessionstate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QLockFile>
#include <QSysInfo>

#include <optional>

namespace dualrec::seal {

namespace {

QString utc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

/// The sidecar's JSON, read through the at-rest format when it is in it (small file).
QJsonObject readSidecar(const QString &path, const DeviceKeys *keys)
{
    QByteArray bytes;
    if (looksEncrypted(path)) {
        if (!keys)
            return {};
        auto reader = EncryptedReader::open(path, *keys);
        if (!reader)
            return {};
        auto read = (*reader)->read(0, std::min<qint64>((*reader)->size(), 16 * 1024 * 1024));
        if (!read)
            return {};
        bytes = *read;
    } else {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        bytes = file.read(16 * 1024 * 1024);
    }
    return QJsonDocument::fromJson(bytes).object();
}

QJsonArray stepsOf(const QList<workflow::SessionEvent> &events)
{
    QJsonArray steps;
    std::map<qsizetype, QJsonObject> byIndex;
    for (const auto &event : events) {
        if (event.stepIndex < 0)
            continue;
        auto &step = byIndex[event.stepIndex];
        step.insert(QStringLiteral("index"), qint64(event.stepIndex));
        step.insert(QStringLiteral("id"), event.stepId);
        if (event.type == workflow::SessionEventType::StepStarted && !step.contains(QStringLiteral("started_at"))) {
            step.insert(QStringLiteral("started_at"), utc(event.wallTime));
            step.insert(QStringLiteral("started_monotonic_ns"), qint64(event.monotonic.count()));
        } else if (event.type == workflow::SessionEventType::StepCompleted) {
            step.insert(QStringLiteral("completed_at"), utc(event.wallTime));
            step.insert(QStringLiteral("completed_monotonic_ns"), qint64(event.monotonic.count()));
        }
    }
    for (auto &[index, step] : byIndex) {
        if (step.contains(QStringLiteral("started_at")))
            steps.append(step);
    }
    return steps;
}

QJsonArray eventsOf(const QList<workflow::SessionEvent> &events)
{
    QJsonArray list;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const auto &event = events[i];
        QJsonObject object{{QStringLiteral("seq"), qint64(i + 1)},
                           {QStringLiteral("type"), QLatin1String(workflow::sessionEventTypeName(event.type))},
                           {QStringLiteral("wall"), utc(event.wallTime)},
                           {QStringLiteral("monotonic_ns"), qint64(event.monotonic.count())}};
        if (event.stepIndex >= 0) {
            object.insert(QStringLiteral("step_index"), qint64(event.stepIndex));
            object.insert(QStringLiteral("step_id"), event.stepId);
        }
        if (event.type == workflow::SessionEventType::StateChanged) {
            object.insert(QStringLiteral("from"), QLatin1String(workflow::sessionStateName(event.from)));
            object.insert(QStringLiteral("to"), QLatin1String(workflow::sessionStateName(event.to)));
        }
        if (event.trigger != workflow::SessionTrigger::Invalid)
            object.insert(QStringLiteral("trigger"), QLatin1String(workflow::sessionTriggerName(event.trigger)));
        if (!event.detail.isEmpty())
            object.insert(QStringLiteral("detail"), event.detail);
        list.append(object);
    }
    return list;
}

/// Whether an existing package is whole and ours (the crash-between-rename-and-journal case).
bool packageHolds(const QString &path, const QString &certificateSha256, const QString &sessionId)
{
    const auto report = verifyPackage(path, {});
    return report.ok()
           && report.manifest.value(QStringLiteral("device")).toObject().value(QStringLiteral("certificate_sha256")).toString() == certificateSha256
           && report.manifest.value(QStringLiteral("session")).toObject().value(QStringLiteral("id")).toString() == sessionId;
}

} // namespace

QString packagePath(const QString &dataDirectory, const workflow::SessionId &id)
{
    return QDir(dataDirectory).filePath(QStringLiteral("packages/") + id.toString() + QLatin1String(kPackageSuffix));
}

std::unique_ptr<KeyStore> dataFolderKeyStore(const QString &dataDirectory)
{
    // The store the folder marker names (a folder whose keys were kept in files stays with its
    // files; app/devicekeysetup.cpp decides the same way), DUALREC_KEY_STORE=file, else the OS
    // key store where one answers.
    bool forceFile = qEnvironmentVariable("DUALREC_KEY_STORE") == QLatin1String("file");
    QFile marker(QDir(dataDirectory).filePath(DeviceKeys::markerName()));
    if (marker.open(QIODevice::ReadOnly)
        && QJsonDocument::fromJson(marker.read(64 * 1024)).object().value(QStringLiteral("key_store")).toString()
               == QLatin1String("file"))
        forceFile = true;
    return makeKeyStore(QDir(dataDirectory).filePath(QStringLiteral("keys")), forceFile);
}

namespace {

/// One sealing (or time-stamping) of a session at a time across processes (the window's seal
/// queue and `dualrec seal` on the same data folder): the second is told, and changes nothing.
/// A lock left by a process that died is taken over (QLockFile checks the process id).
Result<std::unique_ptr<QLockFile>> lockPackage(const QString &path, const workflow::SessionId &id)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return fail(ErrorCode::IoError, QStringLiteral("cannot create the packages folder %1").arg(QFileInfo(path).absolutePath()));
    auto lock = std::make_unique<QLockFile>(path + QStringLiteral(".lock"));
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString application;
        lock->getLockInfo(&pid, &host, &application);
        return fail(ErrorCode::InvalidState, QStringLiteral("session %1 is being sealed by another DualRec process (%2, process %3); "
                                                            "nothing was changed, try again when it is done")
                                                 .arg(id.toString(), application.isEmpty() ? QStringLiteral("unknown") : application)
                                                 .arg(pid));
    }
    return lock;
}

/// timestampSession() with the package's lock held.
Result<TimestampInfo> timestampLocked(storage::SealRepository &seals, const QString &dataDirectory, const workflow::SessionId &id,
                                      const TimestampAuthority &authority)
{
    auto found = seals.find(id);
    if (!found)
        return std::unexpected(found.error());
    if (!found->has_value())
        return fail(ErrorCode::InvalidState, QStringLiteral("session %1 is not sealed: there is no package to time-stamp").arg(id.toString()));
    const auto &seal = **found;
    const QString package = seal.packagePath.isEmpty() ? packagePath(dataDirectory, id) : seal.packagePath;
    if (!QFileInfo::exists(package))
        return fail(ErrorCode::NotFound, QStringLiteral("the package %1 of session %2 is not here (uploaded and deleted, or lost); it is "
                                                        "not time-stamped")
                                             .arg(package, id.toString()));
    const QByteArray digest = QByteArray::fromHex(seal.manifestSha256.toLatin1());
    const QString tsr = timestampPath(package);
    if (!seal.timestampToken.isEmpty()) {
        auto info = checkTimestampReply(seal.timestampToken, digest, 0, authority.caPem);
        if (info && !QFileInfo::exists(tsr)) {
            if (auto written = writeTimestampFile(package, seal.timestampToken); !written)
                return std::unexpected(written.error());
        }
        return info;
    }
    // A token a crash left between its rename and the journal: kept when it holds.
    if (QFileInfo(tsr).isFile() && QFileInfo(tsr).size() <= kMaxTimestampSize) {
        QFile file(tsr);
        if (file.open(QIODevice::ReadOnly)) {
            const QByteArray left = file.readAll();
            file.close();
            if (auto info = checkTimestampReply(left, digest, 0, authority.caPem)) {
                if (auto recorded = seals.recordTimestamp(id, left); !recorded)
                    return std::unexpected(recorded.error());
                return info;
            }
        }
    }
    if (!authority.isSet())
        return fail(ErrorCode::InvalidState, QStringLiteral("no timestamp authority is configured (setting seal/tsaUrl)"));
    auto received = requestTimestamp(authority, digest);
    if (!received)
        return std::unexpected(received.error());
    if (auto written = writeTimestampFile(package, received->reply); !written)
        return std::unexpected(written.error());
    if (auto recorded = seals.recordTimestamp(id, received->reply); !recorded)
        return std::unexpected(recorded.error());
    return received->info;
}

Result<QString> sealLocked(storage::Journal &journal, const QString &dataDirectory, const workflow::SessionId &id, KeyStore &keyStore,
                           const DeviceKeys *deviceKeys, const Clock &clock, const SealRequest &request);

} // namespace

Result<TimestampInfo> timestampSession(storage::Journal &journal, const QString &dataDirectory, const workflow::SessionId &id,
                                       const TimestampAuthority &authority)
{
    auto lock = lockPackage(packagePath(dataDirectory, id), id);
    if (!lock)
        return std::unexpected(lock.error());
    storage::SealRepository seals(journal.database());
    return timestampLocked(seals, dataDirectory, id, authority);
}

Result<QString> sealSession(storage::Journal &journal, const QString &dataDirectory, const workflow::SessionId &id,
                            KeyStore &keyStore, const DeviceKeys *deviceKeys, const Clock &clock, const SealRequest &request)
{
    auto lock = lockPackage(packagePath(dataDirectory, id), id);
    if (!lock)
        return std::unexpected(lock.error());
    auto sealed = sealLocked(journal, dataDirectory, id, keyStore, deviceKeys, clock, request);
    if (sealed && request.timestampAuthority.isSet()) {
        storage::SealRepository seals(journal.database());
        auto row = seals.find(id);
        if (row && row->has_value() && (**row).timestampToken.isEmpty()) {
            const auto stamped = timestampLocked(seals, dataDirectory, id, request.timestampAuthority);
            if (request.timestamped)
                request.timestamped(stamped);
        }
    }
    return sealed;
}

namespace {

Result<QString> sealLocked(storage::Journal &journal, const QString &dataDirectory, const workflow::SessionId &id, KeyStore &keyStore,
                           const DeviceKeys *deviceKeys, const Clock &clock, const SealRequest &request)
{
    storage::SealRepository seals(journal.database());
    const QString path = packagePath(dataDirectory, id);
    auto existing = seals.find(id);
    if (!existing)
        return std::unexpected(existing.error());
    if (existing->has_value()) {
        const QString recorded = (*existing)->packagePath.isEmpty() ? path : (*existing)->packagePath;
        if (!QFileInfo::exists(recorded))
            return fail(ErrorCode::NotFound, QStringLiteral("session %1 was sealed, but its package %2 is missing").arg(id.toString(), recorded));
        // A crash between the seals row and the lifecycle's step: take the step now.
        if (auto evidence = journal.sessions().evidenceState(id); evidence && *evidence == storage::EvidenceState::Stored) {
            if (auto moved = journal.sessions().advanceEvidence(id, storage::EvidenceStep::Sealed, clock.wallNow(), recorded); !moved)
                return std::unexpected(moved.error());
        }
        return recorded;
    }
    auto session = journal.sessions().find(id);
    if (!session)
        return std::unexpected(session.error());
    if (!session->has_value())
        return fail(ErrorCode::NotFound, QStringLiteral("no session %1 in the journal of %2").arg(id.toString(), dataDirectory));
    const auto &record = **session;
    if (!workflow::isEndState(record.state))
        return fail(ErrorCode::InvalidState, QStringLiteral("session %1 has not ended (it is %2): only an ended session is sealed")
                                                 .arg(id.toString(), QLatin1String(workflow::sessionStateName(record.state))));
    // Only a stored recording (finalized, hashed, in the journal) is sealed: the evidence lifecycle says.
    const auto evidence = journal.sessions().evidenceState(id);
    if (!evidence)
        return std::unexpected(evidence.error());
    if (*evidence != storage::EvidenceState::Stored)
        return fail(ErrorCode::InvalidState,
                    QStringLiteral("session %1 cannot be sealed: its evidence is \"%2\", only a stored recording is sealed")
                        .arg(id.toString(), storage::evidenceStateName(*evidence)));
    if (request.insurerCertificatesPem.isEmpty())
        return fail(ErrorCode::InvalidState, QStringLiteral("not sealed: no insurer certificate is configured (setting "
                                                            "seal/insurerCertificates, or --insurer-cert)"));

    auto identity = SigningIdentity::open(dataDirectory, keyStore);
    if (!identity)
        return std::unexpected(identity.error());

    // A package a crash left between its rename and this journal entry: keep it when it holds.
    if (QFileInfo::exists(path) && !packageHolds(path, identity->certificateSha256(), id.toString()))
        QFile::remove(path);

    auto events = journal.sessions().events(id);
    if (!events)
        return std::unexpected(events.error());
    auto media = journal.sessions().mediaFiles(id);
    if (!media)
        return std::unexpected(media.error());
    auto presence = journal.sessions().presenceRuns(id);
    if (!presence)
        return std::unexpected(presence.error());
    auto verdicts = journal.qc().verdicts(id);
    if (!verdicts)
        return std::unexpected(verdicts.error());

    QList<PackageInput> inputs;
    QJsonObject sidecar;
    QStringList names;
    for (const auto &file : *media) {
        const QFileInfo info(file.path);
        const QString role = storage::mediaRoleName(file.role); // the package's member role (docs/package-format.md)
        if (file.role == storage::MediaRole::RecordingFragmented && !info.exists())
            continue; // the growing file, replaced by the finalized recording
        if (!info.isFile())
            return fail(ErrorCode::NotFound, QStringLiteral("the session's %1 file %2 is missing; it was not sealed").arg(role, file.path));
        QString name = info.fileName();
        for (int n = 2; names.contains(name); ++n)
            name = QStringLiteral("%1-%2").arg(n).arg(info.fileName());
        names.append(name);
        inputs.append({role, name, file.path, {}, file.sha256});
        if (file.role == storage::MediaRole::Sidecar)
            sidecar = readSidecar(file.path, deviceKeys);
    }
    if (inputs.isEmpty())
        return fail(ErrorCode::NotFound, QStringLiteral("session %1 has no recorded files to seal").arg(id.toString()));
    if (record.customer) {
        const QJsonObject customer{{QStringLiteral("name"), record.customer->name},
                                   {QStringLiteral("id_number"), record.customer->idNumber},
                                   {QStringLiteral("phone"), record.customer->phone}};
        inputs.append({QStringLiteral("customer"), QStringLiteral("customer.json"), {}, QJsonDocument(customer).toJson(), {}});
    }

    const QDateTime sealedAt = clock.wallNow().toUTC();
    QJsonArray products;
    for (const auto &product : record.products)
        products.append(QJsonObject{{QStringLiteral("code"), product.code}, {QStringLiteral("name"), product.name}});
    QJsonArray presenceRuns;
    QJsonArray defects;
    for (const auto &run : *presence) {
        presenceRuns.append(QJsonObject{{QStringLiteral("start_ms"), qint64(run.start.count())},
                                        {QStringLiteral("end_ms"), qint64(run.end.count())},
                                        {QStringLiteral("faces"), run.faces},
                                        {QStringLiteral("agent"), run.agent},
                                        {QStringLiteral("customer"), run.customer}});
        const auto defect = [&](const QString &kind, const QString &who) {
            QJsonObject object{{QStringLiteral("kind"), kind},
                               {QStringLiteral("start_ms"), qint64(run.start.count())},
                               {QStringLiteral("end_ms"), qint64(run.end.count())}};
            if (!who.isEmpty())
                object.insert(QStringLiteral("who"), who);
            defects.append(object);
        };
        if (!run.agent)
            defect(QStringLiteral("party_absent"), QStringLiteral("agent"));
        if (!run.customer)
            defect(QStringLiteral("party_absent"), QStringLiteral("customer"));
        if (run.faces > 2)
            defect(QStringLiteral("third_party"), {});
    }
    // The latest automatic verdict's reasons and every supervisor's spot-check (docs/package-format.md).
    QJsonArray reasons;
    QJsonArray spotChecks;
    QString automaticAt;
    const auto reasonJson = [](const storage::QcReasonRecord &reason) {
        QJsonObject object{{QStringLiteral("kind"), reason.kind}, {QStringLiteral("severity"), reason.severity},
                           {QStringLiteral("step_id"), reason.stepId}, {QStringLiteral("detail"), reason.detail}};
        if (reason.start)
            object.insert(QStringLiteral("start_ms"), qint64(reason.start->count()));
        if (reason.end)
            object.insert(QStringLiteral("end_ms"), qint64(reason.end->count()));
        if (!reason.party.isEmpty())
            object.insert(QStringLiteral("party"), reason.party);
        return object;
    };
    for (const auto &verdict : *verdicts) {
        if (verdict.source == storage::QcSource::Automatic) {
            reasons = {};
            for (const auto &reason : verdict.reasons)
                reasons.append(reasonJson(reason));
            automaticAt = utc(verdict.at);
        } else if (verdict.source == storage::QcSource::Supervisor) {
            QJsonArray codes;
            for (const auto &reason : verdict.reasons)
                codes.append(reason.kind);
            spotChecks.append(QJsonObject{{QStringLiteral("verdict"), storage::storedVerdictName(verdict.verdict)},
                                          {QStringLiteral("step_id"), verdict.stepId},
                                          {QStringLiteral("reason_codes"), codes},
                                          {QStringLiteral("notes"), verdict.notes},
                                          {QStringLiteral("reviewer"), verdict.reviewer},
                                          {QStringLiteral("at"), utc(verdict.at)}});
        }
    }
    QJsonObject qcObject{{QStringLiteral("verdict"), storage::storedVerdictName(record.qcVerdict)}, {QStringLiteral("defects"), defects},
                         {QStringLiteral("reasons"), reasons}, {QStringLiteral("spot_checks"), spotChecks}};
    if (!automaticAt.isEmpty())
        qcObject.insert(QStringLiteral("computed_at"), automaticAt);
    const bool shortTerm = request.policyTermYears && *request.policyTermYears <= 1;
    QJsonObject sessionObject{{QStringLiteral("id"), id.toString()},
                        {QStringLiteral("application_no"), record.applicationNo},
                        {QStringLiteral("agent_id"), record.agentId},
                        {QStringLiteral("customer_ref"), record.customerRef},
                        {QStringLiteral("template_id"), record.templateId},
                        {QStringLiteral("template_version"), record.templateVersion},
                        {QStringLiteral("products"), products},
                        {QStringLiteral("scope"), QJsonObject{{QStringLiteral("required"), record.scopeRequired},
                                                              {QStringLiteral("reason"), record.scopeReason}}},
                        {QStringLiteral("state"), QLatin1String(workflow::sessionStateName(record.state))},
                        {QStringLiteral("created_at"), utc(record.createdAt)},
                        {QStringLiteral("finished_at"), utc(record.finishedAt)}};
    if (!record.previousSession.isNull())
        sessionObject.insert(QStringLiteral("previous_session"), record.previousSession.toString());
    QJsonObject manifest{
        {QStringLiteral("sealed_at"), sealedAt.toString(Qt::ISODate)},
        {QStringLiteral("sealed_monotonic_ns"), qint64(clock.monotonicNow().count())},
        {QStringLiteral("session"), sessionObject},
        {QStringLiteral("steps"), stepsOf(*events)},
        {QStringLiteral("events"), eventsOf(*events)},
        {QStringLiteral("presence"), presenceRuns},
        {QStringLiteral("qc"), qcObject},
        {QStringLiteral("continuity"), sidecar.value(QStringLiteral("continuity")).toArray()},
        {QStringLiteral("encoding"), sidecar.value(QStringLiteral("encoding")).toObject()},
        {QStringLiteral("device"), QJsonObject{{QStringLiteral("app_version"), QCoreApplication::applicationVersion().isEmpty()
                                                                                  ? QStringLiteral(DUALREC_VERSION)
                                                                                  : QCoreApplication::applicationVersion()},
                                               {QStringLiteral("os"), QSysInfo::prettyProductName()},
                                               {QStringLiteral("key_store"), identity->backendName()}}},
        {QStringLiteral("retention"),
         QJsonObject{{QStringLiteral("years_after_contract_end"), shortTerm ? 5 : 10},
                     {QStringLiteral("basis"), request.policyTermYears
                                                   ? QStringLiteral("policy term %1 years").arg(*request.policyTermYears)
                                                   : QStringLiteral("policy term unknown: the longer class")}}},
    };

    PackageWriteOptions options;
    options.recipientCertificatesPem = request.insurerCertificatesPem;
    if (deviceKeys)
        options.deviceKeys = [deviceKeys]() -> Result<const DeviceKeys *> { return deviceKeys; };
    options.progress = request.progress;
    options.keepGoing = request.keepGoing;
    options.sealedAtEpochSeconds = QDateTime::fromString(sealedAt.toString(Qt::ISODate), Qt::ISODate).toSecsSinceEpoch();
    storage::SealRecord seal;
    seal.sessionId = id;
    seal.certificateSha256 = identity->certificateSha256();
    seal.packagePath = path;
    QJsonArray recipients;
    if (!QFileInfo::exists(path)) {
        auto written = writePackage(path, inputs, manifest, *identity, options);
        if (!written)
            return std::unexpected(written.error());
        seal.sealedAt = sealedAt;
        seal.packageSize = written->size;
        seal.packageSha256 = written->sha256;
        seal.manifestSha256 = written->manifestSha256;
        seal.signature = written->signature;
        recipients = written->recipients;
    } else {
        // The package a crash left after its rename (it verified above): journal what is on disk.
        const auto report = verifyPackage(path, {});
        if (!report.ok())
            return fail(ErrorCode::DataCorrupt, QStringLiteral("the package %1 does not verify: %2").arg(path, report.firstFailure()));
        QFile package(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (!package.open(QIODevice::ReadOnly) || !hash.addData(&package))
            return fail(ErrorCode::IoError, QStringLiteral("cannot read %1").arg(path));
        seal.sealedAt = QDateTime::fromString(report.manifest.value(QStringLiteral("sealed_at")).toString(), Qt::ISODate);
        seal.packageSize = package.size();
        seal.packageSha256 = QString::fromLatin1(hash.result().toHex());
        seal.manifestSha256 = report.manifestSha256;
        seal.signature = report.signature;
        recipients = report.manifest.value(QStringLiteral("recipients")).toArray();
    }
    for (const auto &recipient : std::as_const(recipients))
        seal.recipients.append(recipient.toObject().value(QStringLiteral("certificate_sha256")).toString());
    if (auto recorded = seals.record(seal); !recorded)
        return std::unexpected(recorded.error());
    if (auto moved = journal.sessions().advanceEvidence(id, storage::EvidenceStep::Sealed, clock.wallNow(), path); !moved)
        return std::unexpected(moved.error());
    return path;
}

} // namespace

} // namespace dualrec::seal
