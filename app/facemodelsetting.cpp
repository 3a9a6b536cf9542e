#include "app/facemodelsetting.h"

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
    const QString builtIn = QStringLiteral(DUALREC_DEFAULT_FACE_MODEL);
    if (builtIn.isEmpty())
        return FaceModelChoice{{}, QStringLiteral("no face model configured")};
    if (!QFileInfo(builtIn).isFile())
        return FaceModelChoice{{}, QStringLiteral("the default face model \"%1\" does not exist").arg(builtIn)};
    return FaceModelChoice{QFileInfo(builtIn).canonicalFilePath(), {}};
}

} // namespace dualrec::app
