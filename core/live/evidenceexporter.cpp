#include "core/live/evidenceexporter.h"

#include "core/storage/journal.h"

namespace dualrec::live {

EvidenceExporter::EvidenceExporter(storage::Journal &journal, std::shared_ptr<const seal::DeviceKeys> keys, const Clock &clock,
                                   QObject *parent)
    : QObject(parent), m_journal(journal), m_keys(std::move(keys)), m_clock(clock)
{
}

EvidenceExporter::~EvidenceExporter()
{
    if (m_worker.joinable())
        m_worker.join(); // the answers it queued for this object are dropped with it
}

bool EvidenceExporter::start(const workflow::SessionId &id, const QString &outputFolder, const QString &actor, const QString &password)
{
    if (m_running)
        return false;
    if (m_worker.joinable())
        m_worker.join(); // the previous export has ended (it said so)
    m_running = true;
    m_worker = std::jthread([this, id, outputFolder, actor, password] {
        auto signIn = storage::LoginResult::Invalid;
        const auto run = [&]() -> Result<seal::EvidenceExport> {
            const auto refuse = [&](const QString &why) -> Result<seal::EvidenceExport> {
                auto audited = m_journal.audit().append(actor, storage::AuditAction::Export, id.toString(), QStringLiteral("refused: ") + why);
                const QString detail = QStringLiteral("%1 may not export evidence: %2").arg(actor, why);
                if (!audited)
                    return std::unexpected(Error{ErrorCode::AccessDenied, detail + QStringLiteral("; the refusal could not be audited either: ")
                                                                             + audited.error().detail});
                return std::unexpected(Error{ErrorCode::AccessDenied, detail});
            };
            auto checked = m_journal.users().authenticate(actor, password);
            if (!checked)
                return std::unexpected(checked.error());
            signIn = checked->result;
            switch (checked->result) {
            case storage::LoginResult::Accepted:
                break;
            case storage::LoginResult::LockedOut:
                return refuse(QStringLiteral("account locked"));
            case storage::LoginResult::Disabled:
                return refuse(QStringLiteral("account disabled"));
            case storage::LoginResult::Rejected:
            case storage::LoginResult::Invalid:
                return refuse(QStringLiteral("sign-in failed"));
            }
            if (!storage::canSupervise(checked->user->role))
                return refuse(QStringLiteral("role %1").arg(QLatin1String(storage::userRoleName(checked->user->role))));
            if (!m_keys)
                return std::unexpected(Error{ErrorCode::NotFound, QStringLiteral("this data folder has no device key, so it holds no encrypted evidence")});
            return seal::exportSessionEvidence(m_journal, id, *m_keys, outputFolder, actor, m_clock, [&](int percent) {
                QMetaObject::invokeMethod(this, [this, id, percent] { Q_EMIT progress(id, percent); }, Qt::QueuedConnection);
            });
        };
        auto result = run();
        const auto exported = result ? *result : seal::EvidenceExport{};
        const auto error = result ? std::optional<Error>() : std::optional<Error>(result.error());
        QMetaObject::invokeMethod(this, [this, id, exported, error, signIn] {
            m_running = false;
            Q_EMIT finished(id, exported, error, signIn);
        }, Qt::QueuedConnection);
    });
    return true;
}

} // namespace dualrec::live
