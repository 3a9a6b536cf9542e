#include "core/util/owneronly.h"

namespace dualrec {

// Windows: files inherit the ACL of the folder they are created in; the data folder under the
// user's profile (%LOCALAPPDATA%) grants the user, SYSTEM and administrators only. Nothing to
// change here (docs/security.md).
void restrictNewFilesToOwner() {}

Result<OwnerOnlyChange> makeOwnerOnly(const QString &, const QStringList &)
{
    return OwnerOnlyChange{};
}

} // namespace dualrec
