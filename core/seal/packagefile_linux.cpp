#include "core/seal/packagefile.h"

#include <QFile>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace dualrec::seal {

namespace {

constexpr qint64 kStage = 1024 * 1024;  ///< a multiple of every sector size
constexpr std::size_t kAlignment = 4096; ///< of the staging buffer in memory

struct FreeDeleter {
    void operator()(char *p) const { std::free(p); }
};

class LinuxPackageFile final : public PackageFile
{
public:
    LinuxPackageFile(QString path, int descriptor, bool direct, char *stage)
        : m_path(std::move(path)), m_descriptor(descriptor), m_direct(direct), m_stage(stage)
    {
    }
    ~LinuxPackageFile() override
    {
        if (m_descriptor >= 0)
            ::close(m_descriptor);
    }

    Result<void> write(QByteArrayView data) override
    {
        while (!data.isEmpty()) {
            const qint64 take = std::min<qint64>(kStage - m_staged, data.size());
            std::memcpy(m_stage.get() + m_staged, data.data(), size_t(take));
            m_staged += take;
            m_size += take;
            data = data.sliced(take);
            if (m_staged == kStage) {
                if (auto written = writeStage(); !written)
                    return written;
            }
        }
        return {};
    }

    Result<void> finish() override
    {
        if (m_staged > 0) {
            if (auto written = writeStage(); !written)
                return written;
        }
        if (::fsync(m_descriptor) != 0)
            return fail(ErrorCode::IoError, QStringLiteral("cannot sync %1 to the disk: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno))));
        const int closed = ::close(m_descriptor);
        m_descriptor = -1;
        if (closed != 0)
            return fail(ErrorCode::IoError, QStringLiteral("cannot close %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno))));
        return {};
    }

    [[nodiscard]] qint64 size() const override { return m_size; }

private:
    /// Writes the staged bytes; direct I/O that the file system refuses (EINVAL: tmpfs, a
    /// length that is not a whole number of its sectors) falls back to the page cache.
    Result<void> writeStage()
    {
        qint64 at = 0;
        while (at < m_staged) {
            const ssize_t done = ::write(m_descriptor, m_stage.get() + at, size_t(m_staged - at));
            if (done > 0) {
                at += done;
                continue;
            }
            if (done < 0 && errno == EINTR)
                continue;
            if (done < 0 && errno == EINVAL && m_direct) {
                m_direct = false;
                const int flags = ::fcntl(m_descriptor, F_GETFL);
                if (flags != -1 && ::fcntl(m_descriptor, F_SETFL, flags & ~O_DIRECT) == 0)
                    continue;
            }
            return fail(done < 0 && (errno == ENOSPC || errno == EDQUOT) ? ErrorCode::DiskFull : ErrorCode::IoError,
                        QStringLiteral("cannot write %1: %2")
                            .arg(m_path, done < 0 ? QString::fromLocal8Bit(std::strerror(errno)) : QStringLiteral("nothing was written")));
        }
        m_staged = 0;
        return {};
    }

    QString m_path;
    int m_descriptor = -1;
    bool m_direct = false;
    std::unique_ptr<char, FreeDeleter> m_stage;
    qint64 m_staged = 0;
    qint64 m_size = 0;
};

} // namespace

Result<std::unique_ptr<PackageFile>> PackageFile::create(const QString &path)
{
    char *stage = static_cast<char *>(std::aligned_alloc(kAlignment, kStage));
    if (!stage)
        return fail(ErrorCode::OutOfMemory, QStringLiteral("no buffer to write %1").arg(path));
    const QByteArray native = QFile::encodeName(path);
    constexpr int kFlags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC;
    bool direct = true;
    int descriptor = ::open(native.constData(), kFlags | O_DIRECT, 0666);
    if (descriptor < 0 && errno == EINVAL) { // a file system without direct I/O
        direct = false;
        descriptor = ::open(native.constData(), kFlags, 0666);
    }
    if (descriptor < 0) {
        const int error = errno;
        std::free(stage);
        return fail(error == ENOSPC ? ErrorCode::DiskFull : ErrorCode::IoError,
                    QStringLiteral("cannot create %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(error))));
    }
    return std::make_unique<LinuxPackageFile>(path, descriptor, direct, stage);
}

} // namespace dualrec::seal
