#include "ui/settingspage.h"
#include "ui/errortext.h"

#include "ui/pagestyle.h"
#include "ui/workflowtext.h"

#include <QAudioDevice>
#include <QCameraDevice>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QMediaDevices>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace dualrec::ui {

namespace {

const QColor kLockColour(0x6b, 0x5b, 0x00);

/// A small padlock, \a height pixels tall (logical), drawn for the screen's pixel ratio.
QPixmap padlock(const QColor &colour, int height, qreal ratio)
{
    const QSizeF size(height * 0.75, height);
    QPixmap pixmap((size * ratio).toSize());
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal w = size.width();
    const qreal h = size.height();
    painter.setPen(QPen(colour, std::max(1.5, h / 9.0)));
    painter.setBrush(Qt::NoBrush);
    painter.drawArc(QRectF(w * 0.22, h * 0.08, w * 0.56, h * 0.6), 0, 180 * 16);
    painter.drawLine(QPointF(w * 0.22, h * 0.38), QPointF(w * 0.22, h * 0.5));
    painter.drawLine(QPointF(w * 0.78, h * 0.38), QPointF(w * 0.78, h * 0.5));
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(w * 0.08, h * 0.48, w * 0.84, h * 0.46), w * 0.1, w * 0.1);
    return pixmap;
}

} // namespace

SettingsPage::SettingsPage(SettingsStore &settings, storage::AuditLog &audit, QWidget *parent)
    : QWidget(parent), m_settings(settings), m_audit(audit)
{
    setObjectName(QStringLiteral("settingsPage"));
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    pageStyle::makeHeading(m_title, 1.5);
    m_policyNote = new QLabel(this);
    m_policyNote->setObjectName(QStringLiteral("settingsPolicyNote"));
    m_policyNote->setWordWrap(true);
    layout->addWidget(m_title);
    layout->addWidget(m_policyNote);

    m_storage = new QLineEdit(this);
    m_storage->setObjectName(QStringLiteral("settingsStorage"));
    m_camera = new QComboBox(this);
    m_camera->setObjectName(QStringLiteral("settingsCamera"));
    m_microphone = new QComboBox(this);
    m_microphone->setObjectName(QStringLiteral("settingsMicrophone"));
    m_resolution = new QComboBox(this);
    m_resolution->setObjectName(QStringLiteral("settingsResolution"));
    for (const auto *size : {"640x360", "1280x720", "1920x1080"})
        m_resolution->addItem(QString::fromLatin1(size), QString::fromLatin1(size));
    m_faceModel = new QLineEdit(this);
    m_faceModel->setObjectName(QStringLiteral("settingsFaceModel"));
    m_grace = new QDoubleSpinBox(this);
    m_grace->setObjectName(QStringLiteral("settingsGrace"));
    m_grace->setRange(0, 10);
    m_grace->setSingleStep(0.5);
    m_grace->setDecimals(1);
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("settingsLanguage"));
    m_language->addItem(QStringLiteral("中文(简体)"), QStringLiteral("zh_CN"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_institutionName = new QLineEdit(this);
    m_institutionName->setObjectName(QStringLiteral("settingsInstitutionName"));
    m_institutionShortName = new QLineEdit(this);
    m_institutionShortName->setObjectName(QStringLiteral("settingsInstitutionShortName"));

    auto *grid = new QGridLayout;
    int row = 0;
    auto addRow = [&](SettingKey key, QWidget *field) {
        auto *label = new QLabel(this);
        label->setBuddy(field);
        const auto name = QString::fromLatin1(settingKeyName(key)).replace(u'/', u'-');
        // The lock is drawn, not a character: an emoji font is not on every branch computer.
        auto *icon = new QLabel(this);
        icon->setObjectName(QStringLiteral("lockIcon-") + name);
        icon->setPixmap(padlock(kLockColour, fontMetrics().height(), devicePixelRatio()));
        icon->hide();
        auto *lock = new QLabel(this);
        lock->setObjectName(QStringLiteral("lock-") + name);
        lock->setStyleSheet(QStringLiteral("color: %1;").arg(kLockColour.name()));
        auto *mark = new QHBoxLayout;
        mark->setSpacing(4);
        mark->addWidget(icon);
        mark->addWidget(lock);
        mark->addStretch(1);
        grid->addWidget(label, row, 0);
        grid->addWidget(field, row, 1);
        grid->addLayout(mark, row, 2);
        ++row;
        m_labels.insert(key, label);
        m_fields.insert(key, field);
        m_locks.insert(key, lock);
        m_lockIcons.insert(key, icon);
    };
    addRow(SettingKey::StorageFolder, m_storage);
    // Right under the folder: the one in use when the saved one differs.
    m_storageNext = new QLabel(this);
    m_storageNext->setObjectName(QStringLiteral("settingsStorageNext"));
    m_storageNext->setWordWrap(true);
    grid->addWidget(m_storageNext, row++, 1);
    // Read only: where the folder's device key is kept (issue 13; `dualrec --version` says it too).
    m_keyProtectionLabel = new QLabel(this);
    m_keyProtectionLabel->setObjectName(QStringLiteral("settingsKeyProtection"));
    m_keyProtectionLabel->setWordWrap(true);
    m_keyProtectionLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_keyProtectionLabel->hide();
    grid->addWidget(m_keyProtectionLabel, row++, 1);
    addRow(SettingKey::Camera, m_camera);
    addRow(SettingKey::Microphone, m_microphone);
    addRow(SettingKey::Resolution, m_resolution);
    addRow(SettingKey::FaceModel, m_faceModel);
    addRow(SettingKey::GraceSeconds, m_grace);
    addRow(SettingKey::Language, m_language);
    addRow(SettingKey::InstitutionName, m_institutionName);
    addRow(SettingKey::InstitutionShortName, m_institutionShortName);
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);

    auto *bottom = new QHBoxLayout;
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("settingsSave"));
    m_save->setDefault(true);
    bottom->addWidget(m_message, 1);
    bottom->addWidget(m_save);
    layout->addLayout(bottom);
    layout->addStretch(1);
    connect(m_save, &QPushButton::clicked, this, &SettingsPage::save);
    retranslateUi();
}

void SettingsPage::setStorageInUse(const QString &folder)
{
    m_storageInUse = folder;
    load();
}

void SettingsPage::setKeyProtection(seal::KeyProtection protection, const QString &backendName)
{
    m_keyProtection = protection;
    m_keyBackend = backendName;
    retranslateUi();
}

void SettingsPage::open(const QString &actor)
{
    m_actor = actor;
    m_message->clear();
    m_devicesListed = true;
    listDevices();
    load();
}

void SettingsPage::listDevices()
{
    // Asking the system for its cameras and microphones loads the multimedia back end (GStreamer
    // here, about a quarter of a second): that waits until the page is first opened, off the path
    // to the first window. Until then the lists hold only the default and what is saved (load()).
    const auto list = [this](QComboBox *combo, const QList<std::pair<QString, QString>> &devices) {
        const auto current = combo->currentData().toString();
        combo->clear();
        combo->addItem(tr("System default"), QString());
        for (const auto &[description, id] : devices)
            combo->addItem(description, id);
        combo->setCurrentIndex(std::max(0, combo->findData(current)));
    };
    QList<std::pair<QString, QString>> cameras;
    QList<std::pair<QString, QString>> microphones;
    if (m_devicesListed) {
        for (const auto &device : QMediaDevices::videoInputs())
            cameras.append({device.description(), QString::fromUtf8(device.id())});
        for (const auto &device : QMediaDevices::audioInputs())
            microphones.append({device.description(), QString::fromUtf8(device.id())});
    }
    list(m_camera, cameras);
    list(m_microphone, microphones);
}

void SettingsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SettingsPage::retranslateUi()
{
    m_title->setText(tr("Settings"));
    switch (m_keyProtection) {
    case seal::KeyProtection::OsKeyStore:
        m_keyProtectionLabel->setText(tr("The device key is kept in the system key store."));
        m_keyProtectionLabel->setToolTip(m_keyBackend);
        break;
    case seal::KeyProtection::OwnerOnlyFile:
        m_keyProtectionLabel->setText(tr("The device key is kept in a file only this user can read."));
        m_keyProtectionLabel->setToolTip(QDir::toNativeSeparators(QDir(m_storageInUse).filePath(QStringLiteral("keys"))));
        break;
    case seal::KeyProtection::Invalid:
        break;
    }
    m_keyProtectionLabel->setAccessibleName(m_keyProtectionLabel->text());
    m_keyProtectionLabel->setVisible(m_keyProtection != seal::KeyProtection::Invalid);
    m_policyNote->setText(tr("Settings marked with a lock are fixed by branch IT in %1 and cannot be changed here. "
                             "The storage folder takes effect at the next start.")
                              .arg(QDir::toNativeSeparators(m_settings.policyFile())));
    const QHash<SettingKey, QString> labels{
        {SettingKey::StorageFolder, tr("&Storage folder:")},
        {SettingKey::Camera, tr("&Camera:")},
        {SettingKey::Microphone, tr("&Microphone:")},
        {SettingKey::Resolution, tr("&Resolution:")},
        {SettingKey::FaceModel, tr("&Face model file:")},
        {SettingKey::GraceSeconds, tr("&Grace period (seconds out of frame before it counts):")},
        {SettingKey::Language, tr("&Language:")},
        {SettingKey::InstitutionName, tr("&Institution (full name):")},
        {SettingKey::InstitutionShortName, tr("Institution's standard s&hort name:")},
    };
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        m_labels.value(it.key())->setText(it.value());
        // The label without its mnemonic marker and colon, in either language.
        QString accessible = it.value();
        accessible.remove(QRegularExpression(QStringLiteral("\\(&.\\)")));
        accessible.remove(u'&');
        while (accessible.endsWith(u':') || accessible.endsWith(QChar(0xFF1A)))
            accessible.chop(1);
        m_fields.value(it.key())->setAccessibleName(accessible);
    }
    m_faceModel->setPlaceholderText(tr("empty: the built-in model"));
    m_save->setText(tr("&Save settings"));
    m_save->setAccessibleName(tr("Save settings"));

    listDevices();
    load();
}

void SettingsPage::load()
{
    // What runs now, not only what is saved: the folder and the language in use.
    const auto savedFolder = m_settings.text(SettingKey::StorageFolder);
    m_storage->setText(m_storageInUse.isEmpty() ? savedFolder : QDir::toNativeSeparators(m_storageInUse));
    const bool differs = !m_storageInUse.isEmpty() && QDir::cleanPath(savedFolder) != QDir::cleanPath(m_storageInUse);
    m_storageNext->setText(differs ? tr("In use now: %1. From the next start: %2.")
                                         .arg(QDir::toNativeSeparators(m_storageInUse), QDir::toNativeSeparators(savedFolder))
                                   : QString());
    m_storageNext->setVisible(differs);
    auto select = [](QComboBox *combo, const QString &value) {
        int index = combo->findData(value);
        if (index < 0) {
            // A device or resolution this computer does not list (set by IT or unplugged): keep it.
            combo->addItem(value, value);
            index = combo->count() - 1;
        }
        combo->setCurrentIndex(index);
    };
    select(m_camera, m_settings.text(SettingKey::Camera));
    select(m_microphone, m_settings.text(SettingKey::Microphone));
    select(m_resolution, m_settings.text(SettingKey::Resolution));
    m_faceModel->setText(m_settings.text(SettingKey::FaceModel));
    m_grace->setValue(m_settings.value(SettingKey::GraceSeconds).toDouble());
    select(m_language, WorkflowText::languageInUse());
    m_institutionName->setText(m_settings.text(SettingKey::InstitutionName));
    m_institutionShortName->setText(m_settings.text(SettingKey::InstitutionShortName));
    for (const auto key : kSettingKeys) {
        const bool locked = m_settings.isLocked(key);
        m_fields.value(key)->setEnabled(!locked);
        m_fields.value(key)->setToolTip(locked ? tr("Set by the IT policy") : QString());
        m_locks.value(key)->setText(locked ? tr("set by IT") : QString());
        m_lockIcons.value(key)->setVisible(locked);
        m_shown.insert(key, editedValue(key).toString());
    }
}

QVariant SettingsPage::editedValue(SettingKey key) const
{
    switch (key) {
    case SettingKey::StorageFolder: return m_storage->text().trimmed();
    case SettingKey::Camera: return m_camera->currentData();
    case SettingKey::Microphone: return m_microphone->currentData();
    case SettingKey::Resolution: return m_resolution->currentData();
    case SettingKey::FaceModel: return m_faceModel->text().trimmed();
    case SettingKey::GraceSeconds: return m_grace->value();
    case SettingKey::Language: return m_language->currentData();
    case SettingKey::InstitutionName: return m_institutionName->text().trimmed();
    case SettingKey::InstitutionShortName: return m_institutionShortName->text().trimmed();
    case SettingKey::ReceiptVerificationUrl: // policy file only
    case SettingKey::InsurerCertificates:
    case SettingKey::SyncEndpoint:
    case SettingKey::SyncCaFile:
    case SettingKey::SyncPublicKeyPin:
    case SettingKey::TsaUrl:
    case SettingKey::TsaCaCertificates:
    case SettingKey::MicrophoneQuietSeconds:
    case SettingKey::ReviewSamplePercent: // policy or settings file only
    case SettingKey::SyncUploadOnMetered:
    case SettingKey::SyncBandwidthLimit:
    case SettingKey::SyncRetentionDays:
    case SettingKey::Invalid: break;
    }
    return {};
}

void SettingsPage::save()
{
    QStringList changed;
    QStringList problems;
    for (const auto key : kSettingKeys) {
        if (m_settings.isLocked(key))
            continue;
        const auto value = editedValue(key);
        // Only what the user changed: the folder and language shown are the ones in use, which
        // may differ from the saved ones without anybody asking for a change.
        if (value.toString() == m_shown.value(key))
            continue;
        if (auto saved = m_settings.set(key, value); !saved)
            problems.append(ErrorText::describe(tr("A setting was not saved."), saved.error()));
        else
            changed.append(QString::fromLatin1(settingKeyName(key)));
    }
    if (!changed.isEmpty())
        if (auto audited = m_audit.append(m_actor, storage::AuditAction::SettingsChange, QStringLiteral("settings"),
                                          QStringLiteral("changed: ") + changed.join(u','));
            !audited)
            Q_EMIT auditFailed(audited.error());
    if (!problems.isEmpty())
        m_message->setText(problems.join(QString()));
    else if (changed.isEmpty())
        m_message->setText(tr("Nothing changed."));
    else
        m_message->setText(tr("Saved."));
    if (changed.contains(QLatin1String(settingKeyName(SettingKey::Language))))
        Q_EMIT languageChanged(m_settings.text(SettingKey::Language));
    load();
}

} // namespace dualrec::ui
