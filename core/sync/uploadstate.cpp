#include "core/sync/uploadstate.h"

#include <QString>

namespace dualrec::sync {

const char *uploadStateName(UploadState state)
{
    for (const auto &entry : storage::kUploadStateNames) {
        if (entry.value == state)
            return entry.name;
    }
    return "invalid";
}

std::optional<UploadState> uploadStateFromName(QStringView name)
{
    for (const auto &entry : storage::kUploadStateNames) {
        if (name == QLatin1String(entry.name))
            return entry.value;
    }
    return std::nullopt;
}

} // namespace dualrec::sync
