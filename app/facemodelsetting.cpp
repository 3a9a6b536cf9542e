#include "app/facemodelsetting.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include "core/util/settingsstore.h"

#include <QSettings>

namespace dualrec::app {

Result<FaceModelChoice> chooseFaceModel(const QString &commandLinePath)
{
    if (!commandLinePath.isEmpty()) {
        if (!QFileInfo(commandLinePath).isFile())
            return fail(ErrorCode::NotFound, QStringLiteral("face model \"%1\" does not exist").arg(commandLinePath));
        return FaceModelChoice{QFileInfo(commandLinePath).absoluteFilePath(), {}};
    }
    // The IT policy file wins over the user's setting (docs/deployment.md).
    const QString configured = SettingsStore(QString(), SettingsStore::systemPolicyPath()).text(SettingKey::FaceModel);
    if (!configured.isEmpty()) {
        if (QFileInfo(configured).isFile())
            return FaceModelChoice{configured, {}};
        return FaceModelChoice{{}, QStringLiteral("the configured face model \"%1\" does not exist").arg(configured)};
    }
    const auto candidates = bundledFaceModelCandidates();
    for (const auto &candidate : candidates) {
        if (QFileInfo(candidate).isFile())
            return FaceModelChoice{QFileInfo(candidate).canonicalFilePath(), {}};
    }
    return FaceModelChoice{{}, QStringLiteral("the face model that ships with DualRec is missing (looked for %1)")
                                   .arg(candidates.join(QStringLiteral(" and ")))};
}

QStringList bundledFaceModelCandidates()
{
    const QDir executableDirectory(QCoreApplication::applicationDirPath());
    const QString name = QLatin1String(kBundledFaceModelName);
    return {QDir::cleanPath(executableDirectory.filePath(QStringLiteral("../share/dualrec/models/") + name)),
            QDir::cleanPath(executableDirectory.filePath(QStringLiteral("../Resources/models/") + name))};
}

} // namespace dualrec::app
