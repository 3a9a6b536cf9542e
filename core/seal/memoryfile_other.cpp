#include "core/seal/memoryfile.h"

#include <utility>

namespace dualrec::seal {

Result<MemoryFile> MemoryFile::open(const QString &, const DeviceKeys &)
{
    return fail(ErrorCode::DeviceUnavailable, QStringLiteral("this platform has no anonymous memory files"));
}

MemoryFile::MemoryFile(MemoryFile &&other) noexcept : m_descriptor(std::exchange(other.m_descriptor, -1)) {}

MemoryFile &MemoryFile::operator=(MemoryFile &&other) noexcept
{
    m_descriptor = std::exchange(other.m_descriptor, -1);
    return *this;
}

MemoryFile::~MemoryFile() = default;

QString MemoryFile::path() const
{
    return QString();
}

} // namespace dualrec::seal
