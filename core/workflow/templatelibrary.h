#pragma once

#include "core/util/result.h"
#include "core/workflow/scoperules.h"
#include "core/workflow/scriptplan.h"

namespace dualrec::workflow {

/// The script templates and scope rule sets available to the app, loaded from files and
/// checked. Files with problems are left out and their diagnostics kept, so one bad file never
/// hides the good ones. Immutable after loading; thread-safe for reading.
class TemplateLibrary final
{
public:
    /// Loads every *.json file in the folders (script templates and rule sets are told apart
    /// by their "format"), then resolves bundles.
    [[nodiscard]] static TemplateLibrary loadDirectories(const QStringList &directories);
    /// Loads exactly these files (for `dualrec script check`); bundles are resolved against
    /// these files and the other files in each bundle's folder.
    [[nodiscard]] static TemplateLibrary loadFiles(const QStringList &files);

    [[nodiscard]] const Diagnostics &diagnostics() const { return m_diagnostics; }
    [[nodiscard]] const QList<ScriptTemplate> &templates() const { return m_templates; }
    [[nodiscard]] const QList<RuleSet> &ruleSets() const { return m_ruleSets; }
    [[nodiscard]] const ScriptTemplate *findTemplate(const QString &id) const;
    /// How many files were read (valid or not).
    [[nodiscard]] int filesRead() const { return m_filesRead; }

    /// The plan for one template id (a product template or a bundle).
    [[nodiscard]] Result<ScriptPlan> plan(const QString &templateId) const;
    /// The plan for several product templates sold on one application.
    [[nodiscard]] Result<ScriptPlan> plan(const QStringList &productTemplateIds) const;

private:
    void addFile(const QString &path);
    void resolveBundles(const QStringList &searchFolders);

    QList<ScriptTemplate> m_templates;
    QList<RuleSet> m_ruleSets;
    Diagnostics m_diagnostics;
    int m_filesRead = 0;
};

} // namespace dualrec::workflow
