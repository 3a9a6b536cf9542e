// The settings page under an IT policy file: locked settings are greyed out and stay as IT set
// them; the others are saved and the change is audited.
#include "core/ffmpeg/ondemand.h"
#include "tests/ui/uifixture.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>

#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

using namespace dualrec;

namespace {

/// Whether this process has loaded a Qt Multimedia back end (a plugin from qt6/plugins/multimedia).
bool multimediaBackendLoaded()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    return maps.open(QIODevice::ReadOnly) && maps.readAll().contains("plugins/multimedia/");
}

} // namespace

TEST_CASE("the settings page shows what the IT policy fixes and saves only the rest")
{
    const auto language = GENERATE(as<QString>(), QStringLiteral("zh_CN"), QStringLiteral("en"));
    INFO(language.toStdString());
    const test::Language catalogue(language);
    // Generated runs share this process: only a process that has not loaded the back end yet can tell.
    const bool backendLoadedBefore = multimediaBackendLoaded();
    const bool ffmpegLoadedBefore = ffmpeg::isLoaded();
    test::AppFixture app(language);
    {
        QSettings policy(app.directory.filePath(QStringLiteral("policy.ini")), QSettings::IniFormat);
        policy.setValue(QStringLiteral("presence/graceSeconds"), 3);
        policy.setValue(QStringLiteral("storage/folder"), QStringLiteral("/srv/dualrec"));
    }
    REQUIRE(app.settings->set(SettingKey::GraceSeconds, 0.5).has_value() == false);
    app.addUser(QStringLiteral("it"), QStringLiteral("IT"), storage::UserRole::It, QStringLiteral("it-password"));
    app.openWindow();
    app.clickSignIn(QStringLiteral("it"), QStringLiteral("it-password"));
#ifdef Q_OS_LINUX
    // The system's cameras and microphones are asked for when the page opens, not on the way to
    // the first window (that loads the multimedia back end).
    if (!backendLoadedBefore)
        CHECK_FALSE(multimediaBackendLoaded());
    // Nor FFmpeg (core/ffmpeg/ondemand.h): nothing is recorded or decoded yet.
    if (!ffmpegLoadedBefore)
        CHECK_FALSE(ffmpeg::isLoaded());
#endif
    test::click(app.find<QPushButton>("navSettings"));
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("settingsPage"));
#ifdef Q_OS_LINUX
    CHECK(multimediaBackendLoaded());
#endif
    CHECK(app.find<QComboBox>("settingsCamera")->itemData(0).toString().isEmpty());

    auto *grace = app.find<QDoubleSpinBox>("settingsGrace");
    auto *storage = app.find<QLineEdit>("settingsStorage");
    CHECK_FALSE(grace->isEnabled());
    CHECK(grace->value() == 3.0);
    CHECK_FALSE(storage->isEnabled());
    // The folder in use (this run's data folder), and the one IT set for the next start.
    CHECK(storage->text() == QDir::toNativeSeparators(app.directory.path()));
    CHECK(app.find<QLabel>("settingsStorageNext")->isVisible());
    CHECK(app.find<QLabel>("settingsStorageNext")->text().contains(QStringLiteral("/srv/dualrec")));
    // The language the window speaks, whatever the saved setting says (zh_CN by default).
    CHECK(app.find<QComboBox>("settingsLanguage")->currentData().toString() == language);
    CHECK_FALSE(app.find<QLabel>("lock-presence-graceSeconds")->text().isEmpty());
    CHECK(app.find<QLabel>("lock-capture-resolution")->text().isEmpty());
    // The lock is a drawn picture beside the words (no emoji font needed), only where IT decides.
    CHECK(app.find<QLabel>("lockIcon-presence-graceSeconds")->isVisible());
    CHECK_FALSE(app.find<QLabel>("lockIcon-presence-graceSeconds")->pixmap().isNull());
    CHECK_FALSE(app.find<QLabel>("lockIcon-capture-resolution")->isVisible());
    CHECK_FALSE(app.find<QLabel>("lock-presence-graceSeconds")->text().contains(QChar(0xD83D))); // no emoji

    auto *resolution = app.find<QComboBox>("settingsResolution");
    REQUIRE(resolution->isEnabled());
    resolution->setCurrentIndex(resolution->findData(QStringLiteral("1920x1080")));
    app.screenshot(QStringLiteral("page-settings-%1").arg(language));
    test::click(app.find<QPushButton>("settingsSave"));
    CHECK(app.settings->text(SettingKey::Resolution) == QLatin1String("1920x1080"));
    CHECK(app.settings->value(SettingKey::GraceSeconds).toDouble() == 3.0);
    const QSettings user(app.directory.filePath(QStringLiteral("user.ini")), QSettings::IniFormat);
    CHECK(user.value(QStringLiteral("capture/resolution")).toString() == QLatin1String("1920x1080"));
    CHECK_FALSE(user.contains(QStringLiteral("presence/graceSeconds")));

    const auto audit = app.journal->audit().entries();
    REQUIRE(audit.has_value());
    CHECK(audit->last().action == QLatin1String("settings-change"));
    CHECK(audit->last().detail == QLatin1String("changed: capture/resolution"));
}

namespace {

/// Signs in as IT, opens the settings page and returns the key protection line.
QLabel *keyProtectionLine(test::AppFixture &app)
{
    app.addUser(QStringLiteral("it"), QStringLiteral("IT"), storage::UserRole::It, QStringLiteral("it-password"));
    app.openWindow();
    app.clickSignIn(QStringLiteral("it"), QStringLiteral("it-password"));
    test::click(app.find<QPushButton>("navSettings"));
    REQUIRE(app.window->currentPage()->objectName() == QLatin1String("settingsPage"));
    return app.find<QLabel>("settingsKeyProtection");
}

} // namespace

TEST_CASE("the settings page says the device key is in a file only this user can read when there is no OS key store")
{
    const test::Language catalogue(QStringLiteral("zh_CN"));
    test::AppFixture app(QStringLiteral("zh_CN"));
    REQUIRE(app.keys->backendName() == QLatin1String("file"));
    auto *line = keyProtectionLine(app);
    CHECK(line->isVisible());
    CHECK(line->text() == QStringLiteral("设备密钥保存在仅本用户可读的文件中。"));
    CHECK(line->toolTip() == QDir::toNativeSeparators(app.directory.filePath(QStringLiteral("keys"))));
    // Read only: a sentence to read (and copy), not a field.
    CHECK(line->textInteractionFlags() == Qt::TextSelectableByMouse);
}

TEST_CASE("with a Secret Service the settings page says the device key is in the system key store", "[.secretservice]")
{
    const test::Language catalogue(QStringLiteral("zh_CN"));
    test::AppFixture app(QStringLiteral("zh_CN"), true, test::AppFixture::Time::Manual, test::AppFixture::Keys::OsStore);
    REQUIRE(app.keys->backendName() == QLatin1String("Secret Service"));
    CHECK_FALSE(QFileInfo::exists(app.directory.filePath(QStringLiteral("keys"))));
    auto *line = keyProtectionLine(app);
    CHECK(line->isVisible());
    CHECK(line->text() == QStringLiteral("设备密钥保存在系统密钥库中。"));
    CHECK(line->toolTip() == QLatin1String("Secret Service"));
    app.screenshot(QStringLiteral("page-settings-key-store-zh_CN"));
}

TEST_CASE("zh_CN: the window says which settings it passes over: the file, the value, what it takes and what it uses instead")
{
    const test::Language catalogue(QStringLiteral("zh_CN"));
    test::AppFixture app(QStringLiteral("zh_CN"));
    const QString policyFile = app.directory.filePath(QStringLiteral("policy.ini"));
    {
        // Written by hand, as branch IT does: a word where a number belongs.
        QFile policy(policyFile);
        REQUIRE(policy.open(QIODevice::WriteOnly));
        policy.write("[presence]\ngraceSeconds=two\n[qc]\nreviewSamplePercent=10\n");
    }
    app.openWindow();
    auto *notice = app.find<QLabel>("settingsNotice");
    INFO(notice->text().toStdString());
    CHECK(notice->isVisible());
    CHECK(notice->text().contains(QStringLiteral("presence/graceSeconds")));
    CHECK(notice->text().contains(QDir::toNativeSeparators(policyFile)));
    CHECK(notice->text().contains(QStringLiteral("“two”")));
    CHECK(notice->text().contains(QStringLiteral("0 到 10 之间的秒数"))); // what it takes
    CHECK(notice->text().contains(QStringLiteral("“1.5”")));              // what is used instead
    CHECK_FALSE(notice->text().contains(QStringLiteral("reviewSamplePercent"))); // valid: not mentioned
    // Nothing said when everything is valid.
    {
        QFile policy(policyFile);
        REQUIRE(policy.open(QIODevice::WriteOnly | QIODevice::Truncate));
        policy.write("[presence]\ngraceSeconds=2\n");
    }
    app.window.reset();
    app.openWindow();
    CHECK_FALSE(app.find<QLabel>("settingsNotice")->isVisible());
}
