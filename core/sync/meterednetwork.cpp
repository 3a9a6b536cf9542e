#include "core/sync/meterednetwork.h"

#include <QNetworkInformation>

namespace dualrec::sync {

void MeteredNetwork::setMetered(bool metered)
{
    if (m_metered.exchange(metered) != metered)
        Q_EMIT meteredChanged(metered);
}

SystemMeteredNetwork::SystemMeteredNetwork(QObject *parent) : MeteredNetwork(parent)
{
    if (qEnvironmentVariableIsSet("DUALREC_NETWORK_METERED")) {
        const bool metered = qEnvironmentVariable("DUALREC_NETWORK_METERED").trimmed() == QLatin1String("1");
        m_source = QStringLiteral("environment");
        qInfo("dualrec: DUALREC_NETWORK_METERED is set: the network counts as %s, whatever the operating system says",
              metered ? "metered" : "not metered");
        setMetered(metered);
        return;
    }
    // A backend loaded already (for reachability: the one with the most features, so
    // networkmanager where it runs) is kept; otherwise one that can tell is loaded.
    if (!QNetworkInformation::instance())
        QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Metered);
    auto *information = QNetworkInformation::instance();
    if (!information || !information->supports(QNetworkInformation::Feature::Metered)) {
        static std::atomic<bool> told{false};
        if (!told.exchange(true)) {
            qInfo("dualrec: the operating system cannot tell whether the network is metered (backends available: %s; loaded: %s): "
                  "uploads count it as not metered",
                  qUtf8Printable(QNetworkInformation::availableBackends().join(QStringLiteral(", "))),
                  qUtf8Printable(information ? information->backendName() : QStringLiteral("none")));
        }
        return;
    }
    m_source = information->backendName();
    connect(information, &QNetworkInformation::isMeteredChanged, this, [this](bool metered) { setMetered(metered); });
    setMetered(information->isMetered());
}

} // namespace dualrec::sync
