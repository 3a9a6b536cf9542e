#pragma once

#include "core/util/result.h"

#include <QList>
#include <QString>
#include <QVariant>

#include <array>
#include <optional>

namespace dualrec {

/// The settings a supervisor or branch IT may change. Names are the INI keys (stable).
enum class SettingKey : quint8 {
    Invalid = 0,
    StorageFolder,  ///< "storage/folder": where recordings and the journal live (next start)
    Camera,         ///< "capture/camera": camera id; empty = the system default
    Microphone,     ///< "capture/microphone": microphone id; empty = the system default
    Resolution,     ///< "capture/resolution": "WIDTHxHEIGHT"
    FaceModel,      ///< "vision/faceModel": YuNet model file; empty = built-in default
    GraceSeconds,   ///< "presence/graceSeconds": how long someone may be out of frame before it counts
    Language,       ///< "ui/language": zh_CN or en
    /// "receipt/verificationUrl": the insurer's page that checks a receipt (http/https); empty =
    /// the receipt QR holds readable text. Set by IT in the policy file; not on the settings page.
    ReceiptVerificationUrl,
    InstitutionName,      ///< "institution/name": the insurer's or agency's full name, read out in scripts
    InstitutionShortName, ///< "institution/shortName": its standard short name (规范简称), read out by the agent
    /// "seal/insurerCertificates": PEM files of the certificates sealed packages are encrypted
    /// to (insurer, regional archive), separated by ';'. Set by IT; empty = sessions wait unsealed.
    InsurerCertificates,
    // Upload to the insurer (core/sync, docs/ingest.md); set by IT in the policy, not on the settings page.
    SyncEndpoint,         ///< "sync/endpoint": the tus creation URL (https, or http for a local test server); empty: none
    SyncCaFile,           ///< "sync/caFile": PEM file of the only CAs trusted for the endpoint; empty: the system's
    SyncPublicKeyPin,     ///< "sync/pin": sha256/BASE64 of the server's public key; empty: no pin
    /// "capture/microphoneQuietSeconds": 3..120, how long the microphone may stay almost silent
    /// during a session before the recording page warns (default 10). Policy or user file only.
    MicrophoneQuietSeconds,
    /// "qc/reviewSamplePercent": the share (0 to 100 %) of passed sessions the history's review
    /// queue samples for a supervisor's spot-check; default 5. Set by IT in the policy or INI file.
    ReviewSamplePercent,
    /// "sync/uploadOnMetered": true to upload on a metered network (a phone's hotspot) too;
    /// default false: uploads pause there and go on by themselves elsewhere. Policy or INI file.
    SyncUploadOnMetered,
    /// "sync/bandwidthLimit": at most this many KiB per second for all uploads together
    /// (0 to 10,000,000; 0, the default: no limit). Policy or INI file.
    SyncBandwidthLimit,
    /// "seal/tsaUrl": the RFC 3161 timestamp authority (http/https) asked for every package's
    /// timestamp; empty: packages are not time-stamped. Set by IT, not on the settings page.
    TsaUrl,
    /// "seal/tsaCaCertificates": PEM files of the TSA's CA certificates, separated by ';'; a
    /// timestamp from a TSA they did not issue is refused. Empty: the TSA's certificate is checked
    /// against itself only. Set by IT.
    TsaCaCertificates,
    /// "sync/retentionDays": an acknowledged package (and its timestamp) is deleted from this
    /// computer this many whole days after the insurer acknowledged it, never before; 0 keeps it
    /// for ever; 0 to 3650, default 30. Policy or INI file.
    SyncRetentionDays,
};

inline constexpr std::array<SettingKey, 9> kSettingKeys{SettingKey::StorageFolder,   SettingKey::Camera,
                                                        SettingKey::Microphone,      SettingKey::Resolution,
                                                        SettingKey::FaceModel,       SettingKey::GraceSeconds,
                                                        SettingKey::Language,        SettingKey::InstitutionName,
                                                        SettingKey::InstitutionShortName};

[[nodiscard]] const char *settingKeyName(SettingKey key);

/// The user's settings (an INI file the app writes) under a system-wide policy file that branch
/// IT deploys (docs/deployment.md). A key present in the policy file wins and is locked: the app
/// shows it greyed out and refuses to change it. The policy file is only read.
///
/// Values are checked when set (a grace period between 0 and 10 s, a known language, a
/// resolution like 1280x720, an institution name of at most 100 characters); invalid values in either file are ignored in favour of the next
/// source (policy -> user -> default), and said: invalidSettings() lists them.
///
/// Thread contract: GUI thread (or any one thread); not thread-safe.
class SettingsStore final
{
public:
    /// `userFile` empty: the platform's per-user settings of the application.
    SettingsStore(QString userFile, QString policyFile);

    /// Where IT deploys the policy on this platform: /etc/dualrec/policy.ini on Linux,
    /// %ProgramData%\DualRec\policy.ini on Windows, /Library/Application Support/DualRec/policy.ini
    /// on macOS. On Windows the registry value `PolicyFile` under kPolicyRegistryKey (the MSI
    /// property POLICYFILE) names another file.
    [[nodiscard]] static QString systemPolicyPath();
    /// Windows: machine policy in the registry, same keys as the policy file (`storage\folder`
    /// ...), below the file in rank; written by the MSI's properties or by Group Policy.
    static constexpr const char *kPolicyRegistryKey = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\DualRec";

    [[nodiscard]] const QString &policyFile() const { return m_policyFile; }
    [[nodiscard]] QVariant value(SettingKey key) const;
    [[nodiscard]] QString text(SettingKey key) const { return value(key).toString(); }
    [[nodiscard]] bool isLocked(SettingKey key) const;
    /// The value of `key` that value() passes over because it is not valid: the policy's (the
    /// file's, or on Windows the registry's) when it is set there, else the user file's, with
    /// where it was found; nullopt when the key is valid or unset where it counts. For commands
    /// that must refuse a bad value with a clear error rather than quietly use the default.
    struct Rejected final {
        QString source; ///< the file (or registry key) that holds it
        QString text;   ///< the value as written there
    };
    [[nodiscard]] std::optional<Rejected> rejectedValue(SettingKey key) const;
    /// A setting whose value is passed over, with where it is and what it is.
    struct InvalidSetting final {
        SettingKey key = SettingKey::Invalid;
        Rejected rejected;
    };
    /// Every setting outside sync/ whose value is passed over for its default (or the next
    /// source): said at every start (stderr, and the window) instead of silently. The sync/
    /// keys are not listed: an invalid one stops the uploads with its own error. What each key
    /// takes is said in ui::SettingsText (in the user's language).
    [[nodiscard]] QList<InvalidSetting> invalidSettings() const;
    /// Fails with InvalidState for a locked key, InvalidArgument for a bad value.
    [[nodiscard]] Result<void> set(SettingKey key, const QVariant &value);

    [[nodiscard]] static QVariant defaultValue(SettingKey key);
    [[nodiscard]] static bool isValid(SettingKey key, const QVariant &value);

private:
    /// The policy's value of `key` when it is set there and valid (file, then Windows registry).
    [[nodiscard]] std::optional<QVariant> policyValue(SettingKey key) const;

    QString m_userFile;
    QString m_policyFile;
};

} // namespace dualrec
