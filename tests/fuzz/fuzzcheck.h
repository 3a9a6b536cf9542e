#pragma once

// Shared by the libFuzzer targets (tests/fuzz/README.md): what every reader must guarantee
// for any input, checked after each run. A broken guarantee aborts, which libFuzzer reports
// as a crash with the input that caused it.

#include "core/workflow/diagnostic.h"
#include "core/workflow/jsonreader.h"

#include <cstdio>
#include <cstdlib>

namespace dualrec::fuzz {

[[noreturn]] inline void fail(const char *what)
{
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

/// A reader's result: a value exactly when there are no diagnostics; every diagnostic names
/// the file and says what is wrong; repeated diagnostics are capped (issue 15, finding 7).
template<typename Parse>
void checkParse(const Parse &parse, const QString &filePath)
{
    if (parse.value.has_value() == !parse.diagnostics.isEmpty())
        fail("a value must be returned exactly when there are no diagnostics");
    for (const auto &d : parse.diagnostics) {
        if (d.message.isEmpty())
            fail("a diagnostic without a message");
        if (d.file != filePath)
            fail("a diagnostic that does not name the file it is about");
    }
    if (parse.diagnostics.size() > workflow::kMaximumDiagnosticsPerFile + 1)
        fail("more diagnostics than the per-file cap (plus the line saying how many were left out)");
}

} // namespace dualrec::fuzz
