#include "app/selftestcommand.h"

#include "app/application.h"
#include "app/facemodelsetting.h"
#include "app/recordcommand.h"
#include "core/live/interruptedsessions.h"
#include "core/seal/evidencefile.h"
#include "core/seal/keystore.h"
#include "core/seal/passwordhash.h"
#include "core/seal/secretkey.h"
#include "core/seal/package.h"
#include "core/seal/sealsession.h"
#include "core/seal/signingidentity.h"
#include "core/storage/journal.h"
#include "core/util/clock.h"
#include "core/util/filedigest.h"
#include "core/vision/facedetector.h"
#include "core/vision/videoframereader.h"
#include "core/workflow/templatelibrary.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTranslator>

#include <opencv2/core/mat.hpp>

namespace dualrec::app {

namespace {

SelfTestCheck passed(const QString &line)
{
    return {true, line};
}

SelfTestCheck failed(const QString &line)
{
    return {false, line};
}

SelfTestCheck checkTranslations()
{
    QStringList missing;
    for (const auto *language : {"zh_CN", "en"}) {
        QTranslator translator;
        const QString file = QStringLiteral(":/i18n/dualrec_%1.qm").arg(QLatin1String(language));
        if (!translator.load(file) || translator.isEmpty())
            missing << file;
    }
    // Qt's own Chinese texts (standard buttons and dialogs), from the Qt installation.
    QTranslator qt;
    if (!qt.load(QLocale(QLocale::Chinese, QLocale::China), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        missing << QDir::toNativeSeparators(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_zh_CN.qm"));
    if (!missing.isEmpty())
        return failed(QCoreApplication::translate("SelfTest", "Translations: missing or empty: %1.").arg(missing.join(QStringLiteral(", "))));
    return passed(QCoreApplication::translate("SelfTest", "Translations: the Chinese and English texts of DualRec and Qt's Chinese texts are present."));
}

SelfTestCheck checkScripts(const workflow::TemplateLibrary &library)
{
    const auto &diagnostics = library.diagnostics();
    if (!diagnostics.isEmpty())
        return failed(QCoreApplication::translate("SelfTest", "Scripts and rules: %n problem(s); the first: %1", nullptr, int(diagnostics.size())).arg(diagnostics.first().toString()));
    if (library.templates().isEmpty() || library.ruleSets().isEmpty())
        return failed(QCoreApplication::translate("SelfTest", "Scripts and rules: no script template or no scope rule set was found."));
    return passed(QCoreApplication::translate("SelfTest", "Scripts and rules: %1 script templates and %2 scope rule sets load without problems.")
                      .arg(library.templates().size())
                      .arg(library.ruleSets().size()));
}

SelfTestCheck checkEncryption()
{
    const auto key = seal::SecretKey::generate();
    if (!key)
        return failed(QCoreApplication::translate("SelfTest", "Encryption (OpenSSL): no key could be generated: %1").arg(key.error().detail));
    const QByteArray plain = QByteArrayLiteral("DualRec self-test");
    const auto sealed = seal::encryptAesGcm(*key, plain, QByteArrayLiteral("self-test"));
    if (!sealed)
        return failed(QCoreApplication::translate("SelfTest", "Encryption (OpenSSL): AES-256-GCM encryption failed: %1").arg(sealed.error().detail));
    const auto opened = seal::decryptAesGcm(*key, *sealed, QByteArrayLiteral("self-test"));
    if (!opened || *opened != plain)
        return failed(QCoreApplication::translate("SelfTest", "Encryption (OpenSSL): AES-256-GCM did not give back the original text."));
    if (seal::decryptAesGcm(*key, *sealed, QByteArrayLiteral("tampered")))
        return failed(QCoreApplication::translate("SelfTest", "Encryption (OpenSSL): AES-256-GCM accepted data that was changed."));
    const auto hash = seal::hashPassword(QStringLiteral("self-test password"), 1000);
    if (!hash || !seal::verifyPassword(QStringLiteral("self-test password"), *hash)
        || seal::verifyPassword(QStringLiteral("wrong password"), *hash))
        return failed(QCoreApplication::translate("SelfTest", "Encryption (OpenSSL): password hashing (PBKDF2) does not work."));
    return passed(QCoreApplication::translate("SelfTest", "Encryption (OpenSSL): AES-256-GCM and password hashing (PBKDF2) work."));
}

SelfTestCheck checkDataFolder(const CommandLine &commandLine)
{
    const QString folder = Application::dataDirectory(commandLine);
    const QString shown = QDir::toNativeSeparators(folder);
    if (!QDir().mkpath(folder))
        return failed(QCoreApplication::translate("SelfTest", "Data folder: %1 cannot be created.").arg(shown));
    QTemporaryFile probe(QDir(folder).filePath(QStringLiteral("self-test-XXXXXX")));
    if (!probe.open() || probe.write("probe") != 5 || !probe.flush())
        return failed(QCoreApplication::translate("SelfTest", "Data folder: %1 is not writable.").arg(shown));
    return passed(QCoreApplication::translate("SelfTest", "Data folder: %1 is writable.").arg(shown));
}

/// The journal and the recording pipeline, in `folder`: two checks (journal, recording), always.
/// `recording` receives the finalized test recording when there is one.
QList<SelfTestCheck> checkRecording(const CommandLine &commandLine, const workflow::TemplateLibrary &library,
                                    const QTemporaryDir &folder, QString &recording,
                                    std::shared_ptr<const seal::DeviceKeys> &keys)
{
    SystemClock clock;
    // The test recording is encrypted like any other: with a throw-away device key kept in
    // owner-only files inside the temporary folder (the user's key store is left alone).
    if (folder.isValid()) {
        seal::FileKeyStore store(QDir(folder.path()).filePath(QStringLiteral("keys")));
        if (auto opened = seal::DeviceKeys::open(folder.path(), store))
            keys = std::make_shared<const seal::DeviceKeys>(std::move(*opened));
    }
    storage::Journal::Options journalOptions;
    journalOptions.evidenceKeys = keys;
    auto journal = folder.isValid() ? storage::Journal::open(folder.path(), clock, journalOptions)
                                    : Result<std::unique_ptr<storage::Journal>>(fail(
                                          ErrorCode::IoError, QStringLiteral("no temporary folder can be created in %1: %2")
                                                                  .arg(QDir::toNativeSeparators(QDir::tempPath()), folder.errorString())));
    if (!journal)
        return {failed(QCoreApplication::translate("SelfTest", "Journal (SQLite): a test journal cannot be opened: %1").arg(journal.error().detail)),
                failed(QCoreApplication::translate("SelfTest", "Recording (FFmpeg): not checked, because the test journal could not be opened."))};

    // 3 s from the demo source through the same path as `dualrec record`, as fast as it encodes.
    CommandLine record = commandLine;
    record.mode = CommandLine::Mode::Record;
    record.source = SourceKind::Demo;
    record.record.templateId = library.templates().isEmpty() ? QString() : library.templates().first().id;
    record.record.applicationNumber = QStringLiteral("SELF-TEST");
    record.record.agentId = QStringLiteral("self-test");
    record.record.outputDirectory = QDir(folder.path()).filePath(QStringLiteral("recordings"));
    record.record.durationSeconds = 3;
    record.record.fastSource = true;
    record.record.autoAnswers = true;
    QString recordOut;
    QString recordErr;
    QTextStream recordOutStream(&recordOut);
    QTextStream recordErrStream(&recordErr);
    int recorded = 0;
    recorded = runRecord(record, **journal, clock, everyonePresent, recordOutStream, recordErrStream, keys);
    const auto files = QDir(record.record.outputDirectory).entryInfoList({QStringLiteral("*.mp4")}, QDir::Files);
    for (const auto &file : files) {
        if (!file.fileName().endsWith(QLatin1String(".recording.mp4")))
            recording = file.absoluteFilePath();
    }
    if (recorded != 0 || recording.isEmpty()) {
        recording.clear();
        const auto why = recordErr.trimmed().split(QLatin1Char('\n')).value(0);
        return {failed(QCoreApplication::translate("SelfTest", "Journal (SQLite): not checked, because nothing could be recorded.")),
                failed(QCoreApplication::translate("SelfTest", "Recording (FFmpeg): 3 seconds from the demo source could not be recorded: %1").arg(why))};
    }

    QList<SelfTestCheck> checks;
    // The journal must hold the recording with the SHA-256 of its content (decrypted).
    const auto id = workflow::SessionId::fromString(QFileInfo(recording).completeBaseName());
    const auto media = (**journal).sessions().mediaFiles(id);
    const auto digest = seal::evidenceSha256(recording, keys.get());
    bool journaled = false;
    if (media && digest) {
        for (const auto &file : *media)
            journaled = journaled || (file.role == storage::MediaRole::Recording && file.sha256 == *digest);
    }
    if (journaled)
        checks << passed(QCoreApplication::translate("SelfTest", "Journal (SQLite): a test journal records the session and its recording with the right SHA-256."));
    else
        checks << failed(QCoreApplication::translate("SelfTest", "Journal (SQLite): the test recording is missing from the test journal or its SHA-256 differs: %1")
                             .arg(media ? (digest ? QString() : digest.error().detail) : media.error().detail));

    // Read the recording back.
    const auto info = vision::readVideoFrames(recording, [](const cv::Mat &, std::chrono::nanoseconds) { return true; }, keys.get());
    if (!info)
        checks << failed(QCoreApplication::translate("SelfTest", "Recording (FFmpeg): the test recording cannot be read back: %1").arg(info.error().detail));
    else if (info->frames < 25 || info->end < std::chrono::milliseconds(2500))
        checks << failed(QCoreApplication::translate("SelfTest", "Recording (FFmpeg): the test recording holds only %1 frames (%2 s); 3 s were recorded.")
                             .arg(info->frames)
                             .arg(std::chrono::duration<double>(info->end).count(), 0, 'f', 1));
    else
        checks << passed(QCoreApplication::translate("SelfTest", "Recording (FFmpeg): 3 seconds from the demo source were recorded and read back (%1 frames, %2x%3).")
                             .arg(info->frames)
                             .arg(info->width)
                             .arg(info->height));
    return checks;
}

/// The face model loads and runs: on the frames of `recording`, or on a grey test picture when
/// there is no recording.
SelfTestCheck checkFaceDetection(const CommandLine &commandLine, const QString &recording, const seal::DeviceKeys *keys)
{
    const auto model = chooseFaceModel(commandLine.faceModel);
    if (!model)
        return failed(QCoreApplication::translate("SelfTest", "Face detection: %1").arg(model.error().detail));
    if (model->yunetModelPath.isEmpty())
        return failed(QCoreApplication::translate("SelfTest", "Face detection: only the weaker fallback detector (Haar) is available: %1").arg(model->fallbackReason));
    auto created = vision::FaceDetector::create({model->yunetModelPath, {}});
    if (!created)
        return failed(QCoreApplication::translate("SelfTest", "Face detection: the face model cannot be loaded, so presence cannot be checked: %1").arg(created.error().detail));
    auto &detector = **created;
    const QString path = QDir::toNativeSeparators(detector.modelPath());
    if (recording.isEmpty()) {
        (void)detector.detect(cv::Mat(180, 320, CV_8UC3, cv::Scalar(128, 128, 128)));
        return passed(QCoreApplication::translate("SelfTest", "Face detection: the YuNet model %1 loads and checked a test picture.").arg(path));
    }
    qint64 detected = 0;
    const auto info = vision::readVideoFrames(recording, [&](const cv::Mat &bgr, std::chrono::nanoseconds) {
        (void)detector.detect(bgr);
        ++detected;
        return true;
    }, keys);
    if (!info || detected == 0)
        return failed(QCoreApplication::translate("SelfTest", "Face detection: the YuNet model %1 loads, but no frame reached it.").arg(path));
    return passed(QCoreApplication::translate("SelfTest", "Face detection: the YuNet model %1 loads and checked %2 recorded frames.").arg(path).arg(detected));
}

/// Sealing and verifying: the test recording's session (in `folder`) sealed to a throw-away
/// insurer key, the package verified and every file decrypted in memory with that key.
SelfTestCheck checkSealing(const QTemporaryDir &folder, const QString &recording, const std::shared_ptr<const seal::DeviceKeys> &keys)
{
    if (recording.isEmpty())
        return failed(QCoreApplication::translate("SelfTest", "Sealing (OpenSSL): not checked, because nothing could be recorded."));
    const auto notSealed = [](const QString &why) {
        return failed(QCoreApplication::translate("SelfTest", "Sealing (OpenSSL): the test recording could not be sealed and verified: %1").arg(why));
    };
    const SystemClock clock;
    storage::Journal::Options journalOptions;
    journalOptions.evidenceKeys = keys;
    auto journal = storage::Journal::open(folder.path(), clock, journalOptions);
    if (!journal)
        return notSealed(journal.error().detail);
    auto recipient = seal::makeThrowawayRecipient();
    if (!recipient)
        return notSealed(recipient.error().detail);
    seal::FileKeyStore store(QDir(folder.path()).filePath(QStringLiteral("keys")));
    seal::SealRequest request;
    request.insurerCertificatesPem = {recipient->certificatePem};
    const auto id = workflow::SessionId::fromString(QFileInfo(recording).completeBaseName());
    auto sealed = seal::sealSession(**journal, folder.path(), id, store, (*journal)->evidenceKeys().get(), clock, request);
    if (!sealed)
        return notSealed(sealed.error().detail);
    seal::VerifyOptions verify;
    verify.insurerKeyPem = recipient->privateKeyPem;
    const auto report = seal::verifyPackage(*sealed, verify);
    if (!report.ok())
        return notSealed(report.firstFailure());
    return passed(QCoreApplication::translate("SelfTest", "Sealing (OpenSSL): the test recording was sealed, signed and encrypted to a test insurer key; "
                                                          "the package passed all %1 checks and opened with that key.")
                      .arg(report.checks.size()));
}

} // namespace

int runSelfTest(const CommandLine &commandLine, QTextStream &out)
{
    out << QCoreApplication::translate("SelfTest", "DualRec %1 self-test").arg(QCoreApplication::applicationVersion()) << Qt::endl;
    const auto library = workflow::TemplateLibrary::loadDirectories(Application::templateDirectories(commandLine.templateDirectories));
    QList<SelfTestCheck> checks;
    const auto print = [&](const SelfTestCheck &check) {
        checks << check;
        out << (check.passed ? QCoreApplication::translate("SelfTest", "[OK] %1") : QCoreApplication::translate("SelfTest", "[FAILED] %1")).arg(check.line) << Qt::endl;
    };
    print(checkTranslations());
    print(checkScripts(library));
    print(checkEncryption());
    {
        const QTemporaryDir folder;
        QString recording;
        std::shared_ptr<const seal::DeviceKeys> keys;
        for (const auto &check : checkRecording(commandLine, library, folder, recording, keys))
            print(check);
        print(checkFaceDetection(commandLine, recording, keys.get()));
        print(checkSealing(folder, recording, keys));
    }
    print(checkDataFolder(commandLine));

    const auto failures = std::count_if(checks.cbegin(), checks.cend(), [](const SelfTestCheck &check) { return !check.passed; });
    if (failures == 0) {
        out << QCoreApplication::translate("SelfTest", "All %n checks passed.", nullptr, int(checks.size())) << Qt::endl;
        return 0;
    }
    out << QCoreApplication::translate("SelfTest", "%1 of %2 checks failed.").arg(failures).arg(checks.size()) << Qt::endl;
    return 1;
}

} // namespace dualrec::app
