// Recordings encrypted as written (issue 12): the recorder, the finalizer and the sidecar
// through the encryption layer, checked by decrypting into the test's folder and asking
// ffprobe/ffmpeg.
#include "core/media/evidenceio.h"
#include "core/media/finalizer.h"
#include "core/media/sidecar.h"
#include "core/seal/evidencefile.h"
#include "tests/media/recordingfixture.h"
#include "tests/support/evidencetools.h"
#include "tests/support/mediatools.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

using namespace dualrec;
using namespace std::chrono;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

} // namespace

TEST_CASE("an encrypted recording is ciphertext from its first byte, and finalizes, plays and seeks when decrypted")
{
    QTemporaryDir dir;
    const auto keys = test::openTestKeys(dir.filePath(QStringLiteral("data")), dir.filePath(QStringLiteral("keys")));
    const auto fragmented = dir.filePath(QStringLiteral("s.recording.mp4"));
    const auto finalPath = dir.filePath(QStringLiteral("s.mp4"));
    auto settings = test::smallSettings(fragmented);
    settings.keys = keys;
    const auto stats = test::recordSynthetic(settings, test::sourceOfSize(320, 180), seconds(6));
    REQUIRE(stats);
    CHECK(stats->framesEncoded == 150);

    // On disk: the encrypted format, no MP4 box names anywhere in the clear.
    CHECK(seal::looksEncrypted(fragmented));
    CHECK_FALSE(test::startsLikePlainMedia(fragmented));
    const auto raw = fileBytes(fragmented);
    CHECK_FALSE(raw.contains("moof"));
    CHECK_FALSE(raw.contains("DualRec recording"));
    auto reader = seal::EncryptedReader::open(fragmented, *keys);
    REQUIRE(reader);
    CHECK((*reader)->complete());
    CHECK((*reader)->chunkCount() >= 6); // one per fragment (a keyframe a second), not one big chunk
    REQUIRE((*reader)->verify(true));

    // The fragmented file decrypts to a playable MP4, and reads in-process through the keys.
    const auto plainFragmented = test::decryptTo(fragmented, *keys, dir.filePath(QStringLiteral("plain-fragmented.mp4")));
    CHECK(test::probe(plainFragmented).value(QStringLiteral("streams")).toArray().size() == 2);
    const auto counted = media::countPackets(fragmented, keys.get());
    REQUIRE(counted);
    CHECK(counted->videoPackets == 150);
    // Without the keys: a clear error, not garbage.
    const auto noKeys = media::countPackets(fragmented);
    REQUIRE_FALSE(noKeys);
    CHECK(noKeys.error().detail.contains(QStringLiteral("encrypted")));

    const QList<media::ChapterMark> chapters{{QStringLiteral("consent"), QStringLiteral("录音录像同意"), 0ms, 2500ms},
                                            {QStringLiteral("prompt"), QStringLiteral("Mandated prompt"), 2500ms, 6000ms}};
    const auto finalized = media::finalizeRecording(fragmented, finalPath, chapters, {}, keys.get());
    INFO((finalized ? QString() : finalized.error().detail).toStdString());
    REQUIRE(finalized);
    CHECK(finalized->videoPackets == 150);
    CHECK(!QFile::exists(fragmented));
    CHECK(QDir(dir.path()).entryList({QStringLiteral("*.tmp")}, QDir::Files).isEmpty()); // no temporary left
    CHECK(seal::looksEncrypted(finalPath));
    CHECK_FALSE(fileBytes(finalPath).contains("moov"));

    const auto embedded = media::readChapters(finalPath, keys.get());
    REQUIRE(embedded);
    REQUIRE(embedded->size() == 2);
    CHECK(embedded->at(0).title == QStringLiteral("录音录像同意"));

    const auto plain = test::decryptTo(finalPath, *keys, dir.filePath(QStringLiteral("plain.mp4")));
    const auto info = test::probe(plain, true);
    for (const auto &value : info.value(QStringLiteral("streams")).toArray()) {
        const auto stream = value.toObject();
        if (stream.value(QStringLiteral("codec_type")).toString() == QLatin1String("video")) {
            CHECK(stream.value(QStringLiteral("nb_read_frames")).toString().toInt() == 150);
            CHECK(stream.value(QStringLiteral("duration")).toString().toDouble() == Catch::Approx(6.0).margin(0.05));
        }
    }
    const auto probedChapters = info.value(QStringLiteral("chapters")).toArray();
    REQUIRE(probedChapters.size() == 2);
    CHECK(probedChapters[1].toObject().value(QStringLiteral("start_time")).toString().toDouble() == Catch::Approx(2.5).margin(0.01));
    // Faststart done by the finalizer itself: moov before the media data, and the chunk
    // offsets shifted so that every frame still decodes (A/V sync measured on the pictures).
    const auto head = fileBytes(plain).left(4096);
    REQUIRE(head.indexOf("moov") >= 0);
    CHECK((head.indexOf("mdat") < 0 || head.indexOf("moov") < head.indexOf("mdat")));
    const auto sync = test::measureSync(plain, 25);
    REQUIRE(sync.flashes.size() == 3);
    REQUIRE(sync.beeps.size() == 3);
    for (const double offset : sync.offsets)
        CHECK(std::abs(offset) <= 0.040);
}

TEST_CASE("an encrypted recording cut by a crash keeps every complete fragment and leaves the torn one out")
{
    QTemporaryDir dir;
    const auto keys = test::openTestKeys(dir.filePath(QStringLiteral("data")), dir.filePath(QStringLiteral("keys")));
    const auto fragmented = dir.filePath(QStringLiteral("s.recording.mp4"));
    auto settings = test::smallSettings(fragmented);
    settings.keys = keys;
    REQUIRE(test::recordSynthetic(settings, test::sourceOfSize(320, 180), seconds(5)));
    // The crash: the last chunk (the final one, holding the last fragment) is torn.
    auto reader = seal::EncryptedReader::open(fragmented, *keys);
    REQUIRE(reader);
    const qint64 fullSize = QFileInfo(fragmented).size();
    {
        QFile file(fragmented);
        REQUIRE(file.open(QIODevice::ReadWrite));
        REQUIRE(file.resize(fullSize - 3000));
    }
    auto torn = seal::EncryptedReader::open(fragmented, *keys);
    REQUIRE(torn);
    CHECK_FALSE((*torn)->complete());
    CHECK((*torn)->tornBytes() > 0);
    CHECK((*torn)->chunkCount() < (*reader)->chunkCount());

    const auto counted = media::countPackets(fragmented, keys.get());
    REQUIRE(counted);
    CHECK(counted->videoPackets >= 100); // at most the last second's fragment lost
    CHECK(counted->videoPackets < 125);
    const auto finalized = media::finalizeRecording(fragmented, dir.filePath(QStringLiteral("s.mp4")), {}, {}, keys.get());
    REQUIRE(finalized);
    CHECK(finalized->videoPackets == counted->videoPackets);
}

TEST_CASE("another device's key cannot read an encrypted recording, and says so")
{
    QTemporaryDir dir;
    const auto keys = test::openTestKeys(dir.filePath(QStringLiteral("data")), dir.filePath(QStringLiteral("keys")));
    const auto other = test::openTestKeys(dir.filePath(QStringLiteral("other")), dir.filePath(QStringLiteral("keys")));
    const auto fragmented = dir.filePath(QStringLiteral("s.recording.mp4"));
    auto settings = test::smallSettings(fragmented);
    settings.keys = keys;
    REQUIRE(test::recordSynthetic(settings, test::sourceOfSize(320, 180), seconds(2)));
    const auto counted = media::countPackets(fragmented, other.get());
    REQUIRE_FALSE(counted);
    CHECK(counted.error().detail.contains(QStringLiteral("another device key")));
    const auto finalized = media::finalizeRecording(fragmented, dir.filePath(QStringLiteral("s.mp4")), {}, {}, other.get());
    REQUIRE_FALSE(finalized);
    CHECK(QFile::exists(fragmented)); // nothing lost
    CHECK_FALSE(QFile::exists(dir.filePath(QStringLiteral("s.mp4"))));
}

TEST_CASE("an encrypted sidecar holds no readable text and reads back with the keys")
{
    QTemporaryDir dir;
    const auto keys = test::openTestKeys(dir.filePath(QStringLiteral("data")), dir.filePath(QStringLiteral("keys")));
    const auto path = dir.filePath(QStringLiteral("s.json"));
    media::SidecarData data;
    data.sessionId = QStringLiteral("5b0c9f5e-0000-4000-8000-000000000001");
    data.applicationNumber = QStringLiteral("P2026-0042");
    data.chapters = {{QStringLiteral("consent"), QStringLiteral("录音录像同意"), 0ms, 2500ms}};
    REQUIRE(media::writeSidecar(path, data, keys.get()));
    CHECK(seal::looksEncrypted(path));
    CHECK_FALSE(fileBytes(path).contains("P2026-0042"));
    REQUIRE(media::updateSidecarEnd(path, QStringLiteral("finished"), QString(), QStringLiteral("s.mp4"), data.chapters, keys.get()));
    const auto chapters = media::readSidecarChapters(path, keys.get());
    REQUIRE(chapters);
    REQUIRE(chapters->size() == 1);
    CHECK(chapters->at(0).title == QStringLiteral("录音录像同意"));
    CHECK_FALSE(QFile::exists(path + QStringLiteral(".part")));
    const auto noKeys = media::readSidecarChapters(path);
    REQUIRE_FALSE(noKeys);
}

TEST_CASE("an evidence file's digest is its content's: decrypted, complete, and a journal row of either kind is recognised")
{
    QTemporaryDir dir;
    const auto keys = test::openTestKeys(dir.filePath(QStringLiteral("data")), dir.filePath(QStringLiteral("keys")));
    const auto path = dir.filePath(QStringLiteral("snapshot.jpg"));
    QByteArray content(3 * 1024 * 1024 + 17, '\0'); // more than one digest block and one chunk
    for (qsizetype i = 0; i < content.size(); ++i)
        content[i] = char((i * 7919) >> 3);
    REQUIRE(seal::writeEvidenceFile(path, content, keys.get()));
    const auto plainSha = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    const auto storedSha = QString::fromLatin1(QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256).toHex());
    REQUIRE(plainSha != storedSha);

    const auto digest = seal::evidenceSha256(path, keys.get());
    REQUIRE(digest);
    CHECK(*digest == plainSha);
    // Rows journaled with the content digest and rows from before it (the stored bytes') match;
    // anything else does not.
    CHECK(seal::matchesJournalDigest(path, plainSha, keys.get()).value());
    CHECK(seal::matchesJournalDigest(path, storedSha.toUpper(), keys.get()).value());
    CHECK_FALSE(seal::matchesJournalDigest(path, QString(64, u'0'), keys.get()).value());
    // No keys: an error naming the file, not a digest of the ciphertext.
    const auto noKeys = seal::evidenceSha256(path, nullptr);
    REQUIRE_FALSE(noKeys);
    CHECK(noKeys.error().detail.contains(path));
    // A plain file: the digest of its bytes.
    const auto plainPath = dir.filePath(QStringLiteral("plain.bin"));
    REQUIRE(seal::writeEvidenceFile(plainPath, content, nullptr));
    CHECK(seal::evidenceSha256(plainPath, nullptr).value() == plainSha);
    // Cut short (its final chunk gone): refused, never the digest of what is left.
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadWrite));
        REQUIRE(file.resize(file.size() - 100));
    }
    const auto cut = seal::evidenceSha256(path, keys.get());
    REQUIRE_FALSE(cut);
    CHECK(cut.error().code == ErrorCode::DataCorrupt);
    const auto cutMatches = seal::matchesJournalDigest(path, plainSha, keys.get());
    REQUIRE(cutMatches.has_value()); // read, and not the file the journal describes
    CHECK_FALSE(*cutMatches);
    CHECK_FALSE(seal::matchesJournalDigest(dir.filePath(QStringLiteral("missing.jpg")), plainSha, keys.get()).has_value());
}
