#include "core/seal/oskeystore.h"

#ifdef DUALREC_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

#include <QEventLoop>

namespace dualrec::seal {

namespace {

const QString kService = QStringLiteral("DualRec");

#ifdef DUALREC_HAVE_KEYCHAIN
/// Runs a qtkeychain job to its end.
void runJob(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
}

Error errorOf(const QKeychain::Job &job, const QString &what)
{
    const auto detail = QStringLiteral("%1: %2 (qtkeychain error %3)").arg(what, job.errorString()).arg(int(job.error()));
    switch (job.error()) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return {ErrorCode::DeviceUnavailable, detail};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return {ErrorCode::InvalidState, detail};
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    return {ErrorCode::IoError, detail};
}
#endif

} // namespace

bool OsKeyStore::built()
{
#ifdef DUALREC_HAVE_KEYCHAIN
    return true;
#else
    return false;
#endif
}

QString OsKeyStore::backendName() const
{
#if defined(Q_OS_WIN)
    return QStringLiteral("Windows Credential Manager");
#elif defined(Q_OS_MACOS)
    return QStringLiteral("macOS Keychain");
#else
    return QStringLiteral("Secret Service");
#endif
}

Result<void> OsKeyStore::probe()
{
    OsKeyStore store;
    auto answer = store.read(QStringLiteral("probe-that-never-exists"));
    if (!answer)
        return std::unexpected(answer.error());
    return {};
}

Result<std::optional<QByteArray>> OsKeyStore::read(const QString &name)
{
#ifdef DUALREC_HAVE_KEYCHAIN
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(name);
    runJob(job);
    if (job.error() == QKeychain::EntryNotFound)
        return std::optional<QByteArray>();
    if (job.error() != QKeychain::NoError)
        return std::unexpected(errorOf(job, QStringLiteral("cannot read key %1 from the %2").arg(name, backendName())));
    return std::optional<QByteArray>(job.binaryData());
#else
    Q_UNUSED(name)
    return fail(ErrorCode::DeviceUnavailable, QStringLiteral("this build has no OS key store (qtkeychain)"));
#endif
}

Result<void> OsKeyStore::write(const QString &name, const QByteArray &secret)
{
#ifdef DUALREC_HAVE_KEYCHAIN
    auto existing = read(name);
    if (!existing)
        return std::unexpected(existing.error());
    if (existing->has_value())
        return fail(ErrorCode::InvalidState,
                    QStringLiteral("key %1 exists already in the %2; keys are never replaced").arg(name, backendName()));
    QKeychain::WritePasswordJob job(kService);
    job.setKey(name);
    job.setBinaryData(secret);
    runJob(job);
    if (job.error() != QKeychain::NoError)
        return std::unexpected(errorOf(job, QStringLiteral("cannot store key %1 in the %2").arg(name, backendName())));
    // Read back: a store that accepted and lost it must not leave a folder without its key.
    auto stored = read(name);
    if (!stored)
        return std::unexpected(stored.error());
    if (!stored->has_value() || **stored != secret)
        return fail(ErrorCode::IoError, QStringLiteral("the %1 did not keep key %2").arg(backendName(), name));
    return {};
#else
    Q_UNUSED(name)
    Q_UNUSED(secret)
    return fail(ErrorCode::DeviceUnavailable, QStringLiteral("this build has no OS key store (qtkeychain)"));
#endif
}

Result<void> OsKeyStore::remove(const QString &name)
{
#ifdef DUALREC_HAVE_KEYCHAIN
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(name);
    runJob(job);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return std::unexpected(errorOf(job, QStringLiteral("cannot delete key %1 from the %2").arg(name, backendName())));
    return {};
#else
    Q_UNUSED(name)
    return fail(ErrorCode::DeviceUnavailable, QStringLiteral("this build has no OS key store (qtkeychain)"));
#endif
}

std::unique_ptr<KeyStore> makeKeyStore(const QString &fallbackFolder, bool forceFile)
{
    if (!forceFile && OsKeyStore::built() && OsKeyStore::probe())
        return std::make_unique<OsKeyStore>();
    return std::make_unique<FileKeyStore>(fallbackFolder);
}

} // namespace dualrec::seal
