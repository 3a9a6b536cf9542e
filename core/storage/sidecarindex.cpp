#include "core/storage/sidecarindex.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace dualrec::storage {

QStringList findSidecars(const QString &folder)
{
    QStringList files;
    QDirIterator it(folder, {QStringLiteral("*.dualrec.json")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    return files;
}

Result<SidecarSession> readSidecar(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::IoError, QStringLiteral("cannot read sidecar %1: %2").arg(path, file.errorString()));
    QJsonParseError error{};
    const auto root = QJsonDocument::fromJson(file.readAll(), &error).object();
    if (error.error != QJsonParseError::NoError || root.value(QStringLiteral("format")).toString() != QLatin1String("dualrec-sidecar"))
        return fail(ErrorCode::FormatError, QStringLiteral("%1 is not a DualRec sidecar").arg(path));
    const auto session = root.value(QStringLiteral("session")).toObject();
    SidecarSession result;
    auto &record = result.record;
    record.id = workflow::SessionId::fromString(session.value(QStringLiteral("id")).toString());
    record.applicationNo = session.value(QStringLiteral("application_no")).toString();
    record.agentId = session.value(QStringLiteral("agent_id")).toString();
    record.templateId = session.value(QStringLiteral("template_id")).toString();
    record.templateVersion = session.value(QStringLiteral("template_version")).toString();
    record.scopeRequired = session.value(QStringLiteral("scope_required")).toBool(true);
    record.scopeReason = session.value(QStringLiteral("scope_reason")).toString();
    record.createdAt = QDateTime::fromString(session.value(QStringLiteral("created_at_utc")).toString(), Qt::ISODateWithMs);
    record.previousSession = workflow::SessionId::fromString(session.value(QStringLiteral("previous_session_id")).toString());
    record.state = workflow::sessionStateFromName(session.value(QStringLiteral("state")).toString());
    for (const auto &product : session.value(QStringLiteral("products")).toArray()) {
        const auto object = product.toObject();
        record.products.append({object.value(QStringLiteral("code")).toString(), object.value(QStringLiteral("name")).toString()});
    }
    if (record.id.isNull() || record.applicationNo.isEmpty() || record.agentId.isEmpty() || record.templateId.isEmpty()
        || record.state == workflow::SessionState::Invalid || !record.createdAt.isValid())
        return fail(ErrorCode::FormatError, QStringLiteral("sidecar %1 lacks the session's id, application number, agent, "
                                                           "template, state or creation time").arg(path));
    // A re-indexed session's state is what the sidecar last said; a recording cut off by a
    // crash never said "finished", so it shows as failed: it must be re-recorded or reviewed.
    if (!workflow::isEndState(record.state))
        record.state = workflow::SessionState::Failed;

    const QDir folder = QFileInfo(path).absoluteDir();
    for (const auto &item : root.value(QStringLiteral("media")).toArray()) {
        const auto object = item.toObject();
        const auto relative = object.value(QStringLiteral("path")).toString();
        result.media.append({object.value(QStringLiteral("role")).toString(), folder.filePath(relative),
                             qint64(object.value(QStringLiteral("size_bytes")).toDouble()),
                             object.value(QStringLiteral("sha256")).toString(), record.createdAt});
    }
    result.media.append({QStringLiteral("sidecar"), QFileInfo(path).absoluteFilePath(), QFileInfo(path).size(), QString(),
                         record.createdAt});
    return result;
}

} // namespace dualrec::storage
