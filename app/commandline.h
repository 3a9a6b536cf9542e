#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace dualrec::app {

/// Which video source records: a camera, the built-in demo pattern, or a file played as if live.
enum class SourceKind : quint8 { Invalid = 0, Camera, Demo, File };

/// `dualrec record ...`: the headless recording run.
struct RecordOptions final {
    QString templateId;
    QString applicationNumber;
    QString applicationFile; ///< --application: the sale from an application file (then no template / number)
    QString agentId;
    QString outputDirectory;
    std::optional<int> durationSeconds;
    bool autoAnswers = false;  ///< --answers auto
    bool presenceGuard = false; ///< --presence guard: the face detector decides who is in frame
    bool fastSource = false;   ///< --pace fast: demo/FILE as fast as the encoder takes it
    int width = 1280;
    int height = 720;
    int framesPerSecond = 25;
    int videoBitrate = 1'100'000;
    int audioBitrate = 64'000;
    QString preset = QStringLiteral("superfast");
    bool hardwareEncoders = true;
    QString watermarkFont;     ///< empty: the built-in default
    QString watermarkPosition = QStringLiteral("top-left");
};

/// `dualrec seal|verify|open|device csr` (app/sealcommand.cpp).
struct SealCommandOptions final {
    QString sessionId;                ///< seal
    QStringList insurerCertificates;  ///< seal --insurer-cert (repeatable); empty: the setting
    QString package;                  ///< verify, open
    QString insurerKey;               ///< verify, open --insurer-key
    QString ca;                       ///< verify --ca
    QString tsaCa;                    ///< verify, open --tsa-ca
    QString outputFolder;             ///< open --out
    bool json = false;                ///< verify --journal --json
};

/// `dualrec sync ...`: upload the sealed packages (app/synccommand.cpp).
struct SyncOptions final {
    bool once = false;         ///< one pass, exit 0 when everything is acknowledged, else 1
    QString endpoint;          ///< the tus creation URL
    QString caFile;            ///< trust only the CAs in this PEM file
    QString publicKeyPin;      ///< sha256/BASE64 of the server's public key
    std::optional<qint64> bandwidthLimit; ///< bytes per second, 0: unlimited; not given: the setting sync/bandwidthLimit
    bool setToken = false;     ///< --set-token: store the bearer token read from stdin in the key store, upload nothing
};

/// `dualrec export SESSION_ID --out DIR --user LOGIN` (app/exportcommand.cpp).
struct ExportOptions final {
    QString sessionId;
    QString outputFolder;
    QString login; ///< the supervisor or IT account that exports
};

/// `dualrec qc --report FILE.pdf SESSION_ID --user LOGIN` (app/qcreportcommand.cpp).
struct QcReportOptions final {
    QString file;
    QString sessionId;
    QString login; ///< the supervisor or IT account that writes the report
};

/// What the command line asked for. Parsed before any window exists.
struct CommandLine final {
    enum class Mode : quint8 { Invalid = 0, Window, Help, Version, ScriptCheck, Qc, Record, UserAdd, UserList,
                             UserReset, UserUnlock, UserDisable, UserEnable, UserSet, SelfTest,
                             Seal, Verify, VerifyJournal, Open, DeviceCsr, Sync, Export, QcReport, Pending };

    Mode mode = Mode::Window;
    QString dataDirectory;   ///< empty: the platform default
    SourceKind source = SourceKind::Camera;
    QString sourceFile;      ///< SourceKind::File only
    QString language;        ///< empty: from the settings, else zh_CN
    QStringList templateDirectories; ///< extra script/rule folders besides the built-in ones
    QStringList files;       ///< ScriptCheck: the files to check; Qc: the one recording
    QString faceModel;       ///< --face-model: YuNet model file; empty: settings, then the built-in default
    QString qcScript;        ///< Qc --script: template giving per-step presence requirements
    bool qcJson = false;     ///< Qc --json: machine-readable report
    bool pendingJson = false; ///< Pending --json
    std::optional<double> qcGraceSeconds; ///< Qc --grace
    RecordOptions record;    ///< Record only
    SealCommandOptions seal; ///< Seal, Verify, Open, DeviceCsr
    QString userLogin;       ///< User*: the account's login
    std::optional<QString> userName;    ///< UserAdd/UserSet --name: display name (UserAdd default: the login)
    std::optional<QString> userRole;    ///< UserAdd/UserSet --role: agent, supervisor or it
    std::optional<QString> userLicence; ///< UserAdd/UserSet --licence: licence number (执业证号)
    SyncOptions sync;        ///< Sync only
    ExportOptions exportOptions; ///< Export only
    QcReportOptions qcReport;    ///< QcReport only
    QString helpText;
    QString error;           ///< set when the command line is wrong
};

/// Parses arguments (argv[0] included). Needs a QCoreApplication for translations. Pure otherwise.
[[nodiscard]] CommandLine parseCommandLine(const QStringList &arguments);

/// Only peeks at the arguments: does this run need a window system at all?
[[nodiscard]] bool needsWindow(int argc, char **argv);
/// Only peeks at the arguments: `record` from the camera (needs a QGuiApplication)?
[[nodiscard]] bool recordsFromCamera(int argc, char **argv);
/// Only peeks at the arguments: the --lang value, if given.
[[nodiscard]] QString requestedLanguage(int argc, char **argv);

} // namespace dualrec::app
