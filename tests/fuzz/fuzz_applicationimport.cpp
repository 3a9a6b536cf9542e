// libFuzzer target: the application import reader (docs/application-import.md) on arbitrary
// bytes, against the templates that ship with the app (resources/scripts).
#include "core/workflow/applicationimport.h"
#include "tests/fuzz/fuzzcheck.h"

#include <QDir>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace dualrec::workflow;
    static const TemplateLibrary library = [] {
        auto loaded = TemplateLibrary::loadDirectories({QStringLiteral(DUALREC_FUZZ_SCRIPTS_DIR)});
        if (loaded.templates().isEmpty())
            dualrec::fuzz::fail("no template found in " DUALREC_FUZZ_SCRIPTS_DIR);
        return loaded;
    }();
    static const QString file = QStringLiteral("/nonexistent-dualrec-fuzz/application.json");
    const QByteArray json(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto parsed = parseApplicationImport(json, file, library);
    if (parsed.form.has_value() == !parsed.diagnostics.isEmpty())
        dualrec::fuzz::fail("a form must be returned exactly when there are no diagnostics");
    for (const auto &d : parsed.diagnostics) {
        if (d.message.isEmpty() || d.file != file)
            dualrec::fuzz::fail("a diagnostic without a message or without its file");
    }
    return 0;
}
