#include "core/util/error.h"

namespace dualrec {

const char *errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Invalid: return "invalid";
    case ErrorCode::InvalidArgument: return "invalid-argument";
    case ErrorCode::InvalidState: return "invalid-state";
    case ErrorCode::RequirementsUnmet: return "requirements-unmet";
    case ErrorCode::NotFound: return "not-found";
    case ErrorCode::FormatError: return "format-error";
    case ErrorCode::IoError: return "io-error";
    case ErrorCode::DiskFull: return "disk-full";
    case ErrorCode::DeviceUnavailable: return "device-unavailable";
    case ErrorCode::InternalError: return "internal-error";
    case ErrorCode::DataCorrupt: return "data-corrupt";
    case ErrorCode::OutOfMemory: return "out-of-memory";
    case ErrorCode::Cancelled: return "cancelled";
    case ErrorCode::NetworkError: return "network-error";
    case ErrorCode::AccessDenied: return "access-denied";
    case ErrorCode::ServerNotTrusted: return "server-not-trusted";
    }
    return "unknown";
}

QString Error::toString() const
{
    return QLatin1String(errorCodeName(code)) + QStringLiteral(": ") + detail;
}

} // namespace dualrec
