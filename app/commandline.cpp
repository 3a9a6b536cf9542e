#include "app/commandline.h"

#include "app/exportcommand.h"
#include "app/qcreportcommand.h"
#include "app/sealcommand.h"
#include "app/synccommand.h"
#include "core/util/text.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

#include <cmath>
#include <cstring>

namespace dualrec::app {

namespace {

const char *const kSubcommands[] = {"script", "qc", "record", "user", "self-test", "seal", "verify", "open", "device", "sync", "export", "pending"};

/// Why `path` is not a font file the watermark may use (empty: it is one): a regular file below
/// 50 MiB that starts like a TrueType/OpenType font or collection.
QString fontFileProblem(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return QCoreApplication::translate("CommandLine", "does not exist");
    if (!info.isFile() || !info.isReadable())
        return QCoreApplication::translate("CommandLine", "is not a readable regular file");
    if (info.size() > 50 * 1024 * 1024)
        return QCoreApplication::translate("CommandLine", "is larger than 50 MiB");
    QFile file(info.canonicalFilePath());
    if (!file.open(QIODevice::ReadOnly))
        return QCoreApplication::translate("CommandLine", "cannot be read");
    const QByteArray magic = file.read(4);
    if (magic != QByteArray("\x00\x01\x00\x00", 4) && magic != "OTTO" && magic != "ttcf" && magic != "true")
        return QCoreApplication::translate("CommandLine", "is not a TrueType or OpenType font");
    return {};
}

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

bool recordsFromCamera(int argc, char **argv)
{
    bool record = false;
    bool camera = true;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "record") == 0)
            record = true;
        if (std::strcmp(argv[i], "--source") == 0 && i + 1 < argc)
            camera = std::strcmp(argv[i + 1], "camera") == 0;
        if (std::strncmp(argv[i], "--source=", 9) == 0)
            camera = std::strcmp(argv[i] + 9, "camera") == 0;
    }
    return record && camera;
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
                  "  script check FILE...   check script templates and scope rule files\n"
                  "  qc FILE                check a recording for presence defects (a party out of frame,\n"
                  "                         a third face, a covered camera); exit code 0 clean, 1 defects,\n"
                  "                         2 error. Options: --json, --face-model, --grace, --script.\n"
                  "                         Both parties must be in frame all the time, unless --script\n"
                  "                         names the template and the recording has chapter marks per step.\n"
                  "  record --template ID --application-no N --agent ID --out DIR [--source camera|demo|FILE]\n"
                  "         [--duration S] [--answers auto]\n"
                  "                         record a session without a window: the same pipeline and workflow\n"
                  "                         as the app. With --answers auto, everyone counts as present, every\n"
                  "                         question is answered yes, close-ups are taken automatically and each\n"
                  "                         step completes as soon as its requirements (minimum durations in real\n"
                  "                         time) are met. --duration S stops after S seconds: an unfinished\n"
                  "                         session then ends as aborted with reason \"duration limit\" and the\n"
                  "                         recording is finalized as evidence of that. Prints where the\n"
                  "                         recording and its sidecar JSON are. Exit 0: recorded; 3: the\n"
                  "                         recording failed (disk full, device missing, write error)\n"
                  "  record --application FILE --agent ID --out DIR ...\n"
                  "                         the sale (parties, channel, province, products) from an application\n"
                  "                         file, checked as the new-session page checks it\n"
                  "  user add LOGIN --role agent|supervisor|it [--name NAME] [--licence NUMBER]\n"
                  "                         create a local account (branch IT); the password is read from the\n"
                  "                         first line of standard input\n"
                  "  user reset LOGIN       set a new password (first line of standard input) and unlock\n"
                  "  user unlock LOGIN      end the lock after too many wrong passwords\n"
                  "  user disable LOGIN     the account can no longer sign in (user enable LOGIN undoes it)\n"
                  "  user set LOGIN [--name NAME] [--licence NUMBER] [--role ROLE]\n"
                  "                         change an account's name, licence number (执业证号) or role\n"
                  "  user list              list the local accounts: login, role, name, licence number, state\n"
                  "                         (every user command except list is written to the audit log)")
        + QStringLiteral("\n")
        + QCoreApplication::translate("CommandLine",
                  "  self-test              check this installation (face model, scripts, encoders, SQLite,\n"
                  "                         OpenSSL, data folder, translations): one line per check; exit 0 when\n"
                  "                         every check passed, else 1")
        + QStringLiteral("\n") + qcReportCommandHelp() + QStringLiteral("\n") + sealCommandsHelp() + QStringLiteral("\n") + exportCommandHelp() + QStringLiteral("\n")
        + syncCommandHelp()
        + QStringLiteral("\n")
        + QCoreApplication::translate("CommandLine",
                  "  pending [--json]       how many recordings in the data folder the insurer has not acknowledged\n"
                  "                         yet (reads the journal only: no key, no network); exit 0 none, 1 some,\n"
                  "                         2 no journal there. Uninstallers run it before removing DualRec"));
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
    const QCommandLineOption faceModel(QStringLiteral("face-model"),
                                       QCoreApplication::translate("CommandLine", "YuNet face detection model (face_detection_yunet_2022mar.onnx). "
                                                                                  "Without a model the Haar cascade of OpenCV is used."),
                                       QStringLiteral("PATH"));
    const QCommandLineOption qcScript(QStringLiteral("script"),
                                      QCoreApplication::translate("CommandLine", "qc: the script template the recording followed, for per-step presence "
                                                                                 "requirements (needs chapter marks in the recording)."),
                                      QStringLiteral("TEMPLATE"));
    const QCommandLineOption qcJson(QStringLiteral("json"), QCoreApplication::translate("CommandLine", "qc, verify --journal: print the report as JSON."));
    const QCommandLineOption qcGrace(QStringLiteral("grace"),
                                     QCoreApplication::translate("CommandLine", "qc: seconds a party may be out of frame (or a third face in it) "
                                                                                "before it counts (default 1.5)."),
                                     QStringLiteral("S"));
    const QCommandLineOption userName(QStringLiteral("name"), QCoreApplication::translate("CommandLine", "user add/set: the person's name as shown in the window."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption userRole(QStringLiteral("role"), QCoreApplication::translate("CommandLine", "user add/set: agent, supervisor or it."),
                                      QStringLiteral("ROLE"));
    const QCommandLineOption userLicence(QStringLiteral("licence"), QCoreApplication::translate("CommandLine", "user add/set: the agent's licence number (执业证号), read out in the recording."),
                                         QStringLiteral("NUMBER"));
    const QCommandLineOption templateId(QStringLiteral("template"), QCoreApplication::translate("CommandLine", "record: script template (or bundle) ID."), QStringLiteral("ID"));
    const QCommandLineOption applicationFile(QStringLiteral("application"), QCoreApplication::translate("CommandLine", "record: the sale from an application file (docs/application-import.md) instead of --template and --application-no."), QStringLiteral("FILE"));
    const QCommandLineOption applicationNo(QStringLiteral("application-no"), QCoreApplication::translate("CommandLine", "record: application number."), QStringLiteral("N"));
    const QCommandLineOption agent(QStringLiteral("agent"), QCoreApplication::translate("CommandLine", "record: agent ID."), QStringLiteral("ID"));
    const QCommandLineOption outDir(QStringLiteral("out"), QCoreApplication::translate("CommandLine", "record, open, export: output folder."), QStringLiteral("DIR"));
    const QCommandLineOption durationOption(QStringLiteral("duration"), QCoreApplication::translate("CommandLine", "record: stop after S seconds."), QStringLiteral("S"));
    const QCommandLineOption answers(QStringLiteral("answers"), QCoreApplication::translate("CommandLine", "record: \"auto\" answers and advances every step by itself."), QStringLiteral("auto"));
    const QCommandLineOption presenceMode(QStringLiteral("presence"), QCoreApplication::translate("CommandLine", "record: \"auto\" (everyone counts as present, the default) or \"guard\" (the face detector watches the frames; --face-model)."), QStringLiteral("auto|guard"), QStringLiteral("auto"));
    const QCommandLineOption pace(QStringLiteral("pace"), QCoreApplication::translate("CommandLine", "record: realtime (default) or fast (demo/FILE sources only)."), QStringLiteral("realtime|fast"), QStringLiteral("realtime"));
    const QCommandLineOption size(QStringLiteral("size"), QCoreApplication::translate("CommandLine", "record: output size."), QStringLiteral("WxH"), QStringLiteral("1280x720"));
    const QCommandLineOption fps(QStringLiteral("fps"), QCoreApplication::translate("CommandLine", "record: frames per second."), QStringLiteral("N"), QStringLiteral("25"));
    const QCommandLineOption videoBitrate(QStringLiteral("video-bitrate"), QCoreApplication::translate("CommandLine", "record: video bits per second."), QStringLiteral("N"), QStringLiteral("1100000"));
    const QCommandLineOption audioBitrate(QStringLiteral("audio-bitrate"), QCoreApplication::translate("CommandLine", "record: audio bits per second."), QStringLiteral("N"), QStringLiteral("64000"));
    const QCommandLineOption preset(QStringLiteral("x264-preset"), QCoreApplication::translate("CommandLine", "record: libx264 preset."), QStringLiteral("NAME"), QStringLiteral("superfast"));
    const QCommandLineOption noHardware(QStringLiteral("no-hardware-encoder"), QCoreApplication::translate("CommandLine", "record: use libx264 only."));
    const QCommandLineOption font(QStringLiteral("watermark-font"), QCoreApplication::translate("CommandLine", "record: font file of the watermark."), QStringLiteral("FILE"));
    const QCommandLineOption position(QStringLiteral("watermark-position"), QCoreApplication::translate("CommandLine", "record: top-left, top-right, bottom-left or bottom-right."), QStringLiteral("POS"), QStringLiteral("top-left"));
    const QCommandLineOption syncOnce(QStringLiteral("once"), QCoreApplication::translate("CommandLine", "sync: one pass, then exit."));
    const QCommandLineOption syncEndpoint(QStringLiteral("endpoint"), QCoreApplication::translate("CommandLine", "sync: the insurer's upload (tus creation) URL."), QStringLiteral("URL"));
    const QCommandLineOption syncCa(QStringLiteral("ca-file"), QCoreApplication::translate("CommandLine", "sync: trust only the CA certificates in this PEM file."), QStringLiteral("PEM"));
    const QCommandLineOption syncPin(QStringLiteral("pin"), QCoreApplication::translate("CommandLine", "sync: the SHA-256 of the server's public key (sha256/BASE64)."), QStringLiteral("PIN"));
    const QCommandLineOption syncBandwidth(QStringLiteral("bandwidth"), QCoreApplication::translate("CommandLine", "sync: at most this many bytes per second."), QStringLiteral("BYTES"));
    const QCommandLineOption syncSetToken(QStringLiteral("set-token"), QCoreApplication::translate("CommandLine", "sync: read the upload token from standard input and keep it in the key store."));
    parser.addOptions({syncOnce, syncEndpoint, syncCa, syncPin, syncBandwidth, syncSetToken});
    const auto sealOptions = sealCommandOptions();
    parser.addOptions(sealOptions);
    parser.addOptions(exportCommandOptions());
    const auto qcReport = qcReportOption();
    parser.addOption(qcReport);
    parser.addOptions({dataDir, source, language, templates, faceModel, qcScript, qcJson, qcGrace, userName, userRole, userLicence, templateId, applicationFile, applicationNo, agent, outDir, durationOption, answers, presenceMode,
                       pace, size, fps, videoBitrate, audioBitrate, preset, noHardware, font, position});
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
        result.dataDirectory = parser.value(dataDir);
        result.mode = CommandLine::Mode::Version;
        return result;
    }

    result.dataDirectory = parser.value(dataDir);
    result.templateDirectories = parser.values(templates);
    result.language = parser.value(language);
    result.faceModel = parser.value(faceModel);
    if (parser.isSet(faceModel) && !QFileInfo(result.faceModel).isFile()) {
        result.error = QCoreApplication::translate("CommandLine", "--face-model: \"%1\" is not a file").arg(result.faceModel);
        return result;
    }
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
    } else if (positional.first() == QLatin1String("qc") && parser.isSet(qcReport)) {
        parseQcReportCommand(parser, positional, result);
    } else if (positional.first() == QLatin1String("qc")) {
        if (positional.size() != 2) {
            result.error = QCoreApplication::translate("CommandLine", "qc: expected \"qc FILE\" with exactly one recording");
            return result;
        }
        result.mode = CommandLine::Mode::Qc;
        result.files = positional.mid(1);
        result.qcScript = parser.value(qcScript);
        result.qcJson = parser.isSet(qcJson);
        if (parser.isSet(qcGrace)) {
            bool number = false;
            const double grace = parser.value(qcGrace).toDouble(&number);
            if (!number || !std::isfinite(grace) || grace < 0 || grace > 60) {
                result.error = QCoreApplication::translate("CommandLine", "--grace: expected seconds between 0 and 60, got \"%1\"")
                                   .arg(parser.value(qcGrace));
                return result;
            }
            result.qcGraceSeconds = grace;
        }
    } else if (positional.first() == QLatin1String("record")) {
        auto &r = result.record;
        r.templateId = parser.value(templateId);
        r.applicationNumber = parser.value(applicationNo);
        r.applicationFile = parser.value(applicationFile);
        r.agentId = parser.value(agent);
        r.outputDirectory = parser.value(outDir);
        r.autoAnswers = parser.value(answers) == QLatin1String("auto");
        r.presenceGuard = parser.value(presenceMode) == QLatin1String("guard");
        r.fastSource = parser.value(pace) == QLatin1String("fast");
        r.preset = parser.value(preset);
        r.hardwareEncoders = !parser.isSet(noHardware);
        r.watermarkFont = parser.value(font);
        r.watermarkPosition = parser.value(position);
        // Each option is checked on its own and named in its own message (exit 2).
        const auto integer = [&](const QCommandLineOption &option, qint64 low, qint64 high) -> std::optional<int> {
            bool okNumber = false;
            const qint64 value = parser.value(option).toLongLong(&okNumber);
            if (!okNumber || value < low || value > high)
                return std::nullopt;
            return int(value);
        };
        const auto printable = [&](const QString &name, const QString &value) {
            if (const auto at = firstUnprintable(value)) {
                result.error = QCoreApplication::translate("CommandLine", "record: %1 contains an invisible or control character (%2); it would go into the "
                                  "watermark and the journal")
                                   .arg(name, describeUnprintable(value, *at));
                return false;
            }
            if (value.size() > 64) {
                result.error = QCoreApplication::translate("CommandLine", "record: %1 is longer than 64 characters").arg(name);
                return false;
            }
            return true;
        };
        if (!r.applicationFile.isEmpty() && (!r.templateId.isEmpty() || !r.applicationNumber.isEmpty())) {
            result.error = QCoreApplication::translate("CommandLine", "record: --application names the template and the application number: leave out --template and --application-no");
            return result;
        }
        if ((r.applicationFile.isEmpty() && (r.templateId.isEmpty() || r.applicationNumber.isEmpty())) || r.agentId.isEmpty()
            || r.outputDirectory.isEmpty()) {
            result.error = QCoreApplication::translate("CommandLine", "record: --template and --application-no (or --application), --agent and --out are required");
            return result;
        }
        if (!printable(QStringLiteral("--agent"), r.agentId)
            || (r.applicationFile.isEmpty()
                && (!printable(QStringLiteral("--application-no"), r.applicationNumber) || !printable(QStringLiteral("--template"), r.templateId))))
            return result;
        const auto sizeParts = parser.value(size).split(QLatin1Char('x'));
        bool okWidth = false;
        bool okHeight = false;
        if (sizeParts.size() == 2) {
            r.width = sizeParts[0].toInt(&okWidth);
            r.height = sizeParts[1].toInt(&okHeight);
        }
        if (!okWidth || !okHeight || r.width % 2 != 0 || r.height % 2 != 0 || r.width < 160 || r.width > 3840
            || r.height < 120 || r.height > 2160) {
            result.error = QCoreApplication::translate("CommandLine", "record: --size: expected WIDTHxHEIGHT with even numbers from 160x120 to 3840x2160, got \"%1\"")
                               .arg(parser.value(size));
            return result;
        }
        if (const auto value = integer(fps, 1, 60)) {
            r.framesPerSecond = *value;
        } else {
            result.error = QCoreApplication::translate("CommandLine", "record: --fps: expected a whole number from 1 to 60, got \"%1\"").arg(parser.value(fps));
            return result;
        }
        if (const auto value = integer(videoBitrate, 100'000, 20'000'000)) {
            r.videoBitrate = *value;
        } else {
            result.error = QCoreApplication::translate("CommandLine", "record: --video-bitrate: expected bits per second from 100000 to 20000000, got \"%1\"")
                               .arg(parser.value(videoBitrate));
            return result;
        }
        if (const auto value = integer(audioBitrate, 16'000, 320'000)) {
            r.audioBitrate = *value;
        } else {
            result.error = QCoreApplication::translate("CommandLine", "record: --audio-bitrate: expected bits per second from 16000 to 320000, got \"%1\"")
                               .arg(parser.value(audioBitrate));
            return result;
        }
        if (parser.isSet(durationOption)) {
            if (const auto value = integer(durationOption, 1, 24 * 3600)) {
                r.durationSeconds = *value;
            } else {
                result.error = QCoreApplication::translate("CommandLine", "record: --duration: expected whole seconds from 1 to 86400, got \"%1\"")
                                   .arg(parser.value(durationOption));
                return result;
            }
        }
        static const QStringList kPresets{QStringLiteral("ultrafast"), QStringLiteral("superfast"), QStringLiteral("veryfast"),
                                          QStringLiteral("faster"),    QStringLiteral("fast"),      QStringLiteral("medium"),
                                          QStringLiteral("slow"),      QStringLiteral("slower"),    QStringLiteral("veryslow")};
        if (!kPresets.contains(r.preset)) {
            result.error = QCoreApplication::translate("CommandLine", "record: --x264-preset: expected one of %1, got \"%2\"").arg(kPresets.join(QStringLiteral(", ")), r.preset);
            return result;
        }
        if (parser.value(pace) != QLatin1String("realtime") && parser.value(pace) != QLatin1String("fast")) {
            result.error = QCoreApplication::translate("CommandLine", "record: --pace: expected realtime or fast, got \"%1\"").arg(parser.value(pace));
            return result;
        }
        if (parser.isSet(font)) {
            if (const auto problem = fontFileProblem(r.watermarkFont); !problem.isEmpty()) {
                result.error = QCoreApplication::translate("CommandLine", "record: --watermark-font: \"%1\" %2").arg(r.watermarkFont, problem);
                return result;
            }
        }
        if (parser.value(presenceMode) != QLatin1String("auto") && !r.presenceGuard)
            result.error = QCoreApplication::translate("CommandLine", "record: --presence accepts \"auto\" or \"guard\"");
        else if (parser.isSet(answers) && !r.autoAnswers)
            result.error = QCoreApplication::translate("CommandLine", "record: --answers accepts only \"auto\"");
        else if (!QStringList{QStringLiteral("top-left"), QStringLiteral("top-right"), QStringLiteral("bottom-left"), QStringLiteral("bottom-right")}.contains(r.watermarkPosition))
            result.error = QCoreApplication::translate("CommandLine", "record: --watermark-position must be top-left, top-right, bottom-left or bottom-right");
        else
            result.mode = CommandLine::Mode::Record;
    } else if (isSealCommand(positional.first())) {
        parseSealCommand(parser, positional, parser.value(outDir), result);
    } else if (positional.first() == QLatin1String("export")) {
        parseExportCommand(parser, positional, parser.value(outDir), result);
    } else if (positional.first() == QLatin1String("self-test")) {
        if (positional.size() != 1)
            result.error = QCoreApplication::translate("CommandLine", "self-test: expected no further arguments");
        else
            result.mode = CommandLine::Mode::SelfTest;
    } else if (positional.first() == QLatin1String("pending")) {
        if (positional.size() != 1)
            result.error = QCoreApplication::translate("CommandLine", "pending: expected no further arguments");
        else
            result.mode = CommandLine::Mode::Pending;
    } else if (positional.first() == QLatin1String("sync")) {
        auto &o = result.sync;
        o.once = parser.isSet(syncOnce);
        o.endpoint = parser.value(syncEndpoint);
        o.caFile = parser.value(syncCa);
        o.publicKeyPin = parser.value(syncPin);
        o.setToken = parser.isSet(syncSetToken);
        bool okNumber = true;
        if (parser.isSet(syncBandwidth))
            o.bandwidthLimit = parser.value(syncBandwidth).toLongLong(&okNumber);
        if (positional.size() != 1)
            result.error = QCoreApplication::translate("CommandLine", "sync: expected no further arguments");
        else if (o.setToken && (o.once || !o.endpoint.isEmpty() || !o.caFile.isEmpty() || !o.publicKeyPin.isEmpty() || parser.isSet(syncBandwidth)))
            result.error = QCoreApplication::translate("CommandLine", "sync: --set-token only stores the token; give it without other sync options");
        else if (!okNumber || o.bandwidthLimit.value_or(0) < 0)
            result.error = QCoreApplication::translate("CommandLine", "sync: --bandwidth: expected bytes per second (0: no limit), got \"%1\"").arg(parser.value(syncBandwidth));
        else
            result.mode = CommandLine::Mode::Sync;
    } else if (positional.first() == QLatin1String("user")) {
        const QString action = positional.value(1);
        const std::pair<const char *, CommandLine::Mode> actions[] = {
            {"add", CommandLine::Mode::UserAdd},         {"reset", CommandLine::Mode::UserReset},
            {"unlock", CommandLine::Mode::UserUnlock},   {"disable", CommandLine::Mode::UserDisable},
            {"enable", CommandLine::Mode::UserEnable},   {"set", CommandLine::Mode::UserSet},
        };
        auto mode = CommandLine::Mode::Invalid;
        for (const auto &[name, value] : actions) {
            if (action == QLatin1String(name))
                mode = value;
        }
        if (positional.size() == 2 && action == QLatin1String("list")) {
            result.mode = CommandLine::Mode::UserList;
        } else if (positional.size() == 3 && mode != CommandLine::Mode::Invalid) {
            result.mode = mode;
            result.userLogin = positional.at(2);
            if (parser.isSet(userName))
                result.userName = parser.value(userName);
            if (parser.isSet(userRole))
                result.userRole = parser.value(userRole);
            if (parser.isSet(userLicence))
                result.userLicence = parser.value(userLicence);
            if (mode == CommandLine::Mode::UserAdd && !result.userName)
                result.userName = result.userLogin;
            const bool roleKnown = result.userRole
                                   && (*result.userRole == QLatin1String("agent") || *result.userRole == QLatin1String("supervisor")
                                       || *result.userRole == QLatin1String("it"));
            if (mode == CommandLine::Mode::UserAdd && !roleKnown)
                result.error = QCoreApplication::translate("CommandLine", "user add: --role must be agent, supervisor or it");
            else if (mode == CommandLine::Mode::UserSet && result.userRole && !roleKnown)
                result.error = QCoreApplication::translate("CommandLine", "user set: --role must be agent, supervisor or it");
            else if (mode == CommandLine::Mode::UserSet && !result.userName && !result.userRole && !result.userLicence)
                result.error = QCoreApplication::translate("CommandLine", "user set: give at least one of --name, --licence and --role");
        } else {
            result.error = QCoreApplication::translate(
                "CommandLine", "user: expected \"user add LOGIN --role ROLE\", \"user reset|unlock|disable|enable LOGIN\", "
                               "\"user set LOGIN [--name NAME] [--licence NUMBER] [--role ROLE]\" or \"user list\"");
        }
    } else {
        result.error = QCoreApplication::translate("CommandLine", "unknown command \"%1\"; see --help").arg(positional.first());
    }
    if (result.mode != CommandLine::Mode::UserAdd && result.mode != CommandLine::Mode::UserSet
        && (parser.isSet(userName) || parser.isSet(userRole) || parser.isSet(userLicence)))
        result.error = QCoreApplication::translate("CommandLine", "--name, --licence and --role belong to the user add and user set commands");
    if (const auto misplaced = misplacedSealOption(parser, result.mode); !misplaced.isEmpty())
        result.error = misplaced;
    else if (const auto misplacedUser = misplacedExportOption(parser, result.mode); !misplacedUser.isEmpty() && result.error.isEmpty())
        result.error = misplacedUser;
    else if (result.mode != CommandLine::Mode::Sync
        && (parser.isSet(syncOnce) || parser.isSet(syncEndpoint) || parser.isSet(syncCa) || parser.isSet(syncPin) || parser.isSet(syncBandwidth)
            || parser.isSet(syncSetToken)))
        result.error = QCoreApplication::translate("CommandLine", "--once, --endpoint, --ca-file, --pin, --bandwidth and --set-token belong to the sync command");
    if (result.mode == CommandLine::Mode::VerifyJournal)
        result.seal.json = parser.isSet(qcJson);
    if (parser.isSet(qcReport) && result.mode != CommandLine::Mode::QcReport && result.error.isEmpty())
        result.error = QCoreApplication::translate("CommandLine", "--report belongs to the qc command");
    if (result.mode == CommandLine::Mode::Pending)
        result.pendingJson = parser.isSet(qcJson);
    if (result.mode != CommandLine::Mode::Qc && result.mode != CommandLine::Mode::QcReport && result.error.isEmpty()
        && (parser.isSet(qcScript)
            || (parser.isSet(qcJson) && result.mode != CommandLine::Mode::VerifyJournal && result.mode != CommandLine::Mode::Pending)
            || parser.isSet(qcGrace)))
        result.error = QCoreApplication::translate("CommandLine", "--script, --json and --grace belong to the qc command");
    return result;
}

} // namespace dualrec::app
