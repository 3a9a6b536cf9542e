// A data folder in use whose device key is gone (issue 12: "a wrong or missing device key gives
// a clear error in the window and loses no file"): the real dualrec binary on a private X
// server shows the data-folder problem instead of its window, changes no file and sets nothing
// up anew; the box says it in Chinese sentences, the key store's English only behind "Show
// Details…".
#include "ui/datafolderproblem.h"

#include "core/storage/journal.h"

#include "tests/support/evidencetools.h"
#include "tests/support/imagechecks.h"
#include "tests/support/testclock.h"
#include "tests/support/uidriver.h"
#include "tests/support/xvfbserver.h"
#include "tests/ui/uifixture.h"

#include <QAbstractButton>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

using namespace dualrec;

namespace {

/// Every file under `folder` (relative path -> SHA-256 of its bytes).
QMap<QString, QByteArray> snapshot(const QString &folder)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const auto path = it.next();
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        files.insert(QDir(folder).relativeFilePath(path), QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
    }
    return files;
}

/// A data folder in use: its device key in owner-only files under <folder>/keys, a journal
/// with a supervisor and a session; then the key files are removed (a restored laptop without
/// its key store). Returns the key store's error for that folder.
Error usedFolderWithoutKey(const QString &folder)
{
    {
        test::ManualClock clock;
        storage::Journal::Options options;
        options.evidenceKeys = test::openTestKeys(folder, QDir(folder).filePath(QStringLiteral("keys")));
        options.accounts.hashIterations = 1000;
        auto journal = storage::Journal::open(folder, clock, options);
        REQUIRE(journal.has_value());
        REQUIRE((*journal)->users().add(QStringLiteral("chief"), QStringLiteral("王主管"), storage::UserRole::Supervisor,
                                        QStringLiteral("chief-password"), QString())
                    .has_value());
        storage::SessionRecord record;
        record.id = workflow::SessionId::generate();
        record.applicationNo = QStringLiteral("KEY-1");
        record.agentId = QStringLiteral("lixiao");
        record.templateId = QStringLiteral("traditional-life");
        record.createdAt = clock.wallNow();
        REQUIRE((*journal)->sessions().create(record).has_value());
    }
    QDir keys(QDir(folder).filePath(QStringLiteral("keys")));
    const auto keyFiles = keys.entryList(QDir::Files | QDir::Hidden);
    REQUIRE_FALSE(keyFiles.isEmpty());
    for (const auto &name : keyFiles)
        REQUIRE(keys.remove(name));
    seal::FileKeyStore store(keys.path());
    auto opened = seal::DeviceKeys::open(folder, store);
    REQUIRE_FALSE(opened.has_value());
    return opened.error();
}

} // namespace

TEST_CASE("the data-folder problem says in Chinese sentences that the key is missing, offers only Close, keeps the detail for IT")
{
    const test::Language catalogue(QStringLiteral("zh_CN"));
    QTemporaryDir folder;
    const auto error = usedFolderWithoutKey(folder.path());
    ui::DataFolderProblemBox box(folder.path(), error);
    box.show();
    test::settle();
    const QString said = box.text() + u'\n' + box.informativeText();
    INFO(said.toStdString());
    CHECK(said.contains(QDir::toNativeSeparators(folder.path())));
    CHECK(said.contains(QStringLiteral("没有更改")));
    // No English beyond the program's name and IT, no key=value, no internal detail.
    QString words = said;
    words.remove(QDir::toNativeSeparators(folder.path())).remove(QStringLiteral("DualRec"));
    CHECK_FALSE(words.contains(QRegularExpression(QStringLiteral("[A-Za-z]{3,}"))));
    CHECK_FALSE(words.contains(u'='));
    CHECK(box.windowTitle().contains(QStringLiteral("数据文件夹")));
    // Nothing to set up, no way on: Close (and "Show Details…" with the key store's words).
    CHECK(box.standardButtons() == QMessageBox::Close);
    CHECK(box.detailedText() == error.detail);
    REQUIRE(box.grab().toImage().save(QDir(QStringLiteral(DUALREC_TEST_OUTPUT_DIR)).filePath(QStringLiteral("key-missing-zh_CN.png"))));
}

TEST_CASE("dualrec started on a used data folder without its device key shows the problem and changes no file")
{
    QTemporaryDir folder;
    (void)usedFolderWithoutKey(folder.path());
    const auto before = snapshot(folder.path());

    test::XvfbServer x;
    INFO(x.error().toStdString());
    REQUIRE_FALSE(x.display().isEmpty());
    QTemporaryDir home;
    auto environment = x.appEnvironment(home.path());
    QProcess app;
    app.setProcessEnvironment(environment);
    app.start(QStringLiteral(DUALREC_BINARY), {QStringLiteral("--source"), QStringLiteral("demo"), QStringLiteral("--data-dir"),
                                              folder.path(), QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    REQUIRE(app.waitForStarted(10000));
    // The problem box appears and waits for the person; the main window never does.
    QElapsedTimer timer;
    timer.start();
    const QString tree = x.waitForWindow({QStringLiteral("DualRec 无法打开数据文件夹"), QStringLiteral("DualRec cannot open")}, app);
    INFO(tree.toStdString());
    REQUIRE((tree.contains(QStringLiteral("DualRec 无法打开数据文件夹")) || tree.contains(QLatin1String("DualRec cannot open"))));
    CHECK_FALSE(tree.contains(QStringLiteral("保险销售录音录像"))); // the main window (and its first-run page) never came
    const auto png = QDir(QStringLiteral(DUALREC_TEST_OUTPUT_DIR)).filePath(QStringLiteral("app-key-missing-zh_CN.png"));
    CHECK(test::distinctColours(test::screenshotWhenPainted(x, png, 20)) > 20);
    CHECK(app.state() == QProcess::Running); // the box waits; nothing went on behind it
    QString err;
    while (!err.contains(QDir::toNativeSeparators(folder.path())) && timer.elapsed() < 90000) {
        app.waitForReadyRead(200);
        err += QString::fromUtf8(app.readAllStandardError());
    }
    INFO(err.toStdString());
    CHECK(err.contains(QDir::toNativeSeparators(folder.path())));
    app.terminate();
    app.waitForFinished(10000);

    // Nothing changed, nothing deleted, no new key and no first-run account.
    auto after = snapshot(folder.path());
    after.remove(QStringLiteral("window.lock")); // the one-window-per-folder lock, while it ran
    CHECK(after == before);
    CHECK(QDir(QDir(folder.path()).filePath(QStringLiteral("keys"))).entryList(QDir::Files | QDir::Hidden).isEmpty());
}
