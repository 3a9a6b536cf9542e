#include "core/sync/uploadstate.h"

#include <QString>

namespace dualrec::sync {

const char *uploadStateName(UploadState state)
{
    switch (state) {
    case UploadState::Queued: return "queued";
    case UploadState::Uploading: return "uploading";
    case UploadState::Blocked: return "blocked";
    case UploadState::Acknowledged: return "acknowledged";
    case UploadState::Purged: return "purged";
    case UploadState::Invalid: break;
    }
    return "invalid";
}

std::optional<UploadState> uploadStateFromName(QStringView name)
{
    for (auto state : {UploadState::Queued, UploadState::Uploading, UploadState::Blocked, UploadState::Acknowledged,
                       UploadState::Purged}) {
        if (name == QLatin1String(uploadStateName(state)))
            return state;
    }
    return std::nullopt;
}

} // namespace dualrec::sync
