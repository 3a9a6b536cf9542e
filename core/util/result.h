#pragma once

#include "core/util/error.h"

#include <expected>

namespace dualrec {

/// Expected failures are values (style P8): functions that can fail return Result<T>.
template<typename T>
using Result = std::expected<T, Error>;

[[nodiscard]] inline std::unexpected<Error> fail(ErrorCode code, QString detail)
{
    return std::unexpected<Error>(Error{code, std::move(detail)});
}

} // namespace dualrec
