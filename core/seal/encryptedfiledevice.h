#pragma once

#include "core/seal/encryptedfile.h"

#include <QIODevice>

#include <memory>

namespace dualrec::seal {

/// An encrypted file as a read-only, random-access QIODevice: what a player reads is decrypted
/// chunk by chunk in memory (QMediaPlayer::setSourceDevice), never written anywhere. Every chunk
/// read is authenticated; one that fails makes the read fail (errorString() names it) instead
/// of handing over altered bytes. A torn last chunk (a crash) is not part of the device.
///
/// Thread contract: a QIODevice; one reader at a time (the player may read from its own thread).
class EncryptedFileDevice final : public QIODevice
{
    Q_OBJECT

public:
    /// Opens `path` with `keys` (errors as EncryptedReader::open()); the device is open for reading.
    [[nodiscard]] static Result<std::unique_ptr<EncryptedFileDevice>> open(const QString &path, const DeviceKeys &keys);

    [[nodiscard]] bool isSequential() const override { return false; }
    [[nodiscard]] qint64 size() const override { return m_reader->size(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    explicit EncryptedFileDevice(std::unique_ptr<EncryptedReader> reader);
    std::unique_ptr<EncryptedReader> m_reader;
};

} // namespace dualrec::seal
