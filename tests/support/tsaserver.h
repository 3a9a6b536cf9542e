#pragma once

// The test timestamp authority (scripts/tsa-server: Python's http.server around `openssl ts
// -reply`) as a child process, started as a developer starts it. Its folder keeps the test CA
// (ca.pem), the TSA's certificate (tsa.pem) and a certificate of the same CA that is not a TSA's
// (notsa.pem); setFault() makes it answer 500, stall or garbage (its --fault-file).
#include "tests/seal/sealfixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

#include <catch2/catch_test_macros.hpp>

#include <memory>

namespace dualrec::test {

class TsaServer final
{
public:
    TsaServer()
    {
        REQUIRE(m_dir.isValid());
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process->start(QStringLiteral(DUALREC_SOURCE_DIR "/scripts/tsa-server"),
                         {QStringLiteral("--dir"), folder(), QStringLiteral("--fault-file"), m_dir.filePath(QStringLiteral("fault"))});
        REQUIRE(m_process->waitForStarted(10000));
        QElapsedTimer waited;
        waited.start();
        while (!m_process->canReadLine() && waited.elapsed() < 60000)
            m_process->waitForReadyRead(200);
        const auto line = QString::fromUtf8(m_process->readLine()).trimmed();
        INFO(line.toStdString());
        REQUIRE(line.startsWith(QLatin1String("listening on ")));
        m_url = QUrl(line.mid(13));
    }
    ~TsaServer()
    {
        m_process->kill();
        m_process->waitForFinished(10000);
    }
    TsaServer(const TsaServer &) = delete;
    TsaServer &operator=(const TsaServer &) = delete;

    [[nodiscard]] const QUrl &url() const { return m_url; }
    [[nodiscard]] QString folder() const { return m_dir.filePath(QStringLiteral("tsa")); }
    [[nodiscard]] QString file(const QString &name) const { return QDir(folder()).filePath(name); }
    /// "500", "stall", "garbage"; empty: answers normally again.
    void setFault(const QByteArray &mode)
    {
        QFile fault(m_dir.filePath(QStringLiteral("fault")));
        if (mode.isEmpty()) {
            fault.remove();
            return;
        }
        REQUIRE(fault.open(QIODevice::WriteOnly | QIODevice::Truncate));
        fault.write(mode + '\n');
    }

    /// A reply like the TSA's but whose token `good` (a .tsr) is re-signed by the test CA's
    /// certificate that is not a TSA's (notsa.pem), written to `out`: the TSTInfo is the real one,
    /// the signature valid, only the signer is wrong. Made with `openssl cms` as an attacker would.
    void makeNonTsaReply(const QString &good, const QString &out) const
    {
        QTemporaryDir work;
        runTool(QStringLiteral("openssl"), {QStringLiteral("ts"), QStringLiteral("-reply"), QStringLiteral("-in"), good, QStringLiteral("-token_out"),
                                            QStringLiteral("-out"), work.filePath(QStringLiteral("token.der"))});
        runTool(QStringLiteral("openssl"), {QStringLiteral("cms"), QStringLiteral("-verify"), QStringLiteral("-noverify"), QStringLiteral("-binary"),
                                            QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"), work.filePath(QStringLiteral("token.der")),
                                            QStringLiteral("-out"), work.filePath(QStringLiteral("tstinfo.der"))});
        runTool(QStringLiteral("openssl"), {QStringLiteral("cms"), QStringLiteral("-sign"), QStringLiteral("-binary"), QStringLiteral("-nodetach"),
                                            QStringLiteral("-nosmimecap"), QStringLiteral("-md"), QStringLiteral("sha256"), QStringLiteral("-econtent_type"),
                                            QStringLiteral("id-smime-ct-TSTInfo"), QStringLiteral("-in"), work.filePath(QStringLiteral("tstinfo.der")),
                                            QStringLiteral("-signer"), file(QStringLiteral("notsa.pem")), QStringLiteral("-inkey"),
                                            file(QStringLiteral("notsa.key")), QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"),
                                            work.filePath(QStringLiteral("fake.der"))});
        const QByteArray token = readAll(work.filePath(QStringLiteral("fake.der")));
        // TimeStampResp ::= SEQUENCE { status PKIStatusInfo (granted), timeStampToken }
        const QByteArray body = QByteArray::fromHex("3003020100") + token;
        QByteArray length;
        for (qsizetype n = body.size(); n > 0; n >>= 8)
            length.prepend(char(n & 0xff));
        writeAll(out, QByteArray(1, '\x30') + (body.size() < 128 ? QByteArray(1, char(body.size())) : QByteArray(1, char(0x80 | length.size())) + length) + body);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QUrl m_url;
};

} // namespace dualrec::test
