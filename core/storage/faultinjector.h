#pragma once

#include "core/util/error.h"

#include <QStringView>

#include <optional>

namespace dualrec::storage {

/// A seam for fault-injection tests (style P12, anti-pattern 7): the database asks it before
/// every statement it executes and fails the statement when it answers with an error.
/// Production code passes none.
class FaultInjector
{
public:
    virtual ~FaultInjector() = default;
    [[nodiscard]] virtual std::optional<Error> beforeStatement(QStringView sql) = 0;
};

} // namespace dualrec::storage
