#pragma once

#include "core/seal/devicekeys.h"

#include <QString>

namespace dualrec::seal {

/// The plaintext of an encrypted file in an anonymous in-memory file (Linux: memfd_create),
/// never in a folder: a player that only plays local paths reliably (Qt 6.4's GStreamer
/// backend seeks a QIODevice source unreliably) opens it by its /proc path. The memory is the
/// process's own (like the decrypting device's buffers); it is gone when the object is.
/// Where the platform has no anonymous files, open() fails with DeviceUnavailable and the
/// caller uses EncryptedFileDevice instead.
///
/// Thread contract: one thread; the object owns the descriptor.
class MemoryFile final
{
public:
    [[nodiscard]] static Result<MemoryFile> open(const QString &encryptedPath, const DeviceKeys &keys);
    MemoryFile(MemoryFile &&other) noexcept;
    MemoryFile &operator=(MemoryFile &&other) noexcept;
    MemoryFile(const MemoryFile &) = delete;
    MemoryFile &operator=(const MemoryFile &) = delete;
    ~MemoryFile();

    /// A path the process can open (while the object lives).
    [[nodiscard]] QString path() const;

private:
    explicit MemoryFile(int descriptor) : m_descriptor(descriptor) {}
    int m_descriptor = -1;
};

} // namespace dualrec::seal
