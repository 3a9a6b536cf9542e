// The user's settings under the IT policy file: the policy wins and cannot be changed.
#include "core/util/preflight.h"
#include "core/util/settingsstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <QSettings>
#include <QTemporaryDir>

#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>

#include <limits>

using namespace dualrec;

TEST_CASE("settings have defaults and user values under a policy file that wins and locks")
{
    QTemporaryDir dir;
    const auto userFile = dir.filePath(QStringLiteral("user.ini"));
    const auto policyFile = dir.filePath(QStringLiteral("policy.ini"));
    SettingsStore store(userFile, policyFile);
    CHECK(store.value(SettingKey::GraceSeconds).toDouble() == 1.5);
    CHECK(store.text(SettingKey::Language) == QLatin1String("zh_CN"));
    CHECK_FALSE(store.isLocked(SettingKey::GraceSeconds));

    REQUIRE(store.set(SettingKey::GraceSeconds, 0.5).has_value());
    REQUIRE(store.set(SettingKey::Resolution, QStringLiteral("1920x1080")).has_value());
    CHECK(store.value(SettingKey::GraceSeconds).toDouble() == 0.5);
    CHECK_FALSE(store.set(SettingKey::GraceSeconds, 60).has_value());
    CHECK_FALSE(store.set(SettingKey::Language, QStringLiteral("fr")).has_value());
    CHECK_FALSE(store.set(SettingKey::Resolution, QStringLiteral("big")).has_value());

    {
        QSettings policy(policyFile, QSettings::IniFormat);
        policy.setValue(QStringLiteral("presence/graceSeconds"), 3);
        policy.setValue(QStringLiteral("ui/language"), QStringLiteral("klingon")); // invalid: ignored
    }
    CHECK(store.isLocked(SettingKey::GraceSeconds));
    CHECK(store.value(SettingKey::GraceSeconds).toDouble() == 3.0);
    const auto refused = store.set(SettingKey::GraceSeconds, 1.0);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code == ErrorCode::InvalidState);
    CHECK(store.value(SettingKey::GraceSeconds).toDouble() == 3.0);
    CHECK_FALSE(store.isLocked(SettingKey::Language));
    CHECK(store.text(SettingKey::Language) == QLatin1String("zh_CN"));
    CHECK(store.text(SettingKey::Resolution) == QLatin1String("1920x1080")); // unlocked keys keep the user's value

    // Editing the user file by hand does not beat the policy either.
    {
        QSettings user(userFile, QSettings::IniFormat);
        user.setValue(QStringLiteral("presence/graceSeconds"), 9);
    }
    CHECK(store.value(SettingKey::GraceSeconds).toDouble() == 3.0);
    CHECK(SettingsStore::systemPolicyPath().endsWith(QStringLiteral("policy.ini")));
}

TEST_CASE("pre-flight checks the video source and disk space and clock and battery")
{
    QTemporaryDir dir;
    PreflightInput input;
    input.videoSourceConnected = true;
    input.dataDirectory = dir.filePath(QStringLiteral("not/yet/created"));
    input.expectedBytes = 1000;
    input.wallNow = QDateTime(QDate(2026, 11, 22), QTime(9, 0), Qt::UTC);
    input.earliestPlausibleDate = QDate(2026, 1, 1);
    input.powerSupplyRoot = dir.filePath(QStringLiteral("power"));
    auto results = runPreflight(input);
    REQUIRE(results.size() == 4);
    CHECK(preflightPasses(results));
    CHECK(results.at(1).item == PreflightItem::DiskSpace);
    CHECK(results.at(1).availableBytes > 1000);
    CHECK(results.at(3).batteryPercent == -1); // no power supply folder: mains

    input.videoSourceConnected = false;
    CHECK(runPreflight(input).at(0).status == PreflightStatus::Failed);
    input.videoSourceConnected = true;

    input.expectedBytes = std::numeric_limits<qint64>::max() / 4;
    CHECK(runPreflight(input).at(1).status == PreflightStatus::Failed);
    input.expectedBytes = 1000;

    input.wallNow = QDateTime(QDate(2001, 1, 1), QTime(9, 0), Qt::UTC); // a lost CMOS battery
    CHECK(runPreflight(input).at(2).status == PreflightStatus::Failed);
    CHECK_FALSE(preflightPasses(runPreflight(input)));
    input.wallNow = QDateTime(QDate(2026, 11, 22), QTime(9, 0), Qt::UTC);

    // A laptop: /sys/class/power_supply with a battery and an adapter, as Linux shows them.
    auto write = [&](const QString &relative, const QByteArray &content) {
        QDir().mkpath(QFileInfo(dir.filePath(QStringLiteral("power/") + relative)).path());
        QFile file(dir.filePath(QStringLiteral("power/") + relative));
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(content + '\n');
    };
    write(QStringLiteral("BAT0/type"), "Battery");
    write(QStringLiteral("BAT0/capacity"), "15");
    write(QStringLiteral("BAT0/status"), "Discharging");
    write(QStringLiteral("AC/type"), "Mains");
    write(QStringLiteral("AC/online"), "0");
    auto power = runPreflight(input).at(3);
    CHECK(power.status == PreflightStatus::Failed);
    CHECK(power.batteryPercent == 15);
    CHECK_FALSE(power.onMains);
    write(QStringLiteral("BAT0/capacity"), "30");
    CHECK(runPreflight(input).at(3).status == PreflightStatus::Warning);
    write(QStringLiteral("AC/online"), "1");
    write(QStringLiteral("BAT0/status"), "Charging");
    CHECK(runPreflight(input).at(3).status == PreflightStatus::Ok);
    CHECK(expectedRecordingBytes(std::chrono::seconds(8), 1000) == 1100000);
}

TEST_CASE("pre-flight live checks: light / framing and microphone at their thresholds", "[preflight]")
{
    QTemporaryDir dir;
    PreflightInput input;
    input.videoSourceConnected = true;
    input.dataDirectory = dir.path();
    input.expectedBytes = 1000;
    input.wallNow = QDateTime(QDate(2026, 11, 22), QTime(9, 0), Qt::UTC);
    input.earliestPlausibleDate = QDate(2026, 1, 1);
    input.powerSupplyRoot = dir.filePath(QStringLiteral("power"));
    const auto statusOf = [&](PreflightItem item) {
        for (const auto &result : runPreflight(input)) {
            if (result.item == item)
                return result.status;
        }
        return PreflightStatus::Invalid;
    };

    // Without a live observation the three live items are not part of the list.
    CHECK(runPreflight(input).size() == 4);

    LiveObservation good{true, true, false, 120.0, 2, true, -12.0};
    input.live = good;
    CHECK(runPreflight(input).size() == 7);
    CHECK(preflightPasses(runPreflight(input)));

    struct Row {
        const char *what;
        LiveObservation live;
        PreflightItem item;
        PreflightStatus expected;
    };
    const Row rows[] = {
        {"no frame yet", {false, false, false, 0, 0, true, -12}, PreflightItem::VideoSource, PreflightStatus::Failed},
        {"frames but no check yet", {true, false, false, 0, 0, true, -12}, PreflightItem::Light, PreflightStatus::Failed},
        {"covered lens", {true, true, true, 150, 0, true, -12}, PreflightItem::Light, PreflightStatus::Failed},
        {"just too dark", {true, true, false, kDarkLuma - 0.5, 2, true, -12}, PreflightItem::Light, PreflightStatus::Failed},
        {"dark limit", {true, true, false, kDarkLuma, 2, true, -12}, PreflightItem::Light, PreflightStatus::Warning},
        {"just dim", {true, true, false, kDimLuma - 0.5, 2, true, -12}, PreflightItem::Light, PreflightStatus::Warning},
        {"bright enough", {true, true, false, kDimLuma, 2, true, -12}, PreflightItem::Light, PreflightStatus::Ok},
        {"one face", {true, true, false, 120, 1, true, -12}, PreflightItem::Framing, PreflightStatus::Warning},
        {"nobody", {true, true, false, 120, 0, true, -12}, PreflightItem::Framing, PreflightStatus::Warning},
        {"three faces", {true, true, false, 120, 3, true, -12}, PreflightItem::Framing, PreflightStatus::Ok},
        {"no sound at all", {true, true, false, 120, 2, false, -120}, PreflightItem::Microphone, PreflightStatus::Failed},
        {"just too quiet", {true, true, false, 120, 2, true, kQuietDbfs - 0.5}, PreflightItem::Microphone, PreflightStatus::Warning},
        {"quiet limit", {true, true, false, 120, 2, true, kQuietDbfs}, PreflightItem::Microphone, PreflightStatus::Ok},
    };
    for (const auto &row : rows) {
        INFO(row.what);
        input.live = row.live;
        CHECK(statusOf(row.item) == row.expected);
        CHECK(preflightPasses(runPreflight(input)) == (row.expected != PreflightStatus::Failed));
    }
    // A source that is not connected at all: the live items are not judged.
    input.videoSourceConnected = false;
    CHECK(runPreflight(input).size() == 4);
}

TEST_CASE("pre-flight judges the light over a second or two of checks, not one frame", "[preflight]")
{
    using namespace std::chrono_literals;
    // The demo source: a lit moving pattern at 8 checks a second, and one white flash frame that
    // the guard reports as a uniform picture (brightness 255).
    LightWindow window;
    for (int i = 0; i < 12; ++i)
        window.add(std::chrono::nanoseconds(125ms) * i, 110.0 + i % 3, false);
    window.add(1500ms, 255.0, true);
    CHECK_FALSE(window.blocked());
    CHECK(window.medianLuma() == Catch::Approx(111.0).margin(1.0));
    CHECK(window.settled());
    // Older checks than kLightWindow drop out: a covered lens for 1.5 s is refused.
    for (int i = 1; i <= 13; ++i)
        window.add(1500ms + std::chrono::nanoseconds(125ms) * i, 3.0, true);
    CHECK(window.blocked());
    CHECK(window.medianLuma() < kDarkLuma);
    // A looped file starts again.
    window.add(0ms, 120.0, false);
    CHECK_FALSE(window.blocked());
    CHECK_FALSE(window.settled());

    // What the check says: too dark, a uniform or frozen bright picture, or not watched long enough.
    LiveObservation bright{true, true, true, 255.0, 0, true, -12.0};
    auto light = [](const LiveObservation &live) {
        for (const auto &result : runPreflight({true, QStringLiteral("."), 0, QDateTime::currentDateTimeUtc(), {}, {}, live})) {
            if (result.item == PreflightItem::Light)
                return result;
        }
        return PreflightResult{};
    };
    auto result = light(bright);
    CHECK(result.status == PreflightStatus::Failed);
    CHECK(result.pictureUnusable);
    CHECK_FALSE(result.detail.contains(QStringLiteral("dark")));
    LiveObservation dark{true, true, true, 5.0, 0, true, -12.0};
    result = light(dark);
    CHECK(result.status == PreflightStatus::Failed);
    CHECK_FALSE(result.pictureUnusable);
    CHECK(result.detail.contains(QStringLiteral("dark")));
    dark.lightSettled = false;
    result = light(dark);
    CHECK(result.status == PreflightStatus::Failed);
    CHECK(result.lightPending);
}

TEST_CASE("the microphone's quiet time before a warning is 10 s unless the policy sets 3..120 s")
{
    QTemporaryDir dir;
    const auto policyFile = dir.filePath(QStringLiteral("policy.ini"));
    SettingsStore store(dir.filePath(QStringLiteral("user.ini")), policyFile);
    CHECK(store.value(SettingKey::MicrophoneQuietSeconds).toInt() == 10);
    CHECK_FALSE(store.set(SettingKey::MicrophoneQuietSeconds, 1).has_value());
    CHECK_FALSE(store.set(SettingKey::MicrophoneQuietSeconds, 600).has_value());
    {
        QSettings policy(policyFile, QSettings::IniFormat);
        policy.setValue(QStringLiteral("capture/microphoneQuietSeconds"), 20);
    }
    CHECK(store.value(SettingKey::MicrophoneQuietSeconds).toInt() == 20);
    CHECK(store.isLocked(SettingKey::MicrophoneQuietSeconds));
}

TEST_CASE("uploads: sync/uploadOnMetered is off and sync/bandwidthLimit 0 (KiB/s) unless the policy or the user's file says otherwise")
{
    QTemporaryDir dir;
    const auto policyFile = dir.filePath(QStringLiteral("policy.ini"));
    SettingsStore store(dir.filePath(QStringLiteral("user.ini")), policyFile);
    CHECK_FALSE(store.value(SettingKey::SyncUploadOnMetered).toBool());
    CHECK(store.value(SettingKey::SyncBandwidthLimit).toLongLong() == 0);
    REQUIRE(store.set(SettingKey::SyncBandwidthLimit, 512).has_value());
    CHECK(store.value(SettingKey::SyncBandwidthLimit).toLongLong() == 512);
    CHECK_FALSE(store.set(SettingKey::SyncBandwidthLimit, -1).has_value());
    CHECK_FALSE(store.set(SettingKey::SyncBandwidthLimit, QStringLiteral("fast")).has_value());
    CHECK_FALSE(store.set(SettingKey::SyncUploadOnMetered, QStringLiteral("maybe")).has_value());
    {
        QSettings policy(policyFile, QSettings::IniFormat);
        policy.setValue(QStringLiteral("sync/uploadOnMetered"), QStringLiteral("true"));
        policy.setValue(QStringLiteral("sync/bandwidthLimit"), QStringLiteral("lots")); // invalid: the user's value stays
    }
    CHECK(store.value(SettingKey::SyncUploadOnMetered).toBool());
    CHECK(store.isLocked(SettingKey::SyncUploadOnMetered));
    CHECK_FALSE(store.set(SettingKey::SyncUploadOnMetered, false).has_value());
    CHECK(store.value(SettingKey::SyncBandwidthLimit).toLongLong() == 512);
}

TEST_CASE("sync/retentionDays: 30 days unless set; 0 (for ever) to 3650; a bad value is passed over by value() and named by rejectedValue()")
{
    QTemporaryDir dir;
    const auto policyFile = dir.filePath(QStringLiteral("policy.ini"));
    const auto userFile = dir.filePath(QStringLiteral("user.ini"));
    SettingsStore store(userFile, policyFile);
    CHECK(store.value(SettingKey::SyncRetentionDays).toInt() == 30);
    CHECK_FALSE(store.rejectedValue(SettingKey::SyncRetentionDays).has_value());
    for (const auto &good : {QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("3650"), QStringLiteral(" 45 ")})
        CHECK(SettingsStore::isValid(SettingKey::SyncRetentionDays, good));
    for (const auto &bad : {QStringLiteral("-1"), QStringLiteral("3651"), QStringLiteral("30d"), QStringLiteral("1.5"), QStringLiteral(""),
                            QStringLiteral("never")})
        CHECK_FALSE(SettingsStore::isValid(SettingKey::SyncRetentionDays, bad));
    REQUIRE(store.set(SettingKey::SyncRetentionDays, 7).has_value());
    CHECK(store.value(SettingKey::SyncRetentionDays).toInt() == 7);
    {
        QSettings user(userFile, QSettings::IniFormat);
        user.setValue(QStringLiteral("sync/retentionDays"), QStringLiteral("a month"));
    }
    CHECK(store.value(SettingKey::SyncRetentionDays).toInt() == 30); // passed over, as every bad value
    const auto rejectedUser = store.rejectedValue(SettingKey::SyncRetentionDays);
    REQUIRE(rejectedUser.has_value());
    CHECK(rejectedUser->text == QLatin1String("a month"));
    CHECK(rejectedUser->source == userFile);
    {
        QSettings policy(policyFile, QSettings::IniFormat);
        policy.setValue(QStringLiteral("sync/retentionDays"), QStringLiteral("-3"));
    }
    const auto rejectedPolicy = store.rejectedValue(SettingKey::SyncRetentionDays);
    REQUIRE(rejectedPolicy.has_value());
    CHECK(rejectedPolicy->text == QLatin1String("-3"));
    CHECK(rejectedPolicy->source == policyFile);
    {
        QSettings policy(policyFile, QSettings::IniFormat);
        policy.setValue(QStringLiteral("sync/retentionDays"), 0);
    }
    // A valid policy value wins: the user's bad one no longer counts.
    CHECK_FALSE(store.rejectedValue(SettingKey::SyncRetentionDays).has_value());
    CHECK(store.value(SettingKey::SyncRetentionDays).toInt() == 0);
    CHECK(store.isLocked(SettingKey::SyncRetentionDays));
}

TEST_CASE("settings outside sync/ whose values are passed over are listed with the file, the value and what they take")
{
    QTemporaryDir dir;
    const auto policyFile = dir.filePath(QStringLiteral("policy.ini"));
    const auto userFile = dir.filePath(QStringLiteral("user.ini"));
    {
        // Written as branch IT writes a policy file: by hand, with a few mistakes.
        QFile policy(policyFile);
        REQUIRE(policy.open(QIODevice::WriteOnly));
        policy.write("[presence]\ngraceSeconds=one and a half\n[ui]\nlanguage=fr\n[qc]\nreviewSamplePercent=150\n"
                     "[sync]\nretentionDays=a month\n[institution]\nshortName=华安人寿\n");
    }
    {
        QFile user(userFile);
        REQUIRE(user.open(QIODevice::WriteOnly));
        user.write("[capture]\nresolution=big\nmicrophoneQuietSeconds=10\n");
    }
    const SettingsStore store(userFile, policyFile);
    const auto invalid = store.invalidSettings();
    QStringList found;
    for (const auto &setting : invalid)
        found.append(QLatin1String(settingKeyName(setting.key)) + u'=' + setting.rejected.text + u'@' + QFileInfo(setting.rejected.source).fileName());
    found.sort();
    // sync/ keys are refused where the uploads start (their own error), not listed here.
    CHECK(found == QStringList{QStringLiteral("capture/resolution=big@user.ini"), QStringLiteral("presence/graceSeconds=one and a half@policy.ini"),
                               QStringLiteral("qc/reviewSamplePercent=150@policy.ini"), QStringLiteral("ui/language=fr@policy.ini")});
    // Passed over for the default; the valid ones count.
    CHECK(store.value(SettingKey::GraceSeconds).toDouble() == Catch::Approx(1.5));
    CHECK(store.text(SettingKey::Resolution) == QLatin1String("1280x720"));
    CHECK(store.text(SettingKey::InstitutionShortName) == QStringLiteral("华安人寿"));
    CHECK(store.value(SettingKey::MicrophoneQuietSeconds).toInt() == 10);
    CHECK(SettingsStore(dir.filePath(QStringLiteral("none.ini")), dir.filePath(QStringLiteral("none-policy.ini"))).invalidSettings().isEmpty());
}
