// The sealed package in process: the device's signing identity, sealing to EC and RSA
// recipients, verifying, opening, and a thousand random mutations that must all be detected.
#include "core/seal/encryptedfile.h"
#include "core/seal/package.h"
#include "core/seal/packagefile.h"
#include "core/seal/signingidentity.h"
#include "core/workflow/qcrules.h"
#include "tests/seal/sealfixture.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimeZone>

#include <optional>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;
using namespace dualrec::seal;
using dualrec::test::readAll;
using dualrec::test::writeAll;

namespace {

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(size, '\0');
    for (auto &byte : bytes)
        byte = char(random.bounded(256));
    return bytes;
}

QByteArray box(const char *type, const QByteArray &payload)
{
    QByteArray out(4, '\0');
    const quint32 size = quint32(8 + payload.size());
    out[0] = char(size >> 24);
    out[1] = char(size >> 16);
    out[2] = char(size >> 8);
    out[3] = char(size);
    return out + QByteArray(type, 4) + payload;
}

/// A fragmented MP4's box structure (ftyp, moov, then moof(mfhd)+mdat pairs) with random
/// payloads, about `size` bytes; `repeatSequence` >= 0 gives that fragment the previous number.
QByteArray makeMp4(qsizetype size, quint32 seed, int repeatSequence = -1)
{
    QByteArray mp4 = box("ftyp", QByteArray("isom\0\0\0\1isomiso6", 16)) + box("moov", randomBytes(200, seed));
    for (int fragment = 0; mp4.size() < size; ++fragment) {
        const quint32 sequence = quint32(fragment == repeatSequence ? fragment : fragment + 1);
        QByteArray mfhd(8, '\0');
        mfhd[4] = char(sequence >> 24);
        mfhd[5] = char(sequence >> 16);
        mfhd[6] = char(sequence >> 8);
        mfhd[7] = char(sequence);
        mp4 += box("moof", box("mfhd", mfhd) + box("traf", randomBytes(40, seed + quint32(fragment))));
        mp4 += box("mdat", randomBytes(16 * 1024, seed * 31 + quint32(fragment)));
    }
    return mp4;
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

struct Sealed {
    QString path;
    QByteArray recording;
    QByteArray snapshot;
};

/// A package of three files (a plain "recording", an at-rest encrypted "snapshot" and an
/// in-memory customer member) sealed to `recipients`.
Sealed sealSample(const QString &folder, const SigningIdentity &identity, const DeviceKeys &keys, const QList<QByteArray> &recipients,
                  const QString &name, qsizetype recordingSize = 300 * 1024)
{
    Sealed sealed;
    sealed.recording = makeMp4(recordingSize, 7);
    sealed.snapshot = randomBytes(70 * 1024 + 5, 8);
    const QString recordingPath = QDir(folder).filePath(name + QStringLiteral("-recording.mp4"));
    writeAll(recordingPath, sealed.recording);
    const QString snapshotPath = QDir(folder).filePath(name + QStringLiteral("-snapshot.jpg"));
    QFile::remove(snapshotPath);
    auto writer = EncryptedWriter::create(snapshotPath, keys, 16 * 1024);
    REQUIRE(writer);
    REQUIRE((*writer)->write(sealed.snapshot));
    REQUIRE((*writer)->finish());
    const QList<PackageInput> inputs{
        {QStringLiteral("recording"), QStringLiteral("recording.mp4"), recordingPath, {}, sha256(sealed.recording)},
        {QStringLiteral("snapshot"), QStringLiteral("snapshot-1.jpg"), snapshotPath, {}, sha256(sealed.snapshot)},
        {QStringLiteral("customer"), QStringLiteral("customer.json"), {}, QByteArray(R"({"name":"张三","id_number":"110101199003074578"})"), {}},
    };
    PackageWriteOptions options;
    options.recipientCertificatesPem = recipients;
    options.deviceKeys = [&keys]() -> Result<const DeviceKeys *> { return &keys; };
    options.sealedAtEpochSeconds = 1'796'000'000;
    const QJsonObject manifest{
        {QStringLiteral("sealed_at"), QDateTime::fromSecsSinceEpoch(1796000000, QTimeZone::utc()).toString(Qt::ISODate)},
        {QStringLiteral("sealed_monotonic_ns"), 1},
        {QStringLiteral("session"), QJsonObject{{QStringLiteral("id"), QStringLiteral("1df3086b-e6f7-4463-891d-95999a1913be")},
                                                {QStringLiteral("application_no"), QStringLiteral("P2026-0042")},
                                                {QStringLiteral("agent_id"), QStringLiteral("A-007")},
                                                {QStringLiteral("template_id"), QStringLiteral("traditional-life")},
                                                {QStringLiteral("state"), QStringLiteral("completed")}}},
        {QStringLiteral("steps"), QJsonArray{}},
        {QStringLiteral("events"), QJsonArray{}},
        {QStringLiteral("device"), QJsonObject{{QStringLiteral("app_version"), QStringLiteral("test")}}},
        {QStringLiteral("retention"), QJsonObject{{QStringLiteral("years_after_contract_end"), 10}}},
    };
    sealed.path = QDir(folder).filePath(name + QStringLiteral(".dualrec"));
    auto written = writePackage(sealed.path, inputs, manifest, identity, options);
    INFO((written ? QString() : written.error().toString()).toStdString());
    REQUIRE(written);
    CHECK(!QFile::exists(sealed.path + QStringLiteral(".part")));
    return sealed;
}

struct World {
    QTemporaryDir dir;
    FileKeyStore store{dir.filePath(QStringLiteral("keys"))};
    std::optional<SigningIdentity> identity;
    std::optional<DeviceKeys> keys;
    test::Recipient ec;
    test::Recipient rsa;
    test::Recipient stranger;
    World()
    {
        auto opened = SigningIdentity::open(dir.filePath(QStringLiteral("data")), store);
        REQUIRE(opened);
        identity.emplace(std::move(*opened));
        auto device = DeviceKeys::open(dir.filePath(QStringLiteral("data")), store);
        REQUIRE(device);
        keys.emplace(std::move(*device));
        ec = test::makeRecipient(dir.path(), QStringLiteral("insurer-ec"), QStringLiteral("ec"));
        rsa = test::makeRecipient(dir.path(), QStringLiteral("archive-rsa"), QStringLiteral("rsa"));
        stranger = test::makeRecipient(dir.path(), QStringLiteral("stranger"), QStringLiteral("ec"));
    }
    QList<QByteArray> both() const { return {readAll(ec.certificate), readAll(rsa.certificate)}; }
};

World &world()
{
    static World instance;
    return instance;
}

} // namespace

TEST_CASE("the signing identity is made once, kept in the key store, and never silently replaced")
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    FileKeyStore store(dir.filePath(QStringLiteral("keys")));
    auto first = SigningIdentity::open(data, store);
    REQUIRE(first);
    CHECK(first->backendName() == QLatin1String("file"));
    CHECK(SigningIdentity::recordedBackend(data) == QLatin1String("file"));
    auto again = SigningIdentity::open(data, store);
    REQUIRE(again);
    CHECK(again->certificateSha256() == first->certificateSha256());
    CHECK(readAll(QDir(data).filePath(SigningIdentity::certificateFileName())) == first->certificatePem());

    // The CSR is a valid PKCS#10 request for the same key.
    auto request = first->certificateRequestPem();
    REQUIRE(request);
    writeAll(dir.filePath(QStringLiteral("device.csr")), *request);
    const auto checked = test::runTool(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-in"), dir.filePath(QStringLiteral("device.csr")),
                                                                   QStringLiteral("-verify"), QStringLiteral("-noout")});
    CHECK(checked.contains(QLatin1String("verify OK")));

    // A detached signature that openssl verifies against the certificate.
    const QByteArray content("the manifest");
    auto signature = first->signDetached(content);
    REQUIRE(signature);
    writeAll(dir.filePath(QStringLiteral("content")), content);
    writeAll(dir.filePath(QStringLiteral("content.p7s")), *signature);
    test::runTool(QStringLiteral("openssl"), {QStringLiteral("cms"), QStringLiteral("-verify"), QStringLiteral("-binary"), QStringLiteral("-inform"),
                                              QStringLiteral("DER"), QStringLiteral("-in"), dir.filePath(QStringLiteral("content.p7s")),
                                              QStringLiteral("-content"), dir.filePath(QStringLiteral("content")), QStringLiteral("-CAfile"),
                                              QDir(data).filePath(SigningIdentity::certificateFileName()), QStringLiteral("-purpose"),
                                              QStringLiteral("any"), QStringLiteral("-out"), QStringLiteral("/dev/null")});

    // The key gone from the store: an error naming it, and no new key.
    QDir(dir.filePath(QStringLiteral("keys"))).removeRecursively();
    auto missing = SigningIdentity::open(data, store);
    REQUIRE(!missing);
    CHECK(missing.error().code == ErrorCode::NotFound);
    CHECK(missing.error().detail.contains(QLatin1String("missing from the key store")));
    CHECK(!QFileInfo::exists(dir.filePath(QStringLiteral("keys"))));

    // A folder with packages but no marker is not a new folder.
    QTemporaryDir used;
    QDir(used.path()).mkpath(QStringLiteral("packages"));
    writeAll(used.filePath(QStringLiteral("packages/x.dualrec")), "x");
    auto unmarked = SigningIdentity::open(used.path(), store);
    REQUIRE(!unmarked);
    CHECK(unmarked.error().detail.contains(QLatin1String("no signing marker")));
}

TEST_CASE("a package sealed to an EC and an RSA insurer opens with either key and with no other")
{
    auto &w = world();
    const auto sealed = sealSample(w.dir.path(), *w.identity, *w.keys, w.both(), QStringLiteral("both"));

    const auto plain = verifyPackage(sealed.path, {});
    INFO(plain.firstFailure().toStdString());
    REQUIRE(plain.ok());
    CHECK(plain.manifest.value(QStringLiteral("files")).toArray().size() == 3);
    CHECK(plain.manifest.value(QStringLiteral("recipients")).toArray().size() == 2);
    // No personal data in the clear anywhere in the package.
    const QByteArray bytes = readAll(sealed.path);
    CHECK(!bytes.contains("110101199003074578"));
    CHECK(!bytes.contains(QStringLiteral("张三").toUtf8()));

    for (const auto *key : {&w.ec.key, &w.rsa.key}) {
        const auto report = verifyPackage(sealed.path, {readAll(*key), {}});
        INFO(report.firstFailure().toStdString());
        CHECK(report.ok());
        CHECK(report.checks.size() >= 7);
    }
    // Enrolment: the device certificate as the trust anchor holds; another certificate does not.
    CHECK(verifyPackage(sealed.path, {{}, w.identity->certificatePem()}).ok());
    const auto notEnrolled = verifyPackage(sealed.path, {{}, readAll(w.ec.certificate)});
    CHECK(!notEnrolled.ok());
    CHECK(notEnrolled.firstFailure().startsWith(QLatin1String("signature:")));

    // A key that is not a recipient is named as such.
    const auto wrong = verifyPackage(sealed.path, {readAll(w.stranger.key), {}});
    CHECK(!wrong.ok());
    CHECK(wrong.firstFailure().startsWith(QLatin1String("insurer key: this key is not a recipient of the package; it was sealed for: ")));
    CHECK(wrong.firstFailure().contains(QLatin1String("CN=insurer-ec")));

    // open writes every file, byte for byte, and the manifest.
    QTemporaryDir out;
    auto opened = openPackage(sealed.path, readAll(w.rsa.key), out.path());
    INFO((opened ? QString() : opened.error().toString()).toStdString());
    REQUIRE(opened);
    CHECK(opened->size() == 4);
    CHECK(readAll(out.filePath(QStringLiteral("recording.mp4"))) == sealed.recording);
    CHECK(readAll(out.filePath(QStringLiteral("snapshot-1.jpg"))) == sealed.snapshot);
    CHECK(readAll(out.filePath(QStringLiteral("customer.json"))).contains("110101199003074578"));

    // open with the wrong key leaves nothing behind.
    QTemporaryDir nothing;
    auto refused = openPackage(sealed.path, readAll(w.stranger.key), nothing.path());
    REQUIRE(!refused);
    CHECK(refused.error().detail.contains(QLatin1String("this key is not a recipient")));
    CHECK(QDir(nothing.path()).entryList(QDir::Files | QDir::NoDotAndDotDot).isEmpty());
}

TEST_CASE("verify with the insurer key checks the recording's MP4 boxes and fragment sequence")
{
    auto &w = world();
    const auto good = sealSample(w.dir.path(), *w.identity, *w.keys, {readAll(w.ec.certificate)}, QStringLiteral("mp4-good"), 100 * 1024);
    const auto report = verifyPackage(good.path, {readAll(w.ec.key), {}});
    REQUIRE(report.ok());
    for (const auto &check : report.checks)
        UNSCOPED_INFO(check.part.toStdString() << ": " << check.detail.toStdString());
    CHECK(std::any_of(report.checks.begin(), report.checks.end(),
                      [](const VerifyCheck &check) { return check.detail.contains(QLatin1String("MP4 boxes whole, 7 fragments in sequence")); }));

    // Sealed as it was (the journal's digest matches), but its fragments repeat a number, or
    // its last box is cut: verify names it.
    for (const auto &[broken, expected] : {std::pair{makeMp4(100 * 1024, 7, 3), QStringLiteral("fragment sequence number 3 follows 3")},
                                           std::pair{makeMp4(100 * 1024, 7).left(100 * 1024 - 100), QStringLiteral("runs past the end")}}) {
        const QString path = w.dir.filePath(QStringLiteral("broken.mp4"));
        writeAll(path, broken);
        PackageWriteOptions options;
        options.recipientCertificatesPem = {readAll(w.ec.certificate)};
        options.sealedAtEpochSeconds = 1796000000;
        const QString target = w.dir.filePath(QStringLiteral("broken.dualrec"));
        QFile::remove(target);
        const QJsonObject manifest{
            {QStringLiteral("sealed_at"), QDateTime::fromSecsSinceEpoch(1796000000, QTimeZone::utc()).toString(Qt::ISODate)},
            {QStringLiteral("session"), QJsonObject{{QStringLiteral("id"), QStringLiteral("x")}, {QStringLiteral("application_no"), QStringLiteral("x")},
                                                    {QStringLiteral("agent_id"), QStringLiteral("x")}, {QStringLiteral("template_id"), QStringLiteral("x")},
                                                    {QStringLiteral("state"), QStringLiteral("aborted")}}},
            {QStringLiteral("steps"), QJsonArray{}},
            {QStringLiteral("events"), QJsonArray{}},
            {QStringLiteral("device"), QJsonObject{{QStringLiteral("app_version"), QStringLiteral("test")}}},
            {QStringLiteral("retention"), QJsonObject{}}};
        REQUIRE(writePackage(target, {{QStringLiteral("recording"), QStringLiteral("r.mp4"), path, {}, sha256(broken)}}, manifest, *w.identity, options));
        CHECK(verifyPackage(target, {}).ok()); // without the key nothing is decrypted
        const auto checked = verifyPackage(target, {readAll(w.ec.key), {}});
        CHECK(!checked.ok());
        CHECK(checked.firstFailure().startsWith(QLatin1String("files/01 (recording): decrypted and authenticated, but MP4: ")));
        CHECK(checked.firstFailure().contains(expected));
    }
}

TEST_CASE("sealing refuses a file that is not what the journal recorded, and leaves no part file")
{
    auto &w = world();
    const QString path = w.dir.filePath(QStringLiteral("changed.mp4"));
    writeAll(path, "changed after recording");
    PackageWriteOptions options;
    options.recipientCertificatesPem = w.both();
    const QString target = w.dir.filePath(QStringLiteral("changed.dualrec"));
    auto written = writePackage(target, {{QStringLiteral("recording"), QStringLiteral("r.mp4"), path, {}, QString(64, u'0')}}, {}, *w.identity, options);
    REQUIRE(!written);
    CHECK(written.error().code == ErrorCode::DataCorrupt);
    CHECK(written.error().detail.contains(QLatin1String("is not the file the journal recorded")));
    CHECK(!QFile::exists(target));
    CHECK(!QFile::exists(target + QStringLiteral(".part")));

    auto none = writePackage(target, {{QStringLiteral("recording"), QStringLiteral("r.mp4"), path, {}, {}}}, {}, *w.identity, {});
    REQUIRE(!none);
    CHECK(none.error().detail.contains(QLatin1String("no insurer certificate")));
}

namespace {

/// One random damage of `bytes`; `what` says which.
QByteArray mutate(const QByteArray &bytes, QRandomGenerator &random, const QByteArray &other, QString &what)
{
    QByteArray damaged = bytes;
    switch (random.bounded(6)) {
    case 0: {
        const auto at = random.bounded(qint64(bytes.size()));
        const int bit = random.bounded(8);
        damaged[at] = char(damaged[at] ^ (1 << bit));
        what = QStringLiteral("bit %1 of byte %2 flipped").arg(bit).arg(at);
        break;
    }
    case 1: {
        const auto size = random.bounded(qint64(bytes.size()));
        damaged.truncate(size);
        what = QStringLiteral("cut to %1 bytes").arg(size);
        break;
    }
    case 2: {
        const auto at = random.bounded(qint64(bytes.size()) + 1);
        const auto count = 1 + random.bounded(600);
        damaged.insert(at, randomBytes(count, random.generate()));
        what = QStringLiteral("%1 bytes inserted at %2").arg(count).arg(at);
        break;
    }
    case 3: {
        const auto count = 1 + random.bounded(2048);
        damaged.append(QByteArray(count, random.bounded(2) ? '\0' : 'x'));
        what = QStringLiteral("%1 trailing bytes").arg(count);
        break;
    }
    case 4: {
        // A byte overwritten anywhere (headers, padding, DER, JSON).
        const auto at = random.bounded(qint64(bytes.size()));
        char value = char(random.bounded(256));
        if (value == damaged[at])
            value = char(value ^ 0x55);
        damaged[at] = value;
        what = QStringLiteral("byte %1 set to %2").arg(at).arg(int(static_cast<unsigned char>(value)));
        break;
    }
    default: {
        // A block of the other package (same layout, other keys and content) copied over.
        const auto at = random.bounded(qint64(std::min(bytes.size(), other.size())) / 512) * 512;
        const auto count = std::min<qint64>(512 * (1 + random.bounded(8)), std::min(bytes.size(), other.size()) - at);
        for (qint64 i = 0; i < count; ++i)
            damaged[at + i] = other[at + i];
        what = QStringLiteral("%1 bytes at %2 from another package").arg(count).arg(at);
        if (damaged == bytes) {
            damaged[at] = char(damaged[at] ^ 1);
            what += QStringLiteral(" (identical; one bit flipped)");
        }
        break;
    }
    }
    return damaged;
}

} // namespace

TEST_CASE("a thousand random mutations of sealed packages are all detected, each naming the part")
{
    auto &w = world();
    const auto first = sealSample(w.dir.path(), *w.identity, *w.keys, {readAll(w.ec.certificate)}, QStringLiteral("tamper-a"), 40 * 1024);
    const auto second = sealSample(w.dir.path(), *w.identity, *w.keys, {readAll(w.ec.certificate)}, QStringLiteral("tamper-b"), 40 * 1024);
    const QByteArray original = readAll(first.path);
    const QByteArray other = readAll(second.path);
    const VerifyOptions withKey{readAll(w.ec.key), {}};
    REQUIRE(verifyPackage(first.path, withKey).ok());
    const QString damagedPath = w.dir.filePath(QStringLiteral("damaged.dualrec"));
    QRandomGenerator random(20261203);
    static const QStringList kParts{QStringLiteral("package"), QStringLiteral("signature"), QStringLiteral("manifest"), QStringLiteral("certificate"),
                                    QStringLiteral("files/0"), QStringLiteral("insurer key")};
    for (int round = 0; round < 1000; ++round) {
        QString what;
        const QByteArray damaged = mutate(original, random, other, what);
        writeAll(damagedPath, damaged);
        const auto report = verifyPackage(damagedPath, round % 2 ? withKey : VerifyOptions{});
        INFO("round " << round << ": " << what.toStdString());
        REQUIRE(!report.ok());
        const QString failure = report.firstFailure();
        INFO(failure.toStdString());
        CHECK(std::any_of(kParts.begin(), kParts.end(), [&](const QString &part) { return failure.startsWith(part); }));
    }
}

TEST_CASE("structured tampering: swapped members, another package's file, edited and re-signed manifests")
{
    auto &w = world();
    const auto a = sealSample(w.dir.path(), *w.identity, *w.keys, {readAll(w.ec.certificate)}, QStringLiteral("swap-a"), 10 * 1024);
    const auto b = sealSample(w.dir.path(), *w.identity, *w.keys, {readAll(w.ec.certificate)}, QStringLiteral("swap-b"), 10 * 1024);
    QTemporaryDir work;
    const auto unpack = [&](const QString &package, const QString &into) {
        QDir().mkpath(into);
        test::runTool(QStringLiteral("tar"), {QStringLiteral("-xf"), package, QStringLiteral("-C"), into});
    };
    const QString da = work.filePath(QStringLiteral("a"));
    const QString db = work.filePath(QStringLiteral("b"));
    unpack(a.path, da);
    unpack(b.path, db);
    // Repacks with our own tar writer's layout is not needed: GNU tar's layout differs, which
    // the strict reader must refuse too.
    const QString repacked = work.filePath(QStringLiteral("repacked.dualrec"));
    test::runTool(QStringLiteral("tar"), {QStringLiteral("-cf"), repacked, QStringLiteral("-C"), da, QStringLiteral("files"), QStringLiteral("manifest.json"),
                                          QStringLiteral("manifest.json.p7s")});
    auto report = verifyPackage(repacked, {});
    CHECK(!report.ok());
    CHECK(report.firstFailure().startsWith(QLatin1String("package:")));

    // Byte-level swaps within our own layout: the two packages have the same member sizes,
    // so one package's member can be put in place of the other's at the same offset.
    const QByteArray bytesA = readAll(a.path);
    const QByteArray bytesB = readAll(b.path);
    REQUIRE(bytesA.size() == bytesB.size());
    const QString swapped = work.filePath(QStringLiteral("swapped.dualrec"));
    // files/01.bin starts at 512.
    QByteArray foreign = bytesA;
    foreign.replace(512, 10 * 1024, bytesB.mid(512, 10 * 1024));
    writeAll(swapped, foreign);
    report = verifyPackage(swapped, {});
    CHECK(report.firstFailure().startsWith(QLatin1String("files/01 (recording): files/01.bin does not match its SHA-256")));

    // The manifest edited (same length) without re-signing: the signature fails.
    const qint64 manifestAt = bytesA.indexOf("{\n    \"continuity\"");
    const qint64 manifestAt2 = manifestAt >= 0 ? manifestAt : bytesA.indexOf("{\n    \"device\"");
    REQUIRE(manifestAt2 > 0);
    QByteArray edited = bytesA;
    const qint64 appAt = edited.indexOf("P2026-0042", manifestAt2);
    REQUIRE(appAt > 0);
    edited.replace(appAt, 10, "P2026-0043");
    writeAll(swapped, edited);
    report = verifyPackage(swapped, {});
    CHECK(report.firstFailure().startsWith(QLatin1String("signature: the signature does not match the manifest")));

    // The signature replaced by a valid signature of this device over package b's manifest
    // (signatures vary in length: signed again until it fits the member).
    const qint64 sigSizeA = readAll(da + QStringLiteral("/manifest.json.p7s")).size();
    const qint64 sigA = bytesA.size() - 1024 - 512 * ((sigSizeA + 511) / 512);
    const auto fitting = [&](const SigningIdentity &signer, const QByteArray &content) -> QByteArray {
        for (int attempt = 0; attempt < 100; ++attempt) {
            auto signature = signer.signDetached(content);
            REQUIRE(signature);
            if (signature->size() == sigSizeA)
                return *signature;
        }
        return {};
    };
    QByteArray resigned = bytesA;
    const QByteArray ownOverB = fitting(*w.identity, readAll(db + QStringLiteral("/manifest.json")));
    REQUIRE(ownOverB.size() == sigSizeA);
    resigned.replace(sigA, sigSizeA, ownOverB);
    writeAll(swapped, resigned);
    report = verifyPackage(swapped, {});
    CHECK(report.firstFailure().startsWith(QLatin1String("signature: the signature does not match the manifest")));

    // Re-signed with another device's key: the signature holds, but not for this device.
    // (another device's certificate may differ in length: devices are made until one fits)
    QByteArray foreignSignature;
    for (int device = 0; device < 20 && foreignSignature.isEmpty(); ++device) {
        QTemporaryDir elsewhere;
        FileKeyStore otherStore(elsewhere.filePath(QStringLiteral("keys")));
        auto otherIdentity = SigningIdentity::open(elsewhere.filePath(QStringLiteral("data")), otherStore);
        REQUIRE(otherIdentity);
        foreignSignature = fitting(*otherIdentity, readAll(da + QStringLiteral("/manifest.json")));
    }
    REQUIRE(foreignSignature.size() == sigSizeA);
    QByteArray other = bytesA;
    other.replace(sigA, sigSizeA, foreignSignature);
    writeAll(swapped, other);
    report = verifyPackage(swapped, {});
    CHECK(report.firstFailure().startsWith(QLatin1String("certificate: signed by certificate")));
    CHECK(!verifyPackage(swapped, {{}, w.identity->certificatePem()}).ok());
}

TEST_CASE("sealing files larger than the pipeline's blocks in flight: every byte and digest holds, and a stop halfway leaves nothing")
{
    // 4 blocks of 512 KiB are in flight: these inputs wrap the pipeline's slots several times,
    // end in partial blocks, and read at-rest chunks whole (256 KiB) and split (5000 bytes).
    auto &w = world();
    QTemporaryDir dir;
    const QByteArray recording = makeMp4(5 * 1024 * 1024 + 123, 21);
    const QByteArray wholeChunks = randomBytes(3 * 1024 * 1024 + 17, 22);
    const QByteArray splitChunks = randomBytes(1024 * 1024 + 999, 23);
    const QString recordingPath = dir.filePath(QStringLiteral("recording.mp4"));
    writeAll(recordingPath, recording);
    const auto encrypt = [&](const QString &name, const QByteArray &plain, qint64 chunk) {
        const QString path = dir.filePath(name);
        auto writer = EncryptedWriter::create(path, *w.keys, chunk);
        REQUIRE(writer);
        REQUIRE((*writer)->write(plain));
        REQUIRE((*writer)->finish());
        return path;
    };
    const QList<PackageInput> inputs{
        {QStringLiteral("recording"), QStringLiteral("recording.mp4"), recordingPath, {}, sha256(recording)},
        {QStringLiteral("snapshot"), QStringLiteral("a.jpg"), encrypt(QStringLiteral("a.jpg"), wholeChunks, kDefaultChunkSize), {}, sha256(wholeChunks)},
        {QStringLiteral("snapshot"), QStringLiteral("b.jpg"), encrypt(QStringLiteral("b.jpg"), splitChunks, 5000), {}, sha256(splitChunks)},
    };
    PackageWriteOptions options;
    options.recipientCertificatesPem = {readAll(w.ec.certificate)};
    options.deviceKeys = [&w]() -> Result<const DeviceKeys *> { return &*w.keys; };
    options.sealedAtEpochSeconds = 1'796'000'000;
    qint64 lastDone = 0;
    qint64 lastTotal = 0;
    options.progress = [&](qint64 done, qint64 total) {
        CHECK(done > lastDone);
        lastDone = done;
        lastTotal = total;
    };
    const QJsonObject manifest{
        {QStringLiteral("sealed_at"), QDateTime::fromSecsSinceEpoch(1796000000, QTimeZone::utc()).toString(Qt::ISODate)},
        {QStringLiteral("session"), QJsonObject{{QStringLiteral("id"), QStringLiteral("5b0e37a4-64f5-4a38-9a7c-2d6e0c1f7a11")},
                                                {QStringLiteral("application_no"), QStringLiteral("P2026-0043")},
                                                {QStringLiteral("agent_id"), QStringLiteral("A-007")},
                                                {QStringLiteral("template_id"), QStringLiteral("traditional-life")},
                                                {QStringLiteral("state"), QStringLiteral("completed")}}},
        {QStringLiteral("steps"), QJsonArray{}},
        {QStringLiteral("events"), QJsonArray{}},
        {QStringLiteral("device"), QJsonObject{{QStringLiteral("app_version"), QStringLiteral("test")}}},
        {QStringLiteral("retention"), QJsonObject{{QStringLiteral("years_after_contract_end"), 10}}},
    };
    const QString path = dir.filePath(QStringLiteral("big.dualrec"));
    auto written = writePackage(path, inputs, manifest, *w.identity, options);
    INFO((written ? QString() : written.error().toString()).toStdString());
    REQUIRE(written);
    CHECK(lastDone == recording.size() + wholeChunks.size() + splitChunks.size());
    CHECK(lastTotal >= lastDone); // the files' sizes on disk (an encrypted one is larger)
    // The digests the writer computed in its threads are the package's and the files' own.
    const QByteArray package = readAll(path);
    CHECK(written->size == package.size());
    CHECK(written->sha256 == sha256(package));
    const auto report = verifyPackage(path, {readAll(w.ec.key), {}});
    INFO(report.firstFailure().toStdString());
    REQUIRE(report.ok());
    const auto files = report.manifest.value(QStringLiteral("files")).toArray();
    REQUIRE(files.size() == 3);
    CHECK(files[0].toObject().value(QStringLiteral("sha256")).toString() == sha256(recording));
    CHECK(files[1].toObject().value(QStringLiteral("sha256")).toString() == sha256(wholeChunks));
    CHECK(files[2].toObject().value(QStringLiteral("sha256")).toString() == sha256(splitChunks));
    QTemporaryDir out;
    REQUIRE(openPackage(path, readAll(w.ec.key), out.path()));
    CHECK(readAll(out.filePath(QStringLiteral("recording.mp4"))) == recording);
    CHECK(readAll(out.filePath(QStringLiteral("a.jpg"))) == wholeChunks);
    CHECK(readAll(out.filePath(QStringLiteral("b.jpg"))) == splitChunks);

    // Stopped halfway through the recording: Cancelled, and neither the package nor its part file.
    const QString stoppedPath = dir.filePath(QStringLiteral("stopped.dualrec"));
    options.progress = [&](qint64 done, qint64) { lastDone = done; };
    lastDone = 0;
    options.keepGoing = [&] { return lastDone < 2 * 1024 * 1024; };
    auto stopped = writePackage(stoppedPath, inputs, manifest, *w.identity, options);
    REQUIRE_FALSE(stopped);
    CHECK(stopped.error().code == ErrorCode::Cancelled);
    CHECK_FALSE(QFileInfo::exists(stoppedPath));
    CHECK_FALSE(QFileInfo::exists(stoppedPath + QStringLiteral(".part")));
}

TEST_CASE("the package file holds exactly the bytes written, with direct I/O and where a file system or length refuses it")
{
    QList<QString> folders;
    QTemporaryDir disk;
    folders.append(disk.path());
    // tmpfs has no direct I/O: the page cache is used from the start.
    std::optional<QTemporaryDir> memory;
    if (QFileInfo(QStringLiteral("/dev/shm")).isWritable()) {
        memory.emplace(QStringLiteral("/dev/shm/dualrec-test-XXXXXX"));
        if (memory->isValid())
            folders.append(memory->path());
    }
    for (const auto &folder : std::as_const(folders)) {
        // Whole 512-byte blocks (a package), and a length that is not (the last write falls back).
        for (const qsizetype tail : {qsizetype(0), qsizetype(7)}) {
            INFO(folder.toStdString() << " tail " << tail);
            const QString path = QDir(folder).filePath(QStringLiteral("p%1.bin").arg(tail));
            auto file = PackageFile::create(path);
            REQUIRE(file);
            QByteArray expected;
            for (const qsizetype size : {qsizetype(512), qsizetype(1000), qsizetype(24), qsizetype(3 * 1024 * 1024 + 512), tail}) {
                const QByteArray piece = randomBytes(size, quint32(size));
                REQUIRE((*file)->write(piece));
                expected += piece;
            }
            CHECK((*file)->size() == expected.size());
            REQUIRE((*file)->finish());
            CHECK(readAll(path) == expected);
            // A package is never written over an existing file.
            auto again = PackageFile::create(path);
            REQUIRE_FALSE(again);
            CHECK(again.error().detail.contains(path));
        }
    }
}

TEST_CASE("an encrypted file's readInto gives what read gives, at any offset and length")
{
    auto &w = world();
    QTemporaryDir dir;
    const QByteArray plain = randomBytes(50'000, 31);
    const QString path = dir.filePath(QStringLiteral("chunks.bin"));
    auto writer = EncryptedWriter::create(path, *w.keys, 4096);
    REQUIRE(writer);
    REQUIRE((*writer)->write(plain.left(10'000)));
    REQUIRE((*writer)->flush()); // a short chunk in the middle
    REQUIRE((*writer)->write(plain.mid(10'000)));
    REQUIRE((*writer)->finish());
    auto reader = EncryptedReader::open(path, *w.keys);
    REQUIRE(reader);
    for (const auto &[offset, size] : std::initializer_list<std::pair<qint64, qint64>>{
             {0, 50'000}, {0, 4096}, {4096, 8192}, {100, 10'000}, {8191, 2}, {9990, 30}, {10'000, 4096}, {49'999, 10}, {50'000, 5}, {0, 0}}) {
        INFO(offset << " " << size);
        QByteArray buffer(size, '\x5a');
        auto read = (*reader)->readInto(offset, buffer.data(), size);
        REQUIRE(read);
        CHECK(*read == std::min<qint64>(size, std::max<qint64>(0, plain.size() - offset)));
        CHECK(buffer.left(*read) == plain.mid(offset, *read));
        CHECK(buffer.left(*read) == (*reader)->read(offset, size).value());
    }
    // A chunk altered on disk fails by name, whichever way it is read.
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadWrite));
    file.seek(kEncryptedHeaderSize + 4 + 20);
    const char flipped = char(file.peek(1).at(0) ^ 0x01);
    file.write(&flipped, 1);
    file.close();
    auto damaged = EncryptedReader::open(path, *w.keys);
    REQUIRE(damaged);
    QByteArray buffer(4096, '\0');
    auto failed = (*damaged)->readInto(0, buffer.data(), 4096);
    REQUIRE_FALSE(failed);
    CHECK(failed.error().code == ErrorCode::DataCorrupt);
    CHECK(failed.error().detail.contains(QLatin1String("chunk 0")));
}

TEST_CASE("the manifest schema allows exactly the QC reason kinds the app seals")
{
    // docs/manifest.schema.json is what the insurer validates against: a kind the app writes but
    // the schema does not list makes every such package invalid at the insurer.
    const auto schema = QJsonDocument::fromJson(readAll(QStringLiteral(DUALREC_SOURCE_DIR "/docs/manifest.schema.json"))).object();
    REQUIRE(!schema.isEmpty());
    const auto reason = schema.value(QStringLiteral("properties")).toObject().value(QStringLiteral("qc")).toObject()
                            .value(QStringLiteral("properties")).toObject().value(QStringLiteral("reasons")).toObject()
                            .value(QStringLiteral("items")).toObject().value(QStringLiteral("properties")).toObject();
    QStringList inSchema;
    for (const auto &kind : reason.value(QStringLiteral("kind")).toObject().value(QStringLiteral("enum")).toArray())
        inSchema.append(kind.toString());
    QStringList inCode;
    for (const auto &entry : workflow::kQcReasonNames)
        inCode.append(QLatin1String(entry.name));
    inCode << QLatin1String(workflow::kNoRecordingName) << QLatin1String(workflow::kIncompleteName);
    inSchema.sort();
    inCode.sort();
    CHECK(inSchema == inCode);
    // A presence reason's party is sealed with it (core/seal/sealsession.cpp).
    QStringList parties;
    for (const auto &party : reason.value(QStringLiteral("party")).toObject().value(QStringLiteral("enum")).toArray())
        parties.append(party.toString());
    CHECK(parties == QStringList{QStringLiteral("agent"), QStringLiteral("customer")});
}
