#include "app/commandline.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <cstring>

namespace dualrec::app {

namespace {

const char *const kSubcommands[] = {"script"};

} // namespace

bool needsWindow(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        if (std::strcmp(arg, "--help") == 0 || std::strcmp(arg, "-h") == 0 || std::strcmp(arg, "--version") == 0
            || std::strcmp(arg, "-v") == 0 || std::strcmp(arg, "--help-all") == 0)
            return false;
        for (const char *command : kSubcommands) {
            if (std::strcmp(arg, command) == 0)
                return false;
        }
    }
    return true;
}

QString requestedLanguage(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
        if (std::strncmp(argv[i], "--lang=", 7) == 0)
            return QString::fromLocal8Bit(argv[i] + 7);
    }
    return {};
}

CommandLine parseCommandLine(const QStringList &arguments)
{
    CommandLine result;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("CommandLine", "DualRec records insurance sales (双录): camera and microphone, the regulated steps, "
                  "sealed and queued for the insurer.\n\n"
                  "Commands (without a command the window opens):\n"
                  "  script check FILE...   check script templates and scope rule files"));
    const auto helpOption = parser.addHelpOption();
    const auto versionOption = parser.addVersionOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QCoreApplication::translate("CommandLine", "Keep recordings and the journal in DIR."), QStringLiteral("DIR"));
    const QCommandLineOption source(QStringLiteral("source"),
                                    QCoreApplication::translate("CommandLine", "Video source: camera, demo (built-in test pattern) or a video FILE."),
                                    QStringLiteral("camera|demo|FILE"), QStringLiteral("camera"));
    const QCommandLineOption language(QStringLiteral("lang"), QCoreApplication::translate("CommandLine", "User interface language: zh_CN or en."),
                                      QStringLiteral("LANG"));
    const QCommandLineOption templates(QStringLiteral("templates"),
                                       QCoreApplication::translate("CommandLine", "Also load script templates and rule sets from DIR (repeatable)."),
                                       QStringLiteral("DIR"));
    parser.addOptions({dataDir, source, language, templates});
    parser.addPositionalArgument(QStringLiteral("command"), QCoreApplication::translate("CommandLine", "Optional command, see above."),
                                 QStringLiteral("[command]"));
    result.helpText = parser.helpText();

    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        return result;
    }
    if (parser.isSet(helpOption)) {
        result.mode = CommandLine::Mode::Help;
        return result;
    }
    if (parser.isSet(versionOption)) {
        result.mode = CommandLine::Mode::Version;
        return result;
    }

    result.dataDirectory = parser.value(dataDir);
    result.templateDirectories = parser.values(templates);
    result.language = parser.value(language);
    if (!result.language.isEmpty() && result.language != QLatin1String("zh_CN") && result.language != QLatin1String("en")) {
        result.error = QCoreApplication::translate("CommandLine", "--lang: expected zh_CN or en, got \"%1\"").arg(result.language);
        return result;
    }

    const auto sourceValue = parser.value(source);
    if (sourceValue == QLatin1String("camera")) {
        result.source = SourceKind::Camera;
    } else if (sourceValue == QLatin1String("demo")) {
        result.source = SourceKind::Demo;
    } else {
        const QFileInfo file(sourceValue);
        if (!file.isFile() || !file.isReadable()) {
            result.error = QCoreApplication::translate("CommandLine", "--source: expected camera, demo or a readable video file; \"%1\" is none of these")
                               .arg(sourceValue);
            return result;
        }
        result.source = SourceKind::File;
        result.sourceFile = file.absoluteFilePath();
    }

    const auto positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        result.mode = CommandLine::Mode::Window;
    } else if (positional.first() == QLatin1String("script")) {
        if (positional.size() < 2 || positional.at(1) != QLatin1String("check")) {
            result.error = QCoreApplication::translate("CommandLine", "script: expected \"script check FILE...\"");
        } else if (positional.size() < 3) {
            result.error = QCoreApplication::translate("CommandLine", "script check: name at least one FILE to check");
        } else {
            result.mode = CommandLine::Mode::ScriptCheck;
            result.files = positional.mid(2);
        }
    } else {
        result.error = QCoreApplication::translate("CommandLine", "unknown command \"%1\"; see --help").arg(positional.first());
    }
    return result;
}

} // namespace dualrec::app
