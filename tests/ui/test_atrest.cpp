// Nothing readable on a stolen laptop (issue 12, "Done when"): a guarded session recorded in the
// window from the shared two-party clip, and one recorded by `dualrec record` from the same clip,
// killed with SIGKILL mid-way and recovered by the next start. Then every file in the data folder
// and in the temporary folder is scanned: none starts like an MP4, JPEG or PNG, and neither the
// customer's name nor her ID number is in any of them, in UTF-8 or UTF-16.
#include "core/live/recordingrun.h"
#include "core/seal/encryptedfile.h"

#include "tests/support/evidencetools.h"
#include "tests/ui/uifixture.h"

#include <QComboBox>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QThread>

#include <catch2/catch_test_macros.hpp>

#include <csignal>

#include <unistd.h>

using namespace dualrec;
using test::click;
using test::fillSaleForm;
using test::pressKey;
using test::signIn;
using test::typeText;

namespace {

const QString kAgentPassword = QStringLiteral("agent-pass-1");
const QString kCustomerName = QStringLiteral("王秀兰"); // what fillSaleForm() types

QString sharedClip()
{
    return QStringLiteral(DUALREC_SHARED_DIR "/assets/clips/two_party_gap_640x360_15fps.mp4");
}

/// The forms a text takes on disk in the common encodings.
QList<QByteArray> encodings(const QString &text)
{
    QByteArray utf16le;
    QByteArray utf16be;
    for (const QChar c : text) {
        utf16le.append(char(c.unicode() & 0xFF)).append(char(c.unicode() >> 8));
        utf16be.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xFF));
    }
    return {text.toUtf8(), utf16le, utf16be};
}

struct Finding {
    QString file;
    QString what;
};

/// Every regular file under `folder`: a plaintext media signature at its start, or `secrets`
/// anywhere in it.
QList<Finding> scan(const QString &folder, const QStringList &secrets, int &files)
{
    QList<Finding> findings;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const auto path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        ++files;
        const auto bytes = file.readAll();
        if (test::startsLikePlainMedia(path))
            findings.append({path, QStringLiteral("starts like a plain MP4/JPEG/PNG")});
        for (const auto &secret : secrets) {
            for (const auto &encoded : encodings(secret)) {
                if (bytes.contains(encoded))
                    findings.append({path, QStringLiteral("holds \"%1\"").arg(secret)});
            }
        }
    }
    return findings;
}

QStringList recordArguments(const QString &data, const QStringList &extra)
{
    return QStringList{QStringLiteral("record"), QStringLiteral("--source"), sharedClip(), QStringLiteral("--template"),
                       QStringLiteral("traditional-life"), QStringLiteral("--application-no"), QStringLiteral("AP-KILL-1"),
                       QStringLiteral("--agent"), QStringLiteral("agent07"), QStringLiteral("--out"),
                       QDir(data).filePath(QStringLiteral("recordings")), QStringLiteral("--data-dir"), data,
                       QStringLiteral("--presence"), QStringLiteral("guard"), QStringLiteral("--answers"), QStringLiteral("auto"),
                       QStringLiteral("--size"), QStringLiteral("640x360")}
           + extra;
}

} // namespace

TEST_CASE("after a guarded session and a killed one, no file in the data or temporary folder is readable evidence")
{
    // A temporary folder of our own, for this process and the recorder processes alike.
    QTemporaryDir temporary;
    REQUIRE(temporary.isValid());
    const auto previousTemp = qgetenv("TMPDIR");
    qputenv("TMPDIR", QFile::encodeName(temporary.path()));

    const QString idNumber = test::residentIdBornOn(QDate(1990, 5, 17));
    {
        const test::Language catalogue(QStringLiteral("zh_CN"));
        test::AppFixture app(QStringLiteral("zh_CN"), true, test::AppFixture::Time::System);
        const auto data = app.directory.path();
        app.addUser(QStringLiteral("agent07"), QStringLiteral("Agent Seven"), storage::UserRole::Agent, kAgentPassword);
        app.startLiveCapture(app.cameraClipWithTone(0.3));
        QFile::remove(app.directory.filePath(QStringLiteral("camera.mp4"))); // the test's own input, not evidence
        app.openWindow();
        signIn(app, QStringLiteral("agent07"), kAgentPassword);

        // 1. The window: a guarded session of the customer, from the two-party clip.
        auto *go = app.find<QPushButton>("preflightContinue");
        REQUIRE(test::waitUntil([&] { return go->isEnabled(); }, 20000));
        pressKey(go, Qt::Key_Return, Qt::ControlModifier);
        fillSaleForm(app, QStringLiteral("AP-ATREST-1"), idNumber);
        click(app.find<QPushButton>("startRecording"));
        REQUIRE(app.window->recordingRun() != nullptr);
        const auto fragmented = app.window->recordingRun()->fragmentedPath();
        QThread::msleep(100);
        REQUIRE(test::waitUntil([&] { return QFileInfo(fragmented).size() > 20000; }, 20000));
        // While it records: the growing file is already ciphertext.
        CHECK(seal::looksEncrypted(fragmented));
        CHECK_FALSE(test::startsLikePlainMedia(fragmented));
        QElapsedTimer recorded;
        recorded.start();
        REQUIRE(test::waitUntil([&] { return recorded.elapsed() > 4000; }, 10000));
        click(app.find<QPushButton>("abortSession"));
        typeText(app.find<QComboBox>("abortReason"), QStringLiteral("customer asked to stop"));
        click(app.find<QPushButton>("confirmAbort"));
        REQUIRE(test::waitUntil([&] { return app.window->currentPage()->objectName() == QLatin1String("endPage"); }, 30000));

        // 2. `dualrec record` from the same clip, guarded, killed with SIGKILL after 3 s ...
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("TMPDIR"), temporary.path());
        QProcess killed;
        killed.setProcessEnvironment(environment);
        killed.start(QStringLiteral(DUALREC_BINARY), recordArguments(data, {}));
        REQUIRE(killed.waitForStarted(10000));
        QString line;
        while (!line.contains(QLatin1String("recording session")) && killed.waitForReadyRead(20000))
            line += QString::fromUtf8(killed.readAllStandardOutput());
        REQUIRE(line.contains(QLatin1String("recording session")));
        QThread::msleep(3000);
        ::kill(pid_t(killed.processId()), SIGKILL);
        REQUIRE(killed.waitForFinished(10000));
        // ... and the next start closes it and finalizes its recording (encrypted, no plaintext copy).
        QProcess next;
        next.setProcessEnvironment(environment);
        next.start(QStringLiteral(DUALREC_BINARY), recordArguments(data, {QStringLiteral("--duration"), QStringLiteral("1")}));
        REQUIRE(next.waitForFinished(120000));
        const auto nextErr = QString::fromUtf8(next.readAllStandardError());
        INFO(nextErr.toStdString());
        REQUIRE(next.exitCode() == 0);
        CHECK(nextErr.contains(QLatin1String("(finalized)")));

        // 3. The scan, the window still open (its journal in use, as on a running laptop). First
        //    the scan itself is shown to see what it looks for (a plaintext control).
        {
            QTemporaryDir control;
            QFile utf16(control.filePath(QStringLiteral("notes.txt")));
            REQUIRE(utf16.open(QIODevice::WriteOnly));
            utf16.write(encodings(idNumber).at(1));
            utf16.close();
            QFile jpeg(control.filePath(QStringLiteral("x.bin")));
            REQUIRE(jpeg.open(QIODevice::WriteOnly));
            jpeg.write("\xFF\xD8\xFF\xE0 JFIF");
            jpeg.close();
            int controlFiles = 0;
            CHECK(scan(control.path(), {kCustomerName, idNumber}, controlFiles).size() == 2);
        }
        int files = 0;
        auto findings = scan(data, {kCustomerName, idNumber}, files);
        findings += scan(temporary.path(), {kCustomerName, idNumber}, files);
        for (const auto &finding : findings)
            UNSCOPED_INFO(finding.file.toStdString() << ": " << finding.what.toStdString());
        CHECK(findings.isEmpty());
        // What was scanned: both sessions' recordings and sidecars, and the journal.
        QStringList recordings = QDir(QDir(data).filePath(QStringLiteral("recordings"))).entryList({QStringLiteral("*.mp4")}, QDir::Files);
        CHECK(recordings.size() >= 3); // the window's, the killed one's (finalized), the next start's
        for (const auto &name : recordings)
            CHECK(seal::looksEncrypted(QDir(data).filePath(QStringLiteral("recordings/") + name)));
        CHECK(files >= 10);
    }
    if (previousTemp.isNull())
        qunsetenv("TMPDIR");
    else
        qputenv("TMPDIR", previousTemp);
}
