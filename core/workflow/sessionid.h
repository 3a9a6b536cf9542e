#pragma once

#include <QHashFunctions>
#include <QMetaType>
#include <QUuid>

namespace dualrec::workflow {

/// Identifies one recording session; a re-recording gets a new one.
class SessionId final
{
public:
    SessionId() = default;
    explicit SessionId(QUuid uuid) : m_uuid(uuid) {}

    [[nodiscard]] static SessionId generate() { return SessionId(QUuid::createUuid()); }
    [[nodiscard]] static SessionId fromString(QStringView text) { return SessionId(QUuid::fromString(text)); }

    [[nodiscard]] bool isNull() const { return m_uuid.isNull(); }
    [[nodiscard]] QString toString() const { return m_uuid.toString(QUuid::WithoutBraces); }
    [[nodiscard]] QUuid uuid() const { return m_uuid; }

    friend bool operator==(const SessionId &, const SessionId &) = default;
    friend size_t qHash(const SessionId &id, size_t seed = 0) { return qHash(id.m_uuid, seed); }

private:
    QUuid m_uuid;
};

} // namespace dualrec::workflow

Q_DECLARE_METATYPE(dualrec::workflow::SessionId)
