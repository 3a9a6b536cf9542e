#pragma once

// Test keys and certificates made with the openssl command-line tool, as an insurer would.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

namespace dualrec::test {

inline QString runTool(const QString &program, const QStringList &arguments, const QString &folder = {})
{
    QProcess process;
    if (!folder.isEmpty())
        process.setWorkingDirectory(folder);
    process.start(program, arguments);
    REQUIRE(process.waitForFinished(60000));
    const QString output = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    INFO(program.toStdString() << ' ' << arguments.join(u' ').toStdString() << '\n' << output.toStdString());
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    REQUIRE(process.exitCode() == 0);
    return output;
}

/// An insurer's key pair and self-signed certificate: `kind` "ec" (P-256) or "rsa" (2048).
struct Recipient {
    QString key;         ///< PEM private key path
    QString certificate; ///< PEM certificate path
};

inline Recipient makeRecipient(const QString &folder, const QString &name, const QString &kind)
{
    const QString key = QDir(folder).filePath(name + QStringLiteral(".key"));
    const QString certificate = QDir(folder).filePath(name + QStringLiteral(".pem"));
    QStringList arguments{QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("30"),
                          QStringLiteral("-subj"), QStringLiteral("/O=Test insurer/CN=") + name, QStringLiteral("-keyout"), key,
                          QStringLiteral("-out"), certificate, QStringLiteral("-newkey")};
    if (kind == QLatin1String("ec"))
        arguments << QStringLiteral("ec") << QStringLiteral("-pkeyopt") << QStringLiteral("ec_paramgen_curve:P-256");
    else
        arguments << QStringLiteral("rsa:2048");
    runTool(QStringLiteral("openssl"), arguments);
    return {key, certificate};
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

inline void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

} // namespace dualrec::test
