// `dualrec qc --report` as a separate process without a display: the QC report of a real
// recording (the demo source watched by the presence guard, which finds nobody: the consent
// step fails for presence) as a PDF whose text (pdftotext) carries the verdict and the reasons
// in Chinese and whose first page (pdftoppm) is drawn; refusals and a wrong session leave no file.
#include "tests/support/clirun.h"
#include "tests/support/demorecording.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

using dualrec::test::CliRun;
using dualrec::test::runDualrec;
using dualrec::test::addAccount;
using dualrec::test::exportAudit;
using dualrec::test::recordDemo;

namespace {

/// `dualrec` with no window system at all: no DISPLAY, no WAYLAND_DISPLAY, no QT_QPA_PLATFORM.
CliRun runHeadless(const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    auto env = QProcessEnvironment::systemEnvironment();
    for (const auto *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QLatin1String(name));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("DUALREC_KEY_STORE"), QStringLiteral("file"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(DUALREC_BINARY), arguments);
    REQUIRE(process.waitForStarted(10000));
    process.write(input);
    process.closeWriteChannel();
    REQUIRE(process.waitForFinished(60000));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString tool(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    REQUIRE(process.waitForStarted(10000));
    REQUIRE(process.waitForFinished(60000));
    INFO(program.toStdString() << ": " << process.readAllStandardError().toStdString());
    REQUIRE(process.exitCode() == 0);
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

TEST_CASE("qc --report writes the QC report of a recorded session as a PDF with the verdict and reasons in Chinese, headless")
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    dualrec::test::DemoRecording how;
    how.seconds = 4;
    how.fast = false;
    how.extra = {QStringLiteral("--presence"), QStringLiteral("guard")};
    const QString session = recordDemo(data, how).sessionId;
    addAccount(data, QStringLiteral("wang"), QStringLiteral("supervisor"), "supervisor-pass", QStringLiteral("王芳"));
    addAccount(data, QStringLiteral("li"), QStringLiteral("agent"), "agent-password");

    QTemporaryDir outDir;
    const QString pdf = QDir(outDir.path()).filePath(QStringLiteral("report.pdf"));
    // Messages are checked in English; the report itself in Chinese.
    const auto report = [&](const QString &id, const QString &login, const QByteArray &password, const QString &file,
                            const QString &language = QStringLiteral("en")) {
        return runHeadless({QStringLiteral("qc"), QStringLiteral("--report"), file, id, QStringLiteral("--user"), login,
                            QStringLiteral("--data-dir"), data, QStringLiteral("--lang"), language},
                           password);
    };

    {
        // A session the journal does not have: a specific message, exit 2, nothing written, an existing file untouched.
        const QString unknown = QStringLiteral("1df3086b-e6f7-4463-891d-95999a1913be");
        const auto missing = report(unknown, QStringLiteral("wang"), "supervisor-pass\n", pdf);
        CHECK(missing.exitCode == 2);
        CHECK(missing.err.contains(unknown));
        CHECK(missing.err.contains(QStringLiteral("not in the journal")));
        // In Chinese too, naming the session.
        const auto missingZh = report(unknown, QStringLiteral("wang"), "supervisor-pass\n", pdf, QStringLiteral("zh_CN"));
        CHECK(missingZh.exitCode == 2);
        CHECK(missingZh.err.contains(QStringLiteral("日志库中没有录制 ") + unknown));
        CHECK(!QFileInfo::exists(pdf));
        const auto malformed = report(QStringLiteral("not-a-session"), QStringLiteral("wang"), "supervisor-pass\n", pdf);
        CHECK(malformed.exitCode == 2);
        CHECK(malformed.err.contains(QStringLiteral("\"not-a-session\" is not a session id")));
        CHECK(!QFileInfo::exists(pdf));
        // A folder that does not exist is named; an existing file is kept when nothing is written.
        const QString nowhere = QDir(outDir.path()).filePath(QStringLiteral("no-such-folder/report.pdf"));
        const auto noFolder = report(session, QStringLiteral("wang"), "supervisor-pass\n", nowhere);
        CHECK(noFolder.exitCode == 2);
        CHECK(noFolder.err.contains(QDir::toNativeSeparators(nowhere)));
        {
            QFile old(pdf);
            REQUIRE(old.open(QIODevice::WriteOnly));
            old.write("the previous report");
        }
        CHECK(report(unknown, QStringLiteral("wang"), "supervisor-pass\n", pdf).exitCode == 2);
        QFile kept(pdf);
        REQUIRE(kept.open(QIODevice::ReadOnly));
        CHECK(kept.readAll() == QByteArray("the previous report"));
        CHECK(QDir(outDir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{QStringLiteral("report.pdf")}); // no temporary left
    }

    {
        // An agent or a wrong password is refused and audited; nothing is written.
        QFile::remove(pdf);
        const auto agent = report(session, QStringLiteral("li"), "agent-password\n", pdf);
        CHECK(agent.exitCode == 1);
        CHECK(agent.err.contains(QStringLiteral("only supervisors and IT")));
        CHECK(report(session, QStringLiteral("wang"), "wrong\n", pdf).exitCode == 1);
        CHECK(!QFileInfo::exists(pdf));
        CHECK(exportAudit(data)
              == QStringList{QStringLiteral("li|qc report refused: role agent"), QStringLiteral("wang|qc report refused: sign-in failed")});
    }

    {
        // A supervisor gets the PDF: verdict and reasons in Chinese, page 1 drawn, audited.
        const auto done = report(session, QStringLiteral("wang"), "supervisor-pass\n", pdf, QStringLiteral("zh_CN"));
        INFO(done.out.toStdString() << done.err.toStdString());
        REQUIRE(done.exitCode == 0);
        REQUIRE(QFileInfo(pdf).isFile());
        CHECK(QFile::permissions(pdf) & QFileDevice::ReadOwner);
        CHECK((QFile::permissions(pdf) & (QFileDevice::ReadOther | QFileDevice::ReadGroup)) == 0);
        const QString text = tool(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        INFO(text.toStdString());
        // The verdict in words, and the reason (someone out of the picture in the consent step) as a
        // sentence, with the step's title and where in the recording.
        CHECK(text.contains(QStringLiteral("质检未通过")));
        // Nobody was found: the agent's and the customer's absence are two sentences, each naming its party.
        CHECK(text.contains(QStringLiteral("业务员不在画面中")));
        CHECK(text.contains(QStringLiteral("客户不在画面中")));
        CHECK(text.contains(QStringLiteral("录音录像同意")));
        CHECK(text.contains(QStringLiteral("P2026-0042")));
        CHECK(text.contains(QStringLiteral("双录质检报告")));
        CHECK(text.contains(QStringLiteral("画面")));
        // The agent's name, not the login alone; no English words in the Chinese report.
        CHECK(!text.contains(QStringLiteral("Fails the check")));
        CHECK(!text.contains(QStringLiteral("Timeline")));

        // The stills of the reasons' moments are in it: decoded from the encrypted recording (320x240).
        const QString images = tool(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf});
        INFO(images.toStdString());
        CHECK(QRegularExpression(QStringLiteral(R"(^\s*1\s+\d+\s+image\s+320\s+240\s)"), QRegularExpression::MultilineOption).match(images).hasMatch());

        // Page 1 renders, with ink on it (not a blank page): dark pixels and the verdict's red.
        const QString prefix = QDir(outDir.path()).filePath(QStringLiteral("page"));
        tool(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("50"), QStringLiteral("-f"), QStringLiteral("1"),
                                          QStringLiteral("-l"), QStringLiteral("1"), pdf, prefix});
        const auto pages = QDir(outDir.path()).entryList({QStringLiteral("page*.png")});
        REQUIRE(pages.size() == 1);
        const QImage page(QDir(outDir.path()).filePath(pages.first()));
        REQUIRE(!page.isNull());
        CHECK(page.width() > 350); // A4 at 50 dpi: 413 x 585
        int dark = 0;
        int red = 0;
        for (int y = 0; y < page.height(); ++y) {
            for (int x = 0; x < page.width(); ++x) {
                const QColor colour = page.pixelColor(x, y);
                dark += colour.lightness() < 100 ? 1 : 0;
                red += (colour.red() > 150 && colour.green() < 80 && colour.blue() < 80) ? 1 : 0;
            }
        }
        CHECK(dark > 500);
        CHECK(red > 500);
        const auto audit = exportAudit(data);
        REQUIRE(audit.size() == 3);
        CHECK(audit.last() == QStringLiteral("wang|qc report (PDF): ") + QDir::toNativeSeparators(QFileInfo(pdf).absoluteFilePath()));
    }
}
