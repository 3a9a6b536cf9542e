// Export from the supervisor's history (issue 12, "export is a permission"): a real encrypted
// recording made by `dualrec record` into the window's data folder, exported from the detail
// pane in a worker thread; the plain copies play (ffprobe decodes them) and match the journal's
// digests and export.json; the export is audited; a second export into the same folder is
// refused in a sentence that says why.
#include "ui/evidenceactions.h"
#include "ui/historypage.h"

#include "tests/support/demorecording.h"
#include "tests/support/mediatools.h"
#include "tests/ui/uifixture.h"

#include <QCryptographicHash>
#include <QApplication>
#include <QFile>
#include <QInputDialog>
#include <QLineEdit>
#include <QTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;

namespace {

/// `dualrec record` with the demo source (2 s, fast) into the fixture's data folder; returns the
/// session id.
workflow::SessionId recordDemo(const test::AppFixture &app)
{
    test::DemoRecording how;
    how.applicationNo = QStringLiteral("EX-1");
    how.agent = QStringLiteral("A-9");
    const auto recorded = test::recordDemo(app.directory.path(), how);
    REQUIRE_FALSE(test::startsLikePlainMedia(recorded.recording)); // stored encrypted
    return workflow::SessionId::fromString(recorded.sessionId);
}

QString sha256Of(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    REQUIRE(hash.addData(&file));
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

TEST_CASE("a supervisor exports a session's evidence from the history: plain copies that play and match the journal")
{
    const test::Language catalogue(QStringLiteral("zh_CN"));
    test::AppFixture app(QStringLiteral("zh_CN"));
    const auto id = recordDemo(app);
    app.addUser(QStringLiteral("chief"), QStringLiteral("王主管"), storage::UserRole::Supervisor, QStringLiteral("chief-password"));
    app.openWindow();
    app.clickSignIn(QStringLiteral("chief"), QStringLiteral("chief-password"));
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("historyPage"));
    auto *page = app.find<ui::HistoryPage>("historyPage");
    auto *table = app.find<QTableWidget>("historyTable");
    auto *exportButton = app.find<QPushButton>("historyExport");
    auto *result = app.find<QLabel>("historyExportResult");
    CHECK(exportButton->text().startsWith(QStringLiteral("导出证据")));
    CHECK_FALSE(exportButton->isEnabled()); // no session chosen yet
    REQUIRE(table->rowCount() == 1);
    table->setCurrentCell(0, 0);
    app.awaitHistory();
    REQUIRE(exportButton->isEnabled());

    QTemporaryDir out;
    auto &actions = page->evidenceActions();
    // Plain copies ask for the password again, as `dualrec export` does: a wrong one exports
    // nothing, is said as such and audited like the command's refusal.
    actions.exportShown(out.path(), QStringLiteral("not-the-password"));
    REQUIRE(test::waitUntil([&] { return !actions.exporting(); }, 120000));
    test::settle();
    INFO(result->text().toStdString());
    CHECK(result->text().contains(QStringLiteral("密码不正确")));
    CHECK_FALSE(QFileInfo::exists(QDir(out.path()).filePath(id.toString())));
    {
        const auto refusals = app.journal->audit().entries();
        REQUIRE(refusals.has_value());
        CHECK(refusals->last().action == QLatin1String("export"));
        CHECK(refusals->last().actor == QLatin1String("chief"));
        CHECK(refusals->last().detail == QLatin1String("refused: sign-in failed"));
    }
    CHECK(exportButton->isEnabled()); // it may be tried again

    actions.exportShown(out.path(), QStringLiteral("chief-password"));
    CHECK(actions.exporting());
    CHECK_FALSE(exportButton->isEnabled()); // one export at a time
    CHECK(app.find<QProgressBar>("historyExportProgress")->isVisible());
    REQUIRE(test::waitUntil([&] { return !actions.exporting(); }, 120000));
    test::settle();
    CHECK_FALSE(app.find<QProgressBar>("historyExportProgress")->isVisible());
    CHECK(exportButton->isEnabled());

    // Said in words: which files, where.
    const QString folder = QDir(out.path()).filePath(id.toString());
    const auto said = result->text();
    INFO(said.toStdString());
    CHECK(said.contains(QDir::toNativeSeparators(folder)));
    CHECK(said.contains(QStringLiteral("1 个录像")));
    CHECK(said.contains(QStringLiteral("export.json")));
    app.screenshot(QStringLiteral("page-history-export-zh_CN"));

    // The copies: listed in export.json with their SHA-256, plain, the recording playable and
    // equal to the journal's digest of the recording's content.
    QFile listFile(QDir(folder).filePath(QStringLiteral("export.json")));
    REQUIRE(listFile.open(QIODevice::ReadOnly));
    const auto listed = QJsonDocument::fromJson(listFile.readAll()).object();
    CHECK(listed.value(QStringLiteral("session")).toString() == id.toString());
    CHECK(listed.value(QStringLiteral("exported_by")).toString() == QLatin1String("chief"));
    const auto media = app.journal->sessions().mediaFiles(id);
    REQUIRE(media.has_value());
    // The journal's digest is of the recording's content (decrypted): the plain copy is exactly
    // what decrypting the stored file gives, and its digest is the journal's.
    QString stored;
    QString journaled;
    for (const auto &file : *media) {
        if (file.role == storage::MediaRole::Recording) {
            stored = file.path;
            journaled = file.sha256;
        }
    }
    REQUIRE_FALSE(stored.isEmpty());
    const auto decrypted = test::decryptTo(stored, *app.keys, app.directory.filePath(QStringLiteral("decrypted-by-test.mp4")));
    CHECK(sha256Of(decrypted) == journaled);
    CHECK(sha256Of(stored) != journaled);
    bool recordingChecked = false;
    const auto files = listed.value(QStringLiteral("files")).toArray();
    REQUIRE(files.size() >= 2); // the recording and its sidecar at least
    for (const auto &value : files) {
        const auto entry = value.toObject();
        const auto path = QDir(folder).filePath(entry.value(QStringLiteral("name")).toString());
        INFO(path.toStdString());
        REQUIRE(QFileInfo(path).isFile());
        CHECK(sha256Of(path) == entry.value(QStringLiteral("sha256")).toString());
        if (entry.value(QStringLiteral("role")).toString() == QLatin1String("recording")) {
            recordingChecked = true;
            CHECK(sha256Of(path) == sha256Of(decrypted));
            CHECK(test::startsLikePlainMedia(path));
            const auto decoded = test::decodeVideo(path);
            CHECK(decoded.errors.isEmpty());
            CHECK(decoded.frames > 10);
            CHECK(decoded.videoSeconds > 1.5);
        }
    }
    CHECK(recordingChecked);

    // Audited like the command: who, which session, where.
    const auto audit = app.journal->audit().entries();
    REQUIRE(audit.has_value());
    const auto exports = std::count_if(audit->cbegin(), audit->cend(), [&](const storage::AuditEntry &entry) {
        return entry.action == QLatin1String("export") && entry.actor == QLatin1String("chief") && entry.subject == id.toString()
               && entry.detail.contains(folder);
    });
    CHECK(exports == 1);

    // Again into the same folder: refused in a sentence that says why; nothing overwritten.
    // This time as the button does it: the password is asked in a dialog that hides what is typed.
    const auto before = sha256Of(QDir(folder).filePath(QStringLiteral("export.json")));
    bool asked = false;
    bool hidden = false;
    QTimer answer;
    QObject::connect(&answer, &QTimer::timeout, [&] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return; // not shown yet
        asked = true;
        hidden = dialog->textEchoMode() == QLineEdit::Password;
        dialog->setTextValue(QStringLiteral("chief-password"));
        dialog->accept();
        answer.stop();
    });
    answer.start(20);
    actions.exportShown(out.path());
    answer.stop();
    CHECK(asked);
    CHECK(hidden);
    REQUIRE(test::waitUntil([&] { return !actions.exporting(); }, 120000));
    test::settle();
    INFO(result->text().toStdString());
    CHECK(result->text().contains(QStringLiteral("从不覆盖")));
    CHECK_FALSE(result->text().contains(QStringLiteral("exists")));
    CHECK(sha256Of(QDir(folder).filePath(QStringLiteral("export.json"))) == before);
}
