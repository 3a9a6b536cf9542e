// Sealing a 1 GB recording (`dualrec seal`: hash the plaintext, encrypt, hash the ciphertext,
// hash and write the package, sign) next to `openssl cms -encrypt -stream -binary -aes-256-gcm`
// (and the same followed by `sync FILE`, as seal syncs its package) and `openssl dgst -sha256`
// on the same file in the same run: wall time, CPU and peak memory (wait4 rusage).
//
// The big files are random bytes named .bin (verify's MP4 check is not what is measured).
// Two inputs: the recording as a plain file, and as the window really keeps it, encrypted at
// rest (chunked AES-256-GCM under the data folder's device key: sealing decrypts it on the way).
// The machine is shared: the commands are run in ROUNDS paired rounds, the order reversed every
// other round, and the medians (of the times and of each round's ratio) are printed.
//
//   dualrec_bench_seal DUALREC WORKDIR [SIZE_MB] [ROUNDS]
#include "core/seal/devicekeys.h"
#include "core/seal/encryptedfile.h"
#include "core/seal/sealsession.h"
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

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using dualrec::bench::Measured;
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

QString recordSession(const QString &dualrec, const QString &data)
{
    const QString out = run(dualrec, {QStringLiteral("record"), QStringLiteral("--data-dir"), data, QStringLiteral("--out"),
                                      data + QStringLiteral("/recordings"), QStringLiteral("--source"), QStringLiteral("demo"),
                                      QStringLiteral("--template"), QStringLiteral("traditional-life"), QStringLiteral("--application-no"),
                                      QStringLiteral("B-1"), QStringLiteral("--agent"), QStringLiteral("A-1"), QStringLiteral("--duration"),
                                      QStringLiteral("1"), QStringLiteral("--size"), QStringLiteral("320x240"), QStringLiteral("--pace"),
                                      QStringLiteral("fast"), QStringLiteral("--lang"), QStringLiteral("en")});
    return QRegularExpression(QStringLiteral("session: ([0-9a-f-]{36})")).match(out).captured(1);
}

/// SIZE_MB of random bytes, handed block by block to `sink`; the plaintext's SHA-256 (hex).
QString generate(int sizeMb, const std::function<void(const QByteArray &)> &sink)
{
    QByteArray block(8 * 1024 * 1024, '\0');
    QRandomGenerator random(1);
    random.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (int i = 0; i < sizeMb / 8; ++i) {
        block[0] = char(i);
        sink(block);
        hash.addData(block);
    }
    return QString::fromLatin1(hash.result().toHex());
}

void journalFile(const QString &data, const QString &session, const QString &path, qint64 size, const QString &sha256)
{
    auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), path);
    db.setDatabaseName(data + QStringLiteral("/journal.sqlite"));
    db.open();
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO media_files (session_id, role, path, size_bytes, sha256, created_at_utc) "
                                  "VALUES (?, 'recording', ?, ?, ?, '2026-01-01T00:00:00.000Z')"));
    insert.addBindValue(session);
    insert.addBindValue(path);
    insert.addBindValue(size);
    insert.addBindValue(sha256);
    if (!insert.exec()) {
        std::fprintf(stderr, "cannot journal %s\n", qPrintable(path));
        std::exit(1);
    }
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const auto n = values.size();
    return n == 0 ? 0 : (n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: dualrec_bench_seal DUALREC WORKDIR [SIZE_MB] [ROUNDS]\n");
        return 2;
    }
    const QString dualrec = QString::fromLocal8Bit(argv[1]);
    QDir work(QString::fromLocal8Bit(argv[2]) + QStringLiteral("/seal"));
    const int sizeMb = argc > 3 ? std::atoi(argv[3]) : 1024;
    const int rounds = std::max(1, argc > 4 ? std::atoi(argv[4]) : 3);
    work.removeRecursively();
    QDir().mkpath(work.path());
    qputenv("DUALREC_KEY_STORE", "file"); // the copies of the data folder carry their keys
    const QString data = work.filePath(QStringLiteral("data"));
    const QString plainSession = recordSession(dualrec, data);
    const QString encryptedSession = recordSession(dualrec, data);

    const QString big = work.filePath(QStringLiteral("big.bin"));
    {
        QFile file(big);
        file.open(QIODevice::WriteOnly);
        const auto sha = generate(sizeMb, [&file](const QByteArray &block) { file.write(block); });
        file.close();
        journalFile(data, plainSession, big, QFileInfo(big).size(), sha);
    }
    const QString bigEncrypted = work.filePath(QStringLiteral("big-encrypted.bin"));
    {
        auto store = dualrec::seal::dataFolderKeyStore(data);
        auto keys = dualrec::seal::DeviceKeys::open(data, *store);
        auto writer = keys ? dualrec::seal::EncryptedWriter::create(bigEncrypted, *keys) : std::unexpected(keys.error());
        if (!writer) {
            std::fprintf(stderr, "cannot make the encrypted recording: %s\n", qPrintable(writer.error().toString()));
            return 1;
        }
        bool ok = true;
        const auto sha = generate(sizeMb, [&](const QByteArray &block) { ok = ok && (*writer)->write(block).has_value(); });
        ok = ok && (*writer)->finish().has_value();
        if (!ok) {
            std::fprintf(stderr, "cannot write the encrypted recording\n");
            return 1;
        }
        journalFile(data, encryptedSession, bigEncrypted, qint64(sizeMb) * 1024 * 1024, sha);
    }
    const QString key = work.filePath(QStringLiteral("insurer.key"));
    const QString certificate = work.filePath(QStringLiteral("insurer.pem"));
    run(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-nodes"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                                    QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-subj"), QStringLiteral("/CN=insurer"),
                                    QStringLiteral("-keyout"), key, QStringLiteral("-out"), certificate});
    // Warm the page cache: every command reads its input from memory.
    run(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("cat '%1' '%2' > /dev/null").arg(big, bigEncrypted)});

    std::printf("%d MB file, %d paired rounds (order reversed every other round); %s; load %s\n", sizeMb, rounds,
                qPrintable(run(QStringLiteral("openssl"), {QStringLiteral("version")}).trimmed()), qPrintable(dualrec::bench::loadAverage()));
    const QString cms = work.filePath(QStringLiteral("openssl.cms"));
    const auto opensslEncrypt = [&](bool synced) {
        const auto m = measure({QStringLiteral("sh"), QStringLiteral("-c"),
                                QStringLiteral("openssl cms -encrypt -stream -binary -aes-256-gcm -outform DER -in '%1' -out '%2' '%3'%4")
                                    .arg(big, cms, certificate, synced ? QStringLiteral(" && sync '%1'").arg(cms) : QString())});
        QFile::remove(cms);
        return m;
    };
    QString lastPackage;
    const auto seal = [&](const QString &session, int round) {
        const QString copy = work.filePath(QStringLiteral("data-%1-%2").arg(round).arg(session.left(8)));
        run(QStringLiteral("cp"), {QStringLiteral("-a"), data, copy}); // owner-only folders stay so
        const QStringList command{dualrec, QStringLiteral("seal"), session, QStringLiteral("--data-dir"), copy, QStringLiteral("--insurer-cert"), certificate};
        const auto m = measure(command);
        if (m.exitCode != 0) { // say why (once more, with its output)
            QProcess again;
            again.start(command.first(), command.mid(1));
            again.waitForFinished(-1);
            std::fprintf(stderr, "dualrec seal failed: %s\n", again.readAllStandardError().constData());
        }
        if (!lastPackage.isEmpty())
            QDir(QFileInfo(lastPackage).path() + QStringLiteral("/..")).removeRecursively();
        lastPackage = copy + QStringLiteral("/packages/") + session + QStringLiteral(".dualrec");
        return m;
    };
    enum Column { SealPlain, SealEncrypted, Encrypt, EncryptSynced, Digest, Columns };
    std::vector<std::vector<Measured>> results(Columns);
    for (int round = 0; round < rounds; ++round) {
        std::vector<std::function<void()>> steps{
            [&] { results[SealPlain].push_back(seal(plainSession, round)); },
            [&] { results[Encrypt].push_back(opensslEncrypt(false)); },
            [&] { results[SealEncrypted].push_back(seal(encryptedSession, round)); },
            [&] { results[EncryptSynced].push_back(opensslEncrypt(true)); },
            [&] { results[Digest].push_back(measure({QStringLiteral("openssl"), QStringLiteral("dgst"), QStringLiteral("-sha256"), big})); },
        };
        if (round % 2)
            std::reverse(steps.begin(), steps.end());
        for (const auto &step : steps)
            step();
    }
    const auto baseline = measure({dualrec, QStringLiteral("--version"), QStringLiteral("--data-dir"), data});
    const auto verified = measure({dualrec, QStringLiteral("verify"), lastPackage, QStringLiteral("--insurer-key"), key});

    const char *names[Columns] = {"dualrec seal, plain recording", "dualrec seal, recording encrypted at rest",
                                  "openssl cms -encrypt -stream -binary -aes-256-gcm", "openssl cms -encrypt ..., then sync FILE",
                                  "openssl dgst -sha256"};
    std::printf("%-52s %-28s %8s %8s %8s\n", "", "wall s per round", "median", "CPU s", "peak MB");
    bool failed = false;
    for (int c = 0; c < Columns; ++c) {
        QStringList walls;
        std::vector<double> wall, cpu, peak;
        for (const auto &m : results[c]) {
            walls.append(QString::number(m.wallSeconds, 'f', 2));
            wall.push_back(m.wallSeconds);
            cpu.push_back(m.cpuSeconds);
            peak.push_back(m.peakMegabytes);
            failed = failed || m.exitCode != 0;
        }
        std::printf("%-52s %-28s %8.2f %8.2f %8.1f\n", names[c], qPrintable(walls.join(QLatin1Char(' '))), median(wall), median(cpu), median(peak));
    }
    std::printf("%-52s %-28s %8.2f %8.2f %8.1f\n", "dualrec --version (the process's own baseline)", "", baseline.wallSeconds,
                baseline.cpuSeconds, baseline.peakMegabytes);
    std::printf("%-52s %-28s %8.2f %8.2f %8.1f%s\n", "dualrec verify --insurer-key (decrypt + check)", "", verified.wallSeconds,
                verified.cpuSeconds, verified.peakMegabytes, verified.exitCode == 0 ? "" : "  (FAILED)");
    const auto ratio = [&](Column ours, Column theirs, bool cpuTime) {
        std::vector<double> values;
        for (std::size_t i = 0; i < results[ours].size(); ++i) {
            const auto &a = results[ours][i];
            const auto &b = results[theirs][i];
            values.push_back(cpuTime ? a.cpuSeconds / b.cpuSeconds : a.wallSeconds / b.wallSeconds);
        }
        return median(values);
    };
    for (const Column ours : {SealPlain, SealEncrypted}) {
        std::printf("%s / openssl encrypt (median of the rounds' ratios): %.2fx wall (goal <= 1.25x), %.2fx with openssl's file "
                    "synced too, %.2fx CPU\n",
                    ours == SealPlain ? "seal (plain)" : "seal (encrypted at rest)", ratio(ours, Encrypt, false),
                    ratio(ours, EncryptSynced, false), ratio(ours, Encrypt, true));
    }
    std::vector<double> peaks;
    for (const Column c : {SealPlain, SealEncrypted})
        for (const auto &m : results[c])
            peaks.push_back(m.peakMegabytes);
    const double peak = *std::max_element(peaks.begin(), peaks.end());
    std::printf("seal peak memory %.1f MB (largest of all runs; goal <= 64 MB), of which %.1f MB above the process's baseline "
                "(dualrec --version: the libraries the one binary loads)\n",
                peak, peak - baseline.peakMegabytes);
    work.removeRecursively();
    return !failed && verified.exitCode == 0 ? 0 : 1;
}
