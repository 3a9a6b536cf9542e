#include "app/sealcommand.h"

#include "app/application.h"
#include "app/devicekeysetup.h"
#include "app/verifyjournalcommand.h"
#include "core/seal/oskeystore.h"
#include "core/seal/sealsession.h"
#include "core/seal/signingidentity.h"
#include "core/storage/journal.h"
#include "core/util/clock.h"
#include "core/util/settingsstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace dualrec::app {

namespace {

const QString kInsurerCert = QStringLiteral("insurer-cert");
const QString kInsurerKey = QStringLiteral("insurer-key");
const QString kCa = QStringLiteral("ca");
const QString kJournal = QStringLiteral("journal");
const QString kTsaCa = QStringLiteral("tsa-ca");

/// A small file (certificate, key) read whole; empty with `problem` set when it cannot be.
QByteArray readSmall(const QString &path, QString &problem)
{
    QFile file(path);
    if (!QFileInfo(path).isFile() || QFileInfo(path).size() > 1024 * 1024 || !file.open(QIODevice::ReadOnly)) {
        problem = QCoreApplication::translate("SealCommand", "\"%1\" is not a readable file below 1 MiB").arg(QDir::toNativeSeparators(path));
        return {};
    }
    return file.readAll();
}

/// The key store of a data folder as its signing marker says, else as it would be made now.
QString protectionOf(const QString &backend, const QString &dataDirectory)
{
    if (backend == QLatin1String("file"))
        return QCoreApplication::translate("SealCommand", "an owner-only file in %1 (readable by anyone who has this disk)")
            .arg(QDir::toNativeSeparators(QDir(dataDirectory).filePath(QStringLiteral("keys"))));
    return QCoreApplication::translate("SealCommand", "the operating system's key store (%1)").arg(backend);
}

int runSeal(const CommandLine &commandLine, QTextStream &out, QTextStream &err)
{
    const auto &options = commandLine.seal;
    const auto id = workflow::SessionId::fromString(options.sessionId);
    const QString dataDirectory = Application::dataDirectory(commandLine);
    if (!QFileInfo::exists(storage::Journal::databasePath(dataDirectory))) {
        err << "dualrec seal: " << QCoreApplication::translate("SealCommand", "there is no DualRec journal in %1 (check --data-dir)").arg(QDir::toNativeSeparators(dataDirectory)) << Qt::endl;
        return 2;
    }
    QStringList certificatePaths = options.insurerCertificates;
    if (certificatePaths.isEmpty()) {
        const SettingsStore settings(QString(), SettingsStore::systemPolicyPath());
        certificatePaths = settings.text(SettingKey::InsurerCertificates).split(u';', Qt::SkipEmptyParts);
    }
    QList<QByteArray> certificates;
    for (const auto &path : std::as_const(certificatePaths)) {
        QString problem;
        const QByteArray pem = readSmall(path.trimmed(), problem);
        if (!problem.isEmpty()) {
            err << "dualrec seal: " << QCoreApplication::translate("SealCommand", "insurer certificate: %1").arg(problem) << Qt::endl;
            return 2;
        }
        certificates.append(pem);
    }
    const SystemClock clock;
    auto keys = openDeviceKeys(dataDirectory, KeyOpening::ExistingOnly);
    if (!keys) {
        err << "dualrec seal: " << deviceKeyProblem(dataDirectory, keys.error()) << Qt::endl;
        return 2;
    }
    storage::Journal::Options journalOptions;
    journalOptions.evidenceKeys = *keys;
    auto journal = storage::Journal::open(dataDirectory, clock, journalOptions);
    if (!journal) {
        err << "dualrec seal: " << QCoreApplication::translate("SealCommand", "cannot open the journal in %1: %2").arg(QDir::toNativeSeparators(dataDirectory), journal.error().detail) << Qt::endl;
        return 2;
    }
    auto session = (*journal)->sessions().find(id);
    if (!session || !session->has_value()) {
        err << "dualrec seal: " << QCoreApplication::translate("SealCommand", "there is no session %1 in the journal of %2").arg(options.sessionId, QDir::toNativeSeparators(dataDirectory))
            << Qt::endl;
        return 2;
    }
    const auto existing = seal::packagePath(dataDirectory, id);
    if (certificates.isEmpty() && !QFileInfo::exists(existing)) {
        err << "dualrec seal: "
            << QCoreApplication::translate("SealCommand", "session %1 is not sealed: no insurer certificate is configured. Give --insurer-cert FILE.pem, or have IT set "
                  "seal/insurerCertificates in the policy file.")
                   .arg(options.sessionId)
            << Qt::endl;
        return 1;
    }
    auto store = seal::dataFolderKeyStore(dataDirectory);
    seal::SealRequest request;
    request.insurerCertificatesPem = certificates;
    // The package's RFC 3161 timestamp (IT policy seal/tsaUrl): asked right after sealing, or now
    // for a package sealed before without one. A TSA away never fails the sealing.
    const SettingsStore settings(QString(), SettingsStore::systemPolicyPath());
    QString tsaProblem;
    request.timestampAuthority = configuredTimestampAuthority(settings, tsaProblem);
    if (!tsaProblem.isEmpty())
        err << "dualrec seal: " << tsaProblem << Qt::endl;
    request.timestamped = [&err](const Result<seal::TimestampInfo> &stamped) {
        if (stamped)
            err << "dualrec seal: " << QCoreApplication::translate("SealCommand", "timestamp: %1").arg(stamped->describe()) << Qt::endl;
        else
            err << "dualrec seal: "
                << QCoreApplication::translate("SealCommand", "timestamp: none yet (%1); the package is sealed, and its timestamp is asked for "
                                                              "again later (by the window, or by running this command again)")
                       .arg(stamped.error().detail)
                << Qt::endl;
    };
    auto sealed = seal::sealSession(**journal, dataDirectory, id, *store, (*journal)->evidenceKeys().get(), clock, request); // the keys opened above
    if (!sealed) {
        err << "dualrec seal: " << QCoreApplication::translate("SealCommand", "session %1 was not sealed: %2").arg(options.sessionId, sealed.error().detail) << Qt::endl;
        return sealed.error().code == ErrorCode::InvalidArgument ? 2 : 1;
    }
    out << QDir::toNativeSeparators(*sealed) << Qt::endl;
    return 0;
}

int runVerify(const CommandLine &commandLine, QTextStream &out, QTextStream &err)
{
    const auto &options = commandLine.seal;
    seal::VerifyOptions verify;
    QString problem;
    if (!QFileInfo(options.package).isFile()) {
        err << "dualrec verify: " << QCoreApplication::translate("SealCommand", "\"%1\" is not a file").arg(QDir::toNativeSeparators(options.package)) << Qt::endl;
        return 2;
    }
    if (!options.insurerKey.isEmpty())
        verify.insurerKeyPem = readSmall(options.insurerKey, problem);
    if (!problem.isEmpty()) {
        err << "dualrec verify: --insurer-key: " << problem << Qt::endl;
        return 2;
    }
    if (!options.ca.isEmpty())
        verify.caPem = readSmall(options.ca, problem);
    if (!problem.isEmpty()) {
        err << "dualrec verify: --ca: " << problem << Qt::endl;
        return 2;
    }
    if (!options.tsaCa.isEmpty())
        verify.tsaCaPem = readSmall(options.tsaCa, problem);
    if (!problem.isEmpty()) {
        err << "dualrec verify: --tsa-ca: " << problem << Qt::endl;
        return 2;
    }
    const auto report = seal::verifyPackage(options.package, verify);
    for (const auto &check : report.checks)
        out << (check.ok ? "ok     " : "FAILED ") << check.part << ": " << check.detail << Qt::endl;
    if (!report.ok()) {
        err << "dualrec verify: " << QCoreApplication::translate("SealCommand", "the package does not verify: %1").arg(report.firstFailure()) << Qt::endl;
        return 1;
    }
    out << QCoreApplication::translate("SealCommand", "the package verifies") << Qt::endl;
    return 0;
}

int runOpen(const CommandLine &commandLine, QTextStream &out, QTextStream &err)
{
    const auto &options = commandLine.seal;
    QString problem;
    if (!QFileInfo(options.package).isFile()) {
        err << "dualrec open: " << QCoreApplication::translate("SealCommand", "\"%1\" is not a file").arg(QDir::toNativeSeparators(options.package)) << Qt::endl;
        return 2;
    }
    const QByteArray key = readSmall(options.insurerKey, problem);
    if (!problem.isEmpty()) {
        err << "dualrec open: --insurer-key: " << problem << Qt::endl;
        return 2;
    }
    QByteArray tsaCa;
    if (!options.tsaCa.isEmpty())
        tsaCa = readSmall(options.tsaCa, problem);
    if (!problem.isEmpty()) {
        err << "dualrec open: --tsa-ca: " << problem << Qt::endl;
        return 2;
    }
    auto written = seal::openPackage(options.package, key, options.outputFolder);
    if (!written) {
        err << "dualrec open: " << QCoreApplication::translate("SealCommand", "nothing unauthenticated was written: %1").arg(written.error().detail) << Qt::endl;
        return written.error().code == ErrorCode::FormatError ? 2 : 1;
    }
    for (const auto &path : *written)
        out << QDir::toNativeSeparators(path) << Qt::endl;
    // The timestamp beside the package, told (the files are authenticated without it).
    QFile manifest(QDir(options.outputFolder).filePath(QStringLiteral("manifest.json")));
    if (manifest.open(QIODevice::ReadOnly)) {
        const auto check = seal::checkPackageTimestamp(options.package, QCryptographicHash::hash(manifest.readAll(), QCryptographicHash::Sha256), tsaCa);
        err << "dualrec open: " << (check.ok ? "" : "FAILED ") << check.part << ": " << check.detail << Qt::endl;
    }
    return 0;
}

int runDeviceCsr(const CommandLine &commandLine, QTextStream &out, QTextStream &err)
{
    const QString dataDirectory = Application::dataDirectory(commandLine);
    auto store = seal::dataFolderKeyStore(dataDirectory);
    auto identity = seal::SigningIdentity::open(dataDirectory, *store);
    if (!identity) {
        err << "dualrec device csr: " << QCoreApplication::translate("SealCommand", "this device's signing key cannot be opened: %1").arg(identity.error().detail) << Qt::endl;
        return 1;
    }
    auto request = identity->certificateRequestPem();
    if (!request) {
        err << "dualrec device csr: " << request.error().detail << Qt::endl;
        return 1;
    }
    out << QString::fromLatin1(*request);
    out.flush();
    err << "dualrec device csr: " << QCoreApplication::translate("SealCommand", "certificate SHA-256 %1; the private key is kept in %2")
                                         .arg(identity->certificateSha256(), protectionOf(identity->backendName(), dataDirectory))
        << Qt::endl;
    return 0;
}

} // namespace

QList<QCommandLineOption> sealCommandOptions()
{
    return {QCommandLineOption(kInsurerCert, QCoreApplication::translate("SealCommand", "seal: the insurer's certificate (PEM) to encrypt to (repeatable)."), QStringLiteral("PEM")),
            QCommandLineOption(kInsurerKey, QCoreApplication::translate("SealCommand", "verify, open: the insurer's private key (PEM)."), QStringLiteral("KEY.pem")),
            QCommandLineOption(kCa, QCoreApplication::translate("SealCommand", "verify: certificates (PEM) the device's certificate must be enrolled with."), QStringLiteral("CERT.pem")),
            QCommandLineOption(kTsaCa, QCoreApplication::translate("SealCommand", "verify, open: the timestamp authority's CA certificates (PEM) PACKAGE.tsr must chain to."), QStringLiteral("CERT.pem")),
            QCommandLineOption(kJournal, QCoreApplication::translate("SealCommand", "verify: check the data folder's journal, audit log, accounts and media files instead of a package."))};
}

QString sealCommandsHelp()
{
    return QCoreApplication::translate("SealCommand", "  seal SESSION_ID [--insurer-cert PEM]...\n"
              "                         seal an ended session into one package for the insurer (signed by\n"
              "                         this device, encrypted to the insurer's certificates); prints the\n"
              "                         package's path on its last line. Exit 0 sealed, 1 not sealed, 2 error\n"
              "  verify PACKAGE [--insurer-key KEY.pem] [--ca CERT.pem] [--tsa-ca CERT.pem]\n"
              "                         check a sealed package and its timestamp PACKAGE.tsr, one line per\n"
              "                         check; exit 0 when everything holds, 1 when something fails, 2 for a\n"
              "                         wrong command line\n"
              "  verify --journal [--data-dir D] [--json]\n"
              "                         check the data folder: the journal (SQLite), the keyed audit chain, every\n"
              "                         account's keyed seal, and every media file of the unsealed sessions\n"
              "                         re-hashed against the journal; one line per break (row, what differs);\n"
              "                         exit 0 when everything holds, 1 when something does not, 2 without a journal\n"
              "  open PACKAGE --insurer-key KEY.pem --out DIR\n"
              "                         the insurer's side: decrypt the files of a package that verifies;\n"
              "                         a file is written only once it is authenticated\n"
              "  device csr             print a certificate signing request for this device's signing key");
}

bool isSealCommand(const QString &word)
{
    return word == QLatin1String("seal") || word == QLatin1String("verify") || word == QLatin1String("open")
           || word == QLatin1String("device");
}

void parseSealCommand(const QCommandLineParser &parser, const QStringList &positional, const QString &outFolder, CommandLine &result)
{
    const QString command = positional.first();
    auto &options = result.seal;
    options.insurerCertificates = parser.values(kInsurerCert);
    options.insurerKey = parser.value(kInsurerKey);
    options.ca = parser.value(kCa);
    options.tsaCa = parser.value(kTsaCa);
    options.outputFolder = outFolder;
    if (command == QLatin1String("seal")) {
        if (positional.size() != 2) {
            result.error = QCoreApplication::translate("SealCommand", "seal: expected \"seal SESSION_ID\" with exactly one session id");
        } else if (workflow::SessionId::fromString(positional.at(1)).isNull()) {
            result.error = QCoreApplication::translate("SealCommand", "seal: \"%1\" is not a session id (expected a UUID such as 1df3086b-e6f7-4463-891d-95999a1913be)").arg(positional.at(1));
        } else {
            options.sessionId = positional.at(1);
            result.mode = CommandLine::Mode::Seal;
        }
    } else if (command == QLatin1String("verify") && parser.isSet(kJournal)) {
        if (positional.size() != 1 || !options.insurerKey.isEmpty() || !options.ca.isEmpty())
            result.error = QCoreApplication::translate("SealCommand", "verify --journal: expected no package and no --insurer-key or --ca (the data folder comes from --data-dir)");
        else
            result.mode = CommandLine::Mode::VerifyJournal;
    } else if (command == QLatin1String("verify")) {
        if (positional.size() != 2) {
            result.error = QCoreApplication::translate("SealCommand", "verify: expected \"verify PACKAGE\" with exactly one package");
        } else {
            options.package = positional.at(1);
            result.mode = CommandLine::Mode::Verify;
        }
    } else if (command == QLatin1String("open")) {
        if (positional.size() != 2 || options.insurerKey.isEmpty() || options.outputFolder.isEmpty()) {
            result.error = QCoreApplication::translate("SealCommand", "open: expected \"open PACKAGE --insurer-key KEY.pem --out DIR\"");
        } else {
            options.package = positional.at(1);
            result.mode = CommandLine::Mode::Open;
        }
    } else if (positional.size() == 2 && positional.at(1) == QLatin1String("csr")) {
        result.mode = CommandLine::Mode::DeviceCsr;
    } else {
        result.error = QCoreApplication::translate("SealCommand", "device: expected \"device csr\"");
    }
}

QString misplacedSealOption(const QCommandLineParser &parser, CommandLine::Mode mode)
{
    if (parser.isSet(kInsurerCert) && mode != CommandLine::Mode::Seal)
        return QCoreApplication::translate("SealCommand", "--insurer-cert belongs to the seal command");
    if (parser.isSet(kInsurerKey) && mode != CommandLine::Mode::Verify && mode != CommandLine::Mode::Open)
        return QCoreApplication::translate("SealCommand", "--insurer-key belongs to the verify and open commands");
    if (parser.isSet(kCa) && mode != CommandLine::Mode::Verify)
        return QCoreApplication::translate("SealCommand", "--ca belongs to the verify command");
    if (parser.isSet(kTsaCa) && mode != CommandLine::Mode::Verify && mode != CommandLine::Mode::Open)
        return QCoreApplication::translate("SealCommand", "--tsa-ca belongs to the verify and open commands");
    if (parser.isSet(kJournal) && mode != CommandLine::Mode::VerifyJournal)
        return QCoreApplication::translate("SealCommand", "--journal belongs to the verify command");
    return {};
}

int runSealCommand(const CommandLine &commandLine, QTextStream &out, QTextStream &err)
{
    switch (commandLine.mode) {
    case CommandLine::Mode::Seal:
        return runSeal(commandLine, out, err);
    case CommandLine::Mode::Verify:
        return runVerify(commandLine, out, err);
    case CommandLine::Mode::VerifyJournal:
        return runVerifyJournal(commandLine, out, err);
    case CommandLine::Mode::Open:
        return runOpen(commandLine, out, err);
    case CommandLine::Mode::DeviceCsr:
        return runDeviceCsr(commandLine, out, err);
    default:
        break;
    }
    return 2;
}

seal::TimestampAuthority configuredTimestampAuthority(const SettingsStore &settings, QString &problem)
{
    seal::TimestampAuthority authority;
    const QString url = settings.text(SettingKey::TsaUrl).trimmed();
    if (url.isEmpty())
        return authority;
    for (const auto &path : settings.text(SettingKey::TsaCaCertificates).split(u';', Qt::SkipEmptyParts)) {
        QString unreadable;
        const QByteArray pem = readSmall(path.trimmed(), unreadable);
        if (!unreadable.isEmpty()) {
            problem = QCoreApplication::translate("SealCommand", "no timestamp is requested: the timestamp authority's CA certificate "
                                                                 "(setting seal/tsaCaCertificates) cannot be read: %1")
                          .arg(unreadable);
            return {};
        }
        authority.caPem += pem + '\n';
    }
    authority.url = QUrl(url);
    return authority;
}

QString signingKeyProtection(const CommandLine &commandLine)
{
    const QString dataDirectory = Application::dataDirectory(commandLine);
    const QString recorded = seal::SigningIdentity::recordedBackend(dataDirectory);
    if (!recorded.isEmpty())
        return QCoreApplication::translate("SealCommand", "device signing key: %1").arg(protectionOf(recorded, dataDirectory));
    const auto store = seal::dataFolderKeyStore(dataDirectory);
    return QCoreApplication::translate("SealCommand", "device signing key: not made yet; it will be kept in %1").arg(protectionOf(store->backendName(), dataDirectory));
}

} // namespace dualrec::app
