#include "core/seal/encryptedfiledevice.h"

#include <cstring>

namespace dualrec::seal {

EncryptedFileDevice::EncryptedFileDevice(std::unique_ptr<EncryptedReader> reader)
    : m_reader(std::move(reader))
{
}

Result<std::unique_ptr<EncryptedFileDevice>> EncryptedFileDevice::open(const QString &path, const DeviceKeys &keys)
{
    auto reader = EncryptedReader::open(path, keys);
    if (!reader)
        return std::unexpected(reader.error());
    std::unique_ptr<EncryptedFileDevice> device(new EncryptedFileDevice(std::move(*reader)));
    // Unbuffered: no read-ahead state of its own besides the reader's chunk cache.
    if (!device->QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return fail(ErrorCode::InternalError, QStringLiteral("cannot open a decrypting device on %1").arg(path));
    return device;
}

qint64 EncryptedFileDevice::readData(char *data, qint64 maxSize)
{
    if (pos() >= m_reader->size())
        return -1; // end of the file
    auto read = m_reader->read(pos(), maxSize);
    if (!read) {
        setErrorString(read.error().detail);
        return -1;
    }
    std::memcpy(data, read->constData(), std::size_t(read->size()));
    return read->size();
}

qint64 EncryptedFileDevice::writeData(const char *, qint64)
{
    setErrorString(QStringLiteral("an encrypted recording is read-only"));
    return -1;
}

} // namespace dualrec::seal
