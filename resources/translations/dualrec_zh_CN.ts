<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CommandLine</name>
    <message>
        <source>Keep recordings and the journal in DIR.</source>
        <translation>将录制文件和日志保存在 DIR 目录中。</translation>
    </message>
    <message>
        <source>Video source: camera, demo (built-in test pattern) or a video FILE.</source>
        <translation>视频来源：camera（摄像头）、demo（内置测试画面）或视频文件 FILE。</translation>
    </message>
    <message>
        <source>User interface language: zh_CN or en.</source>
        <translation>界面语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>Also load script templates and rule sets from DIR (repeatable).</source>
        <translation>另从 DIR 目录加载话术模板和规则集（可多次指定）。</translation>
    </message>
    <message>
        <source>Optional command, see above.</source>
        <translation>可选命令，见上文说明。</translation>
    </message>
    <message>
        <source>--lang: expected zh_CN or en, got "%1"</source>
        <translation>--lang：应为 zh_CN 或 en，实际为 "%1"</translation>
    </message>
    <message>
        <source>--source: expected camera, demo or a readable video file; "%1" is none of these</source>
        <translation>--source：应为 camera、demo 或可读取的视频文件，"%1" 均不符合</translation>
    </message>
    <message>
        <source>script: expected "script check FILE..."</source>
        <translation>script：用法应为 "script check FILE..."</translation>
    </message>
    <message>
        <source>script check: name at least one FILE to check</source>
        <translation>script check：请至少指定一个要检查的文件 FILE</translation>
    </message>
    <message>
        <source>unknown command "%1"; see --help</source>
        <translation>未知命令 "%1"，请参阅 --help</translation>
    </message>
    <message>
        <source>YuNet face detection model (face_detection_yunet_2022mar.onnx). Without a model the Haar cascade of OpenCV is used.</source>
        <translation>YuNet 人脸检测模型（face_detection_yunet_2022mar.onnx）。未指定模型时使用 OpenCV 的 Haar 级联分类器。</translation>
    </message>
    <message>
        <source>qc: the script template the recording followed, for per-step presence requirements (needs chapter marks in the recording).</source>
        <translation>qc：录像所依据的话术模板，用于按环节确定同框要求（需要录像中有章节标记）。</translation>
    </message>
    <message>
        <source>qc: print the report as JSON.</source>
        <translation>qc：以 JSON 格式输出报告。</translation>
    </message>
    <message>
        <source>qc: seconds a party may be out of frame (or a third face in it) before it counts (default 1.5).</source>
        <translation>qc：一方离开画面（或出现第三人）持续多少秒后才计为缺陷（默认 1.5）。</translation>
    </message>
    <message>
        <source>--face-model: "%1" is not a file</source>
        <translation>--face-model："%1" 不是文件</translation>
    </message>
    <message>
        <source>qc: expected "qc FILE" with exactly one recording</source>
        <translation>qc：应为 "qc FILE"，且只能指定一个录像文件</translation>
    </message>
    <message>
        <source>--grace: expected seconds between 0 and 60, got "%1"</source>
        <translation>--grace：应为 0 到 60 之间的秒数，实际为 "%1"</translation>
    </message>
    <message>
        <source>--script, --json and --grace belong to the qc command</source>
        <translation>--script、--json 和 --grace 只能用于 qc 命令</translation>
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
                         session then ends as aborted with reason "duration limit" and the
                         recording is finalized as evidence of that. Prints where the
                         recording and its sidecar JSON are. Exit 0: recorded; 3: the
                         recording failed (disk full, device missing, write error)</source>
        <translation>DualRec 双录：通过摄像头和麦克风录制保险销售过程，逐项完成监管要求的环节，录制结果封存后排队提交保险公司。

命令（不带命令时打开主窗口）：
  script check FILE...   检查话术模板和双录范围规则文件
  qc FILE                检查录像的同框缺陷（有人离开画面、出现第三人、摄像头被遮挡）；
                         退出码 0 无缺陷，1 有缺陷，2 出错。选项：--json、--face-model、
                         --grace、--script。默认要求双方全程同框；仅当 --script 指定了话术
                         模板且录像中有按环节划分的章节标记时，才按各环节的要求检查。
  record --template ID --application-no N --agent ID --out DIR [--source camera|demo|FILE]
         [--duration S] [--answers auto]
                         无窗口录制一个会话：与应用相同的录制管线和流程。使用 --answers auto
                         时视为所有人在场，所有问题回答“是”，自动拍摄特写，每个环节一旦满足
                         要求（最短时长按实际时间计算）即完成。--duration S 在 S 秒后停止：
                         未完成的会话以“duration limit”原因中止，录像仍会定稿，作为该会话的
                         证据。输出录像及其 sidecar JSON 的位置。退出码 0：已录制；3：录制
                         失败（磁盘已满、设备缺失、写入错误）</translation>
    </message>
    <message>
        <source>record: script template (or bundle) ID.</source>
        <translation>record：话术模板（或组合）ID。</translation>
    </message>
    <message>
        <source>record: application number.</source>
        <translation>record：投保单号。</translation>
    </message>
    <message>
        <source>record: agent ID.</source>
        <translation>record：代理人 ID。</translation>
    </message>
    <message>
        <source>record: output folder.</source>
        <translation>record：输出目录。</translation>
    </message>
    <message>
        <source>record: stop after S seconds.</source>
        <translation>record：S 秒后停止。</translation>
    </message>
    <message>
        <source>record: "auto" answers and advances every step by itself.</source>
        <translation>record：“auto” 表示自动应答并自动推进每个环节。</translation>
    </message>
    <message>
        <source>record: realtime (default) or fast (demo/FILE sources only).</source>
        <translation>record：realtime（默认）或 fast（仅限 demo/文件来源）。</translation>
    </message>
    <message>
        <source>record: output size.</source>
        <translation>record：输出尺寸。</translation>
    </message>
    <message>
        <source>record: frames per second.</source>
        <translation>record：每秒帧数。</translation>
    </message>
    <message>
        <source>record: video bits per second.</source>
        <translation>record：视频码率（比特/秒）。</translation>
    </message>
    <message>
        <source>record: audio bits per second.</source>
        <translation>record：音频码率（比特/秒）。</translation>
    </message>
    <message>
        <source>record: libx264 preset.</source>
        <translation>record：libx264 预设。</translation>
    </message>
    <message>
        <source>record: use libx264 only.</source>
        <translation>record：只使用 libx264。</translation>
    </message>
    <message>
        <source>record: font file of the watermark.</source>
        <translation>record：水印字体文件。</translation>
    </message>
    <message>
        <source>record: top-left, top-right, bottom-left or bottom-right.</source>
        <translation>record：top-left、top-right、bottom-left 或 bottom-right。</translation>
    </message>
    <message>
        <source>record: --template, --application-no, --agent and --out are required</source>
        <translation>record：必须指定 --template、--application-no、--agent 和 --out</translation>
    </message>
    <message>
        <source>record: --size must be WxH with even numbers; --fps, --duration and bit rates positive numbers</source>
        <translation>record：--size 须为 宽x高 且为偶数；--fps、--duration 和码率须为正数</translation>
    </message>
    <message>
        <source>record: --answers accepts only "auto"</source>
        <translation>record：--answers 只接受 “auto”</translation>
    </message>
    <message>
        <source>record: --watermark-position must be top-left, top-right, bottom-left or bottom-right</source>
        <translation>record：--watermark-position 须为 top-left、top-right、bottom-left 或 bottom-right</translation>
    </message>
    <message>
        <source>record: "auto" (everyone counts as present, the default) or "guard" (the face detector watches the frames; --face-model).</source>
        <translation>record："auto"（视为所有人在场，默认）或 "guard"（由人脸检测查看画面；见 --face-model）。</translation>
    </message>
    <message>
        <source>record: --presence accepts "auto" or "guard"</source>
        <translation>record：--presence 只接受 "auto" 或 "guard"</translation>
    </message>
</context>
<context>
    <name>QcCommand</name>
    <message>
        <source>--script %1 is not a valid script template:</source>
        <translation>--script %1 不是有效的话术模板：</translation>
    </message>
    <message>
        <source>File: %1 (%2x%3, %4 s)</source>
        <translation>文件：%1（%2x%3，%4 秒）</translation>
    </message>
    <message>
        <source>Detector: haar (fallback: %1; %2)</source>
        <translation>检测器：haar（备用方案：%1；%2）</translation>
    </message>
    <message>
        <source>Detector: yunet (%1)</source>
        <translation>检测器：yunet（%1）</translation>
    </message>
    <message>
        <source>Checks: %1, %2 per second, %3 ms CPU per check</source>
        <translation>检测：%1 次，每秒 %2 次，每次 CPU %3 毫秒</translation>
    </message>
    <message>
        <source>Rule: agent and customer in frame all the time; grace %1 s</source>
        <translation>规则：业务员与客户全程同框；宽限 %1 秒</translation>
    </message>
    <message>
        <source>Timeline:</source>
        <translation>时间线：</translation>
    </message>
    <message numerus="yes">
        <source>%n face(s)</source>
        <translation>
            <numerusform>%n 张人脸</numerusform>
        </translation>
    </message>
    <message>
        <source>Defects: none</source>
        <translation>缺陷：无</translation>
    </message>
    <message>
        <source>Defects: %1</source>
        <translation>缺陷：%1 项</translation>
    </message>
    <message numerus="yes">
        <source>Rule: each step's presence requirement from %1 (%n chapter(s) from the %2); grace %3 s</source>
        <translation>
            <numerusform>规则：按 %1 中各环节的同框要求（%n 个章节，来自 %2）；宽限 %3 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: the recording has no chapter marks, so the steps of %1 are not told apart.</source>
        <translation>注意：录像没有章节标记，无法区分 %1 的各个环节。</translation>
    </message>
</context>
<context>
    <name>ScriptCheck</name>
    <message>
        <source>%1 file(s) checked: %2 template(s), %3 rule set(s), %4 problem(s)</source>
        <translation>已检查 %1 个文件：%2 个模板，%3 个规则集，%4 个问题</translation>
    </message>
</context>
<context>
    <name>WorkflowText</name>
    <message>
        <source>Consent to recording</source>
        <translation>同意录音录像</translation>
    </message>
    <message>
        <source>Mandated prompt</source>
        <translation>规定提示语</translation>
    </message>
    <message>
        <source>Agent identity</source>
        <translation>销售人员身份</translation>
    </message>
    <message>
        <source>Documents shown</source>
        <translation>出示文件</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>明确说明</translation>
    </message>
    <message>
        <source>Customer's answer</source>
        <translation>客户回答</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Hand-copied risk statement</source>
        <translation>抄录风险提示语</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>结束语</translation>
    </message>
    <message>
        <source>Unknown step</source>
        <translation>未知环节</translation>
    </message>
    <message>
        <source>Insurer</source>
        <translation>保险公司</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>保险责任</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>缴费信息</translation>
    </message>
    <message>
        <source>Policy term</source>
        <translation>保险期间</translation>
    </message>
    <message>
        <source>Cooling-off period</source>
        <translation>犹豫期</translation>
    </message>
    <message>
        <source>Loss on surrender</source>
        <translation>退保损失</translation>
    </message>
    <message>
        <source>Uncertain benefits</source>
        <translation>保单利益不确定</translation>
    </message>
    <message>
        <source>Exclusions</source>
        <translation>责任免除</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>no one needs to be in frame</source>
        <translation>无需人员入镜</translation>
    </message>
    <message>
        <source>agent in frame</source>
        <translation>销售人员入镜</translation>
    </message>
    <message>
        <source>agent and customer in frame</source>
        <translation>销售人员与客户同框</translation>
    </message>
    <message>
        <source>everyone in frame</source>
        <translation>全员同框</translation>
    </message>
    <message>
        <source>show the agent's ID to the camera</source>
        <translation>向镜头出示销售人员证件</translation>
    </message>
    <message>
        <source>show the customer's ID to the camera</source>
        <translation>向镜头出示客户证件</translation>
    </message>
    <message>
        <source>show the documents to the camera</source>
        <translation>向镜头出示文件</translation>
    </message>
    <message>
        <source>show the signature to the camera</source>
        <translation>向镜头展示签名</translation>
    </message>
    <message>
        <source>show the hand-copied statement to the camera</source>
        <translation>向镜头展示抄录内容</translation>
    </message>
    <message>
        <source>Life insurance</source>
        <translation>人寿保险</translation>
    </message>
    <message>
        <source>Annuity</source>
        <translation>年金保险</translation>
    </message>
    <message>
        <source>Critical illness</source>
        <translation>重大疾病保险</translation>
    </message>
    <message>
        <source>Health insurance</source>
        <translation>健康保险</translation>
    </message>
    <message>
        <source>Accident insurance</source>
        <translation>意外伤害保险</translation>
    </message>
    <message>
        <source>traditional</source>
        <translation>传统型</translation>
    </message>
    <message>
        <source>participating</source>
        <translation>分红型</translation>
    </message>
    <message>
        <source>universal</source>
        <translation>万能型</translation>
    </message>
    <message>
        <source>investment-linked</source>
        <translation>投资连结型</translation>
    </message>
    <message>
        <source>Individual agency</source>
        <translation>个人代理</translation>
    </message>
    <message>
        <source>Bancassurance</source>
        <translation>银行保险</translation>
    </message>
    <message>
        <source>Other ancillary agency</source>
        <translation>其他兼业代理</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>保险经纪</translation>
    </message>
    <message>
        <source>Direct sales</source>
        <translation>直销</translation>
    </message>
    <message>
        <source>Telephone sales</source>
        <translation>电话销售</translation>
    </message>
    <message>
        <source>Internet</source>
        <translation>互联网</translation>
    </message>
    <message>
        <source>not everyone required is in frame</source>
        <translation>应入镜人员未全部在画面中</translation>
    </message>
    <message>
        <source>the step has not run long enough</source>
        <translation>本环节时长不足</translation>
    </message>
    <message>
        <source>the customer has not answered yes</source>
        <translation>客户尚未作出肯定回答</translation>
    </message>
    <message>
        <source>no close-up snapshot taken</source>
        <translation>尚未拍摄特写画面</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>准备就绪</translation>
    </message>
    <message>
        <source>Asking for consent</source>
        <translation>征询客户同意</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>录制中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Refused by the customer</source>
        <translation>客户拒绝录制</translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation>已中止</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>录制失败</translation>
    </message>
    <message numerus="yes">
        <source>at least %n second(s)</source>
        <translation>
            <numerusform>至少 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>customer answers yes</source>
        <translation>客户须作肯定回答</translation>
    </message>
    <message>
        <source>fixed text, read word for word</source>
        <translation>固定文本，须逐字宣读</translation>
    </message>
    <message>
        <source>, </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>dualrec::app::Application</name>
    <message>
        <source>dualrec: cannot use the data folder "%1": it cannot be created or is not writable</source>
        <translation>dualrec：无法使用数据目录 "%1"：该目录无法创建或不可写入</translation>
    </message>
    <message>
        <source>built-in demo source (no camera found)</source>
        <translation>内置演示画面（未找到摄像头）</translation>
    </message>
    <message>
        <source>camera %1</source>
        <translation>摄像头 %1</translation>
    </message>
    <message>
        <source>built-in demo source</source>
        <translation>内置演示画面</translation>
    </message>
    <message>
        <source>file %1</source>
        <translation>文件 %1</translation>
    </message>
</context>
<context>
    <name>dualrec::ui::MainWindow</name>
    <message>
        <source>whole life</source>
        <translation>终身</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n 年</numerusform>
        </translation>
    </message>
    <message>
        <source>About DualRec</source>
        <translation>关于 DualRec 双录</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;DualRec %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Synchronous audio and video recording of insurance sales (双录), as the regulation requires.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;DualRec %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;按照监管要求，对保险销售过程进行同步录音录像（双录）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>DualRec — insurance sales recording</source>
        <translation>DualRec 双录 — 保险销售录音录像</translation>
    </message>
    <message>
        <source>DualRec · recording of insurance sales, replayable and verifiable</source>
        <translation>DualRec 双录 · 保险销售录音录像，可回放、可验证</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Teleprompter</source>
        <translation>提词器</translation>
    </message>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>要求</translation>
    </message>
    <message>
        <source>Video source: %1</source>
        <translation>视频来源：%1</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>数据目录：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n script file problem(s): run "dualrec script check"</source>
        <translation>
            <numerusform>话术文件有 %n 个问题：请运行 "dualrec script check" 查看</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About DualRec</source>
        <translation>关于 DualRec 双录(&amp;A)</translation>
    </message>
    <message numerus="yes">
        <source>%n products on one application</source>
        <translation>
            <numerusform>一张投保单含 %n 个产品</numerusform>
        </translation>
    </message>
    <message>
        <source>This script cannot be used: %1</source>
        <translation>此话术无法使用：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2) — %3, %4, term %5, cooling-off %n day(s)</source>
        <translation>
            <numerusform>%1（%2）— %3，%4，保险期间 %5，犹豫期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Steps of the recording</source>
        <translation>录制环节</translation>
    </message>
</context>
</TS>
