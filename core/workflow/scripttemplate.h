#pragma once

#include "core/workflow/diagnostic.h"
#include "core/workflow/placeholders.h"
#include "core/workflow/product.h"
#include "core/workflow/qcrules.h"
#include "core/workflow/step.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace dualrec::workflow {

/// The newest template format this build understands (docs/script-format.md).
inline constexpr int kScriptFormatVersion = 1;

/// One parsed script template file: either a product template (product + steps) or a bundle
/// naming product templates for a multi-product sale.
struct ScriptTemplate final {
    QString filePath;
    QString id;
    QString version;
    QString title;
    QString language;
    std::optional<Product> product; ///< absent in bundles
    QList<StepDefinition> steps;    ///< empty in bundles
    QStringList bundle;             ///< template ids, bundles only
    QcRules qc;                     ///< the "qc" object, or the defaults without one
    bool hasQc = false;             ///< the file has a "qc" object

    [[nodiscard]] bool isBundle() const { return !bundle.isEmpty(); }
};

struct ScriptTemplateParse final {
    std::optional<ScriptTemplate> value; ///< set only when there are no diagnostics
    Diagnostics diagnostics;
};

/// Parses and checks one template file's content: structure (types, required and unknown keys,
/// enum values) and, when that is sound, the regulation (docs/script-format.md §1.3).
/// `filePath` is used in diagnostics and to resolve audio files. Pure; thread-safe.
[[nodiscard]] ScriptTemplateParse parseScriptTemplate(const QByteArray &json, const QString &filePath);

/// Reads and parses a file; a missing or unreadable file is a diagnostic too.
[[nodiscard]] ScriptTemplateParse loadScriptTemplate(const QString &filePath);

/// The `{{name}}` placeholders a template text may use: those a source provides
/// (core/workflow/placeholders.h).
[[nodiscard]] const QStringList &knownPlaceholders();

/// The placeholder names used in `text`, in order of appearance.
[[nodiscard]] QStringList placeholdersIn(const QString &text);

} // namespace dualrec::workflow
