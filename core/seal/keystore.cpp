#include "core/seal/keystore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace dualrec::seal {

namespace {

constexpr auto kOwnerOnlyFolder = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
constexpr auto kOwnerOnlyFile = QFile::ReadOwner | QFile::WriteOwner;
constexpr qint64 kMaxSecretSize = 64 * 1024;

bool othersMay(QFile::Permissions permissions)
{
    return permissions & (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther
                          | QFile::ExeOther);
}

} // namespace

KeyProtection keyProtectionOf(const QString &backendName)
{
    if (backendName.isEmpty())
        return KeyProtection::Invalid;
    return backendName == QLatin1String("file") ? KeyProtection::OwnerOnlyFile : KeyProtection::OsKeyStore;
}

FileKeyStore::FileKeyStore(QString folder) : m_folder(std::move(folder)) {}

Result<QString> FileKeyStore::pathOf(const QString &name) const
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"));
    if (!valid.match(name).hasMatch())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("\"%1\" is no valid key name").arg(name));
    return QDir(m_folder).filePath(name + QStringLiteral(".key"));
}

Result<std::optional<QByteArray>> FileKeyStore::read(const QString &name)
{
    auto path = pathOf(name);
    if (!path)
        return std::unexpected(path.error());
    const QFileInfo info(*path);
    if (!info.exists())
        return std::optional<QByteArray>();
#ifndef Q_OS_WIN
    if (othersMay(info.permissions()))
        return fail(ErrorCode::InvalidState,
                    QStringLiteral("key file %1 may be read by other users; expected permissions 0600").arg(*path));
    if (othersMay(QFileInfo(m_folder).permissions()))
        return fail(ErrorCode::InvalidState,
                    QStringLiteral("key folder %1 is open to other users; expected permissions 0700").arg(m_folder));
#endif
    if (!info.isFile() || info.size() > kMaxSecretSize)
        return fail(ErrorCode::FormatError, QStringLiteral("key file %1 is not a small regular file").arg(*path));
    QFile file(*path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::IoError, QStringLiteral("cannot read key file %1: %2").arg(*path, file.errorString()));
    return std::optional<QByteArray>(file.readAll());
}

Result<void> FileKeyStore::write(const QString &name, const QByteArray &secret)
{
    auto path = pathOf(name);
    if (!path)
        return std::unexpected(path.error());
    if (QFileInfo::exists(*path))
        return fail(ErrorCode::InvalidState, QStringLiteral("key %1 exists already in %2; keys are never replaced").arg(name, m_folder));
    if (!QDir().mkpath(m_folder))
        return fail(ErrorCode::IoError, QStringLiteral("cannot create the key folder %1").arg(m_folder));
    if (!QFile::setPermissions(m_folder, kOwnerOnlyFolder))
        return fail(ErrorCode::IoError, QStringLiteral("cannot make the key folder %1 private").arg(m_folder));
    // Written beside, owner-only before any byte of the secret, then renamed into place: a
    // crash leaves no half key under the real name.
    const QString temporary = *path + QStringLiteral(".new");
    QFile::remove(temporary);
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) || !file.setPermissions(kOwnerOnlyFile))
        return fail(ErrorCode::IoError, QStringLiteral("cannot create key file %1: %2").arg(temporary, file.errorString()));
    if (file.write(secret) != secret.size() || !file.flush())
        return fail(ErrorCode::IoError, QStringLiteral("cannot write key file %1: %2").arg(temporary, file.errorString()));
    file.close();
    if (!QFile::rename(temporary, *path))
        return fail(ErrorCode::IoError, QStringLiteral("cannot move the key file into place: %1").arg(*path));
    return {};
}

Result<void> FileKeyStore::remove(const QString &name)
{
    auto path = pathOf(name);
    if (!path)
        return std::unexpected(path.error());
    if (QFileInfo::exists(*path) && !QFile::remove(*path))
        return fail(ErrorCode::IoError, QStringLiteral("cannot delete key file %1").arg(*path));
    return {};
}

} // namespace dualrec::seal
