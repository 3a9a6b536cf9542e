#pragma once

#include "core/workflow/diagnostic.h"
#include "core/workflow/saleform.h"
#include "core/workflow/templatelibrary.h"

#include <QByteArray>

#include <optional>

namespace dualrec::workflow {

/// An application (投保单) exported by the insurer's application system, read into the
/// new-session form (docs/application-import.md).
struct ApplicationImport final {
    std::optional<SaleForm> form; ///< set only when there are no diagnostics; saleDate not set
    Diagnostics diagnostics;      ///< file, JSON path, what was expected and found
};

/// Reads a "dualrec-application" JSON document. Products are named by template id or by the
/// product code of a template in `library`; unknown keys, wrong types, unknown products and
/// invalid premiums are reported with their JSON path. Pure; thread-safe.
[[nodiscard]] ApplicationImport parseApplicationImport(const QByteArray &json, const QString &filePath,
                                                       const TemplateLibrary &library);

} // namespace dualrec::workflow
