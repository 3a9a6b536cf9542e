// Sealing a 1 GB recording (`dualrec seal`: hash the plaintext, encrypt, hash the ciphertext,
// sign) next to `openssl cms -encrypt -stream -binary -aes-256-gcm` and `openssl dgst -sha256`
// on the same file in the same run: wall time and peak memory (wait4 rusage).
//
//   dualrec_bench_seal DUALREC WORKDIR [SIZE_MB]
#include "tests/bench/benchprocess.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <cstdio>

using dualrec::bench::measure;

namespace {

QString run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    process.waitForFinished(-1);
    if (process.exitCode() != 0) {
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(program), process.readAllStandardError().constData());
        std::exit(1);
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: dualrec_bench_seal DUALREC WORKDIR [SIZE_MB]\n");
        return 2;
    }
    const QString dualrec = QString::fromLocal8Bit(argv[1]);
    QDir work(QString::fromLocal8Bit(argv[2]) + QStringLiteral("/seal"));
    const int sizeMb = argc > 3 ? std::atoi(argv[3]) : 1024;
    work.removeRecursively();
    QDir().mkpath(work.path());
    const QString data = work.filePath(QStringLiteral("data"));
    const QString out = run(dualrec, {QStringLiteral("record"), QStringLiteral("--data-dir"), data, QStringLiteral("--out"),
                                      data + QStringLiteral("/recordings"), QStringLiteral("--source"), QStringLiteral("demo"),
                                      QStringLiteral("--template"), QStringLiteral("traditional-life"), QStringLiteral("--application-no"),
                                      QStringLiteral("B-1"), QStringLiteral("--agent"), QStringLiteral("A-1"), QStringLiteral("--duration"),
                                      QStringLiteral("1"), QStringLiteral("--size"), QStringLiteral("320x240"), QStringLiteral("--pace"),
                                      QStringLiteral("fast"), QStringLiteral("--lang"), QStringLiteral("en")});
    const QString session = QRegularExpression(QStringLiteral("session: ([0-9a-f-]{36})")).match(out).captured(1);
    const QString big = work.filePath(QStringLiteral("big.mp4"));
    {
        QFile file(big);
        file.open(QIODevice::WriteOnly);
        QByteArray block(8 * 1024 * 1024, '\0');
        QRandomGenerator random(1);
        random.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (int i = 0; i < sizeMb / 8; ++i) {
            block[0] = char(i);
            file.write(block);
            hash.addData(block);
        }
        file.close();
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"));
        db.setDatabaseName(data + QStringLiteral("/journal.sqlite"));
        db.open();
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO media_files (session_id, role, path, size_bytes, sha256, created_at_utc) "
                                      "VALUES (?, 'recording', ?, ?, ?, '2026-01-01T00:00:00.000Z')"));
        insert.addBindValue(session);
        insert.addBindValue(big);
        insert.addBindValue(QFileInfo(big).size());
        insert.addBindValue(QString::fromLatin1(hash.result().toHex()));
        if (!insert.exec()) {
            std::fprintf(stderr, "cannot journal the big file\n");
            return 1;
        }
    }
    const QString key = work.filePath(QStringLiteral("insurer.key"));
    const QString certificate = work.filePath(QStringLiteral("insurer.pem"));
    run(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-nodes"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                                    QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-subj"), QStringLiteral("/CN=insurer"),
                                    QStringLiteral("-keyout"), key, QStringLiteral("-out"), certificate});
    run(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("cat '%1' > /dev/null").arg(big)}); // warm the page cache

    std::printf("%d MB file; %s\n", sizeMb, qPrintable(run(QStringLiteral("openssl"), {QStringLiteral("version")}).trimmed()));
    const auto sealed = measure({dualrec, QStringLiteral("seal"), session, QStringLiteral("--data-dir"), data, QStringLiteral("--insurer-cert"), certificate});
    const auto encrypt = measure({QStringLiteral("openssl"), QStringLiteral("cms"), QStringLiteral("-encrypt"), QStringLiteral("-stream"),
                                  QStringLiteral("-binary"), QStringLiteral("-aes-256-gcm"), QStringLiteral("-outform"), QStringLiteral("DER"),
                                  QStringLiteral("-in"), big, QStringLiteral("-out"), work.filePath(QStringLiteral("openssl.cms")), certificate});
    const auto encryptSynced = measure({QStringLiteral("sh"), QStringLiteral("-c"),
                                        QStringLiteral("openssl cms -encrypt -stream -binary -aes-256-gcm -outform DER -in '%1' -out '%2' '%3' && sync '%2'")
                                            .arg(big, work.filePath(QStringLiteral("openssl2.cms")), certificate)});
    const auto baseline = measure({dualrec, QStringLiteral("--version"), QStringLiteral("--data-dir"), data});
    const auto digest = measure({QStringLiteral("openssl"), QStringLiteral("dgst"), QStringLiteral("-sha256"), big});
    const auto verified = measure({dualrec, QStringLiteral("verify"), data + QStringLiteral("/packages/") + session + QStringLiteral(".dualrec"),
                                   QStringLiteral("--insurer-key"), key});
    std::printf("%-58s %8s %10s %9s\n", "", "wall s", "CPU s", "peak MB");
    const auto line = [](const char *what, const dualrec::bench::Measured &m) {
        std::printf("%-58s %8.2f %10.2f %9.1f%s\n", what, m.wallSeconds, m.cpuSeconds, m.peakMegabytes, m.exitCode == 0 ? "" : "  (FAILED)");
    };
    line("dualrec seal (hash + encrypt + hash + sign, one pass)", sealed);
    line("openssl cms -encrypt -stream -binary -aes-256-gcm", encrypt);
    line("openssl cms -encrypt ..., then sync FILE (as seal fsyncs)", encryptSynced);
    line("openssl dgst -sha256", digest);
    line("dualrec --version (the process's own baseline)", baseline);
    line("dualrec verify --insurer-key (decrypt + check in memory)", verified);
    std::printf("seal / openssl encrypt: %.2fx wall, %.2fx with the file synced (goal <= 1.25x), %.2fx CPU\n",
                sealed.wallSeconds / encrypt.wallSeconds, sealed.wallSeconds / encryptSynced.wallSeconds,
                sealed.cpuSeconds / encrypt.cpuSeconds);
    std::printf("seal peak memory %.1f MB, of which %.1f MB above the process's baseline (goal <= 64 MB)\n", sealed.peakMegabytes,
                sealed.peakMegabytes - baseline.peakMegabytes);
    work.removeRecursively();
    return sealed.exitCode == 0 && verified.exitCode == 0 ? 0 : 1;
}
