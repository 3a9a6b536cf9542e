#pragma once

#include "core/storage/storedenums.h"

#include <QStringView>
#include <QtGlobal>

#include <optional>

namespace dualrec::sync {

/// Where one sealed package is on its way to the insurer: the journal's type (uploads.state),
/// see core/storage/storedenums.h. SyncScheduler announces the transitions the lifecycle follows
/// (uploadStarted, acknowledged, purged).
using UploadState = storage::UploadState;

[[nodiscard]] const char *uploadStateName(UploadState state);
[[nodiscard]] std::optional<UploadState> uploadStateFromName(QStringView name);

} // namespace dualrec::sync
