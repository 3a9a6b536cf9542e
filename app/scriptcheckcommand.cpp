#include "app/scriptcheckcommand.h"

#include "core/workflow/templatelibrary.h"

#include <QCoreApplication>

namespace dualrec::app {

int runScriptCheck(const QStringList &files, QTextStream &out, QTextStream &err)
{
    const auto library = workflow::TemplateLibrary::loadFiles(files);
    for (const auto &diagnostic : library.diagnostics())
        out << diagnostic.toString() << Qt::endl;
    const auto problems = library.diagnostics().size();
    err << QCoreApplication::translate("ScriptCheck", "%1 file(s) checked: %2 template(s), %3 rule set(s), %4 problem(s)")
               .arg(files.size())
               .arg(library.templates().size())
               .arg(library.ruleSets().size())
               .arg(problems)
        << Qt::endl;
    return problems == 0 ? 0 : 1;
}

} // namespace dualrec::app
