#include "core/seal/memoryfile.h"

#include "core/seal/encryptedfile.h"

#include <cerrno>
#include <cstring>
#include <sys/mman.h>
#include <unistd.h>

namespace dualrec::seal {

Result<MemoryFile> MemoryFile::open(const QString &encryptedPath, const DeviceKeys &keys)
{
    auto reader = EncryptedReader::open(encryptedPath, keys);
    if (!reader)
        return std::unexpected(reader.error());
    const int descriptor = ::memfd_create("dualrec-playback", MFD_CLOEXEC);
    if (descriptor < 0)
        return fail(ErrorCode::DeviceUnavailable, QStringLiteral("no anonymous memory file: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    MemoryFile file(descriptor);
    constexpr qint64 kBlock = 1024 * 1024;
    for (qint64 at = 0; at < (*reader)->size(); at += kBlock) {
        auto block = (*reader)->read(at, kBlock);
        if (!block)
            return std::unexpected(block.error());
        for (qint64 written = 0; written < block->size();) {
            const auto n = ::write(descriptor, block->constData() + written, std::size_t(block->size() - written));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return fail(ErrorCode::OutOfMemory, QStringLiteral("cannot hold %1 in memory: %2")
                                                        .arg(encryptedPath, QString::fromLocal8Bit(std::strerror(errno))));
            written += n;
        }
    }
    return file;
}

MemoryFile::MemoryFile(MemoryFile &&other) noexcept : m_descriptor(std::exchange(other.m_descriptor, -1)) {}

MemoryFile &MemoryFile::operator=(MemoryFile &&other) noexcept
{
    if (this != &other) {
        if (m_descriptor >= 0)
            ::close(m_descriptor);
        m_descriptor = std::exchange(other.m_descriptor, -1);
    }
    return *this;
}

MemoryFile::~MemoryFile()
{
    if (m_descriptor >= 0)
        ::close(m_descriptor);
}

QString MemoryFile::path() const
{
    return QStringLiteral("/proc/%1/fd/%2").arg(::getpid()).arg(m_descriptor);
}

} // namespace dualrec::seal
