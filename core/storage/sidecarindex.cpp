#include "core/storage/sidecarindex.h"

#include "core/seal/encryptedfile.h"
#include "core/seal/evidencefile.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace dualrec::storage {

namespace {

std::optional<QJsonObject> readObject(const QString &path, const seal::DeviceKeys *keys)
{
    const auto bytes = seal::readEvidenceFile(path, keys, 16 * 1024 * 1024);
    if (!bytes)
        return std::nullopt;
    QJsonParseError error{};
    const auto document = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

} // namespace

QStringList findSidecars(const QString &folder, const seal::DeviceKeys *keys)
{
    QStringList files;
    QDirIterator it(folder, {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const auto path = it.next();
        // A sidecar that does not even parse is still listed: readSidecar() says what is wrong.
        if (QFileInfo(path).fileName() == seal::DeviceKeys::markerName())
            continue;
        const auto object = readObject(path, keys);
        if (!object || object->value(QStringLiteral("format")).toString() == QLatin1String(kSidecarFormat))
            files.append(path);
    }
    files.sort();
    return files;
}

Result<SidecarSession> readSidecar(const QString &path, const seal::DeviceKeys *keys)
{
    if (seal::looksEncrypted(path) && !keys)
        return fail(ErrorCode::InvalidState, QStringLiteral("%1 is encrypted and no device key is open to read it").arg(path));
    const auto root = readObject(path, keys);
    if (!root || root->value(QStringLiteral("format")).toString() != QLatin1String(kSidecarFormat))
        return fail(ErrorCode::FormatError, QStringLiteral("%1 is not a DualRec recording sidecar").arg(path));
    SidecarSession result;
    auto &record = result.record;
    record.id = workflow::SessionId::fromString(root->value(QStringLiteral("session_id")).toString());
    record.applicationNo = root->value(QStringLiteral("application_no")).toString();
    record.agentId = root->value(QStringLiteral("agent_id")).toString();
    record.templateId = root->value(QStringLiteral("template_id")).toString();
    record.templateVersion = root->value(QStringLiteral("template_version")).toString();
    record.scopeReason = QStringLiteral("re-indexed from the recording's sidecar");
    record.createdAt = QDateTime::fromString(root->value(QStringLiteral("started_at")).toString(), Qt::ISODateWithMs);
    for (const auto &product : root->value(QStringLiteral("products")).toArray()) {
        const auto object = product.toObject();
        record.products.append({object.value(QStringLiteral("code")).toString(), object.value(QStringLiteral("name")).toString()});
    }
    if (record.id.isNull() || record.applicationNo.isEmpty() || record.agentId.isEmpty() || record.templateId.isEmpty()
        || !record.createdAt.isValid())
        return fail(ErrorCode::FormatError, QStringLiteral("sidecar %1 lacks the session's id, application number, agent, "
                                                           "template or start time").arg(path));
    // A recording cut off by a crash never said how it ended ("recording"): it shows as failed,
    // to be reviewed or re-recorded.
    record.state = workflow::sessionStateFromName(root->value(QStringLiteral("state")).toString());
    result.ended = workflow::isEndState(record.state);
    if (!result.ended)
        record.state = workflow::SessionState::Failed;

    const QDir folder = QFileInfo(path).absoluteDir();
    const auto files = root->value(QStringLiteral("files")).toObject();
    const auto add = [&](MediaRole role, const QString &name) {
        const QFileInfo file(folder.filePath(name));
        if (!name.isEmpty() && file.isFile())
            result.media.append({role, file.absoluteFilePath(), file.size(), QString(), record.createdAt});
    };
    add(MediaRole::Recording, files.value(QStringLiteral("final")).toString());
    add(MediaRole::RecordingFragmented, files.value(QStringLiteral("fragmented")).toString());
    add(MediaRole::Sidecar, QFileInfo(path).fileName());
    return result;
}

} // namespace dualrec::storage
