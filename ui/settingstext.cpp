#include "ui/settingstext.h"

#include <QDir>

namespace dualrec::ui {

QString SettingsText::expected(SettingKey key)
{
    switch (key) {
    case SettingKey::StorageFolder: return tr("a folder");
    case SettingKey::Resolution: return tr("a width and height such as 1280x720");
    case SettingKey::GraceSeconds: return tr("a number of seconds from 0 to 10");
    case SettingKey::Language: return tr("zh_CN or en");
    case SettingKey::MicrophoneQuietSeconds: return tr("a whole number of seconds from 3 to 120");
    case SettingKey::ReviewSamplePercent: return tr("a percentage from 0 to 100");
    case SettingKey::ReceiptVerificationUrl:
    case SettingKey::TsaUrl:
    case SettingKey::SyncEndpoint: return tr("a web address starting with http:// or https://, or nothing");
    case SettingKey::InstitutionName:
    case SettingKey::InstitutionShortName: return tr("at most 100 characters");
    case SettingKey::InsurerCertificates:
    case SettingKey::TsaCaCertificates: return tr("certificate files separated by semicolons, at most 4096 characters in all");
    case SettingKey::SyncUploadOnMetered: return tr("true or false");
    case SettingKey::SyncBandwidthLimit: return tr("a whole number of KiB per second from 0 to 10000000");
    case SettingKey::SyncRetentionDays: return tr("a whole number of days from 0 to 3650");
    case SettingKey::SyncPublicKeyPin: return tr("the server's key fingerprint starting with sha256/, or nothing");
    case SettingKey::Camera:
    case SettingKey::Microphone:
    case SettingKey::FaceModel:
    case SettingKey::SyncCaFile: return tr("any text");
    case SettingKey::Invalid: break;
    }
    return {};
}

QString SettingsText::invalid(const SettingsStore::InvalidSetting &invalid, const QString &used)
{
    const QString name = QLatin1String(settingKeyName(invalid.key));
    const QString file = QDir::toNativeSeparators(invalid.rejected.source);
    const QString found = invalid.rejected.text.left(100);
    if (used.isEmpty())
        return tr("The setting %1 in %2 is \"%3\", but it must be %4. DualRec treats it as not set; ask branch IT to correct it.")
            .arg(name, file, found, expected(invalid.key));
    return tr("The setting %1 in %2 is \"%3\", but it must be %4. DualRec uses \"%5\" instead; ask branch IT to correct it.")
        .arg(name, file, found, expected(invalid.key), used);
}

} // namespace dualrec::ui
