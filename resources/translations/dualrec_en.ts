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
        <source>qc: print the report as JSON.</source>
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
                         recording failed (disk full, device missing, write error)</source>
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
        <source>record: output folder.</source>
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
        <source>record: --template, --application-no, --agent and --out are required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record: --size must be WxH with even numbers; --fps, --duration and bit rates positive numbers</source>
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
</context>
<context>
    <name>ScriptCheck</name>
    <message>
        <source>%1 file(s) checked: %2 template(s), %3 rule set(s), %4 problem(s)</source>
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
</context>
<context>
    <name>dualrec::ui::MainWindow</name>
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
    <message numerus="yes">
        <source>%n products on one application</source>
        <translation>
            <numerusform>%n product on one application</numerusform>
            <numerusform>%n products on one application</numerusform>
        </translation>
    </message>
    <message>
        <source>This script cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2) — %3, %4, term %5, cooling-off %n day(s)</source>
        <translation>
            <numerusform>%1 (%2) — %3, %4, term %5, cooling-off %n day</numerusform>
            <numerusform>%1 (%2) — %3, %4, term %5, cooling-off %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Steps of the recording</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
