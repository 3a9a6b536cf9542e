// DualRec MSI custom action (JScript, immediate, on uninstall only; packaging/windows/dualrec.wxs).
// Before anything is removed it runs `dualrec.exe pending` (reads the journal only: no key, no
// network) for the data folder of the user who uninstalls (or the IT policy's DATAFOLDER) and,
// when recordings there are not yet acknowledged by the insurer:
//   - with a user interface: shows what `dualrec pending` said and asks whether to go on
//     (default: No, which cancels the uninstall);
//   - silently (/qn): refuses (error 1603, the reason in the log) unless IGNOREUNSYNCED=1.
// The data folder is never deleted either way. When the check cannot run, the log says so and
// the uninstall goes on (a broken installation must stay removable).
// Plain ES3 for Windows Script Host's JScript; uninstallDecision() is pure (tests/packaging/msi.sh
// runs it with node).

var kContinue = 1, kUserExit = 2, kFailure = 3; // msiDoActionStatusSuccess, ...UserExit, ...Failure
var kMessageWarning = 0x02000000, kMessageInfo = 0x04000000;
var kYesNo = 4, kIconWarning = 0x30, kDefaultNo = 0x100, kYes = 6, kNo = 7;

// pendingExit: dualrec pending's exit code (0 nothing waits, 1 recordings wait, else unknown);
// uiLevel: the UILevel property (2: none); ignore: IGNOREUNSYNCED is "1"; answer: the user's
// answer (kYes, kNo, or 0 when none was given). Returns "continue", "ask", "cancel" or "refuse".
function uninstallDecision(pendingExit, uiLevel, ignore, answer) {
    if (pendingExit !== 1 || ignore)
        return "continue";
    if (uiLevel <= 2)
        return "refuse";
    if (answer === undefined)
        return "ask";
    if (answer === kYes)
        return "continue";
    if (answer === kNo)
        return "cancel";
    return "refuse"; // no answer although a UI was expected: treat as silent
}

function logLine(text) {
    var record = Session.Installer.CreateRecord(0);
    record.StringData(0) = "DualRec uninstall check: " + text;
    Session.Message(kMessageInfo, record);
}

function readUtf8(path) {
    var stream = new ActiveXObject("ADODB.Stream");
    stream.Type = 2; // text
    stream.Charset = "utf-8";
    stream.Open();
    stream.LoadFromFile(path);
    var text = stream.ReadText();
    stream.Close();
    return text;
}

function CheckUnsyncedRecordings() {
    var shell = new ActiveXObject("WScript.Shell");
    var files = new ActiveXObject("Scripting.FileSystemObject");
    var exe = Session.Property("INSTALLDIR") + "bin\\dualrec.exe";
    if (!files.FileExists(exe)) {
        logLine(exe + " is missing: not checked");
        return kContinue;
    }
    var output = files.BuildPath(shell.ExpandEnvironmentStrings("%TEMP%"), files.GetTempName());
    var pendingExit = -1, said = "";
    try {
        // dualrec.exe is a GUI program: `start /wait` makes cmd wait for it and return its exit code.
        pendingExit = shell.Run("cmd.exe /d /c start \"\" /wait /b \"" + exe + "\" pending > \"" + output + "\" 2>&1", 0, true);
        if (files.FileExists(output)) {
            said = readUtf8(output).replace(/\s+$/, "");
            files.DeleteFile(output);
        }
    } catch (e) {
        logLine("dualrec pending could not run: " + e.message);
        return kContinue;
    }
    logLine("dualrec pending exited " + pendingExit + ": " + said);
    var uiLevel = parseInt(Session.Property("UILevel"), 10);
    var ignore = Session.Property("IGNOREUNSYNCED") === "1";
    var decision = uninstallDecision(pendingExit, uiLevel, ignore);
    if (decision === "ask") {
        var record = Session.Installer.CreateRecord(0);
        record.StringData(0) = said + "\r\n\r\n"
            + "仍要卸载双录吗？数据文件夹会保留，其中的录像不会被删除；请先让这些录像上传给保险公司。\r\n"
            + "Uninstall DualRec anyway? The data folder stays and none of its recordings is deleted; let them upload to the insurer first.";
        decision = uninstallDecision(pendingExit, uiLevel, ignore,
                                     Session.Message(kMessageWarning | kYesNo | kIconWarning | kDefaultNo, record));
    }
    if (decision === "cancel") {
        logLine("the user chose not to uninstall");
        return kUserExit;
    }
    if (decision === "refuse") {
        logLine("refused: recordings are not yet acknowledged by the insurer; uninstall again with IGNOREUNSYNCED=1 to go on (the data folder stays)");
        return kFailure;
    }
    return kContinue;
}
