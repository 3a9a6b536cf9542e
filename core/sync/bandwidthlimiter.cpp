#include "core/sync/bandwidthlimiter.h"

#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace dualrec::sync {

BandwidthLimiter::BandwidthLimiter(qint64 bytesPerSecond)
    : m_rate(std::max<qint64>(bytesPerSecond, 0)), m_capacity(std::max<qint64>(m_rate / 4, 16 * 1024)), m_tokens(double(m_capacity))
{
    m_clock.start();
}

void BandwidthLimiter::refill()
{
    const qint64 now = m_clock.elapsed();
    m_tokens = std::min(double(m_capacity), m_tokens + double(now - m_lastMs) * double(m_rate) / 1000.0);
    m_lastMs = now;
}

qint64 BandwidthLimiter::take(qint64 wanted)
{
    if (m_rate <= 0)
        return wanted;
    refill();
    const qint64 given = std::min<qint64>(wanted, qint64(m_tokens));
    m_tokens -= double(given);
    return given;
}

qint64 BandwidthLimiter::msUntil(qint64 bytes)
{
    if (m_rate <= 0)
        return 0;
    refill();
    const double missing = double(std::min(bytes, m_capacity)) - m_tokens;
    return missing <= 0 ? 0 : qint64(std::ceil(missing * 1000.0 / double(m_rate)));
}

PackageSlice::PackageSlice(const QString &path, qint64 offset, qint64 size, std::shared_ptr<BandwidthLimiter> limiter, QObject *parent)
    : QIODevice(parent), m_file(path), m_offset(offset), m_size(size), m_limiter(limiter && limiter->isLimited() ? std::move(limiter) : nullptr)
{
}

bool PackageSlice::openSlice()
{
    if (!m_file.open(QIODevice::ReadOnly) || !m_file.seek(m_offset)) {
        setErrorString(m_file.errorString());
        return false;
    }
    return open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

bool PackageSlice::seek(qint64 pos)
{
    if (pos < 0 || pos > m_size || !m_file.seek(m_offset + pos))
        return false;
    return QIODevice::seek(pos);
}

qint64 PackageSlice::readData(char *data, qint64 maxSize)
{
    qint64 wanted = std::min(maxSize, m_size - pos());
    if (wanted <= 0)
        return wanted == 0 ? 0 : -1;
    if (m_limiter) {
        wanted = m_limiter->take(wanted);
        if (wanted == 0) {
            // Empty bucket: nothing now; readyRead() when a useful amount is back in it.
            if (!m_wakeUpPending) {
                m_wakeUpPending = true;
                const auto delay = std::max<qint64>(m_limiter->msUntil(16 * 1024), 1);
                QTimer::singleShot(std::chrono::milliseconds(delay), this, [this] {
                    m_wakeUpPending = false;
                    Q_EMIT readyRead();
                });
            }
            return 0;
        }
    }
    const qint64 got = m_file.read(data, wanted);
    if (got < 0)
        setErrorString(m_file.errorString());
    return got;
}

} // namespace dualrec::sync
