#pragma once

#include <QObject>
#include <QString>

#include <atomic>

namespace dualrec::sync {

/// Whether the connection the uploads would use costs by the byte (a phone's hotspot, a
/// mobile network, a Wi-Fi marked metered): the one question the scheduler asks before it
/// sends a package (SyncScheduler::setMeteredNetwork; the setting `sync/uploadOnMetered`
/// decides what it does with the answer).
///
/// Thread contract: isMetered() may be called from any thread (an atomic); meteredChanged()
/// is emitted on the thread the object lives on, so a scheduler in another thread receives it
/// queued. setMetered() on the object's thread.
class MeteredNetwork : public QObject
{
    Q_OBJECT

public:
    [[nodiscard]] bool isMetered() const { return m_metered.load(); }

Q_SIGNALS:
    void meteredChanged(bool metered);

protected:
    explicit MeteredNetwork(QObject *parent = nullptr) : QObject(parent) {}
    /// Stores the answer; emits meteredChanged() when it changed.
    void setMetered(bool metered);

private:
    std::atomic<bool> m_metered{false};
};

/// The operating system's answer, through QNetworkInformation (Qt 6.4 on Debian 12 ships two
/// backends: `networkmanager`, which knows whether the active connection is metered — the
/// `Metered` property NetworkManager keeps per connection — and `glib`, which does not). When
/// no loaded backend can tell (no NetworkManager on the system bus, another platform without
/// the feature), it says so once in the log and counts the network as not metered: uploads are
/// never held back by a question nobody can answer.
///
/// `DUALREC_NETWORK_METERED=1` (or `0`) in the environment replaces the operating system's
/// answer (logged once): for IT to check the policy, and for the tests of `dualrec sync`, since a
/// metered NetworkManager connection cannot be made on a test machine.
///
/// Thread contract: create it on the thread where QNetworkInformation is loaded (the
/// application's main thread); see MeteredNetwork for the rest.
class SystemMeteredNetwork final : public MeteredNetwork
{
    Q_OBJECT

public:
    explicit SystemMeteredNetwork(QObject *parent = nullptr);
    /// The backend that answers ("networkmanager", "environment"), empty when none can.
    [[nodiscard]] const QString &source() const { return m_source; }

private:
    QString m_source;
};

} // namespace dualrec::sync
