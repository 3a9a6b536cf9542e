#include "core/seal/packagefile.h"

#include <QFile>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace dualrec::seal {

namespace {

/// Through the page cache (QFile's buffer), synced at the end.
class BufferedPackageFile final : public PackageFile
{
public:
    explicit BufferedPackageFile(const QString &path) : m_file(path) {}
    bool open() { return m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly); }
    QString errorString() const { return m_file.errorString(); }

    Result<void> write(QByteArrayView data) override
    {
        if (m_file.write(data.data(), data.size()) != data.size())
            return fail(m_file.error() == QFileDevice::ResourceError ? ErrorCode::DiskFull : ErrorCode::IoError,
                        QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString()));
        m_size += data.size();
        return {};
    }

    Result<void> finish() override
    {
        if (!m_file.flush())
            return fail(ErrorCode::IoError, QStringLiteral("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString()));
#ifdef Q_OS_WIN
        const bool synced = _commit(m_file.handle()) == 0;
#else
        const bool synced = ::fsync(m_file.handle()) == 0;
#endif
        if (!synced)
            return fail(ErrorCode::IoError, QStringLiteral("cannot sync %1 to the disk").arg(m_file.fileName()));
        m_file.close();
        return {};
    }

    [[nodiscard]] qint64 size() const override { return m_size; }

private:
    QFile m_file;
    qint64 m_size = 0;
};

} // namespace

Result<std::unique_ptr<PackageFile>> PackageFile::create(const QString &path)
{
    auto file = std::make_unique<BufferedPackageFile>(path);
    if (!file->open())
        return fail(ErrorCode::IoError, QStringLiteral("cannot create %1: %2").arg(path, file->errorString()));
    return file;
}

} // namespace dualrec::seal
