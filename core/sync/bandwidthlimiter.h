#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QIODevice>
#include <QPointer>

#include <memory>

namespace dualrec::sync {

/// A token bucket: at most `bytesPerSecond` on average, with a burst of a quarter of a second's
/// worth (at least 16 KiB). Shared by every PATCH body of a scheduler, so the limit holds for
/// all uploads together. `bytesPerSecond` 0: no limit.
///
/// Thread contract: one thread (the scheduler's); not thread-safe. Uses the monotonic clock.
class BandwidthLimiter final
{
public:
    explicit BandwidthLimiter(qint64 bytesPerSecond);
    [[nodiscard]] qint64 bytesPerSecond() const { return m_rate; }
    [[nodiscard]] bool isLimited() const { return m_rate > 0; }
    /// Takes up to `wanted` bytes from the bucket now; returns how many (0: empty, wait).
    [[nodiscard]] qint64 take(qint64 wanted);
    /// Milliseconds until at least `bytes` (capped at the burst) are in the bucket.
    [[nodiscard]] qint64 msUntil(qint64 bytes);

private:
    void refill();

    qint64 m_rate;
    qint64 m_capacity;
    double m_tokens;
    QElapsedTimer m_clock;
    qint64 m_lastMs = 0;
};

/// One PATCH body: bytes [offset, offset + size) of the package file, read as the network asks
/// for them (never the whole chunk in memory), through the limiter when there is one. A random-
/// access device, so Qt Network knows its length (Content-Length) and can rewind it when it
/// resends a request on a broken kept-alive connection. When the bucket is empty readData()
/// returns 0 and readyRead() follows when there are bytes to give again.
///
/// Thread contract: the thread of the QNetworkAccessManager that sends it (Qt Network reads it
/// there); the limiter must be of that thread too (shared: the body may outlive its upload
/// until Qt Network lets go of it).
class PackageSlice final : public QIODevice
{
    Q_OBJECT

public:
    PackageSlice(const QString &path, qint64 offset, qint64 size, std::shared_ptr<BandwidthLimiter> limiter, QObject *parent = nullptr);
    /// Opens the file and this device (read only); false with errorString() when the file cannot be read.
    [[nodiscard]] bool openSlice();
    [[nodiscard]] bool isSequential() const override { return false; }
    [[nodiscard]] qint64 size() const override { return m_size; }
    bool seek(qint64 pos) override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QFile m_file;
    qint64 m_offset;
    qint64 m_size;
    std::shared_ptr<BandwidthLimiter> m_limiter; ///< null: no limit
    bool m_wakeUpPending = false;
};

} // namespace dualrec::sync
