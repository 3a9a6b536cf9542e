#include "app/devicekeysetup.h"

#include "core/seal/keystore.h"
#include "core/seal/oskeystore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace dualrec::app {

Result<std::shared_ptr<const seal::DeviceKeys>> openDeviceKeys(const QString &dataDirectory, KeyOpening opening)
{
    const QDir folder(dataDirectory);
    const QString markerPath = folder.filePath(seal::DeviceKeys::markerName());
    const QString fileStore = folder.filePath(QStringLiteral("keys"));
    bool forceFile = qEnvironmentVariable("DUALREC_KEY_STORE") == QLatin1String("file");
    QFile marker(markerPath);
    if (marker.exists()) {
        if (marker.open(QIODevice::ReadOnly)
            && QJsonDocument::fromJson(marker.read(64 * 1024)).object().value(QStringLiteral("key_store")).toString()
                   == QLatin1String("file"))
            forceFile = true;
    } else if (opening == KeyOpening::ExistingOnly) {
        return std::shared_ptr<const seal::DeviceKeys>();
    }
    const auto store = seal::makeKeyStore(fileStore, forceFile);
    auto keys = seal::DeviceKeys::open(dataDirectory, *store);
    if (!keys)
        return std::unexpected(keys.error());
    return std::make_shared<const seal::DeviceKeys>(std::move(*keys));
}

QString deviceKeyProblem(const QString &dataDirectory, const Error &error)
{
    return QCoreApplication::translate("DeviceKeys",
                                       "The key that protects the recordings in the data folder \"%1\" cannot be opened, so "
                                       "nothing can be recorded or played back there. Nothing was changed and no file was "
                                       "deleted. Ask IT to restore the device key (details: %2).")
        .arg(QDir::toNativeSeparators(dataDirectory), error.detail);
}

} // namespace dualrec::app
