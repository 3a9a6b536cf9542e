#pragma once

#include "core/storage/database.h"

namespace dualrec::storage {

/// The journal's schema: numbered forward-only migrations (core/storage/migrations/README.md).
class Schema final
{
public:
    Schema() = delete;

    /// The version this build writes.
    static constexpr int kLatestVersion = 13;

    struct Migration final {
        int version;
        QString description;
    };
    [[nodiscard]] static QList<Migration> migrations();

    [[nodiscard]] static Result<int> version(Database &database);

    /// Migrates to `targetVersion` (tests stop early to build fixtures of old versions) in one
    /// transaction. Refuses a database newer than this build with ErrorCode::InvalidState and
    /// leaves it untouched. Returns the version found before migrating.
    [[nodiscard]] static Result<int> migrate(Database &database, int targetVersion = kLatestVersion);
};

} // namespace dualrec::storage
