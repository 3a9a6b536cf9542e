#pragma once

#include "core/seal/keystore.h"
#include "core/storage/auditlog.h"
#include "core/util/settingsstore.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace dualrec::ui {

/// Settings for supervisors and branch IT: storage folder, camera, microphone, resolution, face
/// model, grace period and language. A setting the IT policy file fixes is shown greyed out with
/// a lock note and cannot be changed here. Saving writes the changed settings and audits which
/// keys changed. Insurer endpoint, certificates and retention arrive with sealing and sync.
/// GUI thread only.
class SettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)

public:
    SettingsPage(SettingsStore &settings, storage::AuditLog &audit, QWidget *parent = nullptr);

    /// Shows the current values for `actor` (the audit log's actor).
    void open(const QString &actor);
    /// The data folder this DualRec runs on (the command line or the setting at start-up): what
    /// the storage field shows; a different saved setting is named as the next start's.
    void setStorageInUse(const QString &folder);
    /// How this data folder's device key is protected (a read-only sentence under the storage
    /// folder; `backendName`, the store's own name, goes into its tooltip). Invalid hides it.
    void setKeyProtection(seal::KeyProtection protection, const QString &backendName);

Q_SIGNALS:
    /// The language setting changed ("zh_CN" or "en").
    void languageChanged(const QString &language);
    /// An audit entry could not be written (the window says so).
    void auditFailed(const dualrec::Error &error);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void load();
    void listDevices();
    void save();
    [[nodiscard]] QVariant editedValue(SettingKey key) const;

    SettingsStore &m_settings;
    storage::AuditLog &m_audit;
    QString m_actor;
    QString m_storageInUse;
    QHash<SettingKey, QString> m_shown; ///< what load() put in each field: only changes are saved
    QLabel *m_storageNext = nullptr;
    seal::KeyProtection m_keyProtection = seal::KeyProtection::Invalid;
    QString m_keyBackend;
    bool m_devicesListed = false; ///< the system's devices are asked for on the first open()
    QLabel *m_keyProtectionLabel = nullptr;

    QLabel *m_title = nullptr;
    QLabel *m_policyNote = nullptr;
    QHash<SettingKey, QLabel *> m_labels;
    QHash<SettingKey, QWidget *> m_fields;
    QHash<SettingKey, QLabel *> m_locks;
    QHash<SettingKey, QLabel *> m_lockIcons; ///< the drawn padlock beside m_locks
    QLineEdit *m_storage = nullptr;
    QComboBox *m_camera = nullptr;
    QComboBox *m_microphone = nullptr;
    QComboBox *m_resolution = nullptr;
    QLineEdit *m_faceModel = nullptr;
    QDoubleSpinBox *m_grace = nullptr;
    QComboBox *m_language = nullptr;
    QLineEdit *m_institutionName = nullptr;
    QLineEdit *m_institutionShortName = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace dualrec::ui
