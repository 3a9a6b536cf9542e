// The user's settings under the IT policy file: the policy wins and cannot be changed.
#include "core/util/settingsstore.h"

#include <QSettings>
#include <QTemporaryDir>

#include <catch2/catch_test_macros.hpp>

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
