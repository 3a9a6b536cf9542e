// libFuzzer target: the script template reader (docs/script-format.md §1) on arbitrary bytes.
#include "core/workflow/scripttemplate.h"
#include "tests/fuzz/fuzzcheck.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // A folder that does not exist: audio references resolve inside it and are never found,
    // so the reader's file checks run without touching real files.
    static const QString file = QStringLiteral("/nonexistent-dualrec-fuzz/scripts/template.json");
    const QByteArray json(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    dualrec::fuzz::checkParse(dualrec::workflow::parseScriptTemplate(json, file), file);
    return 0;
}
