// libFuzzer target: the scope rule set reader (docs/script-format.md §2) on arbitrary bytes.
#include "core/workflow/scoperules.h"
#include "tests/fuzz/fuzzcheck.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const QString file = QStringLiteral("/nonexistent-dualrec-fuzz/rules/rules.json");
    const QByteArray json(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    dualrec::fuzz::checkParse(dualrec::workflow::parseRuleSet(json, file), file);
    return 0;
}
