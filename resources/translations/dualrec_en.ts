<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CommandLine</name>
    <message>
        <source>Keep recordings and the journal in DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video source: camera, demo (built-in test pattern) or a video FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User interface language: zh_CN or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also load script templates and rule sets from DIR (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional command, see above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--lang: expected zh_CN or en, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--source: expected camera, demo or a readable video file; &quot;%1&quot; is none of these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>script: expected &quot;script check FILE...&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>script check: name at least one FILE to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YuNet face detection model (face_detection_yunet_2022mar.onnx). Without a model the Haar cascade of OpenCV is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qc: the script template the recording followed, for per-step presence requirements (needs chapter marks in the recording).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qc: seconds a party may be out of frame (or a third face in it) before it counts (default 1.5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--face-model: &quot;%1&quot; is not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qc: expected &quot;qc FILE&quot; with exactly one recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--grace: expected seconds between 0 and 60, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--script, --json and --grace belong to the qc command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: script template (or bundle) ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: application number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: agent ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: stop after S seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: &quot;auto&quot; answers and advances every step by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: realtime (default) or fast (demo/FILE sources only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: output size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: frames per second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: video bits per second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: audio bits per second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: libx264 preset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: use libx264 only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: font file of the watermark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: top-left, top-right, bottom-left or bottom-right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: --answers accepts only &quot;auto&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: --watermark-position must be top-left, top-right, bottom-left or bottom-right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: &quot;auto&quot; (everyone counts as present, the default) or &quot;guard&quot; (the face detector watches the frames; --face-model).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: --presence accepts &quot;auto&quot; or &quot;guard&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user add: --role must be agent, supervisor or it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  self-test              check this installation (face model, scripts, encoders, SQLite,
                         OpenSSL, data folder, translations): one line per check; exit 0 when
                         every check passed, else 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>self-test: expected no further arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a readable regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is larger than 50 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a TrueType or OpenType font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: %1 contains an invisible or control character (%2); it would go into the watermark and the journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: %1 is longer than 64 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: --size: expected WIDTHxHEIGHT with even numbers from 160x120 to 3840x2160, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: --fps: expected a whole number from 1 to 60, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: --video-bitrate: expected bits per second from 100000 to 20000000, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: --audio-bitrate: expected bits per second from 16000 to 320000, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: --duration: expected whole seconds from 1 to 86400, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: --x264-preset: expected one of %1, got &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: --pace: expected realtime or fast, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: --watermark-font: &quot;%1&quot; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user add/set: the person&apos;s name as shown in the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user add/set: agent, supervisor or it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user add/set: the agent&apos;s licence number (执业证号), read out in the recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user set: --role must be agent, supervisor or it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user set: give at least one of --name, --licence and --role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user: expected &quot;user add LOGIN --role ROLE&quot;, &quot;user reset|unlock|disable|enable LOGIN&quot;, &quot;user set LOGIN [--name NAME] [--licence NUMBER] [--role ROLE]&quot; or &quot;user list&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--name, --licence and --role belong to the user add and user set commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: the sale from an application file (docs/application-import.md) instead of --template and --application-no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: --application names the template and the application number: leave out --template and --application-no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: --template and --application-no (or --application), --agent and --out are required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DualRec records insurance sales (双录): camera and microphone, the regulated steps, sealed and queued for the insurer.

Commands (without a command the window opens):
  script check FILE...   check script templates and scope rule files
  qc FILE                check a recording for presence defects (a party out of frame,
                         a third face, a covered camera); exit code 0 clean, 1 defects,
                         2 error. Options: --json, --face-model, --grace, --script.
                         Both parties must be in frame all the time, unless --script
                         names the template and the recording has chapter marks per step.
  record --template ID --application-no N --agent ID --out DIR [--source camera|demo|FILE]
         [--duration S] [--answers auto]
                         record a session without a window: the same pipeline and workflow
                         as the app. With --answers auto, everyone counts as present, every
                         question is answered yes, close-ups are taken automatically and each
                         step completes as soon as its requirements (minimum durations in real
                         time) are met. --duration S stops after S seconds: an unfinished
                         session then ends as aborted with reason &quot;duration limit&quot; and the
                         recording is finalized as evidence of that. Prints where the
                         recording and its sidecar JSON are. Exit 0: recorded; 3: the
                         recording failed (disk full, device missing, write error)
  record --application FILE --agent ID --out DIR ...
                         the sale (parties, channel, province, products) from an application
                         file, checked as the new-session page checks it
  user add LOGIN --role agent|supervisor|it [--name NAME] [--licence NUMBER]
                         create a local account (branch IT); the password is read from the
                         first line of standard input
  user reset LOGIN       set a new password (first line of standard input) and unlock
  user unlock LOGIN      end the lock after too many wrong passwords
  user disable LOGIN     the account can no longer sign in (user enable LOGIN undoes it)
  user set LOGIN [--name NAME] [--licence NUMBER] [--role ROLE]
                         change an account&apos;s name, licence number (执业证号) or role
  user list              list the local accounts: login, role, name, licence number, state
                         (every user command except list is written to the audit log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync: one pass, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync: the insurer&apos;s upload (tus creation) URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync: trust only the CA certificates in this PEM file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync: the SHA-256 of the server&apos;s public key (sha256/BASE64).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync: at most this many bytes per second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync: expected no further arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync: --bandwidth: expected bytes per second (0: no limit), got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record, open, export: output folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qc, verify --journal: print the report as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync: read the upload token from standard input and keep it in the key store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync: --set-token only stores the token; give it without other sync options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--once, --endpoint, --ca-file, --pin, --bandwidth and --set-token belong to the sync command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  pending [--json]       how many recordings in the data folder the insurer has not acknowledged
                         yet (reads the journal only: no key, no network); exit 0 none, 1 some,
                         2 no journal there. Uninstallers run it before removing DualRec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending: expected no further arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--report belongs to the qc command</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceKeys</name>
    <message>
        <source>The key that protects the recordings in the data folder &quot;%1&quot; cannot be opened, so nothing can be recorded or played back there. Nothing was changed and no file was deleted. Ask IT to restore the device key (details: %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message numerus="yes">
        <source>%n plain file(s) in %1; keep them as confidentially as the recording itself</source>
        <translation>
            <numerusform>%n plain file in %1; keep it as confidentially as the recording itself</numerusform>
            <numerusform>%n plain files in %1; keep them as confidentially as the recording itself</numerusform>
        </translation>
    </message>
    <message>
        <source>export: the supervisor or IT account that exports (its password on the first line of standard input).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  export SESSION_ID --out DIR --user LOGIN
                         plain copies of a session&apos;s recording, snapshots and sidecar for legal
                         or complaint handling, in the new folder DIR/SESSION_ID with export.json;
                         supervisors and IT only, the password on the first line of standard
                         input; written to the audit log. Prints &quot;SHA-256  FILE&quot; per copy. Exit
                         0 exported, 1 refused, 2 wrong input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export: expected &quot;export SESSION_ID --out DIR --user LOGIN&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export: &quot;%1&quot; is not a session id (expected a UUID such as 1df3086b-e6f7-4463-891d-95999a1913be)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--out: &quot;%1&quot; is not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only supervisors and IT may export evidence; %1 is not one of them, nothing was exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this data folder has no device key, so it holds no encrypted evidence to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session %1 was not exported: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--user belongs to the export and qc --report commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing was exported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryText</name>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the customer agreed to be recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the customer declined to be recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused by the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the camera or the microphone was lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the customer wants to stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the customer must leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an equipment problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong application details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the window was closed during the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recording file could not be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recording could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DualRec stopped while the session was open (a crash, a forced stop or a power cut); it was closed at the next start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recording program was stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the set recording time was reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the video source ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a reason given in the technical details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 prepared a recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 prepared a recording of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It records again a sale whose earlier recording was not usable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 started the recording; the customer is asked for consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer agreed to be recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer declined to be recorded; the session ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 paused the recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording was paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording paused by itself: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 resumed the recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All steps are done; the recording ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 aborted the recording, reason: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording was aborted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording was aborted: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session was interrupted: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording failed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session went from “%1” to “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 began; not everyone it requires is in the picture yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 began.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is done after %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone required was out of the picture for %1 of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be completed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be completed yet: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1 the customer answered “yes”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1 the customer answered “no”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1 the customer&apos;s answer was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1 a close-up was taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1 everyone required is in the picture again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1 the agent and the customer left the picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1 the agent left the picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1 the customer left the picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1 someone else the step requires (the insured or a guardian) was not in the picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1 someone required left the picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event the history does not know (see the technical details).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting QC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QC passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QC failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not queued for upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>two sentences in a row</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recorded from the command line, without a scope decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken back into the journal from the recording&apos;s sidecar file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>see the technical details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload stopped: needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received by the insurer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received by the insurer, removed from this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QC: review needed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PendingCommand</name>
    <message>
        <source>there is no DualRec journal in %1 (check --data-dir)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The insurer has acknowledged every recording in %1, or there is none: nothing would be lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n recording(s) in %1 are not yet acknowledged by the insurer (%2 not sealed yet, %3 sealed and not yet acknowledged after upload). They exist only on this computer: keep this folder.</source>
        <translation>
            <numerusform>%n recording in %1 is not yet acknowledged by the insurer (%2 not sealed yet, %3 sealed and not yet acknowledged after upload). It exists only on this computer: keep this folder.</numerusform>
            <numerusform>%n recordings in %1 are not yet acknowledged by the insurer (%2 not sealed yet, %3 sealed and not yet acknowledged after upload). They exist only on this computer: keep this folder.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QcCommand</name>
    <message>
        <source>--script %1 is not a valid script template:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1 (%2x%3, %4 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detector: haar (fallback: %1; %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detector: yunet (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks: %1, %2 per second, %3 ms CPU per check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule: agent and customer in frame all the time; grace %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n face(s)</source>
        <translation>
            <numerusform>%n face</numerusform>
            <numerusform>%n faces</numerusform>
        </translation>
    </message>
    <message>
        <source>Defects: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defects: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Rule: each step&apos;s presence requirement from %1 (%n chapter(s) from the %2); grace %3 s</source>
        <translation>
            <numerusform>Rule: each step&apos;s presence requirement from %1 (%n chapter from the %2); grace %3 s</numerusform>
            <numerusform>Rule: each step&apos;s presence requirement from %1 (%n chapters from the %2); grace %3 s</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: the recording has no chapter marks, so the steps of %1 are not told apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QcReportCommand</name>
    <message>
        <source>qc: write the session&apos;s QC report to this PDF file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  qc --report FILE.pdf SESSION_ID --user LOGIN
                         the session&apos;s QC report as a PDF: the verdict, the steps, who was in
                         the picture, the customer&apos;s speech and each reason with a picture of
                         its moment; supervisors and IT only, the password on the first line of
                         standard input; written to the audit log. Exit 0 written, 1 refused,
                         2 wrong input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qc --report: expected &quot;qc --report FILE.pdf SESSION_ID --user LOGIN&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qc --report: &quot;%1&quot; is not a session id (expected a UUID such as 1df3086b-e6f7-4463-891d-95999a1913be)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qc --report: --script, --json and --grace check a recording file; leave them out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--report: the folder of %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--report: %1 is a folder; name the PDF file to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the audit log cannot be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only supervisors and IT may write QC reports; %1 is not one of them, no report was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session %1 is not in the journal of %2; no report was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session %1 cannot be read from the journal: %2; no report was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the report of session %1 was not written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the report was removed again because the audit log could not record it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the QC report of application %1 is in %2; it shows the customer, keep it as confidentially as the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no report was written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QcReportPdf</name>
    <message>
        <source>Page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QC-report-%1-%2.pdf</source>
        <comment>file name: application number, date</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QC report of application %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DualRec QC report, made %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · recording check code %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording quality check report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (licence number %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, length %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spot-checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer speaking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The microphone was not analysed for speech in this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both in the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody in the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a third person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the customer must answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer speaking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fails the check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to be reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No step was started in this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n fail(s) the check</source>
        <translation>
            <numerusform>%n fail the check</numerusform>
            <numerusform>%n fails the check</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n to review</numerusform>
            <numerusform>%n to review</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>What was found (%n)</source>
        <translation>
            <numerusform>What was found (%n)</numerusform>
            <numerusform>What was found (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>The pictures of the recording cannot be shown. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The automatic check has not been done for this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was found that the insurer rejects recordings for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fails the check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To be reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No picture of this moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture at %1 of the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recording is registered for this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QcText</name>
    <message>
        <source>Quality check passed: nothing was found that the insurer rejects recordings for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality check: a supervisor should look at this recording for the reasons below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality check failed: the insurer would reject this recording for the reasons below. Record the sale again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quality check has not been done yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone the step needs was out of the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a third person was in the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the camera was covered or the picture froze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recording has a gap (camera or microphone lost, or picture or sound missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the step was completed faster than its minimum time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer from the customer could be heard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no sound in the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sound is too loud and distorted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown problem was found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (fails the check)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (to be reviewed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1, from %2 to %3: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1 to %2 of the recording: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the recording: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone was out of the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A third person was present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gap in the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step rushed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No audible answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound distorted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script not followed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misleading statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer unclear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 spot-checked the session on %2: passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 spot-checked the session on %2: failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 spot-checked %2 on %3: passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 spot-checked %2 on %3: failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the agent was out of the picture, though the step needs the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the customer was out of the picture, though the step needs the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no recording of this session, or it holds no picture: nothing shows the sale (fails the check).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session did not finish (it was stopped, failed, or the customer declined): the recording does not cover every step (fails the check).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session not finished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScriptCheck</name>
    <message>
        <source>%1 file(s) checked: %2 template(s), %3 rule set(s), %4 problem(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SealCommand</name>
    <message>
        <source>&quot;%1&quot; is not a readable file below 1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an owner-only file in %1 (readable by anyone who has this disk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the operating system&apos;s key store (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no DualRec journal in %1 (check --data-dir)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>insurer certificate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the journal in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no session %1 in the journal of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session %1 is not sealed: no insurer certificate is configured. Give --insurer-cert FILE.pem, or have IT set seal/insurerCertificates in the policy file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session %1 was not sealed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the package does not verify: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the package verifies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing unauthenticated was written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this device&apos;s signing key cannot be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate SHA-256 %1; the private key is kept in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seal: the insurer&apos;s certificate (PEM) to encrypt to (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verify, open: the insurer&apos;s private key (PEM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verify: certificates (PEM) the device&apos;s certificate must be enrolled with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seal: expected &quot;seal SESSION_ID&quot; with exactly one session id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seal: &quot;%1&quot; is not a session id (expected a UUID such as 1df3086b-e6f7-4463-891d-95999a1913be)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verify: expected &quot;verify PACKAGE&quot; with exactly one package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open: expected &quot;open PACKAGE --insurer-key KEY.pem --out DIR&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device: expected &quot;device csr&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--insurer-cert belongs to the seal command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--insurer-key belongs to the verify and open commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--ca belongs to the verify command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device signing key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device signing key: not made yet; it will be kept in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verify: check the data folder&apos;s journal, audit log, accounts and media files instead of a package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verify --journal: expected no package and no --insurer-key or --ca (the data folder comes from --data-dir)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--journal belongs to the verify command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timestamp: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timestamp: none yet (%1); the package is sealed, and its timestamp is asked for again later (by the window, or by running this command again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verify, open: the timestamp authority&apos;s CA certificates (PEM) PACKAGE.tsr must chain to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  seal SESSION_ID [--insurer-cert PEM]...
                         seal an ended session into one package for the insurer (signed by
                         this device, encrypted to the insurer&apos;s certificates); prints the
                         package&apos;s path on its last line. Exit 0 sealed, 1 not sealed, 2 error
  verify PACKAGE [--insurer-key KEY.pem] [--ca CERT.pem] [--tsa-ca CERT.pem]
                         check a sealed package and its timestamp PACKAGE.tsr, one line per
                         check; exit 0 when everything holds, 1 when something fails, 2 for a
                         wrong command line
  verify --journal [--data-dir D] [--json]
                         check the data folder: the journal (SQLite), the keyed audit chain, every
                         account&apos;s keyed seal, and every media file of the unsealed sessions
                         re-hashed against the journal; one line per break (row, what differs);
                         exit 0 when everything holds, 1 when something does not, 2 without a journal
  open PACKAGE --insurer-key KEY.pem --out DIR
                         the insurer&apos;s side: decrypt the files of a package that verifies;
                         a file is written only once it is authenticated
  device csr             print a certificate signing request for this device&apos;s signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--tsa-ca belongs to the verify and open commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no timestamp is requested: the timestamp authority&apos;s CA certificate (setting seal/tsaCaCertificates) cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <source>Translations: missing or empty: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translations: the Chinese and English texts of DualRec and Qt&apos;s Chinese texts are present.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Scripts and rules: %n problem(s); the first: %1</source>
        <translation>
            <numerusform>Scripts and rules: %n problem; the first: %1</numerusform>
            <numerusform>Scripts and rules: %n problems; the first: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Scripts and rules: no script template or no scope rule set was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scripts and rules: %1 script templates and %2 scope rule sets load without problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption (OpenSSL): no key could be generated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption (OpenSSL): AES-256-GCM encryption failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption (OpenSSL): AES-256-GCM did not give back the original text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption (OpenSSL): AES-256-GCM accepted data that was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption (OpenSSL): password hashing (PBKDF2) does not work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption (OpenSSL): AES-256-GCM and password hashing (PBKDF2) work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder: %1 cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder: %1 is not writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder: %1 is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal (SQLite): a test journal cannot be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording (FFmpeg): 3 seconds from the demo source could not be recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal (SQLite): a test journal records the session and its recording with the right SHA-256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal (SQLite): the test recording is missing from the test journal or its SHA-256 differs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording (FFmpeg): the test recording cannot be read back: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording (FFmpeg): the test recording holds only %1 frames (%2 s); 3 s were recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording (FFmpeg): 3 seconds from the demo source were recorded and read back (%1 frames, %2x%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face detection: only the weaker fallback detector (Haar) is available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face detection: the YuNet model %1 loads, but no frame reached it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face detection: the YuNet model %1 loads and checked %2 recorded frames.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DualRec %1 self-test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[OK] %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[FAILED] %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>All %n checks passed.</source>
        <translation>
            <numerusform>The %n check passed.</numerusform>
            <numerusform>All %n checks passed.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 checks failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face detection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face detection: the face model cannot be loaded, so presence cannot be checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording (FFmpeg): not checked, because the test journal could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal (SQLite): not checked, because nothing could be recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face detection: the YuNet model %1 loads and checked a test picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sealing (OpenSSL): not checked, because nothing could be recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sealing (OpenSSL): the test recording could not be sealed and verified: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sealing (OpenSSL): the test recording was sealed, signed and encrypted to a test insurer key; the package passed all %1 checks and opened with that key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorSignIn</name>
    <message>
        <source>there is no DualRec journal in %1 (check --data-dir)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the password of %1 on the first line of standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the journal in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the journal was damaged and restored, so %1; check the data folder first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the refusal could not be written to the audit log: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot check the account %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the account %1 is locked after too many wrong passwords until %2; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the account %1 is disabled; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the login or the password is wrong; %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncCommand</name>
    <message>
        <source>acknowledged: the insurer holds all %1 bytes with the same SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledged and removed from this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked until someone acts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 bytes on the server (%3 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 bytes on the server (%3 %); next try %4; last error: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in an unknown state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no DualRec journal in %1 (check --data-dir)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no upload address: give --endpoint URL or set sync/endpoint in the IT policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the journal in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upload created on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed from this computer: the retention period after the acknowledgement is over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next try %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not retried until someone acts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no sealed package is waiting for upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text on standard input is not an upload token (1 to 4096 printable ASCII characters without spaces); nothing was stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload token was removed from the %1 key store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload token is kept in the %1 key store; uploads use it from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standard input cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not uploading: the network connection is metered (billed by data use); packages wait for one that is not (or set sync/uploadOnMetered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting: the network connection is metered (billed by data use); uploads go on when it is not (or set sync/uploadOnMetered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the network connection is no longer metered: uploads go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  sync [--endpoint URL] [--once] [--ca-file PEM] [--pin sha256/BASE64] [--bandwidth BYTES]
                         upload the sealed packages to the insurer (tus); one line per package;
                         with --once exit 0 when every package is acknowledged, else 1; 2 when a
                         setting is wrong (the message names it). It reads these settings from the
                         IT policy file (or the user&apos;s settings file); an option given wins:
                         sync/endpoint is the insurer&apos;s upload address (https://...); --endpoint.
                         sync/caFile is a PEM file of the only certificate authorities trusted for
                         that address; empty, the system&apos;s are trusted; --ca-file.
                         sync/pin is the server&apos;s public key as sha256/BASE64: a server with another
                         key is refused; empty, no pin; --pin.
                         sync/bandwidthLimit is at most how many KiB per second all uploads together
                         may use; 0, the default, means no limit; --bandwidth (bytes per second).
                         sync/uploadOnMetered set to true also uploads on a metered network (a
                         phone&apos;s hotspot); false, the default, waits for another network.
                         sync/retentionDays is how many days after the insurer acknowledged a package
                         it is deleted from this computer (never before; audited); 0 keeps it for
                         ever; the default is 30.
                         The bearer token is no setting: it is kept in the key store (sync
                         --set-token); the environment variable DUALREC_SYNC_TOKEN wins over it.
  sync --set-token       read the upload token from standard input and keep it in the key store
                         (empty input removes it); the token is never printed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserCommand</name>
    <message>
        <source>cannot open the journal in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the %1 account &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user list: there is no DualRec journal in %1 (check --data-dir)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: give the password on the first line of standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user add: the account %1 was not created: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user reset: the password of %1 was not changed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of &quot;%1&quot; is changed and the account is unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user unlock: %1 was not unlocked: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; is unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user disable: %1 was not disabled: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; is disabled: it can no longer sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user enable: %1 was not enabled: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; can sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user set: %1 was not changed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; is changed: %2, %3, licence number %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyJournal</name>
    <message>
        <source>there is no DualRec journal in %1 (check --data-dir)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a journal but no folder marker (%2): its keys cannot be found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the journal in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the media files of the journal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>audit log: %n row(s) checked</source>
        <translation>
            <numerusform>audit log: %n row checked</numerusform>
            <numerusform>audit log: %n rows checked</numerusform>
        </translation>
    </message>
    <message>
        <source>accounts: every account&apos;s keyed seal checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>media: %n file(s) of unsealed sessions re-hashed</source>
        <translation>
            <numerusform>media: %n file of unsealed sessions re-hashed</numerusform>
            <numerusform>media: %n files of unsealed sessions re-hashed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sealed package(s)</source>
        <translation>
            <numerusform>%n sealed package</numerusform>
            <numerusform>%n sealed packages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the journal of %1 does not verify: %n problem(s); the first: %2</source>
        <translation>
            <numerusform>the journal of %1 does not verify: %n problem; the first: %2</numerusform>
            <numerusform>the journal of %1 does not verify: %n problems; the first: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>the journal of %1 verifies</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkflowText</name>
    <message>
        <source>Consent to recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mandated prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-copied risk statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cooling-off period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss on surrender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncertain benefits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exclusions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no one needs to be in frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent in frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent and customer in frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everyone in frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show the agent&apos;s ID to the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show the customer&apos;s ID to the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show the documents to the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show the signature to the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show the hand-copied statement to the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Life insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical illness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accident insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>traditional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>participating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>universal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>investment-linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Individual agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bancassurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other ancillary agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telephone sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not everyone required is in frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the step has not run long enough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the customer has not answered yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no close-up snapshot taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking for consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>at least %n second(s)</source>
        <translation>
            <numerusform>at least %n second</numerusform>
            <numerusform>at least %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>customer answers yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fixed text, read word for word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent and customer are both in the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent is not in the picture. Please sit back in front of the camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer is not in the picture. Please ask the customer to sit in front of the camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is in the picture. Please both sit in front of the camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else is in the picture. Only the agent and the customer may be seen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera sees nothing. Please check that the lens is not covered and the room is lit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an ID number has 18 characters (or 15 digits for old cards)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an ID number has only digits, with an X allowed at the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the birth date in the ID number is not a real date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the ID number&apos;s last character does not match: please check each digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the application number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the policyholder&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the policyholder&apos;s ID number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policyholder&apos;s ID number is not valid: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the sales channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These products cannot be recorded together: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording rules cannot be applied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch IT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step not completed (requirements unmet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presence as required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone required left the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No video source is connected: nothing can be recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video source connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The free disk space cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk: %1 GB free, a recording needs about %2 GB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The computer&apos;s clock is wrong. Ask branch IT to set the date and time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock: the date and time look right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power: mains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power: mains, battery %1%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Battery at %1%: connect the charger first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power: battery at %1%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera delivers no picture yet: check that it is plugged in and not used by another program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light: no picture has been checked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light: the picture is too dark or the lens is covered (brightness %1 of 255). Turn on a light or uncover the camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light: the picture is dim (brightness %1 of 255); faces may be missed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light: good (brightness %1 of 255).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Framing: %n face(s) in the picture.</source>
        <translation>
            <numerusform>Framing: %n face in the picture.</numerusform>
            <numerusform>Framing: %n faces in the picture.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Framing: %n face(s) in the picture; agent and customer should both sit inside the guide.</source>
        <translation>
            <numerusform>Framing: %n face in the picture; agent and customer should both sit inside the guide.</numerusform>
            <numerusform>Framing: %n faces in the picture; agent and customer should both sit inside the guide.</numerusform>
        </translation>
    </message>
    <message>
        <source>Microphone: no sound arrives. Check that it is plugged in and not muted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone: very quiet (loudest %1 dB). Speak a few words to test it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone: working (loudest %1 dB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light: still checking the picture (it takes a second or two).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light: the camera shows no usable picture (a uniform or frozen image, brightness %1 of 255). Check that nothing covers the lens and that the camera works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>en</source>
        <comment>the code of the language of this catalogue: zh_CN in the Chinese one</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a step&apos;s title and its product</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A field contains an invisible or control character (for example a line break). Type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The journal on this computer was damaged. It was restored from the backup of %1, and %n session(s) recorded since then were added back from their recording files. What was saved after %1 (sign-ins, steps and account changes) may be missing. The damaged journal was kept as %2.</source>
        <translation>
            <numerusform>The journal on this computer was damaged. It was restored from the backup of %1, and %n session recorded since then was added back from its recording files. What was saved after %1 (sign-ins, steps and account changes) may be missing. The damaged journal was kept as %2.</numerusform>
            <numerusform>The journal on this computer was damaged. It was restored from the backup of %1, and %n sessions recorded since then were added back from their recording files. What was saved after %1 (sign-ins, steps and account changes) may be missing. The damaged journal was kept as %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The journal on this computer was damaged and there was no usable backup. A new journal was started and %n session(s) were added back from their recording files; the accounts and the earlier history are missing. The damaged journal was kept as %1.</source>
        <translation>
            <numerusform>The journal on this computer was damaged and there was no usable backup. A new journal was started and %n session was added back from its recording files; the accounts and the earlier history are missing. The damaged journal was kept as %1.</numerusform>
            <numerusform>The journal on this computer was damaged and there was no usable backup. A new journal was started and %n sessions were added back from their recording files; the accounts and the earlier history are missing. The damaged journal was kept as %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recording description file(s) could not be read; their sessions are missing.</source>
        <translation>
            <numerusform>%n recording description file could not be read; its session is missing.</numerusform>
            <numerusform>%n recording description files could not be read; their sessions are missing.</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer had user accounts, but the journal has none. Ask branch IT to restore the journal or to create the accounts again; no first account can be created here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell your supervisor or branch IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>《%1》</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The premium of %1 is not an amount: enter yuan, for example 12000 or 12000.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script needs these values before the recording can start: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half-yearly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your name in your account (a supervisor sets it on the accounts page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your licence number in your account (a supervisor adds it on the accounts page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the institution&apos;s full name (set by branch IT in the policy file, or by a supervisor in the settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the institution&apos;s standard short name (set by branch IT in the policy file, or by a supervisor in the settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the policyholder&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the insured person&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the application number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the premium of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the payment method of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the payment period of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value the script template does not give (%1): ask branch IT to check the template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The login must not contain spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The login is too long: at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This login is already taken. Choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the person&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The licence number may contain only digits, letters and hyphens (at most 40).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n character(s).</source>
        <translation>
            <numerusform>The password needs at least %n character.</numerusform>
            <numerusform>The password needs at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the last supervisor or IT account that can manage accounts. Create another one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The audit log of this computer was changed outside DualRec: the check at start-up found it broken at entry %1 (%n place(s) in all). Someone may have edited, deleted or reordered entries.</source>
        <translation>
            <numerusform>The audit log of this computer was changed outside DualRec: the check at start-up found it broken at entry %1 (%n place in all). Someone may have edited, deleted or reordered entries.</numerusform>
            <numerusform>The audit log of this computer was changed outside DualRec: the check at start-up found it broken at entry %1 (%n places in all). Someone may have edited, deleted or reordered entries.</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log of this computer could not be checked at start-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log was already broken when this version of DualRec took it over, so its older entries are not protected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; was created or changed outside DualRec; it cannot sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This has been written to the audit log. Ask branch IT to run &quot;dualrec verify --journal&quot; on this computer and to examine the journal.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dualrec::app::Application</name>
    <message>
        <source>dualrec: cannot use the data folder &quot;%1&quot;: it cannot be created or is not writable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built-in demo source (no camera found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>camera %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built-in demo source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dualrec: the journal in &quot;%1&quot; cannot be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dualrec: the presence guard cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dualrec: the video source cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — not working: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dualrec: the sessions left open last time could not be closed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dualrec: session %1 (application %2) was left behind last time; recording: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dualrec: DUALREC_VOICE must be builtin, system or system:ENGINE; &quot;%1&quot; is none of these, the default is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dualrec: the journal could not be backed up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dualrec: WARNING: the journal was damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dualrec: the data folder &quot;%1&quot; cannot be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dualrec: DualRec is already open for the data folder &quot;%1&quot;. That window was brought to the front; this start ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dualrec: DualRec was started again for this data folder; this window came to the front instead of a second one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dualrec: WARNING: the audit log or the accounts were changed outside DualRec (this was written to the audit log; run &quot;dualrec verify --journal&quot;):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dualrec: sealed recordings are not uploaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dualrec: the setting %1 in %2 is &quot;%3&quot;: expected %4; %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it counts as not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is used instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the camera is being started</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dualrec::ui::AccountsPage</name>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents sign in with their own account. The name and the licence number are read out in every recording: an agent without a licence number cannot start a recording. Every change here is written to the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;w password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat new password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;t new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&amp;icence number (执业证号):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing: cannot record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the account of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an account in the list to set a new password, unlock or disable it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is not locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting the password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account of %1 is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account of %1 is created. They can sign in with the login &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a new password and can sign in with it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is unlocked and can sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is disabled and can no longer sign in. Their recordings stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change was not made.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dualrec::ui::DataFolderProblemBox</name>
    <message>
        <source>DualRec cannot open its data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key that protects the recordings in the data folder %1 cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until IT restores this computer&apos;s device key, nothing can be recorded or played back here. Nothing was changed and no file was deleted. DualRec does not set this folder up anew, because it is already in use: a new key could not open the recordings in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DualRec cannot open its journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal in the data folder %1 (the sessions, accounts and audit log of this computer) cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk of the data folder is full. Free some space (technical support can help), then start DualRec again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal is damaged and no usable backup of it was found. Tell technical support; they find the reason under &quot;Show Details&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal was written by a newer version of DualRec. Ask technical support to install that version again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal file cannot be read or written there (for example, it is write-protected or the drive is gone). Start DualRec again; if this happens again, tell technical support, who find the reason under &quot;Show Details&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until then nothing can be recorded here. Nothing was changed and no recording was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dualrec::ui::EndPage</name>
    <message>
        <source>Recording ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer&apos;s receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary of the steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the recording is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All steps were recorded. Thank the customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer declined to be recorded. This product cannot be sold this way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording was aborted. Record the sale again as a new session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording failed. Record the sale again as a new session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1
SHA-256 of the recording: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No finalized recording file belongs to this session (no video source was connected, or the recording broke: see the journal). The session&apos;s steps and events are kept in the journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt of the sales recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insurer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check code: none, there is no recording file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the receipt is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let the customer scan this code with a phone: it opens the insurer&apos;s page that confirms this recording by its application number, time and check code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let the customer scan this code with a phone: it keeps the insurer, application number, time and length of this recording, with a check code the insurer can compare with the recording it keeps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording is not sealed: it could not be saved completely (see above).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sealing the recording for the insurer: %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording is sealed for the insurer and waits to be uploaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording is kept encrypted on this computer but not sealed yet: no insurer certificate is set up. Ask branch IT; it is sealed as soon as one is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording could not be sealed yet; DualRec tries again at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording stopped: the disk is full. Everything recorded until then is kept in %1. Free some space on the disk (technical support can help), then record the sale again as a new session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording stopped. Everything recorded until then is kept in %1. %2 Then record the sale again as a new session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording is saved encrypted on this computer at %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading to the insurer is not set up on this computer, so the recording stays here until branch IT sets it up.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dualrec::ui::ErrorText</name>
    <message>
        <source>Some information is missing or not in the expected form. Check what was entered and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cannot be done at this point. Follow the steps on the screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step&apos;s requirements are not met yet; the page says which.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file or record that is needed was not found. If this happens again, ask technical support for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file is damaged or not in the expected format. Ask technical support for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full. Free some space (technical support can help) and try again; what was recorded so far is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading or writing a file failed. Try again; if it happens again, ask technical support for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A camera, microphone or other device is not available. Check that it is connected and not used by another program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside this program. What was recorded so far is kept; tell technical support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored data failed its integrity check. Nothing was changed; tell technical support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The computer ran out of memory. Close other programs and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was stopped before it was done; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unknown error occurred. Tell technical support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>what failed, then why and what to do</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical detail: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The insurer&apos;s server could not be reached. The upload continues by itself when the network is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The insurer&apos;s server refused this computer&apos;s credentials. Uploads wait until branch IT fixes the upload settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The insurer&apos;s server could not prove its identity (its certificate was not accepted). Nothing was sent; tell branch IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk of the folder %1 is full. Free some space (technical support can help) and try again; what was recorded so far is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading or writing a file in the folder %1 failed. Check that the folder is there and can be written, then try again; if it happens again, ask technical support for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file that is needed was not found in the folder %1. If this happens again, ask technical support for help.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dualrec::ui::EvidenceActions</name>
    <message>
        <source>Save the QC report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This data folder has no device key, so there is no encrypted evidence to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder for the exported evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n recording(s)</source>
        <translation>
            <numerusform>%n recording</numerusform>
            <numerusform>%n recordings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n close-up photo(s)</source>
        <translation>
            <numerusform>%n close-up photo</numerusform>
            <numerusform>%n close-up photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n description file(s) of the recording</source>
        <translation>
            <numerusform>%n description file of the recording</numerusform>
            <numerusform>%n description files of the recording</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported into the folder %1: %2, as plain files anyone can open, and the list export.json with the SHA-256 of each. Keep them as confidentially as the recording itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only supervisors and IT may export evidence; your account may not (any more). Nothing was exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen folder already holds an export of this session, and an export never overwrites one. Nothing was exported; choose another folder or move the old export away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file of this session is missing from the data folder, so nothing was exported. Ask IT to restore the data folder from its backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file of this session does not match what the journal recorded (it may have been altered or damaged), so nothing was exported and what was copied was removed. Tell IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk of the chosen folder is full. What was copied was removed; free some space or choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen folder cannot be written to. What was copied was removed; choose a folder you may write in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evidence was not exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the QC report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The QC report was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The QC report was removed again because the audit log cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The QC report is saved in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result of the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;QC report (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the QC report as a PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the QC report was saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A report to look at: the verdict, the steps, who was in the picture, the customer&apos;s speech and a picture of each problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exported files can be opened by anyone. Enter your password again to confirm that it is you who exports them:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking your password, then exporting the evidence of this session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is wrong, so nothing was exported. Too many wrong passwords lock your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account is locked after too many wrong passwords, so nothing was exported. Ask a supervisor or IT to unlock it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dualrec::ui::HistoryPage</name>
    <message>
        <source>Recorded sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ &amp;Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ext page ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presence: green = as required, red = someone required was out of frame, grey = paused; lines mark the start of each step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QC verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presence timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps of the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events of the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any QC verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any upload state</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Page %1 of %2 (%n session(s))</source>
        <translation>
            <numerusform>Page %1 of %2 (%n session)</numerusform>
            <numerusform>Page %1 of %2 (%n sessions)</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a session in the table to see its steps and events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recording file is registered for this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent (name or login)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1
Agent login: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application %1, recorded by %2 on %3. %4, %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length %1, of which %2 with someone required out of the picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length %1, everyone required in the picture throughout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording file: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it was recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rule required a recording; it was recorded all the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session %1
Agent login: %2
Script: %3 (version %4)
Scope: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2, from %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)  %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The accounts cannot be read, so logins are shown instead of names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files of this session cannot be read from the journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a spot-chec&amp;k…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a spot-check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality check of the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review queue (%1 % of passed sessions sampled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quality check of this session cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic check: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic check: not done for this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spot-check: none yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spot-check: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spot-check was not saved: your account cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spot-check was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload could not be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the upload &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tries to upload this session&apos;s sealed recording again now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload this &amp;first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moves this session&apos;s recording to the front of the upload queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the upload again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload this first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dualrec::ui::LoginPage</name>
    <message>
        <source>Create the first supervisor account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with your own account. After 5 wrong passwords the account is locked for 15 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your login and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login or password is wrong. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is locked after too many wrong passwords. Try again after %1, or ask branch IT to reset the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account was created. Please sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer had user accounts, but none can be found now. Ask branch IT to restore them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The login must be one word of letters, digits or symbols, without spaces or invisible characters, at most %n character(s).</source>
        <translation>
            <numerusform>The login must be one word of letters, digits or symbols, without spaces or invisible characters, at most %n character.</numerusform>
            <numerusform>The login must be one word of letters, digits or symbols, without spaces or invisible characters, at most %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n character(s), not counting spaces at either end.</source>
        <translation>
            <numerusform>The password needs at least %n character, not counting spaces at either end.</numerusform>
            <numerusform>The password needs at least %n characters, not counting spaces at either end.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The password may have at most %n character(s).</source>
        <translation>
            <numerusform>The password may have at most %n character.</numerusform>
            <numerusform>The password may have at most %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>The password contains an invisible or control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password needs at least one letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password needs at least one digit, space or symbol besides the letters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is disabled. Ask your supervisor or branch IT to enable it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account list cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account was not created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account exists on this computer yet. The first account is a supervisor: after signing in, it creates the agents&apos; accounts under &quot;Accounts&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dualrec::ui::MainWindow</name>
    <message>
        <source>About DualRec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;DualRec %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Synchronous audio and video recording of insurance sales (双录), as the regulation requires.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DualRec — insurance sales recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DualRec · recording of insurance sales, replayable and verifiable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n script file problem(s): run &quot;dualrec script check&quot;</source>
        <translation>
            <numerusform>%n script file problem: run &quot;dualrec script check&quot;</numerusform>
            <numerusform>%n script file problems: run &quot;dualrec script check&quot;</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About DualRec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recording is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing DualRec aborts the running recording. Close anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;cripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not while a recording runs: finish or abort it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording stopped: the disk is full. Everything recorded until now is kept in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No snapshot: there is no camera picture to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording not finalized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session for application %1 was being recorded. The recording so far (%2) is saved in %3. The session is marked as failed and must be recorded again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session for application %1 was being recorded. What was recorded is kept in %2, but it could not be finalized (%3). The session is marked as failed and must be recorded again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DualRec stopped unexpectedly last time (crash, forced stop or power loss).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss the notice about interrupted sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session for application %1 was open, without a recording. It is marked as failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording of the session for application %1 was still being saved. It is now saved in %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording of the session for application %1 was still being saved. It is kept in %2, but it could not be finalized (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session for application %1 was left open, but it could not be closed (%2). DualRec tries again at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No snapshot: a close-up counts only while everyone this step needs is in the picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session for application %1 was missing from the journal. It was added back from its recording files (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice about the journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DualRec was started again for this data folder: this window stays the only one, so two windows cannot record into the same journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An action could not be written to the audit log; tell branch IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording cannot start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording stopped. Everything recorded until now is kept in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording could not be finalized, but the file %1 is complete and plays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No snapshot: the picture could not be encoded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshot could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera or microphone is gone: the session is paused. Check that it is connected; the session goes on by itself when it is back. If it does not come back, abort the session. The recording so far is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice about the settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dualrec::ui::NewSessionPage</name>
    <message>
        <source>New recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Application number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policyholder&apos;s &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policyholder&apos;s &amp;ID number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Insured person (if different):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales &amp;channel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Where the sale happens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Products sold on this application:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must this sale be recorded?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policyholder&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policyholder&apos;s ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insured person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the sale happens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products sold on this application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the recording cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18 characters, as on the ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the policyholder is insured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elsewhere (national rules only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Age: %n year(s)</source>
        <translation>
            <numerusform>Age: %n year</numerusform>
            <numerusform>Age: %n years</numerusform>
        </translation>
    </message>
    <message>
        <source>Shown once the channel and the products are chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, the whole sale must be recorded:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rule requires a recording for this sale (rules applied: %1). You may still record it if the customer agrees.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Premium per payment of %1, in yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yuan, e.g. 12000.00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment method of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment period of %1, in years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Premium per payment (yuan):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The application file %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: the application file has %n problem(s):</source>
        <translation>
            <numerusform>Nothing was imported: the application file has %n problem:</numerusform>
            <numerusform>Nothing was imported: the application file has %n problems:</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported application %1 from %2. Check the values before you start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Premium and payment, as on the application:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&amp;mport from the application system…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from the application system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads the application number, the customer and the premiums from the file the insurer&apos;s application system exports (docs/application-import.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dualrec::ui::PlaybackWidget</name>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>playing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pa&amp;use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pla&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No digest in the journal for this file (not finalized): not compared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing the file with the digest in the journal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ The file matches the SHA-256 digest in the journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ The file does NOT match the SHA-256 digest in the journal: it changed after recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read to compare it with the journal&apos;s digest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jump to step:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps of the recording (chapters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digest check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording file is missing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording file cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording %1 cannot be played: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording %1 cannot be decrypted: it was altered or damaged, or this computer&apos;s key is not the one it was recorded with. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dualrec::ui::PreflightPage</name>
    <message>
        <source>Before recording: checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the recording cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the camera picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera or video source is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera picture with the framing guide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dualrec::ui::RecordingPage</name>
    <message>
        <source>Waiting for the camera picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No video source is connected in this build, so nobody can be seen and steps that need people in the picture cannot be completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Elder-friendly mode (bigger text, slower voice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the prompt (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer answered “&amp;Yes”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer answered “&amp;No”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Abort…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason for aborting:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abort the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer wants to stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer must leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equipment problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong application details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is in the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presence warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps of the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teleprompter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elder-friendly mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer answered yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer answered no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the next step is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause or resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for aborting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm abort</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n step(s) done</source>
        <translation>
            <numerusform>%1 of %n step done</numerusform>
            <numerusform>%1 of %n steps done</numerusform>
        </translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✖ No camera picture: presence cannot be checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Agent and customer are both in the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✖ Not both in the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step asks the customer nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step needs no close-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>the step has not run long enough (%n second(s) left)</source>
        <translation>
            <numerusform>the step has not run long enough (%n second left)</numerusform>
            <numerusform>the step has not run long enough (%n seconds left)</numerusform>
        </translation>
    </message>
    <message>
        <source>the recording is paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step not yet possible: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only counts while everyone this step needs is in the picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the prompt (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window has no voice broadcast. Read the script aloud instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The voice broadcast is getting ready…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal could not save part of this session; the recording goes on. Tell technical support after the session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Take a close-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take a close-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer has not been heard answering yet. Ask them to answer in their own words; the buttons still work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The microphone has picked up almost nothing for %n second(s). Check that it is switched on, not covered and close to the customer.</source>
        <translation>
            <numerusform>The microphone has picked up almost nothing for %n second. Check that it is switched on, not covered and close to the customer.</numerusform>
            <numerusform>The microphone has picked up almost nothing for %n seconds. Check that it is switched on, not covered and close to the customer.</numerusform>
        </translation>
    </message>
    <message>
        <source>The sound is so loud that it distorts. Move the microphone a little further away or turn its volume down.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dualrec::ui::ScriptBrowserPage</name>
    <message>
        <source>whole life</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teleprompter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps of the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n products on one application</source>
        <translation>
            <numerusform>%n product on one application</numerusform>
            <numerusform>%n products on one application</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2) — %3, %4, term %5, cooling-off %n day(s)</source>
        <translation>
            <numerusform>%1 (%2) — %3, %4, term %5, cooling-off %n day</numerusform>
            <numerusform>%1 (%2) — %3, %4, term %5, cooling-off %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>This script cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dualrec::ui::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings marked with a lock are fixed by branch IT in %1 and cannot be changed here. The storage folder takes effect at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Storage folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Camera:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Microphone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Face model file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grace period (seconds out of frame before it counts):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the built-in model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by the IT policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use now: %1. From the next start: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Institution (full name):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Institution&apos;s standard s&amp;hort name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A setting was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device key is kept in the system key store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device key is kept in a file only this user can read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set by IT</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dualrec::ui::SettingsText</name>
    <message>
        <source>a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a width and height such as 1280x720</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number of seconds from 0 to 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zh_CN or en</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number of seconds from 3 to 120</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a percentage from 0 to 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a web address starting with http:// or https://, or nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most 100 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate files separated by semicolons, at most 4096 characters in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number of KiB per second from 0 to 10000000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number of days from 0 to 3650</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s key fingerprint starting with sha256/, or nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting %1 in %2 is &quot;%3&quot;, but it must be %4. DualRec treats it as not set; ask branch IT to correct it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting %1 in %2 is &quot;%3&quot;, but it must be %4. DualRec uses &quot;%5&quot; instead; ask branch IT to correct it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dualrec::ui::SpotCheckDialog</name>
    <message>
        <source>Spot-check result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Checked:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reasons:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you saw or heard (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one reason why the session failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dualrec::ui::SyncText</name>
    <message>
        <source>No recording is waiting to be uploaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading recording %1 of %2 to the insurer: %3 % done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 %n recording(s) could not be uploaded; a supervisor can try again in the history.</source>
        <translation>
            <numerusform>%1 %n recording could not be uploaded; a supervisor can try again in the history.</numerusform>
            <numerusform>%1 %n recordings could not be uploaded; a supervisor can try again in the history.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for the network: %n recording(s) will be uploaded as soon as the insurer&apos;s server can be reached.</source>
        <translation>
            <numerusform>Waiting for the network: %n recording will be uploaded as soon as the insurer&apos;s server can be reached.</numerusform>
            <numerusform>Waiting for the network: %n recordings will be uploaded as soon as the insurer&apos;s server can be reached.</numerusform>
        </translation>
    </message>
    <message>
        <source>All recordings are uploaded; the insurer confirmed receiving them complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n recording(s) could not be uploaded.</source>
        <translation>
            <numerusform>%n recording could not be uploaded.</numerusform>
            <numerusform>%n recordings could not be uploaded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recording(s) could not be uploaded; a supervisor can try again in the history.</source>
        <translation>
            <numerusform>%n recording could not be uploaded; a supervisor can try again in the history.</numerusform>
            <numerusform>%n recordings could not be uploaded; a supervisor can try again in the history.</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the network to upload the recording to the insurer (%1 % done); it continues by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued for upload to the insurer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading to the insurer: %1 % done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload to the insurer stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload to the insurer stopped; a supervisor can try again in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploaded: the insurer confirmed receiving the sealed recording complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploaded and confirmed by the insurer; the local copy was removed after the retention period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Uploads are paused because this connection is billed by data use: %n recording(s) will be uploaded as soon as the computer is on a network that is not.</source>
        <translation>
            <numerusform>Uploads are paused because this connection is billed by data use: %n recording will be uploaded as soon as the computer is on a network that is not.</numerusform>
            <numerusform>Uploads are paused because this connection is billed by data use: %n recordings will be uploaded as soon as the computer is on a network that is not.</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused because this connection is billed by data use (%1 % done); the upload continues by itself on another network.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dualrec::ui::VoiceBroadcast</name>
    <message>
        <source>Read the script aloud instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The voice broadcast cannot be used: the speech data of this computer is missing or damaged (ask IT to reinstall DualRec).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no voice engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s voice engine is not working (its speech service may not be running).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s voice engine has no Mandarin voice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s voice engine stopped working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompt&apos;s voice could not be made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No loudspeaker or headphones are connected, so the prompt cannot be heard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loudspeaker stopped working during the prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loudspeaker could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recorded prompt could not be played.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a problem, then what to do about it</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
