// live::SessionController: one owner for a session from its journal row to "stored", with the
// evidence lifecycle, where its slow work runs, and what happens when the recording cannot start.
#include "core/capture/syntheticsource.h"
#include "core/live/sealqueue.h"
#include "core/live/sessioncontroller.h"
#include "core/storage/sessionclaim.h"
#include "core/util/filedigest.h"
#include "core/vision/presencemonitor.h"
#include "core/workflow/templatelibrary.h"

#include "tests/support/testclock.h"
#include "tests/support/tsaserver.h"
#include "core/seal/keystore.h"
#include "core/seal/package.h"
#include "core/storage/sealrepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;
using namespace std::chrono_literals;

namespace {

workflow::ScriptPlan shippedPlan()
{
    const auto library = workflow::TemplateLibrary::loadDirectories(
        {QStringLiteral(DUALREC_SOURCE_DIR "/resources/scripts"), QStringLiteral(DUALREC_SOURCE_DIR "/resources/rules")});
    auto plan = library.plan(QStringLiteral("traditional-life"));
    REQUIRE(plan.has_value());
    return *plan;
}

live::SessionSetup setupFor(const QString &folder)
{
    live::SessionSetup setup;
    setup.plan = shippedPlan();
    setup.form.applicationNo = QStringLiteral("AP-CTRL-1");
    setup.form.policyholderName = QStringLiteral("王秀兰");
    setup.form.policyholderIdNumber = QStringLiteral("320102199005171234");
    setup.form.insuredName = QStringLiteral("张伟");
    setup.form.channel = workflow::Channel::Bancassurance;
    setup.form.provinceCode = QStringLiteral("32");
    setup.agentId = QStringLiteral("agent07");
    setup.recordingFolder = folder;
    setup.recording.encoder.width = 320;
    setup.recording.encoder.height = 240;
    setup.recording.encoder.framesPerSecond = 25;
    setup.recording.encoder.hardware = media::HardwareEncoding::Off;
    return setup;
}

std::unique_ptr<capture::SyntheticSource> syntheticSource(const Clock &clock, std::chrono::nanoseconds origin)
{
    capture::SyntheticSettings settings;
    settings.width = 320;
    settings.height = 240;
    settings.framesPerSecond = 25;
    settings.pace = capture::Pace::AsFastAsPossible;
    settings.duration = 3s;
    settings.origin = origin;
    return std::make_unique<capture::SyntheticSource>(settings, clock);
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return done();
}

} // namespace

TEST_CASE("the session controller journals the whole sale and moves the evidence to stored off the owner's thread", "[live]")
{
    QTemporaryDir data;
    SystemClock clock;
    auto journal = storage::Journal::open(data.path(), clock);
    REQUIRE(journal.has_value());
    auto created = live::SessionController::create(setupFor(QDir(data.path()).filePath(QStringLiteral("recordings"))),
                                                   **journal, clock);
    REQUIRE(created.has_value());
    auto &controller = **created;
    const auto id = controller.session().id();
    // The session is claimed and journaled before anything records.
    CHECK_FALSE(storage::SessionClaim::take(data.path(), id).has_value());
    auto record = (*journal)->sessions().find(id);
    REQUIRE(record.has_value());
    REQUIRE(record->has_value());
    CHECK((*record)->customer->insuredName == QStringLiteral("张伟"));
    CHECK((*record)->channel == QLatin1String("bancassurance"));
    CHECK((*record)->provinceCode == QLatin1String("32"));
    CHECK((*record)->templateVersion == QLatin1String("traditional-life@") + controller.setup().plan.version());
    CHECK((*record)->evidence == storage::EvidenceState::NoRecording);

    QList<storage::EvidenceState> seen;
    QObject::connect(&controller, &live::SessionController::evidenceChanged, &controller,
                     [&](const workflow::SessionId &changed, storage::EvidenceState state) {
                         CHECK(changed == id);
                         seen.append(state);
                     });
    live::LiveOptions options;
    options.previewsPerSecond = 0;
    live::LiveCapture capture(syntheticSource(clock, controller.session().createdMonotonic()), nullptr, options);
    REQUIRE(controller.openRecording(capture).has_value());
    CHECK(controller.evidence() == storage::EvidenceState::Recording);
    // A second recording of the same session is refused.
    CHECK(controller.openRecording(capture).error().code == ErrorCode::InvalidState);
    REQUIRE(controller.session().start().has_value());
    REQUIRE(waitFor([&] { return controller.recording()->sourceEnded().has_value(); }, 60000));
    REQUIRE(controller.session().abort(QStringLiteral("test: source ended")).has_value());

    std::optional<live::RecordingOutcome> outcome;
    bool finished = false;
    QObject::connect(&controller, &live::SessionController::finished, &controller,
                     [&](const std::optional<live::RecordingOutcome> &result) {
                         outcome = result;
                         finished = true;
                     });
    controller.finish(QStringLiteral("test"));
    CHECK(controller.finishing());
    REQUIRE(waitFor([&] { return finished; }, 60000));
    REQUIRE(outcome.has_value());
    CHECK(outcome->finalized);
    // The thread contract: the close, the finalizing and the hash ran on a worker thread.
    CHECK(outcome->closedOn != nullptr);
    CHECK(outcome->closedOn != QThread::currentThread());
    CHECK(seen == QList{storage::EvidenceState::Recording, storage::EvidenceState::Recorded, storage::EvidenceState::Stored});
    CHECK((*journal)->sessions().evidenceState(id).value() == storage::EvidenceState::Stored);
    const auto files = (*journal)->sessions().mediaFiles(id);
    REQUIRE(files.has_value());
    const auto recording = std::ranges::find_if(*files, [](const storage::MediaFile &file) { return file.role == storage::MediaRole::Recording; });
    REQUIRE(recording != files->end());
    CHECK(recording->sha256 == sha256OfFile(recording->path).value());
    // The claim is released once the recording is stored.
    CHECK(storage::SessionClaim::take(data.path(), id).has_value());
}

TEST_CASE("a recording that cannot start fails the session with the reason and leaves no claim", "[live]")
{
    QTemporaryDir data;
    SystemClock clock;
    auto journal = storage::Journal::open(data.path(), clock);
    REQUIRE(journal.has_value());
    // The recordings folder is a file: nothing can be written there.
    const auto blocked = QDir(data.path()).filePath(QStringLiteral("blocked"));
    {
        QFile file(blocked);
        REQUIRE(file.open(QIODevice::WriteOnly));
    }
    auto created = live::SessionController::create(setupFor(blocked), **journal, clock);
    REQUIRE(created.has_value());
    auto &controller = **created;
    const auto id = controller.session().id();
    live::LiveOptions options;
    options.previewsPerSecond = 0;
    live::LiveCapture capture(syntheticSource(clock, controller.session().createdMonotonic()), nullptr, options);
    const auto opened = controller.openRecording(capture);
    REQUIRE_FALSE(opened.has_value());
    CHECK(opened.error().code == ErrorCode::IoError);
    CHECK(controller.session().state() == workflow::SessionState::Failed);
    QCoreApplication::processEvents();
    const auto record = (*journal)->sessions().find(id);
    REQUIRE(record.has_value());
    CHECK((*record)->state == workflow::SessionState::Failed);
    CHECK((*record)->evidence == storage::EvidenceState::NoRecording);
    CHECK(storage::SessionClaim::take(data.path(), id).has_value());
}

TEST_CASE("a close-up is refused while someone the step needs is missing", "[live]")
{
    QTemporaryDir data;
    SystemClock clock;
    auto journal = storage::Journal::open(data.path(), clock);
    REQUIRE(journal.has_value());
    auto created = live::SessionController::create(setupFor(QDir(data.path()).filePath(QStringLiteral("recordings"))),
                                                   **journal, clock);
    REQUIRE(created.has_value());
    auto &controller = **created;
    REQUIRE(controller.session().start().has_value());
    controller.session().setPresence(workflow::PresenceFacts{true, false, true});
    const auto refused = controller.addSnapshot(QByteArray("\xff\xd8\xff\xe0 not really a jpeg", 22));
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code == ErrorCode::RequirementsUnmet);
    CHECK(QDir(QDir(data.path()).filePath(QStringLiteral("recordings"))).entryList(QDir::Files).isEmpty());
}

TEST_CASE("the controller says when a close-up may be taken: while the session runs and everyone the step needs is there", "[live]")
{
    QTemporaryDir data;
    SystemClock clock;
    auto journal = storage::Journal::open(data.path(), clock);
    REQUIRE(journal.has_value());
    const QString recordings = QDir(data.path()).filePath(QStringLiteral("recordings"));
    auto created = live::SessionController::create(setupFor(recordings), **journal, clock);
    REQUIRE(created.has_value());
    auto &controller = **created;
    REQUIRE(controller.session().start().has_value());
    controller.session().setPresence(workflow::PresenceFacts{true, true, true});
    CHECK(controller.snapshotAllowed().has_value());
    controller.session().setPresence(workflow::PresenceFacts{true, false, true});
    REQUIRE_FALSE(controller.snapshotAllowed().has_value());
    CHECK(controller.snapshotAllowed().error().code == ErrorCode::RequirementsUnmet);
    controller.session().setPresence(workflow::PresenceFacts{true, true, true});
    REQUIRE(controller.session().abort(QStringLiteral("customer_must_leave")).has_value());
    // Ended: refused before anything is written, though everyone is in the picture.
    REQUIRE_FALSE(controller.snapshotAllowed().has_value());
    CHECK(controller.snapshotAllowed().error().code == ErrorCode::InvalidState);
    const auto refused = controller.addSnapshot(QByteArray("\xff\xd8\xff\xe0 not really a jpeg", 22));
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code == ErrorCode::InvalidState);
    CHECK(QDir(recordings).entryList({QStringLiteral("*.snapshot-*")}, QDir::Files).isEmpty());
}

TEST_CASE("the seal queue seals a stored session in the background, or says it needs an insurer certificate", "[live]")
{
    QTemporaryDir data;
    SystemClock clock;
    // The device keys opened once, as the composition root does, and shared with the journal,
    // the recorder and the queue.
    seal::FileKeyStore keyStore(QDir(data.path()).filePath(QStringLiteral("keys")));
    auto opened = seal::DeviceKeys::open(data.path(), keyStore);
    REQUIRE(opened.has_value());
    const auto deviceKeys = std::make_shared<const seal::DeviceKeys>(std::move(*opened));
    storage::Journal::Options journalOptions;
    journalOptions.evidenceKeys = deviceKeys;
    auto journal = storage::Journal::open(data.path(), clock, journalOptions);
    REQUIRE(journal.has_value());
    workflow::SessionId id;
    {
        // Encrypted at rest with the journal's device keys, as the window records.
        auto setup = setupFor(QDir(data.path()).filePath(QStringLiteral("recordings")));
        setup.recording.keys = (*journal)->evidenceKeys();
        auto created = live::SessionController::create(setup, **journal, clock);
        REQUIRE(created.has_value());
        auto &controller = **created;
        id = controller.session().id();
        live::LiveOptions options;
        options.previewsPerSecond = 0;
        live::LiveCapture capture(syntheticSource(clock, controller.session().createdMonotonic()), nullptr, options);
        REQUIRE(controller.openRecording(capture).has_value());
        REQUIRE(controller.session().start().has_value());
        REQUIRE(waitFor([&] { return controller.recording()->sourceEnded().has_value(); }, 60000));
        REQUIRE(controller.session().abort(QStringLiteral("test: source ended")).has_value());
        bool finished = false;
        QObject::connect(&controller, &live::SessionController::finished, &controller, [&](const auto &) { finished = true; });
        controller.finish(QStringLiteral("test"));
        REQUIRE(waitFor([&] { return finished; }, 60000));
    }
    REQUIRE((*journal)->sessions().evidenceState(id).value() == storage::EvidenceState::Stored);

    // No certificate: nothing is sealed, the session is named as waiting for one.
    QList<QByteArray> certificates;
    // The queue reads the recording with the keys it is given (the composition root's one
    // instance), never opening its own: with the device key gone from the folder's key store
    // after start-up, sealing still works.
    const auto keyFiles = QDir(QDir(data.path()).filePath(QStringLiteral("keys"))).entryInfoList({QStringLiteral("device-*")}, QDir::Files);
    REQUIRE_FALSE(keyFiles.isEmpty());
    for (const auto &keyFile : keyFiles)
        REQUIRE(QFile::remove(keyFile.filePath()));
    live::SealQueue queue(**journal, data.path(), deviceKeys, clock, [&] { return certificates; });
    QList<workflow::SessionId> needing;
    QList<workflow::SessionId> sealed;
    std::optional<Error> failure;
    QObject::connect(&queue, &live::SealQueue::needsCertificate, &queue, [&](const workflow::SessionId &which) { needing.append(which); });
    QObject::connect(&queue, &live::SealQueue::sealed, &queue, [&](const workflow::SessionId &which) { sealed.append(which); });
    QObject::connect(&queue, &live::SealQueue::waiting, &queue, [&](const workflow::SessionId &, const Error &error) { failure = error; });
    queue.sealPending();
    CHECK(needing == QList{id});
    CHECK_FALSE(queue.busy());
    CHECK((*journal)->sessions().evidenceState(id).value() == storage::EvidenceState::Stored);

    // An insurer certificate made with the openssl CLI: sealed in a worker thread.
    QTemporaryDir keys;
    const auto certificate = keys.filePath(QStringLiteral("insurer.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                   QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), keys.filePath(QStringLiteral("insurer.key")), QStringLiteral("-out"), certificate,
                   QStringLiteral("-subj"), QStringLiteral("/CN=Test Insurer"), QStringLiteral("-days"), QStringLiteral("2")});
    REQUIRE(openssl.waitForFinished(30000));
    REQUIRE(openssl.exitCode() == 0);
    QFile pem(certificate);
    REQUIRE(pem.open(QIODevice::ReadOnly));
    certificates = {pem.readAll()};
    queue.sealPending();
    CHECK(queue.busy());
    REQUIRE(waitFor([&] { return !sealed.isEmpty() || failure.has_value(); }, 120000));
    INFO((failure ? failure->toString().toStdString() : std::string()));
    REQUIRE(sealed == QList{id});
    CHECK((*journal)->sessions().evidenceState(id).value() == storage::EvidenceState::Sealed);
    CHECK(QFileInfo::exists(QDir(data.path()).filePath(QStringLiteral("packages/%1.dualrec").arg(id.toString()))));
    // Nothing is left to seal: another round does nothing.
    queue.sealPending();
    CHECK_FALSE(queue.busy());

    // A timestamp authority is configured, but answers 500: the package stays as it is, the
    // queue says so and asks again after its backoff; once the TSA answers, the token lies
    // beside the package, which has not changed.
    const QString package = QDir(data.path()).filePath(QStringLiteral("packages/%1.dualrec").arg(id.toString()));
    const QByteArray sealedBytes = [&] {
        QFile file(package);
        REQUIRE(file.open(QIODevice::ReadOnly));
        return file.readAll();
    }();
    test::TsaServer tsa;
    tsa.setFault("500");
    queue.setTimestampAuthority([&] { return seal::TimestampAuthority{tsa.url(), {}, 20'000}; }, std::chrono::milliseconds(300));
    QList<Error> timestampFailures;
    QStringList stamped;
    QObject::connect(&queue, &live::SealQueue::timestampWaiting, &queue,
                     [&](const workflow::SessionId &, const Error &error) { timestampFailures.append(error); });
    QObject::connect(&queue, &live::SealQueue::timestamped, &queue, [&](const workflow::SessionId &, const QString &path) { stamped.append(path); });
    queue.sealPending();
    REQUIRE(waitFor([&] { return timestampFailures.size() >= 2; }, 60000)); // the first try and one retry by the backoff
    CHECK(timestampFailures.first().code == ErrorCode::NetworkError);
    CHECK(stamped.isEmpty());
    CHECK_FALSE(QFileInfo::exists(package + QStringLiteral(".tsr")));
    tsa.setFault({});
    REQUIRE(waitFor([&] { return !stamped.isEmpty(); }, 60000));
    CHECK(stamped == QStringList{package + QStringLiteral(".tsr")});
    CHECK(QFileInfo(package + QStringLiteral(".tsr")).size() > 500);
    QFile after(package);
    REQUIRE(after.open(QIODevice::ReadOnly));
    CHECK(after.readAll() == sealedBytes);
    CHECK(seal::verifyPackage(package, {}).ok());
    storage::SealRepository seals((*journal)->database());
    CHECK(seals.withoutTimestamp().value().isEmpty());
}
