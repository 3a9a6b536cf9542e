#include "core/util/settingsstore.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

#include <memory>

namespace dualrec {

namespace {

std::unique_ptr<QSettings> open(const QString &file)
{
    if (file.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(file, QSettings::IniFormat);
}

} // namespace

const char *settingKeyName(SettingKey key)
{
    switch (key) {
    case SettingKey::StorageFolder: return "storage/folder";
    case SettingKey::Camera: return "capture/camera";
    case SettingKey::Microphone: return "capture/microphone";
    case SettingKey::Resolution: return "capture/resolution";
    case SettingKey::FaceModel: return "vision/faceModel";
    case SettingKey::GraceSeconds: return "presence/graceSeconds";
    case SettingKey::Language: return "ui/language";
    case SettingKey::ReceiptVerificationUrl: return "receipt/verificationUrl";
    case SettingKey::InstitutionName: return "institution/name";
    case SettingKey::InstitutionShortName: return "institution/shortName";
    case SettingKey::InsurerCertificates: return "seal/insurerCertificates";
    case SettingKey::SyncEndpoint: return "sync/endpoint";
    case SettingKey::SyncCaFile: return "sync/caFile";
    case SettingKey::SyncPublicKeyPin: return "sync/pin";
    case SettingKey::MicrophoneQuietSeconds: return "capture/microphoneQuietSeconds";
    case SettingKey::ReviewSamplePercent: return "qc/reviewSamplePercent";
    case SettingKey::SyncUploadOnMetered: return "sync/uploadOnMetered";
    case SettingKey::SyncBandwidthLimit: return "sync/bandwidthLimit";
    case SettingKey::TsaUrl: return "seal/tsaUrl";
    case SettingKey::TsaCaCertificates: return "seal/tsaCaCertificates";
    case SettingKey::SyncRetentionDays: return "sync/retentionDays";
    case SettingKey::Invalid: break;
    }
    return "invalid";
}

SettingsStore::SettingsStore(QString userFile, QString policyFile)
    : m_userFile(std::move(userFile)), m_policyFile(std::move(policyFile))
{
}

QString SettingsStore::systemPolicyPath()
{
#if defined(Q_OS_WIN)
    // The MSI property POLICYFILE (packaging/windows/dualrec.wxs) or Group Policy may name another file.
    const QSettings machine(QLatin1String(kPolicyRegistryKey), QSettings::NativeFormat);
    if (const auto named = machine.value(QStringLiteral("PolicyFile")).toString().trimmed(); !named.isEmpty())
        return named;
    return qEnvironmentVariable("ProgramData", QStringLiteral("C:/ProgramData")) + QStringLiteral("/DualRec/policy.ini");
#elif defined(Q_OS_MACOS)
    return QStringLiteral("/Library/Application Support/DualRec/policy.ini");
#else
    return QStringLiteral("/etc/dualrec/policy.ini");
#endif
}

QVariant SettingsStore::defaultValue(SettingKey key)
{
    switch (key) {
    case SettingKey::StorageFolder:
        return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    case SettingKey::Camera:
    case SettingKey::Microphone:
    case SettingKey::FaceModel:
    case SettingKey::ReceiptVerificationUrl:
    case SettingKey::InstitutionName:      // unset: no recording starts until it is (scripts read it out)
    case SettingKey::InstitutionShortName:
    case SettingKey::InsurerCertificates:
    case SettingKey::SyncEndpoint:
    case SettingKey::SyncCaFile:
    case SettingKey::SyncPublicKeyPin:
    case SettingKey::TsaUrl:
    case SettingKey::TsaCaCertificates:
        return QString();
    case SettingKey::Resolution:
        return QStringLiteral("1280x720");
    case SettingKey::GraceSeconds:
        return 1.5;
    case SettingKey::MicrophoneQuietSeconds:
        return 10;
    case SettingKey::ReviewSamplePercent:
        return 5.0;
    case SettingKey::SyncUploadOnMetered:
        return false;
    case SettingKey::SyncBandwidthLimit:
        return 0;
    case SettingKey::SyncRetentionDays:
        return 30;
    case SettingKey::Language:
        return QStringLiteral("zh_CN");
    case SettingKey::Invalid:
        break;
    }
    return {};
}

bool SettingsStore::isValid(SettingKey key, const QVariant &value)
{
    switch (key) {
    case SettingKey::StorageFolder:
        return !value.toString().trimmed().isEmpty();
    case SettingKey::Camera:
    case SettingKey::Microphone:
    case SettingKey::FaceModel:
        return true;
    case SettingKey::Resolution:
        return QRegularExpression(QStringLiteral("^[1-9][0-9]{2,4}x[1-9][0-9]{2,4}$"))
            .match(value.toString())
            .hasMatch();
    case SettingKey::GraceSeconds: {
        bool ok = false;
        const double seconds = value.toDouble(&ok);
        return ok && seconds >= 0 && seconds <= 10;
    }
    case SettingKey::MicrophoneQuietSeconds: {
        bool ok = false;
        const int seconds = value.toInt(&ok);
        return ok && seconds >= 3 && seconds <= 120;
    }
    case SettingKey::Language:
        return value.toString() == QLatin1String("zh_CN") || value.toString() == QLatin1String("en");
    case SettingKey::ReviewSamplePercent: {
        bool ok = false;
        const double percent = value.toDouble(&ok);
        return ok && percent >= 0 && percent <= 100;
    }
    case SettingKey::InsurerCertificates:
    case SettingKey::TsaCaCertificates:
        return value.toString().size() <= 4096;
    case SettingKey::SyncUploadOnMetered: {
        const auto text = value.toString().trimmed().toLower();
        return text == QLatin1String("true") || text == QLatin1String("false") || text == QLatin1String("1") || text == QLatin1String("0");
    }
    case SettingKey::SyncBandwidthLimit: {
        bool ok = false;
        const qlonglong kib = value.toString().trimmed().toLongLong(&ok);
        return ok && kib >= 0 && kib <= 10'000'000;
    }
    case SettingKey::SyncRetentionDays: {
        bool ok = false;
        const int days = value.toString().trimmed().toInt(&ok);
        return ok && days >= 0 && days <= 3650;
    }
    case SettingKey::SyncCaFile:
        return true; // a missing or unreadable file is reported when the upload starts
    case SettingKey::SyncPublicKeyPin: {
        const auto text = value.toString().trimmed();
        return text.isEmpty() || QRegularExpression(QStringLiteral("^sha256/[A-Za-z0-9+/]{43}=$")).match(text).hasMatch();
    }
    case SettingKey::SyncEndpoint:
    case SettingKey::TsaUrl:
    case SettingKey::ReceiptVerificationUrl: {
        // An absolute http(s) address with a host, or empty (no address). Checked here rather
        // than through workflow/receipt.h: util does not depend on workflow.
        const auto text = value.toString().trimmed();
        const QUrl url(text, QUrl::StrictMode);
        return text.isEmpty()
               || (url.isValid() && !url.host().isEmpty()
                   && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")));
    }
    case SettingKey::InstitutionName:
    case SettingKey::InstitutionShortName:
        return value.toString().trimmed().size() <= 100;
    case SettingKey::Invalid:
        break;
    }
    return false;
}

std::optional<QVariant> SettingsStore::policyValue(SettingKey key) const
{
    const QLatin1String name(settingKeyName(key));
    if (!m_policyFile.isEmpty() && QFileInfo::exists(m_policyFile)) {
        const QSettings policy(m_policyFile, QSettings::IniFormat);
        if (policy.contains(name) && isValid(key, policy.value(name)))
            return policy.value(name);
    }
#if defined(Q_OS_WIN)
    // Windows: the machine policy the MSI's properties (DATAFOLDER) or Group Policy write to the
    // registry, same keys as the file; the file wins. Only for the system policy, never a test file.
    if (!m_policyFile.isEmpty() && m_policyFile == systemPolicyPath()) {
        const QSettings machine(QLatin1String(kPolicyRegistryKey), QSettings::NativeFormat);
        if (machine.contains(name) && isValid(key, machine.value(name)))
            return machine.value(name);
    }
#endif
    return std::nullopt;
}

bool SettingsStore::isLocked(SettingKey key) const
{
    return policyValue(key).has_value();
}

std::optional<SettingsStore::Rejected> SettingsStore::rejectedValue(SettingKey key) const
{
    const QLatin1String name(settingKeyName(key));
    const auto text = [](const QVariant &value) {
        return value.metaType().id() == QMetaType::QStringList ? value.toStringList().join(u',') : value.toString();
    };
    if (!m_policyFile.isEmpty() && QFileInfo::exists(m_policyFile)) {
        const QSettings policy(m_policyFile, QSettings::IniFormat);
        if (policy.contains(name))
            return isValid(key, policy.value(name)) ? std::nullopt : std::optional<Rejected>(Rejected{m_policyFile, text(policy.value(name))});
    }
#if defined(Q_OS_WIN)
    if (!m_policyFile.isEmpty() && m_policyFile == systemPolicyPath()) {
        const QSettings machine(QLatin1String(kPolicyRegistryKey), QSettings::NativeFormat);
        if (machine.contains(name))
            return isValid(key, machine.value(name)) ? std::nullopt
                                                     : std::optional<Rejected>(Rejected{QLatin1String(kPolicyRegistryKey), text(machine.value(name))});
    }
#endif
    const auto user = open(m_userFile);
    if (user->contains(name) && !isValid(key, user->value(name)))
        return Rejected{user->fileName(), text(user->value(name))};
    return std::nullopt;
}

QList<SettingsStore::InvalidSetting> SettingsStore::invalidSettings() const
{
    QList<InvalidSetting> invalid;
    // Every key: settingKeyName() names each one (a switch without default) and "invalid" past the last.
    for (int number = 1; qstrcmp(settingKeyName(SettingKey(number)), "invalid") != 0; ++number) {
        const auto key = SettingKey(number);
        if (QLatin1String(settingKeyName(key)).startsWith(QLatin1String("sync/")))
            continue;
        if (auto rejected = rejectedValue(key))
            invalid.append({key, std::move(*rejected)});
    }
    return invalid;
}

QVariant SettingsStore::value(SettingKey key) const
{
    const QLatin1String name(settingKeyName(key));
    if (auto policy = policyValue(key))
        return *policy;
    const auto user = open(m_userFile);
    if (user->contains(name) && isValid(key, user->value(name)))
        return user->value(name);
    return defaultValue(key);
}

Result<void> SettingsStore::set(SettingKey key, const QVariant &value)
{
    if (key == SettingKey::Invalid)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("no such setting"));
    if (isLocked(key))
        return fail(ErrorCode::InvalidState,
                    QStringLiteral("%1 is set by the IT policy file %2").arg(QLatin1String(settingKeyName(key)), m_policyFile));
    if (!isValid(key, value))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("%1 cannot be \"%2\"").arg(QLatin1String(settingKeyName(key)), value.toString()));
    auto user = open(m_userFile);
    user->setValue(QLatin1String(settingKeyName(key)), value);
    user->sync();
    if (user->status() != QSettings::NoError)
        return fail(ErrorCode::IoError, QStringLiteral("the settings file cannot be written"));
    return {};
}

} // namespace dualrec
