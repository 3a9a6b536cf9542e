// RFC 3161 timestamps (core/seal/timestamp.h, timestampclient.h) against the test TSA
// (scripts/tsa-server: `openssl ts -reply` behind Python's http.server) and the openssl CLI.
#include "core/seal/timestamp.h"
#include "core/seal/timestampclient.h"
#include "tests/seal/sealfixture.h"
#include "tests/support/tsaserver.h"

#include <QCryptographicHash>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;
using namespace dualrec::seal;
using test::readAll;
using test::runTool;
using test::writeAll;

namespace {

QString detailOf(const Result<TimestampInfo> &result)
{
    return result ? QStringLiteral("OK %1").arg(result->describe()) : result.error().toString();
}

} // namespace

TEST_CASE("a timestamp from the TSA is checked completely: status, TSA certificate, signature, CA, imprint, nonce")
{
    test::TsaServer tsa;
    QTemporaryDir dir;
    const QByteArray manifest("{\"format\": \"dualrec-package/1\"}\n");
    const QByteArray digest = QCryptographicHash::hash(manifest, QCryptographicHash::Sha256);
    const QByteArray otherDigest = QCryptographicHash::hash("another manifest", QCryptographicHash::Sha256);
    const QByteArray ca = readAll(tsa.file(QStringLiteral("ca.pem")));

    TimestampAuthority authority{tsa.url(), ca, 20'000};
    auto received = requestTimestamp(authority, digest);
    INFO((received ? std::string() : received.error().toString().toStdString()));
    REQUIRE(received);
    CHECK(received->info.tsaSubject.contains(QLatin1String("CN=DualRec test TSA")));
    CHECK(received->info.issuerChecked);
    CHECK(received->info.time.isValid());
    const QString good = dir.filePath(QStringLiteral("good.tsr"));
    writeAll(good, received->reply);
    // openssl agrees: the token is over this manifest, by a TSA of this CA.
    writeAll(dir.filePath(QStringLiteral("manifest.json")), manifest);
    CHECK(runTool(QStringLiteral("openssl"), {QStringLiteral("ts"), QStringLiteral("-verify"), QStringLiteral("-in"), good, QStringLiteral("-data"),
                                              dir.filePath(QStringLiteral("manifest.json")), QStringLiteral("-CAfile"), tsa.file(QStringLiteral("ca.pem"))})
              .contains(QLatin1String("Verification: OK")));

    // Checked later without a nonce: holds, with and without the CA.
    CHECK(checkTimestampReply(received->reply, digest, 0, ca));
    auto unpinned = checkTimestampReply(received->reply, digest, 0, {});
    REQUIRE(unpinned);
    CHECK_FALSE(unpinned->issuerChecked);

    // Another manifest: the imprint says so.
    auto other = checkTimestampReply(received->reply, otherDigest, 0, ca);
    REQUIRE_FALSE(other);
    CHECK(other.error().code == ErrorCode::DataCorrupt);
    CHECK(other.error().detail.contains(QLatin1String("message imprint does not match")));

    // A CA that did not issue the TSA's certificate: untrusted.
    const auto stranger = test::makeRecipient(dir.path(), QStringLiteral("stranger"), QStringLiteral("ec"));
    auto untrusted = checkTimestampReply(received->reply, digest, 0, readAll(stranger.certificate));
    REQUIRE_FALSE(untrusted);
    CHECK(untrusted.error().code == ErrorCode::AccessDenied);
    CHECK(untrusted.error().detail.contains(QLatin1String("untrusted")));

    // Every single-byte change of the reply is refused, whichever byte (never a crash).
    for (qsizetype at = 0; at < received->reply.size(); at += 1) {
        QByteArray tampered = received->reply;
        tampered[at] = char(tampered[at] ^ 0x20);
        auto result = checkTimestampReply(tampered, digest, 0, ca);
        INFO("byte " << at << ": " << detailOf(result).toStdString());
        CHECK_FALSE(result);
    }
    CHECK_FALSE(checkTimestampReply(received->reply + QByteArray(1, '\0'), digest, 0, ca));
    CHECK_FALSE(checkTimestampReply(received->reply.left(received->reply.size() - 1), digest, 0, ca));

    // The same TSTInfo re-signed by a certificate that is not a TSA's.
    const QString fake = dir.filePath(QStringLiteral("notsa.tsr"));
    tsa.makeNonTsaReply(good, fake);
    auto notTsa = checkTimestampReply(readAll(fake), digest, 0, {});
    REQUIRE_FALSE(notTsa);
    CHECK(notTsa.error().code == ErrorCode::AccessDenied);
    CHECK(notTsa.error().detail.contains(QLatin1String("not a TSA certificate")));

    // Our query, answered by openssl directly: a reply to another query (another nonce) is refused.
    auto query = makeTimestampQuery(digest);
    REQUIRE(query);
    writeAll(dir.filePath(QStringLiteral("query.tsq")), query->der);
    const auto text = runTool(QStringLiteral("openssl"), {QStringLiteral("ts"), QStringLiteral("-query"), QStringLiteral("-in"),
                                                          dir.filePath(QStringLiteral("query.tsq")), QStringLiteral("-text")});
    CHECK(text.contains(QLatin1String("Hash Algorithm: sha256")));
    CHECK(text.contains(QLatin1String("Certificate required: yes")));
    runTool(QStringLiteral("openssl"), {QStringLiteral("ts"), QStringLiteral("-reply"), QStringLiteral("-config"), tsa.file(QStringLiteral("tsa.cnf")),
                                        QStringLiteral("-queryfile"), dir.filePath(QStringLiteral("query.tsq")), QStringLiteral("-out"),
                                        dir.filePath(QStringLiteral("answer.tsr"))});
    const QByteArray answer = readAll(dir.filePath(QStringLiteral("answer.tsr")));
    CHECK(checkTimestampReply(answer, digest, query->nonce, ca));
    auto replayed = checkTimestampReply(answer, digest, query->nonce ^ 0x10, ca);
    REQUIRE_FALSE(replayed);
    CHECK(replayed.error().detail.contains(QLatin1String("nonce")));
}

TEST_CASE("a TSA that fails, stalls or answers garbage gives a typed error, never a token")
{
    test::TsaServer tsa;
    const QByteArray digest = QCryptographicHash::hash("manifest", QCryptographicHash::Sha256);
    TimestampAuthority authority{tsa.url(), {}, 1'500};
    tsa.setFault("500");
    auto failed = requestTimestamp(authority, digest);
    REQUIRE_FALSE(failed);
    CHECK(failed.error().code == ErrorCode::NetworkError);
    CHECK(failed.error().detail.contains(QLatin1String("HTTP 500")));
    tsa.setFault("garbage");
    auto garbage = requestTimestamp(authority, digest);
    REQUIRE_FALSE(garbage);
    CHECK(garbage.error().code == ErrorCode::FormatError);
    tsa.setFault("stall");
    auto stalled = requestTimestamp(authority, digest);
    REQUIRE_FALSE(stalled);
    CHECK(stalled.error().code == ErrorCode::NetworkError);
    CHECK(stalled.error().detail.contains(QLatin1String("did not answer")));
    tsa.setFault({});
    CHECK(requestTimestamp(authority, digest));
    TimestampAuthority nowhere{QUrl(QStringLiteral("ftp://127.0.0.1/tsa")), {}, 1'000};
    CHECK(requestTimestamp(nowhere, digest).error().code == ErrorCode::InvalidArgument);
}
