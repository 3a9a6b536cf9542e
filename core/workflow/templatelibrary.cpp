#include "core/workflow/templatelibrary.h"

#include "core/workflow/jsonreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace dualrec::workflow {

namespace {

QStringList jsonFilesIn(const QString &directory)
{
    QStringList files;
    const QDir dir(directory);
    const auto names = dir.entryList({QStringLiteral("*.json")}, QDir::Files | QDir::Readable, QDir::Name);
    for (const auto &name : names)
        files.append(dir.filePath(name));
    return files;
}

} // namespace

TemplateLibrary TemplateLibrary::loadDirectories(const QStringList &directories)
{
    TemplateLibrary library;
    for (const auto &directory : directories) {
        if (!QFileInfo(directory).isDir()) {
            library.m_diagnostics.append({directory, QStringLiteral("$"), QStringLiteral("not a folder")});
            continue;
        }
        for (const auto &file : jsonFilesIn(directory))
            library.addFile(file);
    }
    library.resolveBundles(directories);
    return library;
}

TemplateLibrary TemplateLibrary::loadFiles(const QStringList &files)
{
    TemplateLibrary library;
    QStringList folders;
    for (const auto &file : files) {
        library.addFile(file);
        const auto folder = QFileInfo(file).absolutePath();
        if (!folders.contains(folder))
            folders.append(folder);
    }
    library.resolveBundles(folders);
    return library;
}

void TemplateLibrary::addFile(const QString &path)
{
    ++m_filesRead;
    QString error;
    const auto read = readJsonFile(path, &error);
    if (!read) {
        m_diagnostics.append({path, QStringLiteral("$"), error});
        return;
    }
    const auto &content = *read;
    // The "format" key tells the two kinds of file apart; anything else is a precise error.
    const auto format = QJsonDocument::fromJson(content).object().value(QStringLiteral("format")).toString();
    if (format == QLatin1String("dualrec-rules")) {
        auto parsed = parseRuleSet(content, path);
        m_diagnostics += parsed.diagnostics;
        if (parsed.value) {
            for (const auto &other : std::as_const(m_ruleSets)) {
                if (other.id == parsed.value->id) {
                    m_diagnostics.append({path, QStringLiteral("$.id"),
                                          QStringLiteral("rule set id \"%1\" is also used by %2").arg(other.id, other.filePath)});
                    return;
                }
            }
            m_ruleSets.append(std::move(*parsed.value));
        }
        return;
    }
    if (format != QLatin1String("dualrec-script")) {
        JsonReport report(path);
        if (const auto root = report.parseDocument(content)) {
            report.add(QStringLiteral("$.format"), root->contains(QStringLiteral("format"))
                                                       ? QStringLiteral("expected \"dualrec-script\" or \"dualrec-rules\"; found ")
                                                             + JsonObjectReader::typeName(root->value(QStringLiteral("format")))
                                                             + (root->value(QStringLiteral("format")).isString()
                                                                    ? QStringLiteral(" \"") + format + u'"' : QString())
                                                       : QStringLiteral("missing required key (\"dualrec-script\" or \"dualrec-rules\")"));
        }
        m_diagnostics += report.diagnostics();
        return;
    }
    auto parsed = parseScriptTemplate(content, path);
    m_diagnostics += parsed.diagnostics;
    if (!parsed.value)
        return;
    if (const auto *other = findTemplate(parsed.value->id)) {
        m_diagnostics.append({path, QStringLiteral("$.id"),
                              QStringLiteral("template id \"%1\" is also used by %2").arg(other->id, other->filePath)});
        return;
    }
    m_templates.append(std::move(*parsed.value));
}

void TemplateLibrary::resolveBundles(const QStringList &searchFolders)
{
    // Bundles may name templates that were not given explicitly: look in their folders.
    QSet<QString> looked;
    for (const auto &folder : searchFolders) {
        for (const auto &file : jsonFilesIn(folder)) {
            const auto absolute = QFileInfo(file).absoluteFilePath();
            bool known = false;
            for (const auto &script : std::as_const(m_templates))
                known = known || QFileInfo(script.filePath).absoluteFilePath() == absolute;
            if (known || looked.contains(absolute))
                continue;
            looked.insert(absolute);
            bool needed = false;
            QString ignored; // its own problems are reported when it is checked itself
            const auto content = readJsonFile(file, &ignored).value_or(QByteArray());
            const auto id = QJsonDocument::fromJson(content).object().value(QStringLiteral("id")).toString();
            for (const auto &script : std::as_const(m_templates))
                needed = needed || (script.isBundle() && script.bundle.contains(id) && !findTemplate(id));
            if (!needed)
                continue;
            auto parsed = parseScriptTemplate(content, file);
            if (parsed.value)
                m_templates.append(std::move(*parsed.value)); // its own problems are reported when it is checked itself
        }
    }

    QList<ScriptTemplate> kept;
    for (const auto &script : std::as_const(m_templates)) {
        if (!script.isBundle()) {
            kept.append(script);
            continue;
        }
        bool ok = true;
        for (qsizetype i = 0; i < script.bundle.size(); ++i) {
            const auto *part = findTemplate(script.bundle.at(i));
            const auto path = QStringLiteral("$.bundle[%1]").arg(i);
            if (!part) {
                m_diagnostics.append({script.filePath, path,
                                      QStringLiteral("no valid template with id \"%1\" in the same folder").arg(script.bundle.at(i))});
                ok = false;
            } else if (part->isBundle()) {
                m_diagnostics.append({script.filePath, path,
                                      QStringLiteral("\"%1\" is a bundle; a bundle names product templates").arg(part->id)});
                ok = false;
            }
        }
        if (ok) {
            if (const auto planned = plan(script.bundle); !planned) {
                m_diagnostics.append({script.filePath, QStringLiteral("$.bundle"), planned.error().detail});
                ok = false;
            }
        }
        if (ok)
            kept.append(script);
    }
    m_templates = kept;
}

const ScriptTemplate *TemplateLibrary::findTemplate(const QString &id) const
{
    for (const auto &script : m_templates) {
        if (script.id == id)
            return &script;
    }
    return nullptr;
}

Result<ScriptPlan> TemplateLibrary::plan(const QString &templateId) const
{
    const auto *script = findTemplate(templateId);
    if (!script)
        return fail(ErrorCode::NotFound, QStringLiteral("no template with id \"%1\"").arg(templateId));
    if (!script->isBundle())
        return ScriptPlan::compose({*script});
    QList<ScriptTemplate> parts;
    for (const auto &id : script->bundle) {
        const auto *part = findTemplate(id);
        if (!part)
            return fail(ErrorCode::NotFound, QStringLiteral("bundle \"%1\" names unknown template \"%2\"").arg(templateId, id));
        parts.append(*part);
    }
    auto composed = ScriptPlan::compose(parts, script->id, script->version);
    if (composed && script->hasQc)
        composed->tightenQcRules(script->qc);
    return composed;
}

Result<ScriptPlan> TemplateLibrary::plan(const QStringList &productTemplateIds) const
{
    QList<ScriptTemplate> parts;
    for (const auto &id : productTemplateIds) {
        const auto *part = findTemplate(id);
        if (!part)
            return fail(ErrorCode::NotFound, QStringLiteral("no template with id \"%1\"").arg(id));
        parts.append(*part);
    }
    return ScriptPlan::compose(parts, productTemplateIds.join(u'+'));
}

} // namespace dualrec::workflow
