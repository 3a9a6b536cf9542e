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
        <source>--lang: expected zh_CN or en, got &quot;%1&quot;</source>
        <translation>--lang：应为 zh_CN 或 en，实际为 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--source: expected camera, demo or a readable video file; &quot;%1&quot; is none of these</source>
        <translation>--source：应为 camera、demo 或可读取的视频文件，&quot;%1&quot; 均不符合</translation>
    </message>
    <message>
        <source>script: expected &quot;script check FILE...&quot;</source>
        <translation>script：用法应为 &quot;script check FILE...&quot;</translation>
    </message>
    <message>
        <source>script check: name at least one FILE to check</source>
        <translation>script check：请至少指定一个要检查的文件 FILE</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; see --help</source>
        <translation>未知命令 &quot;%1&quot;，请参阅 --help</translation>
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
        <source>qc: seconds a party may be out of frame (or a third face in it) before it counts (default 1.5).</source>
        <translation>qc：一方离开画面（或出现第三人）持续多少秒后才计为缺陷（默认 1.5）。</translation>
    </message>
    <message>
        <source>--face-model: &quot;%1&quot; is not a file</source>
        <translation>--face-model：&quot;%1&quot; 不是文件</translation>
    </message>
    <message>
        <source>qc: expected &quot;qc FILE&quot; with exactly one recording</source>
        <translation>qc：应为 &quot;qc FILE&quot;，且只能指定一个录像文件</translation>
    </message>
    <message>
        <source>--grace: expected seconds between 0 and 60, got &quot;%1&quot;</source>
        <translation>--grace：应为 0 到 60 之间的秒数，实际为 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--script, --json and --grace belong to the qc command</source>
        <translation>--script、--json 和 --grace 只能用于 qc 命令</translation>
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
        <source>record: stop after S seconds.</source>
        <translation>record：S 秒后停止。</translation>
    </message>
    <message>
        <source>record: &quot;auto&quot; answers and advances every step by itself.</source>
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
        <source>record: --answers accepts only &quot;auto&quot;</source>
        <translation>record：--answers 只接受 “auto”</translation>
    </message>
    <message>
        <source>record: --watermark-position must be top-left, top-right, bottom-left or bottom-right</source>
        <translation>record：--watermark-position 须为 top-left、top-right、bottom-left 或 bottom-right</translation>
    </message>
    <message>
        <source>record: &quot;auto&quot; (everyone counts as present, the default) or &quot;guard&quot; (the face detector watches the frames; --face-model).</source>
        <translation>record：&quot;auto&quot;（视为所有人在场，默认）或 &quot;guard&quot;（由人脸检测查看画面；见 --face-model）。</translation>
    </message>
    <message>
        <source>record: --presence accepts &quot;auto&quot; or &quot;guard&quot;</source>
        <translation>record：--presence 只接受 &quot;auto&quot; 或 &quot;guard&quot;</translation>
    </message>
    <message>
        <source>user add: --role must be agent, supervisor or it</source>
        <translation>user add：--role 只能是 agent、supervisor 或 it</translation>
    </message>
    <message>
        <source>  self-test              check this installation (face model, scripts, encoders, SQLite,
                         OpenSSL, data folder, translations): one line per check; exit 0 when
                         every check passed, else 1</source>
        <translation>  self-test              检查本机安装是否完整（人脸模型、话术、编码器、SQLite、
                         OpenSSL、数据文件夹、翻译）：每项检查一行；全部通过时
                         退出码为 0，否则为 1</translation>
    </message>
    <message>
        <source>self-test: expected no further arguments</source>
        <translation>self-test：不接受其他参数</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>is not a readable regular file</source>
        <translation>不是可读的普通文件</translation>
    </message>
    <message>
        <source>is larger than 50 MiB</source>
        <translation>大于 50 MiB</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>is not a TrueType or OpenType font</source>
        <translation>不是 TrueType 或 OpenType 字体</translation>
    </message>
    <message>
        <source>record: %1 contains an invisible or control character (%2); it would go into the watermark and the journal</source>
        <translation>record：%1 包含不可见字符或控制字符（%2），它会进入水印和日志库</translation>
    </message>
    <message>
        <source>record: %1 is longer than 64 characters</source>
        <translation>record：%1 超过 64 个字符</translation>
    </message>
    <message>
        <source>record: --size: expected WIDTHxHEIGHT with even numbers from 160x120 to 3840x2160, got &quot;%1&quot;</source>
        <translation>record：--size 应为 WIDTHxHEIGHT，取 160x120 至 3840x2160 之间的偶数，实际为“%1”</translation>
    </message>
    <message>
        <source>record: --fps: expected a whole number from 1 to 60, got &quot;%1&quot;</source>
        <translation>record：--fps 应为 1 至 60 之间的整数，实际为“%1”</translation>
    </message>
    <message>
        <source>record: --video-bitrate: expected bits per second from 100000 to 20000000, got &quot;%1&quot;</source>
        <translation>record：--video-bitrate 应为每秒 100000 至 20000000 比特，实际为“%1”</translation>
    </message>
    <message>
        <source>record: --audio-bitrate: expected bits per second from 16000 to 320000, got &quot;%1&quot;</source>
        <translation>record：--audio-bitrate 应为每秒 16000 至 320000 比特，实际为“%1”</translation>
    </message>
    <message>
        <source>record: --duration: expected whole seconds from 1 to 86400, got &quot;%1&quot;</source>
        <translation>record：--duration 应为 1 至 86400 之间的整秒数，实际为“%1”</translation>
    </message>
    <message>
        <source>record: --x264-preset: expected one of %1, got &quot;%2&quot;</source>
        <translation>record：--x264-preset 应为 %1 之一，实际为“%2”</translation>
    </message>
    <message>
        <source>record: --pace: expected realtime or fast, got &quot;%1&quot;</source>
        <translation>record：--pace 应为 realtime 或 fast，实际为“%1”</translation>
    </message>
    <message>
        <source>record: --watermark-font: &quot;%1&quot; %2</source>
        <translation>record：--watermark-font：“%1”%2</translation>
    </message>
    <message>
        <source>user add/set: the person&apos;s name as shown in the window.</source>
        <translation>user add/set：窗口中显示的姓名。</translation>
    </message>
    <message>
        <source>user add/set: agent, supervisor or it.</source>
        <translation>user add/set：agent（业务员）、supervisor（主管）或 it（分支机构信息技术人员）。</translation>
    </message>
    <message>
        <source>user add/set: the agent&apos;s licence number (执业证号), read out in the recording.</source>
        <translation>user add/set：业务员的执业证号，录制时需要宣读。</translation>
    </message>
    <message>
        <source>user set: --role must be agent, supervisor or it</source>
        <translation>user set：--role 只能是 agent、supervisor 或 it</translation>
    </message>
    <message>
        <source>user set: give at least one of --name, --licence and --role</source>
        <translation>user set：请至少指定 --name、--licence、--role 中的一项</translation>
    </message>
    <message>
        <source>user: expected &quot;user add LOGIN --role ROLE&quot;, &quot;user reset|unlock|disable|enable LOGIN&quot;, &quot;user set LOGIN [--name NAME] [--licence NUMBER] [--role ROLE]&quot; or &quot;user list&quot;</source>
        <translation>user：应为 &quot;user add 登录名 --role 角色&quot;、&quot;user reset|unlock|disable|enable 登录名&quot;、&quot;user set 登录名 [--name 姓名] [--licence 执业证号] [--role 角色]&quot; 或 &quot;user list&quot;</translation>
    </message>
    <message>
        <source>--name, --licence and --role belong to the user add and user set commands</source>
        <translation>--name、--licence 和 --role 只用于 user add 和 user set 命令</translation>
    </message>
    <message>
        <source>record: the sale from an application file (docs/application-import.md) instead of --template and --application-no.</source>
        <translation>record：从投保单文件（见 docs/application-import.md）读取本次销售，代替 --template 和 --application-no。</translation>
    </message>
    <message>
        <source>record: --application names the template and the application number: leave out --template and --application-no</source>
        <translation>record：--application 已给出话术模板和投保单号，请不要再指定 --template 和 --application-no</translation>
    </message>
    <message>
        <source>record: --template and --application-no (or --application), --agent and --out are required</source>
        <translation>record：必须指定 --template 和 --application-no（或 --application）、--agent 以及 --out</translation>
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
                         失败（磁盘已满、设备缺失、写入错误）
  record --application FILE --agent ID --out DIR ...
                         从投保单文件读取本次销售（投保人、被保险人、渠道、省份、产品），
                         按新建录制页面的规则检查
  user add LOGIN --role agent|supervisor|it [--name NAME] [--licence NUMBER]
                         创建本机账号（分支机构信息技术人员使用）；密码从标准输入的第一行读取
  user reset LOGIN       设置新密码（从标准输入的第一行读取）并解除锁定
  user unlock LOGIN      解除因多次输错密码造成的锁定
  user disable LOGIN     停用账号，停用后不能再登录（user enable LOGIN 可重新启用）
  user set LOGIN [--name NAME] [--licence NUMBER] [--role ROLE]
                         修改账号的姓名、执业证号或角色
  user list              列出本机账号：登录名、角色、姓名、执业证号、状态
                         （除 list 以外的每条 user 命令都会写入审计日志）</translation>
    </message>
    <message>
        <source>sync: one pass, then exit.</source>
        <translation>sync：只上传一轮，然后退出。</translation>
    </message>
    <message>
        <source>sync: the insurer&apos;s upload (tus creation) URL.</source>
        <translation>sync：保险公司的上传地址（tus 创建地址）。</translation>
    </message>
    <message>
        <source>sync: trust only the CA certificates in this PEM file.</source>
        <translation>sync：只信任这个 PEM 文件里的 CA 证书。</translation>
    </message>
    <message>
        <source>sync: the SHA-256 of the server&apos;s public key (sha256/BASE64).</source>
        <translation>sync：服务器公钥的 SHA-256（sha256/BASE64 格式）。</translation>
    </message>
    <message>
        <source>sync: at most this many bytes per second.</source>
        <translation>sync：每秒最多上传这么多字节。</translation>
    </message>
    <message>
        <source>sync: expected no further arguments</source>
        <translation>sync：后面不应再有其他参数</translation>
    </message>
    <message>
        <source>sync: --bandwidth: expected bytes per second (0: no limit), got &quot;%1&quot;</source>
        <translation>sync：--bandwidth 应为每秒字节数（0 表示不限速），实际为“%1”</translation>
    </message>
    <message>
        <source>record, open, export: output folder.</source>
        <translation>record、open、export：输出文件夹。</translation>
    </message>
    <message>
        <source>qc, verify --journal: print the report as JSON.</source>
        <translation>qc、verify --journal：以 JSON 格式输出报告。</translation>
    </message>
    <message>
        <source>sync: read the upload token from standard input and keep it in the key store.</source>
        <translation>sync：从标准输入读取上传令牌并保存在密钥库中。</translation>
    </message>
    <message>
        <source>sync: --set-token only stores the token; give it without other sync options</source>
        <translation>sync：--set-token 只保存令牌，请勿与其他 sync 选项同时使用</translation>
    </message>
    <message>
        <source>--once, --endpoint, --ca-file, --pin, --bandwidth and --set-token belong to the sync command</source>
        <translation>--once、--endpoint、--ca-file、--pin、--bandwidth 和 --set-token 只能用于 sync 命令</translation>
    </message>
    <message>
        <source>  pending [--json]       how many recordings in the data folder the insurer has not acknowledged
                         yet (reads the journal only: no key, no network); exit 0 none, 1 some,
                         2 no journal there. Uninstallers run it before removing DualRec</source>
        <translation>  pending [--json]       数据文件夹中有多少段录像尚未得到保险公司确认（只读取日志：不用密钥，不联网）；
                         没有则退出码为 0，有则为 1，该处没有日志则为 2。卸载程序在删除双录之前会运行它</translation>
    </message>
    <message>
        <source>pending: expected no further arguments</source>
        <translation>pending：后面不应再有参数</translation>
    </message>
    <message>
        <source>--report belongs to the qc command</source>
        <translation>--report 只能用于 qc 命令</translation>
    </message>
</context>
<context>
    <name>DeviceKeys</name>
    <message>
        <source>The key that protects the recordings in the data folder &quot;%1&quot; cannot be opened, so nothing can be recorded or played back there. Nothing was changed and no file was deleted. Ask IT to restore the device key (details: %2).</source>
        <translation>保护数据文件夹“%1”中录像的密钥无法打开，因此无法在该文件夹中录制或回放。没有任何改动，也没有删除任何文件。请分支机构信息技术人员恢复本机密钥（详情：%2）。</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message numerus="yes">
        <source>%n plain file(s) in %1; keep them as confidentially as the recording itself</source>
        <translation>
            <numerusform>已在 %1 中写入 %n 个明文文件；请像对待录制原件一样严格保密</numerusform>
        </translation>
    </message>
    <message>
        <source>export: the supervisor or IT account that exports (its password on the first line of standard input).</source>
        <translation>export：执行导出的主管或信息技术人员账号（密码在标准输入的第一行给出）。</translation>
    </message>
    <message>
        <source>  export SESSION_ID --out DIR --user LOGIN
                         plain copies of a session&apos;s recording, snapshots and sidecar for legal
                         or complaint handling, in the new folder DIR/SESSION_ID with export.json;
                         supervisors and IT only, the password on the first line of standard
                         input; written to the audit log. Prints &quot;SHA-256  FILE&quot; per copy. Exit
                         0 exported, 1 refused, 2 wrong input</source>
        <translation>  export SESSION_ID --out DIR --user LOGIN
                         为法务或投诉处理导出一次录制的明文副本（录像、抓拍和附属说明文件），
                         写入新建的文件夹 DIR/SESSION_ID，并附 export.json 清单；
                         仅限主管和信息技术人员，密码在标准输入的第一行给出；
                         每次导出都记入审计日志。每个副本输出一行“SHA-256  文件”。
                         退出码：0 已导出，1 被拒绝，2 输入有误</translation>
    </message>
    <message>
        <source>export: expected &quot;export SESSION_ID --out DIR --user LOGIN&quot;</source>
        <translation>export：用法应为“export SESSION_ID --out DIR --user LOGIN”</translation>
    </message>
    <message>
        <source>export: &quot;%1&quot; is not a session id (expected a UUID such as 1df3086b-e6f7-4463-891d-95999a1913be)</source>
        <translation>export：“%1”不是录制编号（应为形如 1df3086b-e6f7-4463-891d-95999a1913be 的编号）</translation>
    </message>
    <message>
        <source>--out: &quot;%1&quot; is not a folder</source>
        <translation>--out：“%1”不是文件夹</translation>
    </message>
    <message>
        <source>only supervisors and IT may export evidence; %1 is not one of them, nothing was exported</source>
        <translation>只有主管和信息技术人员可以导出录制资料；%1 不在其列，未导出任何文件</translation>
    </message>
    <message>
        <source>this data folder has no device key, so it holds no encrypted evidence to export</source>
        <translation>此数据文件夹没有设备密钥，因此没有可导出的加密录制资料</translation>
    </message>
    <message>
        <source>session %1 was not exported: %2</source>
        <translation>录制 %1 未能导出：%2</translation>
    </message>
    <message>
        <source>--user belongs to the export and qc --report commands</source>
        <translation>--user 只能用于 export 和 qc --report 命令</translation>
    </message>
    <message>
        <source>nothing was exported</source>
        <translation>未导出任何文件</translation>
    </message>
</context>
<context>
    <name>HistoryText</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>step %1 “%2”</source>
        <translation>第%1步“%2”</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>第%1步</translation>
    </message>
    <message>
        <source>the customer agreed to be recorded</source>
        <translation>客户同意录音录像</translation>
    </message>
    <message>
        <source>the customer declined to be recorded</source>
        <translation>客户拒绝录音录像</translation>
    </message>
    <message>
        <source>paused by the agent</source>
        <translation>业务员暂停</translation>
    </message>
    <message>
        <source>the camera or the microphone was lost</source>
        <translation>摄像头或麦克风断开了</translation>
    </message>
    <message>
        <source>the customer wants to stop</source>
        <translation>客户希望停止</translation>
    </message>
    <message>
        <source>the customer must leave</source>
        <translation>客户需要离开</translation>
    </message>
    <message>
        <source>an equipment problem</source>
        <translation>设备故障</translation>
    </message>
    <message>
        <source>wrong application details</source>
        <translation>投保信息有误</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>the window was closed during the recording</source>
        <translation>录制过程中窗口被关闭</translation>
    </message>
    <message>
        <source>the recording file could not be written</source>
        <translation>录像文件无法写入</translation>
    </message>
    <message>
        <source>the recording could not start</source>
        <translation>录制无法开始</translation>
    </message>
    <message>
        <source>DualRec stopped while the session was open (a crash, a forced stop or a power cut); it was closed at the next start</source>
        <translation>录制进行中本软件意外停止（程序崩溃、被强制关闭或断电），已在下次启动时结束本次录制</translation>
    </message>
    <message>
        <source>the recording program was stopped</source>
        <translation>录制程序被停止</translation>
    </message>
    <message>
        <source>the set recording time was reached</source>
        <translation>已达到设定的录制时长</translation>
    </message>
    <message>
        <source>the video source ended</source>
        <translation>视频来源已结束</translation>
    </message>
    <message>
        <source>a reason given in the technical details</source>
        <translation>原因见技术详情（鼠标悬停可查看）</translation>
    </message>
    <message>
        <source>%1 prepared a recording.</source>
        <translation>%1准备了一次录制。</translation>
    </message>
    <message>
        <source>%1 prepared a recording of %2.</source>
        <translation>%1准备录制“%2”的销售过程。</translation>
    </message>
    <message>
        <source>It records again a sale whose earlier recording was not usable.</source>
        <translation>这是对一次未能使用的录制的重新录制。</translation>
    </message>
    <message>
        <source>%1 started the recording; the customer is asked for consent.</source>
        <translation>%1开始录制，正在征询客户同意。</translation>
    </message>
    <message>
        <source>The customer agreed to be recorded.</source>
        <translation>客户同意录音录像。</translation>
    </message>
    <message>
        <source>The customer declined to be recorded; the session ended.</source>
        <translation>客户拒绝录音录像，本次录制结束。</translation>
    </message>
    <message>
        <source>%1 paused the recording.</source>
        <translation>%1暂停了录制。</translation>
    </message>
    <message>
        <source>The recording was paused.</source>
        <translation>录制已暂停。</translation>
    </message>
    <message>
        <source>The recording paused by itself: %1.</source>
        <translation>录制自动暂停：%1。</translation>
    </message>
    <message>
        <source>%1 resumed the recording.</source>
        <translation>%1继续录制。</translation>
    </message>
    <message>
        <source>All steps are done; the recording ended.</source>
        <translation>全部环节已完成，录制结束。</translation>
    </message>
    <message>
        <source>%1 aborted the recording, reason: %2.</source>
        <translation>%1中止了录制，原因：%2。</translation>
    </message>
    <message>
        <source>The recording was aborted.</source>
        <translation>录制已中止。</translation>
    </message>
    <message>
        <source>The recording was aborted: %1.</source>
        <translation>录制已中止：%1。</translation>
    </message>
    <message>
        <source>The session was interrupted: %1.</source>
        <translation>录制被中断：%1。</translation>
    </message>
    <message>
        <source>The recording failed.</source>
        <translation>录制失败。</translation>
    </message>
    <message>
        <source>The recording failed: %1.</source>
        <translation>录制失败：%1。</translation>
    </message>
    <message>
        <source>The session went from “%1” to “%2”.</source>
        <translation>录制状态由“%1”变为“%2”。</translation>
    </message>
    <message>
        <source>%1 began; not everyone it requires is in the picture yet.</source>
        <translation>%1开始，但应在画面中的人尚未到齐。</translation>
    </message>
    <message>
        <source>%1 began.</source>
        <translation>%1开始。</translation>
    </message>
    <message>
        <source>%1 is done.</source>
        <translation>%1完成。</translation>
    </message>
    <message>
        <source>%1 is done after %2.</source>
        <translation>%1完成，计时%2。</translation>
    </message>
    <message>
        <source>Someone required was out of the picture for %1 of it.</source>
        <translation>其中有%1应在画面中的人不在画面中。</translation>
    </message>
    <message>
        <source>%1 could not be completed yet.</source>
        <translation>%1尚不能完成。</translation>
    </message>
    <message>
        <source>%1 could not be completed yet: %2.</source>
        <translation>%1尚不能完成：%2。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>In %1 the customer answered “yes”.</source>
        <translation>%1：客户回答“是”。</translation>
    </message>
    <message>
        <source>In %1 the customer answered “no”.</source>
        <translation>%1：客户回答“否”。</translation>
    </message>
    <message>
        <source>In %1 the customer&apos;s answer was recorded.</source>
        <translation>%1：已记录客户的回答。</translation>
    </message>
    <message>
        <source>In %1 a close-up was taken.</source>
        <translation>%1：已拍摄特写。</translation>
    </message>
    <message>
        <source>In %1 everyone required is in the picture again.</source>
        <translation>%1：应在画面中的人已重新到齐。</translation>
    </message>
    <message>
        <source>In %1 the agent and the customer left the picture.</source>
        <translation>%1：业务员和客户离开了画面。</translation>
    </message>
    <message>
        <source>In %1 the agent left the picture.</source>
        <translation>%1：业务员离开了画面。</translation>
    </message>
    <message>
        <source>In %1 the customer left the picture.</source>
        <translation>%1：客户离开了画面。</translation>
    </message>
    <message>
        <source>In %1 someone else the step requires (the insured or a guardian) was not in the picture.</source>
        <translation>%1：本环节要求的其他人（被保险人或监护人）不在画面中。</translation>
    </message>
    <message>
        <source>In %1 someone required left the picture.</source>
        <translation>%1：有应在画面中的人离开了画面。</translation>
    </message>
    <message>
        <source>An event the history does not know (see the technical details).</source>
        <translation>无法识别的事件（详见技术详情）。</translation>
    </message>
    <message>
        <source>Awaiting QC</source>
        <translation>待质检</translation>
    </message>
    <message>
        <source>QC passed</source>
        <translation>质检通过</translation>
    </message>
    <message>
        <source>QC failed</source>
        <translation>质检未通过</translation>
    </message>
    <message>
        <source>Not queued for upload</source>
        <translation>未排队上传</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1小时%2分</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1分%2秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1秒</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>two sentences in a row</comment>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>recorded from the command line, without a scope decision</source>
        <translation>通过命令行录制，未作适用范围判断</translation>
    </message>
    <message>
        <source>taken back into the journal from the recording&apos;s sidecar file</source>
        <translation>根据录像的附属说明文件重新登记到日志</translation>
    </message>
    <message>
        <source>see the technical details</source>
        <translation>详见技术详情（鼠标悬停可查看）</translation>
    </message>
    <message>
        <source>Waiting for upload</source>
        <translation>等待上传</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>正在上传</translation>
    </message>
    <message>
        <source>Upload stopped: needs attention</source>
        <translation>上传已暂停，需要处理</translation>
    </message>
    <message>
        <source>Received by the insurer</source>
        <translation>保险公司已收到</translation>
    </message>
    <message>
        <source>Received by the insurer, removed from this computer</source>
        <translation>保险公司已收到，已从本机删除</translation>
    </message>
    <message>
        <source>QC: review needed</source>
        <translation>质检：需复核</translation>
    </message>
</context>
<context>
    <name>PendingCommand</name>
    <message>
        <source>there is no DualRec journal in %1 (check --data-dir)</source>
        <translation>%1 中没有双录日志（请检查 --data-dir）</translation>
    </message>
    <message>
        <source>The insurer has acknowledged every recording in %1, or there is none: nothing would be lost.</source>
        <translation>%1 中的录像均已得到保险公司确认，或者其中没有录像：不会丢失任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>%n recording(s) in %1 are not yet acknowledged by the insurer (%2 not sealed yet, %3 sealed and not yet acknowledged after upload). They exist only on this computer: keep this folder.</source>
        <translation>
            <numerusform>%1 中有 %n 段录像尚未得到保险公司确认（%2 段尚未封存，%3 段已封存但上传后尚未得到确认）。这些录像只存在于这台电脑上：请保留该文件夹。</numerusform>
        </translation>
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
        <source>Rule: each step&apos;s presence requirement from %1 (%n chapter(s) from the %2); grace %3 s</source>
        <translation>
            <numerusform>规则：按 %1 中各环节的同框要求（%n 个章节，来自 %2）；宽限 %3 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: the recording has no chapter marks, so the steps of %1 are not told apart.</source>
        <translation>注意：录像没有章节标记，无法区分 %1 的各个环节。</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>结论：%1</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>步骤 %1</translation>
    </message>
</context>
<context>
    <name>QcReportCommand</name>
    <message>
        <source>qc: write the session&apos;s QC report to this PDF file.</source>
        <translation>qc：把这场录制的质检报告写入这个 PDF 文件。</translation>
    </message>
    <message>
        <source>  qc --report FILE.pdf SESSION_ID --user LOGIN
                         the session&apos;s QC report as a PDF: the verdict, the steps, who was in
                         the picture, the customer&apos;s speech and each reason with a picture of
                         its moment; supervisors and IT only, the password on the first line of
                         standard input; written to the audit log. Exit 0 written, 1 refused,
                         2 wrong input</source>
        <translation>  qc --report FILE.pdf SESSION_ID --user LOGIN
                         生成这场录制的质检报告（PDF）：质检结论、各环节、谁在画面中、客户的
                         说话情况，以及每个问题和当时的画面；仅限主管和分支机构信息技术人员，密码从标准
                         输入的第一行读取；写入审计日志。退出码 0 已生成，1 被拒绝，2 输入有误</translation>
    </message>
    <message>
        <source>qc --report: expected &quot;qc --report FILE.pdf SESSION_ID --user LOGIN&quot;</source>
        <translation>qc --report：用法应为 &quot;qc --report FILE.pdf SESSION_ID --user LOGIN&quot;</translation>
    </message>
    <message>
        <source>qc --report: &quot;%1&quot; is not a session id (expected a UUID such as 1df3086b-e6f7-4463-891d-95999a1913be)</source>
        <translation>qc --report：&quot;%1&quot; 不是录制编号（应为 UUID，例如 1df3086b-e6f7-4463-891d-95999a1913be）</translation>
    </message>
    <message>
        <source>qc --report: --script, --json and --grace check a recording file; leave them out</source>
        <translation>qc --report：--script、--json 和 --grace 用于检查录像文件，这里请不要指定</translation>
    </message>
    <message>
        <source>--report: the folder of %1 does not exist</source>
        <translation>--report：%1 所在的文件夹不存在</translation>
    </message>
    <message>
        <source>--report: %1 is a folder; name the PDF file to write</source>
        <translation>--report：%1 是文件夹，请指定要写入的 PDF 文件</translation>
    </message>
    <message>
        <source>the audit log cannot be written: %1</source>
        <translation>无法写入审计日志：%1</translation>
    </message>
    <message>
        <source>only supervisors and IT may write QC reports; %1 is not one of them, no report was written</source>
        <translation>只有主管和分支机构信息技术人员可以生成质检报告；%1 不是，没有生成报告</translation>
    </message>
    <message>
        <source>session %1 is not in the journal of %2; no report was written</source>
        <translation>%2 的日志库中没有录制 %1，没有生成报告</translation>
    </message>
    <message>
        <source>session %1 cannot be read from the journal: %2; no report was written</source>
        <translation>无法从日志库读取录制 %1：%2；没有生成报告</translation>
    </message>
    <message>
        <source>the report of session %1 was not written: %2</source>
        <translation>录制 %1 的报告没有生成：%2</translation>
    </message>
    <message>
        <source>the report was removed again because the audit log could not record it</source>
        <translation>审计日志无法记录这份报告，报告已删除</translation>
    </message>
    <message>
        <source>the QC report of application %1 is in %2; it shows the customer, keep it as confidentially as the recording</source>
        <translation>投保单 %1 的质检报告已保存在 %2；报告中有客户的画面，请像录像一样保密保存</translation>
    </message>
    <message>
        <source>no report was written</source>
        <translation>没有生成报告</translation>
    </message>
</context>
<context>
    <name>QcReportPdf</name>
    <message>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>第%1步</translation>
    </message>
    <message>
        <source>QC-report-%1-%2.pdf</source>
        <comment>file name: application number, date</comment>
        <translation>质检报告-%1-%2.pdf</translation>
    </message>
    <message>
        <source>QC report of application %1</source>
        <translation>投保单 %1 的质检报告</translation>
    </message>
    <message>
        <source>DualRec QC report, made %1</source>
        <translation>DualRec 质检报告，生成于 %1</translation>
    </message>
    <message>
        <source>%1 · recording check code %2</source>
        <translation>%1 · 录像校验码 %2</translation>
    </message>
    <message>
        <source>Recording quality check report</source>
        <translation>双录质检报告</translation>
    </message>
    <message>
        <source>Application %1</source>
        <translation>投保单号 %1</translation>
    </message>
    <message>
        <source>%1 (licence number %2)</source>
        <translation>%1（执业证号 %2）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <source>%1, length %2</source>
        <translation>%1，时长%2</translation>
    </message>
    <message>
        <source>Application number</source>
        <translation>投保单号</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>录制时间</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>录制结果</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>质检时间</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未质检</translation>
    </message>
    <message>
        <source>Spot-checks</source>
        <translation>抽检</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <source>Check code</source>
        <translation>录像校验码</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>In the picture</source>
        <translation>在场情况</translation>
    </message>
    <message>
        <source>Customer speaking</source>
        <translation>客户说话</translation>
    </message>
    <message>
        <source>The microphone was not analysed for speech in this session.</source>
        <translation>本场录制没有分析麦克风中的说话声。</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>both in the picture</source>
        <translation>双方都在画面中</translation>
    </message>
    <message>
        <source>customer away</source>
        <translation>客户不在画面中</translation>
    </message>
    <message>
        <source>agent away</source>
        <translation>业务员不在画面中</translation>
    </message>
    <message>
        <source>nobody in the picture</source>
        <translation>画面中没有人</translation>
    </message>
    <message>
        <source>a third person</source>
        <translation>有第三人</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>the customer must answer</source>
        <translation>需要客户回答的环节</translation>
    </message>
    <message>
        <source>customer speaking</source>
        <translation>客户说话</translation>
    </message>
    <message>
        <source>fails the check</source>
        <translation>不通过</translation>
    </message>
    <message>
        <source>to be reviewed</source>
        <translation>需复核</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Time taken</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>最短要求</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>No step was started in this session.</source>
        <translation>本场录制没有开始任何环节。</translation>
    </message>
    <message numerus="yes">
        <source>%n fail(s) the check</source>
        <translation>
            <numerusform>%n 项不通过</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n 项需复核</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message numerus="yes">
        <source>What was found (%n)</source>
        <translation>
            <numerusform>发现的问题（%n 项）</numerusform>
        </translation>
    </message>
    <message>
        <source>The pictures of the recording cannot be shown. %1</source>
        <translation>无法显示录像画面。%1</translation>
    </message>
    <message>
        <source>The automatic check has not been done for this session.</source>
        <translation>本场录制还没有做自动质检。</translation>
    </message>
    <message>
        <source>Nothing was found that the insurer rejects recordings for.</source>
        <translation>没有发现保险公司会退回录像的问题。</translation>
    </message>
    <message>
        <source>Fails the check</source>
        <translation>不通过</translation>
    </message>
    <message>
        <source>To be reviewed</source>
        <translation>需复核</translation>
    </message>
    <message>
        <source>No picture of this moment</source>
        <translation>这一刻没有画面</translation>
    </message>
    <message>
        <source>Picture at %1 of the recording</source>
        <translation>录像第 %1 的画面</translation>
    </message>
    <message>
        <source>No recording is registered for this session.</source>
        <translation>这条录制没有登记录像文件。</translation>
    </message>
    <message>
        <source>The recording cannot be read.</source>
        <translation>无法读取录像。</translation>
    </message>
</context>
<context>
    <name>QcText</name>
    <message>
        <source>Quality check passed: nothing was found that the insurer rejects recordings for.</source>
        <translation>质检通过：没有发现保险公司会退回录像的问题。</translation>
    </message>
    <message>
        <source>Quality check: a supervisor should look at this recording for the reasons below.</source>
        <translation>质检：因下列原因，这段录像需要主管复核。</translation>
    </message>
    <message>
        <source>Quality check failed: the insurer would reject this recording for the reasons below. Record the sale again.</source>
        <translation>质检不通过：保险公司会因下列原因退回这段录像。请重新录制这笔销售。</translation>
    </message>
    <message>
        <source>The quality check has not been done yet.</source>
        <translation>尚未进行质检。</translation>
    </message>
    <message>
        <source>someone the step needs was out of the picture</source>
        <translation>本步骤要求在场的人不在画面中</translation>
    </message>
    <message>
        <source>a third person was in the picture</source>
        <translation>画面中出现了第三人</translation>
    </message>
    <message>
        <source>the camera was covered or the picture froze</source>
        <translation>摄像头被遮挡或画面静止不动</translation>
    </message>
    <message>
        <source>the recording has a gap (camera or microphone lost, or picture or sound missing)</source>
        <translation>录像有中断（摄像头或麦克风断开，或画面、声音缺失）</translation>
    </message>
    <message>
        <source>the step was completed faster than its minimum time</source>
        <translation>这一步完成得比规定的最短时间还快</translation>
    </message>
    <message>
        <source>no answer from the customer could be heard</source>
        <translation>没有听到客户的回答</translation>
    </message>
    <message>
        <source>there is no sound in the recording</source>
        <translation>录像中没有声音</translation>
    </message>
    <message>
        <source>the sound is too loud and distorted</source>
        <translation>声音过大而失真</translation>
    </message>
    <message>
        <source>an unknown problem was found</source>
        <translation>发现了未知的问题</translation>
    </message>
    <message>
        <source>%1 (fails the check)</source>
        <translation>%1（不通过）</translation>
    </message>
    <message>
        <source>%1 (to be reviewed)</source>
        <translation>%1（待复核）</translation>
    </message>
    <message>
        <source>In %1, from %2 to %3: %4.</source>
        <translation>%1，录像第 %2 至 %3：%4。</translation>
    </message>
    <message>
        <source>From %1 to %2 of the recording: %3.</source>
        <translation>录像第 %1 至 %2：%3。</translation>
    </message>
    <message>
        <source>In %1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <source>In the recording: %1.</source>
        <translation>录像中：%1。</translation>
    </message>
    <message>
        <source>Someone was out of the picture</source>
        <translation>有人不在画面中</translation>
    </message>
    <message>
        <source>A third person was present</source>
        <translation>有第三人在场</translation>
    </message>
    <message>
        <source>Camera covered</source>
        <translation>摄像头被遮挡</translation>
    </message>
    <message>
        <source>Gap in the recording</source>
        <translation>录像中断</translation>
    </message>
    <message>
        <source>Step rushed</source>
        <translation>步骤过快</translation>
    </message>
    <message>
        <source>No audible answer</source>
        <translation>听不到回答</translation>
    </message>
    <message>
        <source>No sound</source>
        <translation>没有声音</translation>
    </message>
    <message>
        <source>Sound distorted</source>
        <translation>声音失真</translation>
    </message>
    <message>
        <source>Script not followed</source>
        <translation>未按话术讲解</translation>
    </message>
    <message>
        <source>Misleading statement</source>
        <translation>销售误导</translation>
    </message>
    <message>
        <source>Answer unclear</source>
        <translation>回答不清楚</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>%1 spot-checked the session on %2: passed.</source>
        <translation>%1 于 %2 抽检了本场录制：通过。</translation>
    </message>
    <message>
        <source>%1 spot-checked the session on %2: failed.</source>
        <translation>%1 于 %2 抽检了本场录制：不通过。</translation>
    </message>
    <message>
        <source>%1 spot-checked %2 on %3: passed.</source>
        <translation>%1 于 %3 抽检了%2：通过。</translation>
    </message>
    <message>
        <source>%1 spot-checked %2 on %3: failed.</source>
        <translation>%1 于 %3 抽检了%2：不通过。</translation>
    </message>
    <message>
        <source>Reasons: %1.</source>
        <translation>原因：%1。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>the agent was out of the picture, though the step needs the agent</source>
        <translation>本步骤要求业务员在场，但业务员不在画面中</translation>
    </message>
    <message>
        <source>the customer was out of the picture, though the step needs the customer</source>
        <translation>本步骤要求客户在场，但客户不在画面中</translation>
    </message>
    <message>
        <source>There is no recording of this session, or it holds no picture: nothing shows the sale (fails the check).</source>
        <translation>本次双录没有录像，或录像中没有画面：没有任何记录能证明这次销售过程（不通过）。</translation>
    </message>
    <message>
        <source>No recording</source>
        <translation>没有录像</translation>
    </message>
    <message>
        <source>The session did not finish (it was stopped, failed, or the customer declined): the recording does not cover every step (fails the check).</source>
        <translation>本次录制没有完成（被中止、出错，或客户拒绝）：录像没有覆盖全部环节（不通过质检）。</translation>
    </message>
    <message>
        <source>Session not finished</source>
        <translation>录制未完成</translation>
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
    <name>SealCommand</name>
    <message>
        <source>&quot;%1&quot; is not a readable file below 1 MiB</source>
        <translation>“%1”不是可读取且小于 1 MiB 的文件</translation>
    </message>
    <message>
        <source>an owner-only file in %1 (readable by anyone who has this disk)</source>
        <translation>%1 中仅本人可读的文件（拿到这块硬盘的人都能读取）</translation>
    </message>
    <message>
        <source>the operating system&apos;s key store (%1)</source>
        <translation>操作系统的密钥库（%1）</translation>
    </message>
    <message>
        <source>there is no DualRec journal in %1 (check --data-dir)</source>
        <translation>%1 中没有 DualRec 日志（请检查 --data-dir）</translation>
    </message>
    <message>
        <source>insurer certificate: %1</source>
        <translation>保险公司证书：%1</translation>
    </message>
    <message>
        <source>cannot open the journal in %1: %2</source>
        <translation>无法打开 %1 中的日志：%2</translation>
    </message>
    <message>
        <source>there is no session %1 in the journal of %2</source>
        <translation>%2 的日志中没有会话 %1</translation>
    </message>
    <message>
        <source>session %1 is not sealed: no insurer certificate is configured. Give --insurer-cert FILE.pem, or have IT set seal/insurerCertificates in the policy file.</source>
        <translation>会话 %1 未封存：尚未配置保险公司证书。请用 --insurer-cert 文件.pem 指定，或请信息技术人员在策略文件中设置 seal/insurerCertificates。</translation>
    </message>
    <message>
        <source>session %1 was not sealed: %2</source>
        <translation>会话 %1 未封存：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a file</source>
        <translation>“%1”不是文件</translation>
    </message>
    <message>
        <source>the package does not verify: %1</source>
        <translation>证据包未通过校验：%1</translation>
    </message>
    <message>
        <source>the package verifies</source>
        <translation>证据包校验通过</translation>
    </message>
    <message>
        <source>nothing unauthenticated was written: %1</source>
        <translation>未写出任何未经认证的内容：%1</translation>
    </message>
    <message>
        <source>this device&apos;s signing key cannot be opened: %1</source>
        <translation>无法打开本设备的签名密钥：%1</translation>
    </message>
    <message>
        <source>certificate SHA-256 %1; the private key is kept in %2</source>
        <translation>证书 SHA-256 %1；私钥保存在：%2</translation>
    </message>
    <message>
        <source>seal: the insurer&apos;s certificate (PEM) to encrypt to (repeatable).</source>
        <translation>seal：加密所用的保险公司证书（PEM），可多次指定。</translation>
    </message>
    <message>
        <source>verify, open: the insurer&apos;s private key (PEM).</source>
        <translation>verify、open：保险公司的私钥（PEM）。</translation>
    </message>
    <message>
        <source>verify: certificates (PEM) the device&apos;s certificate must be enrolled with.</source>
        <translation>verify：设备证书必须登记在其下的证书（PEM）。</translation>
    </message>
    <message>
        <source>seal: expected &quot;seal SESSION_ID&quot; with exactly one session id</source>
        <translation>seal：应为“seal 会话编号”，且只能有一个会话编号</translation>
    </message>
    <message>
        <source>seal: &quot;%1&quot; is not a session id (expected a UUID such as 1df3086b-e6f7-4463-891d-95999a1913be)</source>
        <translation>seal：“%1”不是会话编号（应为 UUID，例如 1df3086b-e6f7-4463-891d-95999a1913be）</translation>
    </message>
    <message>
        <source>verify: expected &quot;verify PACKAGE&quot; with exactly one package</source>
        <translation>verify：应为“verify 证据包”，且只能有一个证据包</translation>
    </message>
    <message>
        <source>open: expected &quot;open PACKAGE --insurer-key KEY.pem --out DIR&quot;</source>
        <translation>open：应为“open 证据包 --insurer-key 密钥.pem --out 文件夹”</translation>
    </message>
    <message>
        <source>device: expected &quot;device csr&quot;</source>
        <translation>device：应为“device csr”</translation>
    </message>
    <message>
        <source>--insurer-cert belongs to the seal command</source>
        <translation>--insurer-cert 只用于 seal 命令</translation>
    </message>
    <message>
        <source>--insurer-key belongs to the verify and open commands</source>
        <translation>--insurer-key 只用于 verify 和 open 命令</translation>
    </message>
    <message>
        <source>--ca belongs to the verify command</source>
        <translation>--ca 只用于 verify 命令</translation>
    </message>
    <message>
        <source>device signing key: %1</source>
        <translation>设备签名密钥：%1</translation>
    </message>
    <message>
        <source>device signing key: not made yet; it will be kept in %1</source>
        <translation>设备签名密钥：尚未生成；生成后将保存在：%1</translation>
    </message>
    <message>
        <source>verify: check the data folder&apos;s journal, audit log, accounts and media files instead of a package.</source>
        <translation>verify：检查数据文件夹的日志库、审计日志、账户和媒体文件，而不是证据包。</translation>
    </message>
    <message>
        <source>verify --journal: expected no package and no --insurer-key or --ca (the data folder comes from --data-dir)</source>
        <translation>verify --journal：不接受证据包，也不接受 --insurer-key 或 --ca（数据文件夹由 --data-dir 指定）。</translation>
    </message>
    <message>
        <source>--journal belongs to the verify command</source>
        <translation>--journal 只能用于 verify 命令。</translation>
    </message>
    <message>
        <source>timestamp: %1</source>
        <translation>时间戳：%1</translation>
    </message>
    <message>
        <source>timestamp: none yet (%1); the package is sealed, and its timestamp is asked for again later (by the window, or by running this command again)</source>
        <translation>时间戳：暂时没有（%1）。证据包已封存，稍后会再次申请时间戳（由程序窗口自动申请，或再次运行本命令）。</translation>
    </message>
    <message>
        <source>verify, open: the timestamp authority&apos;s CA certificates (PEM) PACKAGE.tsr must chain to.</source>
        <translation>verify、open：时间戳机构的 CA 证书（PEM），PACKAGE.tsr 必须由其签发的时间戳机构证书签名。</translation>
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
        <translation>  seal SESSION_ID [--insurer-cert PEM]...
                         将已结束的会话封存为交给保险公司的证据包（由本设备签名，
                         按保险公司证书加密）；最后一行输出证据包路径。退出码 0 已封存，
                         1 未封存，2 出错
  verify PACKAGE [--insurer-key KEY.pem] [--ca CERT.pem] [--tsa-ca CERT.pem]
                         校验封存的证据包及其时间戳 PACKAGE.tsr，每项检查一行；全部通过时
                         退出码为 0，有检查未通过为 1，命令行有误为 2
  verify --journal [--data-dir D] [--json]
                         检查数据文件夹：日志库（SQLite）、带密钥的审计链、每个账户的密钥封印，
                         并按日志库重新计算所有未封存会话的媒体文件的 SHA-256；每处问题一行
                         （行号和不符之处）；全部通过时退出码为 0，有问题为 1，没有日志库为 2
  open PACKAGE --insurer-key KEY.pem --out DIR
                         保险公司一方：解密校验通过的证据包中的文件；
                         每个文件只有通过认证后才会写出
  device csr             输出本设备签名密钥的证书签名请求（CSR）</translation>
    </message>
    <message>
        <source>--tsa-ca belongs to the verify and open commands</source>
        <translation>--tsa-ca 只能用于 verify 和 open 命令。</translation>
    </message>
    <message>
        <source>no timestamp is requested: the timestamp authority&apos;s CA certificate (setting seal/tsaCaCertificates) cannot be read: %1</source>
        <translation>不申请时间戳：无法读取时间戳机构的 CA 证书（设置项 seal/tsaCaCertificates）：%1</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <source>Translations: missing or empty: %1.</source>
        <translation>翻译：以下文件缺失或为空：%1。</translation>
    </message>
    <message>
        <source>Translations: the Chinese and English texts of DualRec and Qt&apos;s Chinese texts are present.</source>
        <translation>翻译：双录的中文和英文文字以及 Qt 的中文文字齐全。</translation>
    </message>
    <message numerus="yes">
        <source>Scripts and rules: %n problem(s); the first: %1</source>
        <translation>
            <numerusform>话术和规则：发现 %n 个问题，第一个是：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Scripts and rules: no script template or no scope rule set was found.</source>
        <translation>话术和规则：没有找到话术模板或规则集。</translation>
    </message>
    <message>
        <source>Scripts and rules: %1 script templates and %2 scope rule sets load without problems.</source>
        <translation>话术和规则：%1 个话术模板和 %2 个规则集均能正常加载。</translation>
    </message>
    <message>
        <source>Encryption (OpenSSL): no key could be generated: %1</source>
        <translation>加密（OpenSSL）：无法生成密钥：%1</translation>
    </message>
    <message>
        <source>Encryption (OpenSSL): AES-256-GCM encryption failed: %1</source>
        <translation>加密（OpenSSL）：AES-256-GCM 加密失败：%1</translation>
    </message>
    <message>
        <source>Encryption (OpenSSL): AES-256-GCM did not give back the original text.</source>
        <translation>加密（OpenSSL）：AES-256-GCM 解密后未能还原原文。</translation>
    </message>
    <message>
        <source>Encryption (OpenSSL): AES-256-GCM accepted data that was changed.</source>
        <translation>加密（OpenSSL）：AES-256-GCM 接受了被篡改的数据。</translation>
    </message>
    <message>
        <source>Encryption (OpenSSL): password hashing (PBKDF2) does not work.</source>
        <translation>加密（OpenSSL）：密码散列（PBKDF2）工作不正常。</translation>
    </message>
    <message>
        <source>Encryption (OpenSSL): AES-256-GCM and password hashing (PBKDF2) work.</source>
        <translation>加密（OpenSSL）：AES-256-GCM 加密和密码散列（PBKDF2）工作正常。</translation>
    </message>
    <message>
        <source>Data folder: %1 cannot be created.</source>
        <translation>数据文件夹：无法创建 %1。</translation>
    </message>
    <message>
        <source>Data folder: %1 is not writable.</source>
        <translation>数据文件夹：%1 无法写入。</translation>
    </message>
    <message>
        <source>Data folder: %1 is writable.</source>
        <translation>数据文件夹：%1 可以写入。</translation>
    </message>
    <message>
        <source>Journal (SQLite): a test journal cannot be opened: %1</source>
        <translation>日志数据库（SQLite）：无法打开测试日志：%1</translation>
    </message>
    <message>
        <source>Recording (FFmpeg): 3 seconds from the demo source could not be recorded: %1</source>
        <translation>录制（FFmpeg）：无法用演示信号源录制 3 秒：%1</translation>
    </message>
    <message>
        <source>Journal (SQLite): a test journal records the session and its recording with the right SHA-256.</source>
        <translation>日志数据库（SQLite）：测试日志记录了测试会话及其录像，SHA-256 校验值正确。</translation>
    </message>
    <message>
        <source>Journal (SQLite): the test recording is missing from the test journal or its SHA-256 differs: %1</source>
        <translation>日志数据库（SQLite）：测试日志中没有测试录像，或其 SHA-256 校验值不符：%1</translation>
    </message>
    <message>
        <source>Recording (FFmpeg): the test recording cannot be read back: %1</source>
        <translation>录制（FFmpeg）：无法读回测试录像：%1</translation>
    </message>
    <message>
        <source>Recording (FFmpeg): the test recording holds only %1 frames (%2 s); 3 s were recorded.</source>
        <translation>录制（FFmpeg）：录制了 3 秒，但测试录像只有 %1 帧（%2 秒）。</translation>
    </message>
    <message>
        <source>Recording (FFmpeg): 3 seconds from the demo source were recorded and read back (%1 frames, %2x%3).</source>
        <translation>录制（FFmpeg）：已用演示信号源录制 3 秒并成功读回（%1 帧，%2×%3）。</translation>
    </message>
    <message>
        <source>Face detection: only the weaker fallback detector (Haar) is available: %1</source>
        <translation>人脸检测：只能使用较弱的备用检测器（Haar）：%1</translation>
    </message>
    <message>
        <source>Face detection: the YuNet model %1 loads, but no frame reached it.</source>
        <translation>人脸检测：YuNet 模型 %1 已加载，但没有收到任何画面。</translation>
    </message>
    <message>
        <source>Face detection: the YuNet model %1 loads and checked %2 recorded frames.</source>
        <translation>人脸检测：YuNet 模型 %1 已加载，并检查了 %2 帧录制画面。</translation>
    </message>
    <message>
        <source>DualRec %1 self-test</source>
        <translation>双录 %1 自检</translation>
    </message>
    <message>
        <source>[OK] %1</source>
        <translation>【正常】%1</translation>
    </message>
    <message>
        <source>[FAILED] %1</source>
        <translation>【失败】%1</translation>
    </message>
    <message numerus="yes">
        <source>All %n checks passed.</source>
        <translation>
            <numerusform>全部 %n 项检查通过。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 checks failed.</source>
        <translation>%2 项检查中有 %1 项未通过。</translation>
    </message>
    <message>
        <source>Face detection: %1</source>
        <translation>人脸检测：%1</translation>
    </message>
    <message>
        <source>Face detection: the face model cannot be loaded, so presence cannot be checked: %1</source>
        <translation>人脸检测：人脸模型无法加载，因此无法检查人员是否在画面中：%1</translation>
    </message>
    <message>
        <source>Recording (FFmpeg): not checked, because the test journal could not be opened.</source>
        <translation>录制（FFmpeg）：未检查，因为无法打开测试日志。</translation>
    </message>
    <message>
        <source>Journal (SQLite): not checked, because nothing could be recorded.</source>
        <translation>日志数据库（SQLite）：未检查，因为无法录制。</translation>
    </message>
    <message>
        <source>Face detection: the YuNet model %1 loads and checked a test picture.</source>
        <translation>人脸检测：YuNet 模型 %1 已加载，并检查了一张测试图片。</translation>
    </message>
    <message>
        <source>Sealing (OpenSSL): not checked, because nothing could be recorded.</source>
        <translation>封存（OpenSSL）：由于无法录制，未作检查。</translation>
    </message>
    <message>
        <source>Sealing (OpenSSL): the test recording could not be sealed and verified: %1</source>
        <translation>封存（OpenSSL）：测试录像无法封存和校验：%1</translation>
    </message>
    <message>
        <source>Sealing (OpenSSL): the test recording was sealed, signed and encrypted to a test insurer key; the package passed all %1 checks and opened with that key.</source>
        <translation>封存（OpenSSL）：测试录像已封存、签名，并用测试用的保险公司密钥加密；封存包通过全部 %1 项校验，并能用该密钥打开。</translation>
    </message>
</context>
<context>
    <name>SupervisorSignIn</name>
    <message>
        <source>there is no DualRec journal in %1 (check --data-dir)</source>
        <translation>%1 中没有 DualRec 日志库（请检查 --data-dir）</translation>
    </message>
    <message>
        <source>give the password of %1 on the first line of standard input</source>
        <translation>请在标准输入的第一行给出 %1 的密码</translation>
    </message>
    <message>
        <source>cannot open the journal in %1: %2</source>
        <translation>无法打开 %1 中的日志库：%2</translation>
    </message>
    <message>
        <source>the journal was damaged and restored, so %1; check the data folder first</source>
        <translation>日志库曾损坏并已从备份恢复，因此%1；请先检查数据文件夹</translation>
    </message>
    <message>
        <source>the refusal could not be written to the audit log: %1</source>
        <translation>这次拒绝未能记入审计日志：%1</translation>
    </message>
    <message>
        <source>cannot check the account %1: %2</source>
        <translation>无法核验账号 %1：%2</translation>
    </message>
    <message>
        <source>the account %1 is locked after too many wrong passwords until %2; %3</source>
        <translation>账号 %1 因密码错误次数过多已被锁定，直到 %2；%3</translation>
    </message>
    <message>
        <source>the account %1 is disabled; %2</source>
        <translation>账号 %1 已停用；%2</translation>
    </message>
    <message>
        <source>the login or the password is wrong; %1</source>
        <translation>登录名或密码错误；%1</translation>
    </message>
</context>
<context>
    <name>SyncCommand</name>
    <message>
        <source>acknowledged: the insurer holds all %1 bytes with the same SHA-256</source>
        <translation>已确认：保险公司已完整收到全部 %1 字节，SHA-256 一致</translation>
    </message>
    <message>
        <source>acknowledged and removed from this computer</source>
        <translation>已确认，并已从本机删除</translation>
    </message>
    <message>
        <source>blocked until someone acts: %1</source>
        <translation>已暂停，需要有人处理：%1</translation>
    </message>
    <message>
        <source>%1 of %2 bytes on the server (%3 %)</source>
        <translation>服务器已收到 %1 / %2 字节（%3%）</translation>
    </message>
    <message>
        <source>%1 of %2 bytes on the server (%3 %); next try %4; last error: %5</source>
        <translation>服务器已收到 %1 / %2 字节（%3%）；下次重试：%4；上次错误：%5</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>in an unknown state</source>
        <translation>状态未知</translation>
    </message>
    <message>
        <source>there is no DualRec journal in %1 (check --data-dir)</source>
        <translation>%1 中没有 DualRec 日志（请检查 --data-dir）</translation>
    </message>
    <message>
        <source>no upload address: give --endpoint URL or set sync/endpoint in the IT policy</source>
        <translation>没有上传地址：请用 --endpoint 指定，或在信息技术人员的策略文件中设置 sync/endpoint</translation>
    </message>
    <message>
        <source>cannot open the journal in %1: %2</source>
        <translation>无法打开 %1 中的日志：%2</translation>
    </message>
    <message>
        <source>upload created on the server</source>
        <translation>已在服务器上开始上传</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>removed from this computer: the retention period after the acknowledgement is over</source>
        <translation>已从本机删除：确认收到后的保留期已满</translation>
    </message>
    <message>
        <source>next try %1</source>
        <translation>下次重试：%1</translation>
    </message>
    <message>
        <source>not retried until someone acts</source>
        <translation>有人处理之前不再重试</translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation>已停止：%1</translation>
    </message>
    <message>
        <source>no sealed package is waiting for upload</source>
        <translation>没有等待上传的已封存录制包</translation>
    </message>
    <message>
        <source>the text on standard input is not an upload token (1 to 4096 printable ASCII characters without spaces); nothing was stored</source>
        <translation>标准输入中的内容不是上传令牌（应为 1 到 4096 个可打印 ASCII 字符，不含空格）；未保存任何内容</translation>
    </message>
    <message>
        <source>The upload token was removed from the %1 key store.</source>
        <translation>上传令牌已从 %1 密钥库中删除。</translation>
    </message>
    <message>
        <source>The upload token is kept in the %1 key store; uploads use it from now on.</source>
        <translation>上传令牌已保存在 %1 密钥库中；今后上传都会使用它。</translation>
    </message>
    <message>
        <source>standard input cannot be read</source>
        <translation>无法读取标准输入</translation>
    </message>
    <message>
        <source>not uploading: the network connection is metered (billed by data use); packages wait for one that is not (or set sync/uploadOnMetered)</source>
        <translation>未上传：当前网络连接按流量计费；数据包将等待不按流量计费的网络（或在信息技术人员的策略文件中设置 sync/uploadOnMetered）</translation>
    </message>
    <message>
        <source>waiting: the network connection is metered (billed by data use); uploads go on when it is not (or set sync/uploadOnMetered)</source>
        <translation>正在等待：当前网络连接按流量计费；换到不按流量计费的网络后会继续上传（或在信息技术人员的策略文件中设置 sync/uploadOnMetered）</translation>
    </message>
    <message>
        <source>the network connection is no longer metered: uploads go on</source>
        <translation>网络连接已不再按流量计费，继续上传</translation>
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
        <translation>  sync [--endpoint URL] [--once] [--ca-file PEM] [--pin sha256/BASE64] [--bandwidth BYTES]
                         把已封存的录制包上传给保险公司（tus 协议），每个录制包输出一行；
                         加 --once 时只上传一轮：全部已被确认则退出码为 0，否则为 1；某项设置有误时为 2
                         （提示会指出是哪一项）。以下设置取自信息技术人员的策略文件（或用户的设置文件），
                         命令行上给出的选项优先：
                         sync/endpoint 是保险公司的上传地址（https://…），可用 --endpoint 指定。
                         sync/caFile 是一个 PEM 文件，其中的证书颁发机构是该地址唯一受信任的；
                         为空时信任系统的证书颁发机构；可用 --ca-file 指定。
                         sync/pin 是服务器公钥的指纹（sha256/BASE64），公钥不符的服务器一律拒绝；
                         为空时不校验指纹；可用 --pin 指定。
                         sync/bandwidthLimit 是所有上传合计每秒最多使用的 KiB 数；默认 0，表示不限速；
                         可用 --bandwidth 指定（单位为字节每秒）。
                         sync/uploadOnMetered 设为 true 时，在按流量计费的网络（如手机热点）上也上传；
                         默认 false，会等到其他网络再上传。
                         sync/retentionDays 是保险公司确认收到录制包后，再过多少天从本机删除（不会提前，
                         删除会记入审计日志）；设为 0 表示永久保留；默认 30 天。
                         访问令牌不是一项设置：它保存在密钥库中（sync --set-token）；
                         若设置了环境变量 DUALREC_SYNC_TOKEN，则以它为准。
  sync --set-token       从标准输入读取上传令牌并保存在密钥库中（输入为空则删除令牌）；
                         令牌从不显示</translation>
    </message>
</context>
<context>
    <name>UserCommand</name>
    <message>
        <source>cannot open the journal in %1: %2</source>
        <translation>无法打开 %1 中的日志库：%2</translation>
    </message>
    <message>
        <source>Created the %1 account &quot;%2&quot;.</source>
        <translation>已创建 %1 账号“%2”。</translation>
    </message>
    <message>
        <source>user list: there is no DualRec journal in %1 (check --data-dir)</source>
        <translation>user list：%1 中没有 DualRec 日志库（请检查 --data-dir）</translation>
    </message>
    <message>
        <source>%1: give the password on the first line of standard input</source>
        <translation>%1：请在标准输入的第一行给出密码</translation>
    </message>
    <message>
        <source>user add: the account %1 was not created: %2</source>
        <translation>user add：未创建账号 %1：%2</translation>
    </message>
    <message>
        <source>user reset: the password of %1 was not changed: %2</source>
        <translation>user reset：未修改 %1 的密码：%2</translation>
    </message>
    <message>
        <source>The password of &quot;%1&quot; is changed and the account is unlocked.</source>
        <translation>“%1”的密码已修改，账号已解除锁定。</translation>
    </message>
    <message>
        <source>user unlock: %1 was not unlocked: %2</source>
        <translation>user unlock：未能解除 %1 的锁定：%2</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; is unlocked.</source>
        <translation>账号“%1”已解除锁定。</translation>
    </message>
    <message>
        <source>user disable: %1 was not disabled: %2</source>
        <translation>user disable：未能停用 %1：%2</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; is disabled: it can no longer sign in.</source>
        <translation>账号“%1”已停用，不能再登录。</translation>
    </message>
    <message>
        <source>user enable: %1 was not enabled: %2</source>
        <translation>user enable：未能启用 %1：%2</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; can sign in again.</source>
        <translation>账号“%1”可以重新登录。</translation>
    </message>
    <message>
        <source>user set: %1 was not changed: %2</source>
        <translation>user set：未能修改 %1：%2</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; is changed: %2, %3, licence number %4.</source>
        <translation>账号“%1”已修改：%2，%3，执业证号 %4。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>VerifyJournal</name>
    <message>
        <source>there is no DualRec journal in %1 (check --data-dir)</source>
        <translation>%1 中没有 DualRec 日志库（请检查 --data-dir）。</translation>
    </message>
    <message>
        <source>%1 has a journal but no folder marker (%2): its keys cannot be found</source>
        <translation>%1 中有日志库，但没有文件夹标记（%2），因此找不到它的密钥。</translation>
    </message>
    <message>
        <source>cannot open the journal in %1: %2</source>
        <translation>无法打开 %1 中的日志库：%2</translation>
    </message>
    <message>
        <source>cannot read the media files of the journal: %1</source>
        <translation>无法读取日志库中的媒体文件记录：%1</translation>
    </message>
    <message numerus="yes">
        <source>audit log: %n row(s) checked</source>
        <translation>
            <numerusform>审计日志：已检查 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>accounts: every account&apos;s keyed seal checked</source>
        <translation>账户：已检查每个账户的密钥封印</translation>
    </message>
    <message numerus="yes">
        <source>media: %n file(s) of unsealed sessions re-hashed</source>
        <translation>
            <numerusform>媒体：已重新计算 %n 个未封存会话文件的 SHA-256</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sealed package(s)</source>
        <translation>
            <numerusform>%n 个已封存的证据包</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the journal of %1 does not verify: %n problem(s); the first: %2</source>
        <translation>
            <numerusform>%1 的日志库校验未通过：共 %n 处问题；第一处：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>the journal of %1 verifies</source>
        <translation>%1 的日志库校验通过。</translation>
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
        <source>Customer&apos;s answer</source>
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
        <source>show the agent&apos;s ID to the camera</source>
        <translation>向镜头出示销售人员证件</translation>
    </message>
    <message>
        <source>show the customer&apos;s ID to the camera</source>
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
    <message>
        <source>Agent and customer are both in the picture</source>
        <translation>业务员和客户都在画面中</translation>
    </message>
    <message>
        <source>The agent is not in the picture. Please sit back in front of the camera.</source>
        <translation>业务员不在画面中，请回到镜头前。</translation>
    </message>
    <message>
        <source>The customer is not in the picture. Please ask the customer to sit in front of the camera.</source>
        <translation>客户不在画面中，请邀请客户坐到镜头前。</translation>
    </message>
    <message>
        <source>Nobody is in the picture. Please both sit in front of the camera.</source>
        <translation>画面中没有人，请双方都坐到镜头前。</translation>
    </message>
    <message>
        <source>Someone else is in the picture. Only the agent and the customer may be seen.</source>
        <translation>画面中有其他人，画面中只能有业务员和客户。</translation>
    </message>
    <message>
        <source>The camera sees nothing. Please check that the lens is not covered and the room is lit.</source>
        <translation>摄像头看不到画面，请检查镜头是否被遮挡、室内是否有照明。</translation>
    </message>
    <message>
        <source>an ID number has 18 characters (or 15 digits for old cards)</source>
        <translation>身份证号码应为18位（旧版身份证为15位数字）</translation>
    </message>
    <message>
        <source>an ID number has only digits, with an X allowed at the end</source>
        <translation>身份证号码只能是数字，最后一位可以是X</translation>
    </message>
    <message>
        <source>the birth date in the ID number is not a real date</source>
        <translation>身份证号码中的出生日期不是有效日期</translation>
    </message>
    <message>
        <source>the ID number&apos;s last character does not match: please check each digit</source>
        <translation>身份证号码校验位不符，请逐位核对</translation>
    </message>
    <message>
        <source>Enter the application number.</source>
        <translation>请填写投保单号。</translation>
    </message>
    <message>
        <source>Enter the policyholder&apos;s name.</source>
        <translation>请填写投保人姓名。</translation>
    </message>
    <message>
        <source>Enter the policyholder&apos;s ID number.</source>
        <translation>请填写投保人身份证号码。</translation>
    </message>
    <message>
        <source>The policyholder&apos;s ID number is not valid: %1.</source>
        <translation>投保人身份证号码无效：%1。</translation>
    </message>
    <message>
        <source>Choose the sales channel.</source>
        <translation>请选择销售渠道。</translation>
    </message>
    <message>
        <source>Choose at least one product.</source>
        <translation>请至少选择一个产品。</translation>
    </message>
    <message>
        <source>These products cannot be recorded together: %1</source>
        <translation>这些产品不能在同一次录制中完成：%1</translation>
    </message>
    <message>
        <source>The recording rules cannot be applied: %1</source>
        <translation>无法判断录制规则：%1</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Branch IT</source>
        <translation>分支机构信息技术人员</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Session created</source>
        <translation>创建录制</translation>
    </message>
    <message>
        <source>State changed</source>
        <translation>状态变化</translation>
    </message>
    <message>
        <source>Step started</source>
        <translation>环节开始</translation>
    </message>
    <message>
        <source>Step completed</source>
        <translation>环节完成</translation>
    </message>
    <message>
        <source>Step not completed (requirements unmet)</source>
        <translation>环节未能完成（要求未满足）</translation>
    </message>
    <message>
        <source>Answer recorded</source>
        <translation>记录回答</translation>
    </message>
    <message>
        <source>Snapshot recorded</source>
        <translation>记录截图</translation>
    </message>
    <message>
        <source>Presence as required</source>
        <translation>人员在场符合要求</translation>
    </message>
    <message>
        <source>Someone required left the picture</source>
        <translation>应在场人员离开画面</translation>
    </message>
    <message>
        <source>No video source is connected: nothing can be recorded.</source>
        <translation>没有接入视频源：无法录制。</translation>
    </message>
    <message>
        <source>Video source connected.</source>
        <translation>视频源已接入。</translation>
    </message>
    <message>
        <source>The free disk space cannot be read.</source>
        <translation>无法读取磁盘剩余空间。</translation>
    </message>
    <message>
        <source>Disk: %1 GB free, a recording needs about %2 GB.</source>
        <translation>磁盘：剩余 %1 GB，一次录制约需 %2 GB。</translation>
    </message>
    <message>
        <source>The computer&apos;s clock is wrong. Ask branch IT to set the date and time.</source>
        <translation>电脑时钟不正确，请分支机构信息技术人员设置日期和时间。</translation>
    </message>
    <message>
        <source>Clock: the date and time look right.</source>
        <translation>时钟：日期和时间正常。</translation>
    </message>
    <message>
        <source>Power: mains.</source>
        <translation>电源：外接电源。</translation>
    </message>
    <message>
        <source>Power: mains, battery %1%.</source>
        <translation>电源：外接电源，电池电量 %1%。</translation>
    </message>
    <message>
        <source>Battery at %1%: connect the charger first.</source>
        <translation>电池电量 %1%：请先接上充电器。</translation>
    </message>
    <message>
        <source>Power: battery at %1%.</source>
        <translation>电源：电池供电，电量 %1%。</translation>
    </message>
    <message>
        <source>The camera delivers no picture yet: check that it is plugged in and not used by another program.</source>
        <translation>摄像头尚无画面：请检查是否已连接、是否被其他程序占用。</translation>
    </message>
    <message>
        <source>Light: no picture has been checked yet.</source>
        <translation>光线：尚未检测到画面。</translation>
    </message>
    <message>
        <source>Light: the picture is too dark or the lens is covered (brightness %1 of 255). Turn on a light or uncover the camera.</source>
        <translation>光线：画面过暗或镜头被遮挡（亮度 %1/255）。请开灯或移开遮挡物。</translation>
    </message>
    <message>
        <source>Light: the picture is dim (brightness %1 of 255); faces may be missed.</source>
        <translation>光线：画面偏暗（亮度 %1/255），可能识别不到人脸。</translation>
    </message>
    <message>
        <source>Light: good (brightness %1 of 255).</source>
        <translation>光线：良好（亮度 %1/255）。</translation>
    </message>
    <message numerus="yes">
        <source>Framing: %n face(s) in the picture.</source>
        <translation>
            <numerusform>取景：画面中有 %n 张人脸。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Framing: %n face(s) in the picture; agent and customer should both sit inside the guide.</source>
        <translation>
            <numerusform>取景：画面中有 %n 张人脸；销售人员和客户都应坐在取景框内。</numerusform>
        </translation>
    </message>
    <message>
        <source>Microphone: no sound arrives. Check that it is plugged in and not muted.</source>
        <translation>麦克风：没有声音输入。请检查是否已连接、是否被静音。</translation>
    </message>
    <message>
        <source>Microphone: very quiet (loudest %1 dB). Speak a few words to test it.</source>
        <translation>麦克风：声音很小（最大 %1 dB）。请说几句话试一下。</translation>
    </message>
    <message>
        <source>Microphone: working (loudest %1 dB).</source>
        <translation>麦克风：正常（最大 %1 dB）。</translation>
    </message>
    <message>
        <source>Light: still checking the picture (it takes a second or two).</source>
        <translation>光线：正在检查画面（需要一两秒）。</translation>
    </message>
    <message>
        <source>Light: the camera shows no usable picture (a uniform or frozen image, brightness %1 of 255). Check that nothing covers the lens and that the camera works.</source>
        <translation>光线：摄像头没有可用的画面（画面单一或静止不动，亮度 %1/255）。请检查镜头是否被遮挡、摄像头是否正常工作。</translation>
    </message>
    <message>
        <source>en</source>
        <comment>the code of the language of this catalogue: zh_CN in the Chinese one</comment>
        <translation>zh_CN</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>第%1步</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a step&apos;s title and its product</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>A field contains an invisible or control character (for example a line break). Type it again.</source>
        <translation>某个字段包含不可见字符或控制字符（例如换行），请重新输入。</translation>
    </message>
    <message numerus="yes">
        <source>The journal on this computer was damaged. It was restored from the backup of %1, and %n session(s) recorded since then were added back from their recording files. What was saved after %1 (sign-ins, steps and account changes) may be missing. The damaged journal was kept as %2.</source>
        <translation>
            <numerusform>本机的日志库已损坏，已从 %1 的备份中恢复，此后录制的 %n 个会话已根据录像文件补回。%1 之后保存的内容（登录、环节和账号变更）可能缺失。损坏的日志库已保留为 %2。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The journal on this computer was damaged and there was no usable backup. A new journal was started and %n session(s) were added back from their recording files; the accounts and the earlier history are missing. The damaged journal was kept as %1.</source>
        <translation>
            <numerusform>本机的日志库已损坏，且没有可用的备份。已新建日志库，并根据录像文件补回 %n 个会话；账号和此前的历史记录已缺失。损坏的日志库已保留为 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recording description file(s) could not be read; their sessions are missing.</source>
        <translation>
            <numerusform>%n 个录像说明文件无法读取，相应的会话缺失。</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer had user accounts, but the journal has none. Ask branch IT to restore the journal or to create the accounts again; no first account can be created here.</source>
        <translation>本机曾有用户账号，但日志库中已没有任何账号。请分支机构信息技术人员恢复日志库或重新创建账号；此处不能创建首个账号。</translation>
    </message>
    <message>
        <source>Tell your supervisor or branch IT.</source>
        <translation>请告知您的主管或分支机构信息技术人员。</translation>
    </message>
    <message>
        <source>《%1》</source>
        <translation>《%1》</translation>
    </message>
    <message>
        <source>The premium of %1 is not an amount: enter yuan, for example 12000 or 12000.50.</source>
        <translation>%1的保费不是有效金额：请以元为单位填写，例如 12000 或 12000.50。</translation>
    </message>
    <message>
        <source>The script needs these values before the recording can start: %1.</source>
        <translation>话术中还缺少以下内容，补齐后才能开始录制：%1。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Annual</source>
        <translation>年交</translation>
    </message>
    <message>
        <source>Single payment</source>
        <translation>趸交</translation>
    </message>
    <message>
        <source>Half-yearly</source>
        <translation>半年交</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>季交</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>月交</translation>
    </message>
    <message>
        <source>the products</source>
        <translation>各产品</translation>
    </message>
    <message>
        <source>your name in your account (a supervisor sets it on the accounts page)</source>
        <translation>您账号中的姓名（由主管在账号管理页面设置）</translation>
    </message>
    <message>
        <source>your licence number in your account (a supervisor adds it on the accounts page)</source>
        <translation>您账号中的执业证号（由主管在账号管理页面添加）</translation>
    </message>
    <message>
        <source>the institution&apos;s full name (set by branch IT in the policy file, or by a supervisor in the settings)</source>
        <translation>机构全称（由分支机构信息技术人员在策略文件中设置，或由主管在设置页面填写）</translation>
    </message>
    <message>
        <source>the institution&apos;s standard short name (set by branch IT in the policy file, or by a supervisor in the settings)</source>
        <translation>机构规范简称（由分支机构信息技术人员在策略文件中设置，或由主管在设置页面填写）</translation>
    </message>
    <message>
        <source>the policyholder&apos;s name</source>
        <translation>投保人姓名</translation>
    </message>
    <message>
        <source>the insured person&apos;s name</source>
        <translation>被保险人姓名</translation>
    </message>
    <message>
        <source>the application number</source>
        <translation>投保单号</translation>
    </message>
    <message>
        <source>the premium of %1</source>
        <translation>%1的保费</translation>
    </message>
    <message>
        <source>the payment method of %1</source>
        <translation>%1的交费方式</translation>
    </message>
    <message>
        <source>the payment period of %1</source>
        <translation>%1的交费期间</translation>
    </message>
    <message>
        <source>a value the script template does not give (%1): ask branch IT to check the template</source>
        <translation>话术模板没有提供的一项内容（%1）：请分支机构信息技术人员检查模板</translation>
    </message>
    <message>
        <source>Enter a login.</source>
        <translation>请输入登录名。</translation>
    </message>
    <message>
        <source>The login must not contain spaces.</source>
        <translation>登录名中不能有空格。</translation>
    </message>
    <message>
        <source>The login is too long: at most %1 characters.</source>
        <translation>登录名太长：最多%1个字符。</translation>
    </message>
    <message>
        <source>This login is already taken. Choose another one.</source>
        <translation>这个登录名已被使用，请换一个。</translation>
    </message>
    <message>
        <source>Enter the person&apos;s name.</source>
        <translation>请输入姓名。</translation>
    </message>
    <message>
        <source>The licence number may contain only digits, letters and hyphens (at most 40).</source>
        <translation>执业证号只能包含数字、字母和连字符（最多40个字符）。</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>请选择角色。</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n character(s).</source>
        <translation>
            <numerusform>密码至少需要%n个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>This account no longer exists.</source>
        <translation>此账号已不存在。</translation>
    </message>
    <message>
        <source>This is the last supervisor or IT account that can manage accounts. Create another one first.</source>
        <translation>这是最后一个可以管理账号的主管或信息技术人员账号，请先另外创建一个。</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账号。</translation>
    </message>
    <message numerus="yes">
        <source>The audit log of this computer was changed outside DualRec: the check at start-up found it broken at entry %1 (%n place(s) in all). Someone may have edited, deleted or reordered entries.</source>
        <translation>
            <numerusform>本机的审计日志在 DualRec 之外被改动过：启动检查发现第 %1 条记录处已断开（共 %n 处）。可能有人修改、删除或调换了记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log of this computer could not be checked at start-up.</source>
        <translation>启动时无法检查本机的审计日志。</translation>
    </message>
    <message>
        <source>The audit log was already broken when this version of DualRec took it over, so its older entries are not protected.</source>
        <translation>本版本 DualRec 接管审计日志时，它已经断开，因此较早的记录没有受到保护。</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; was created or changed outside DualRec; it cannot sign in.</source>
        <translation>账户“%1”是在 DualRec 之外创建或修改的，不能登录。</translation>
    </message>
    <message>
        <source>This has been written to the audit log. Ask branch IT to run &quot;dualrec verify --journal&quot; on this computer and to examine the journal.</source>
        <translation>此情况已写入审计日志。请联系分支机构信息技术人员 在本机运行“dualrec verify --journal”并检查日志库。</translation>
    </message>
</context>
<context>
    <name>dualrec::app::Application</name>
    <message>
        <source>dualrec: cannot use the data folder &quot;%1&quot;: it cannot be created or is not writable</source>
        <translation>dualrec：无法使用数据目录 &quot;%1&quot;：该目录无法创建或不可写入</translation>
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
    <message>
        <source>dualrec: the journal in &quot;%1&quot; cannot be opened: %2</source>
        <translation>dualrec：无法打开“%1”中的日志库：%2</translation>
    </message>
    <message>
        <source>dualrec: the presence guard cannot start: %1</source>
        <translation>dualrec：人脸在场检测无法启动：%1</translation>
    </message>
    <message>
        <source>dualrec: the video source cannot start: %1</source>
        <translation>dualrec：视频源无法启动：%1</translation>
    </message>
    <message>
        <source>%1 — not working: %2</source>
        <translation>%1 — 无法工作：%2</translation>
    </message>
    <message>
        <source>dualrec: the sessions left open last time could not be closed: %1</source>
        <translation>dualrec：上次未结束的会话无法关闭：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>dualrec: session %1 (application %2) was left behind last time; recording: %3</source>
        <translation>dualrec：会话 %1（投保单号 %2）上次未正常结束，已在本次启动时处理；录像：%3</translation>
    </message>
    <message>
        <source>dualrec: DUALREC_VOICE must be builtin, system or system:ENGINE; &quot;%1&quot; is none of these, the default is used</source>
        <translation>dualrec：DUALREC_VOICE 应为 builtin、system 或 system:引擎名；“%1”都不是，已改用默认的语音。</translation>
    </message>
    <message>
        <source>dualrec: the journal could not be backed up: %1</source>
        <translation>dualrec：日志库无法备份：%1</translation>
    </message>
    <message>
        <source>dualrec: WARNING: the journal was damaged.</source>
        <translation>dualrec：警告：日志库已损坏。</translation>
    </message>
    <message>
        <source>dualrec: the data folder &quot;%1&quot; cannot be opened: %2</source>
        <translation>dualrec：无法打开数据文件夹“%1”：%2</translation>
    </message>
    <message>
        <source>dualrec: DualRec is already open for the data folder &quot;%1&quot;. That window was brought to the front; this start ends.</source>
        <translation>dualrec：数据文件夹“%1”已经在一个双录系统窗口中打开。已把该窗口切换到最前面，本次启动结束。</translation>
    </message>
    <message>
        <source>dualrec: DualRec was started again for this data folder; this window came to the front instead of a second one.</source>
        <translation>dualrec：同一数据文件夹又被启动了一次；没有打开第二个窗口，而是把本窗口切换到最前面。</translation>
    </message>
    <message>
        <source>dualrec: WARNING: the audit log or the accounts were changed outside DualRec (this was written to the audit log; run &quot;dualrec verify --journal&quot;):</source>
        <translation>dualrec：警告：审计日志或账户在 DualRec 之外被改动过（已写入审计日志；请运行“dualrec verify --journal”）：</translation>
    </message>
    <message>
        <source>dualrec: sealed recordings are not uploaded: %1</source>
        <translation>dualrec：已封存的录像不会上传：%1</translation>
    </message>
    <message>
        <source>dualrec: the setting %1 in %2 is &quot;%3&quot;: expected %4; %5</source>
        <translation>dualrec：%2 中的设置 %1 的值为“%3”，应为%4；%5</translation>
    </message>
    <message>
        <source>it counts as not set</source>
        <translation>按未设置处理</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is used instead</source>
        <translation>改用“%1”</translation>
    </message>
    <message>
        <source>the camera is being started</source>
        <translation>正在启动摄像头</translation>
    </message>
</context>
<context>
    <name>dualrec::ui::AccountsPage</name>
    <message>
        <source>Accounts</source>
        <translation>账号管理</translation>
    </message>
    <message>
        <source>Agents sign in with their own account. The name and the licence number are read out in every recording: an agent without a licence number cannot start a recording. Every change here is written to the audit log.</source>
        <translation>业务员使用本人的账号登录。每次录制都会宣读姓名和执业证号：没有执业证号的业务员不能开始录制。此页面上的每项修改都会写入审计日志。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Licence number</source>
        <translation>执业证号</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Ne&amp;w password:</source>
        <translation>新密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Repeat new password:</source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>Se&amp;t new password</source>
        <translation>设置新密码(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解除锁定(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>L&amp;icence number (执业证号):</source>
        <translation>执业证号(&amp;I)：</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>角色(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>再次输入密码(&amp;R)：</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>新建账号</translation>
    </message>
    <message>
        <source>Accounts message</source>
        <translation>账号管理提示</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <source>missing: cannot record</source>
        <translation>缺少：不能录制</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Change the account of %1</source>
        <translation>修改%1的账号</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>新建账号</translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation>正在创建账号…</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>保存修改(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>创建账号(&amp;C)</translation>
    </message>
    <message>
        <source>Selected: %1 (%2)</source>
        <translation>已选择：%1（%2）</translation>
    </message>
    <message>
        <source>Select an account in the list to set a new password, unlock or disable it.</source>
        <translation>在列表中选择一个账号，可以为其设置新密码、解除锁定或停用。</translation>
    </message>
    <message>
        <source>This account is not locked.</source>
        <translation>此账号未被锁定。</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>Setting the password…</source>
        <translation>正在设置密码…</translation>
    </message>
    <message>
        <source>The account of %1 is saved.</source>
        <translation>%1的账号已保存。</translation>
    </message>
    <message>
        <source>The account of %1 is created. They can sign in with the login &quot;%2&quot;.</source>
        <translation>已为%1创建账号，登录名为“%2”。</translation>
    </message>
    <message>
        <source>%1 has a new password and can sign in with it now.</source>
        <translation>%1的新密码已设置，现在可以用新密码登录。</translation>
    </message>
    <message>
        <source>%1 is unlocked and can sign in again.</source>
        <translation>%1已解除锁定，可以重新登录。</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1可以重新登录。</translation>
    </message>
    <message>
        <source>%1 is disabled and can no longer sign in. Their recordings stay.</source>
        <translation>%1的账号已停用，不能再登录。其录像仍然保留。</translation>
    </message>
    <message>
        <source>The change was not made.</source>
        <translation>修改未完成。</translation>
    </message>
</context>
<context>
    <name>dualrec::ui::DataFolderProblemBox</name>
    <message>
        <source>DualRec cannot open its data folder</source>
        <translation>DualRec 无法打开数据文件夹</translation>
    </message>
    <message>
        <source>The key that protects the recordings in the data folder %1 cannot be opened.</source>
        <translation>保护数据文件夹 %1 中录像的密钥无法打开。</translation>
    </message>
    <message>
        <source>Until IT restores this computer&apos;s device key, nothing can be recorded or played back here. Nothing was changed and no file was deleted. DualRec does not set this folder up anew, because it is already in use: a new key could not open the recordings in it.</source>
        <translation>在信息技术人员恢复这台电脑的设备密钥之前，这里既不能录制，也不能回放。没有更改任何内容，也没有删除任何文件。这个文件夹已经在使用中，DualRec 不会重新设置它：新的密钥打不开其中的录像。</translation>
    </message>
    <message>
        <source>DualRec cannot open its journal</source>
        <translation>DualRec 无法打开日志库</translation>
    </message>
    <message>
        <source>The journal in the data folder %1 (the sessions, accounts and audit log of this computer) cannot be opened.</source>
        <translation>数据文件夹 %1 中的日志库（本机的录制会话、账户和审计日志）无法打开。</translation>
    </message>
    <message>
        <source>The disk of the data folder is full. Free some space (technical support can help), then start DualRec again.</source>
        <translation>数据文件夹所在的磁盘已满。请释放空间（技术支持人员可以协助），然后重新启动 DualRec。</translation>
    </message>
    <message>
        <source>The journal is damaged and no usable backup of it was found. Tell technical support; they find the reason under &quot;Show Details&quot;.</source>
        <translation>日志库已损坏，且没有找到可用的备份。请联系技术支持人员，他们可在“显示详情”中查看原因。</translation>
    </message>
    <message>
        <source>The journal was written by a newer version of DualRec. Ask technical support to install that version again.</source>
        <translation>日志库是由更新版本的 DualRec 写入的。请联系技术支持人员重新安装该版本。</translation>
    </message>
    <message>
        <source>The journal file cannot be read or written there (for example, it is write-protected or the drive is gone). Start DualRec again; if this happens again, tell technical support, who find the reason under &quot;Show Details&quot;.</source>
        <translation>无法读写该位置的日志库文件（例如文件设置了写保护，或所在的磁盘已断开）。请重新启动 DualRec；如果再次出现，请联系技术支持人员，他们可在“显示详情”中查看原因。</translation>
    </message>
    <message>
        <source>Until then nothing can be recorded here. Nothing was changed and no recording was deleted.</source>
        <translation>在此之前，本机无法录制。没有更改任何内容，也没有删除任何录像。</translation>
    </message>
</context>
<context>
    <name>dualrec::ui::EndPage</name>
    <message>
        <source>Recording ended</source>
        <translation>录制结束</translation>
    </message>
    <message>
        <source>Customer&apos;s receipt</source>
        <translation>客户回执</translation>
    </message>
    <message>
        <source>&amp;New recording</source>
        <translation>新建录制(&amp;N)</translation>
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
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Time counted</source>
        <translation>计入时长</translation>
    </message>
    <message>
        <source>Out of frame</source>
        <translation>离开画面</translation>
    </message>
    <message>
        <source>Summary of the steps</source>
        <translation>各环节小结</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Receipt QR code</source>
        <translation>回执二维码</translation>
    </message>
    <message>
        <source>Receipt text</source>
        <translation>回执内容</translation>
    </message>
    <message>
        <source>Where the recording is</source>
        <translation>录像保存位置</translation>
    </message>
    <message>
        <source>New recording</source>
        <translation>新建录制</translation>
    </message>
    <message>
        <source>All steps were recorded. Thank the customer.</source>
        <translation>所有环节均已录制完成，请向客户致谢。</translation>
    </message>
    <message>
        <source>The customer declined to be recorded. This product cannot be sold this way.</source>
        <translation>客户不同意录音录像，本产品不能以此方式销售。</translation>
    </message>
    <message>
        <source>The recording was aborted. Record the sale again as a new session.</source>
        <translation>录制已中止，请以新的录制重新录制本单。</translation>
    </message>
    <message>
        <source>The recording failed. Record the sale again as a new session.</source>
        <translation>录制失败，请以新的录制重新录制本单。</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Stopped here</source>
        <translation>在此停止</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>未进行</translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>录制编号 %1</translation>
    </message>
    <message>
        <source>Session %1
SHA-256 of the recording: %2</source>
        <translation>录制编号 %1
录像 SHA-256：%2</translation>
    </message>
    <message>
        <source>No finalized recording file belongs to this session (no video source was connected, or the recording broke: see the journal). The session&apos;s steps and events are kept in the journal.</source>
        <translation>本次会话没有已完成封装的录像文件（未连接视频源，或录制中断：请查看日志）。会话的环节和事件已记入日志。</translation>
    </message>
    <message>
        <source>Receipt of the sales recording</source>
        <translation>保险销售录音录像回执</translation>
    </message>
    <message>
        <source>Insurer: %1</source>
        <translation>保险公司：%1</translation>
    </message>
    <message>
        <source>Application number: %1</source>
        <translation>投保单号：%1</translation>
    </message>
    <message>
        <source>Recorded: %1</source>
        <translation>录制时间：%1</translation>
    </message>
    <message>
        <source>Length: %1</source>
        <translation>录制时长：%1</translation>
    </message>
    <message>
        <source>Check code: none, there is no recording file</source>
        <translation>校验码：无（没有录像文件）</translation>
    </message>
    <message>
        <source>Check code: %1</source>
        <translation>校验码：%1</translation>
    </message>
    <message>
        <source>What the receipt is for</source>
        <translation>回执的用途</translation>
    </message>
    <message>
        <source>Let the customer scan this code with a phone: it opens the insurer&apos;s page that confirms this recording by its application number, time and check code.</source>
        <translation>请客户用手机扫描此二维码：它会打开保险公司的核验页面，凭投保单号、录制时间和校验码确认本次录音录像。</translation>
    </message>
    <message>
        <source>Let the customer scan this code with a phone: it keeps the insurer, application number, time and length of this recording, with a check code the insurer can compare with the recording it keeps.</source>
        <translation>请客户用手机扫描此二维码留存：其中有保险公司、投保单号、录制时间和时长，以及保险公司可用来核对所存录像的校验码。</translation>
    </message>
    <message>
        <source>Close-ups</source>
        <translation>特写</translation>
    </message>
    <message>
        <source>The recording is not sealed: it could not be saved completely (see above).</source>
        <translation>录像未封存：录像没能完整保存（见上文）。</translation>
    </message>
    <message>
        <source>Sealing the recording for the insurer: %1 %</source>
        <translation>正在为保险公司封存录像：%1%</translation>
    </message>
    <message>
        <source>The recording is sealed for the insurer and waits to be uploaded.</source>
        <translation>录像已为保险公司封存，等待上传。</translation>
    </message>
    <message>
        <source>The recording is kept encrypted on this computer but not sealed yet: no insurer certificate is set up. Ask branch IT; it is sealed as soon as one is.</source>
        <translation>录像已加密保存在本机，但尚未封存：还没有配置保险公司证书。请联系分支机构信息技术人员，配置后会立即封存。</translation>
    </message>
    <message>
        <source>The recording could not be sealed yet; DualRec tries again at the next start.</source>
        <translation>录像暂时未能封存，DualRec 会在下次启动时重试。</translation>
    </message>
    <message>
        <source>Quality check</source>
        <translation>质检</translation>
    </message>
    <message>
        <source>The recording stopped: the disk is full. Everything recorded until then is kept in %1. Free some space on the disk (technical support can help), then record the sale again as a new session.</source>
        <translation>录制已停止：磁盘已满。此前录下的内容均已保存在 %1。请释放磁盘空间（技术支持人员可以协助），然后以新的录制重新录制本单。</translation>
    </message>
    <message>
        <source>The recording stopped. Everything recorded until then is kept in %1. %2 Then record the sale again as a new session.</source>
        <translation>录制已停止。此前录下的内容均已保存在 %1。%2然后以新的录制重新录制本单。</translation>
    </message>
    <message>
        <source>The recording is saved encrypted on this computer at %1 (%2).</source>
        <translation>录像已加密保存在本机 %1（%2）。</translation>
    </message>
    <message>
        <source>Uploading to the insurer is not set up on this computer, so the recording stays here until branch IT sets it up.</source>
        <translation>本机尚未设置上传到保险公司，录像会保留在本机，直到分支机构信息技术人员设置好上传。</translation>
    </message>
</context>
<context>
    <name>dualrec::ui::ErrorText</name>
    <message>
        <source>Some information is missing or not in the expected form. Check what was entered and try again.</source>
        <translation>有信息缺失或格式不对。请检查填写的内容后重试。</translation>
    </message>
    <message>
        <source>This cannot be done at this point. Follow the steps on the screen.</source>
        <translation>现在不能进行这项操作。请按屏幕上的提示操作。</translation>
    </message>
    <message>
        <source>The step&apos;s requirements are not met yet; the page says which.</source>
        <translation>本环节的要求尚未全部满足，页面上写明了还缺哪些。</translation>
    </message>
    <message>
        <source>A file or record that is needed was not found. If this happens again, ask technical support for help.</source>
        <translation>找不到所需的文件或记录。如果再次出现，请联系技术支持人员。</translation>
    </message>
    <message>
        <source>A file is damaged or not in the expected format. Ask technical support for help.</source>
        <translation>有文件已损坏或格式不对。请联系技术支持人员。</translation>
    </message>
    <message>
        <source>The disk is full. Free some space (technical support can help) and try again; what was recorded so far is kept.</source>
        <translation>磁盘空间已满。请释放空间（技术支持人员可以协助）后重试；已录制的内容会保留。</translation>
    </message>
    <message>
        <source>Reading or writing a file failed. Try again; if it happens again, ask technical support for help.</source>
        <translation>读写文件失败。请重试；如果再次出现，请联系技术支持人员。</translation>
    </message>
    <message>
        <source>A camera, microphone or other device is not available. Check that it is connected and not used by another program.</source>
        <translation>摄像头、麦克风或其他设备不可用。请检查设备是否已连接，是否被其他程序占用。</translation>
    </message>
    <message>
        <source>Something went wrong inside this program. What was recorded so far is kept; tell technical support.</source>
        <translation>本软件内部出错。已录制的内容会保留；请告知技术支持人员。</translation>
    </message>
    <message>
        <source>Stored data failed its integrity check. Nothing was changed; tell technical support.</source>
        <translation>已保存的数据未通过完整性检查。没有做任何改动；请告知技术支持人员。</translation>
    </message>
    <message>
        <source>The computer ran out of memory. Close other programs and try again.</source>
        <translation>电脑内存不足。请关闭其他程序后重试。</translation>
    </message>
    <message>
        <source>It was stopped before it was done; nothing was changed.</source>
        <translation>操作在完成前已停止，没有做任何改动。</translation>
    </message>
    <message>
        <source>An unknown error occurred. Tell technical support.</source>
        <translation>发生了未知错误。请告知技术支持人员。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>what failed, then why and what to do</comment>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>Technical detail: %1</source>
        <translation>技术细节：%1</translation>
    </message>
    <message>
        <source>The insurer&apos;s server could not be reached. The upload continues by itself when the network is back.</source>
        <translation>无法连接保险公司的服务器。网络恢复后会自动继续上传。</translation>
    </message>
    <message>
        <source>The insurer&apos;s server refused this computer&apos;s credentials. Uploads wait until branch IT fixes the upload settings.</source>
        <translation>保险公司的服务器拒绝了本机的登录凭据。在网点信息技术人员 修正上传设置之前，上传会一直等待。</translation>
    </message>
    <message>
        <source>The insurer&apos;s server could not prove its identity (its certificate was not accepted). Nothing was sent; tell branch IT.</source>
        <translation>保险公司的服务器无法证明自己的身份（证书未被接受）。没有发送任何内容，请告知网点信息技术人员。</translation>
    </message>
    <message>
        <source>The disk of the folder %1 is full. Free some space (technical support can help) and try again; what was recorded so far is kept.</source>
        <translation>文件夹 %1 所在的磁盘已满。请释放空间（技术支持人员可以协助）后重试；已录制的内容会保留。</translation>
    </message>
    <message>
        <source>Reading or writing a file in the folder %1 failed. Check that the folder is there and can be written, then try again; if it happens again, ask technical support for help.</source>
        <translation>读写文件夹 %1 中的文件失败。请检查该文件夹是否存在、能否写入，然后重试；如果再次出现，请联系技术支持人员。</translation>
    </message>
    <message>
        <source>A file that is needed was not found in the folder %1. If this happens again, ask technical support for help.</source>
        <translation>在文件夹 %1 中找不到所需的文件。如果再次出现，请联系技术支持人员。</translation>
    </message>
</context>
<context>
    <name>dualrec::ui::EvidenceActions</name>
    <message>
        <source>Save the QC report</source>
        <translation>保存质检报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>This data folder has no device key, so there is no encrypted evidence to export.</source>
        <translation>这个数据文件夹没有设备密钥，因此没有可导出的加密证据。</translation>
    </message>
    <message>
        <source>Choose the folder for the exported evidence</source>
        <translation>选择存放导出证据的文件夹</translation>
    </message>
    <message numerus="yes">
        <source>%n recording(s)</source>
        <translation>
            <numerusform>%n 个录像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n close-up photo(s)</source>
        <translation>
            <numerusform>%n 张特写照片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n description file(s) of the recording</source>
        <translation>
            <numerusform>%n 个录像说明文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported into the folder %1: %2, as plain files anyone can open, and the list export.json with the SHA-256 of each. Keep them as confidentially as the recording itself.</source>
        <translation>已导出到文件夹 %1：%2，都是任何人都能打开的未加密文件，另有清单 export.json 列出每个文件的 SHA-256。请像对待录像本身一样严格保密。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Only supervisors and IT may export evidence; your account may not (any more). Nothing was exported.</source>
        <translation>只有主管和信息技术人员可以导出证据，您的账户（已）无此权限。没有导出任何文件。</translation>
    </message>
    <message>
        <source>The chosen folder already holds an export of this session, and an export never overwrites one. Nothing was exported; choose another folder or move the old export away.</source>
        <translation>所选文件夹中已有这个会话的导出，导出从不覆盖已有的导出。没有导出任何文件；请选择另一个文件夹，或先把旧的导出移走。</translation>
    </message>
    <message>
        <source>A file of this session is missing from the data folder, so nothing was exported. Ask IT to restore the data folder from its backup.</source>
        <translation>数据文件夹中缺少这个会话的一个文件，因此没有导出任何文件。请联系信息技术人员从备份中恢复数据文件夹。</translation>
    </message>
    <message>
        <source>A file of this session does not match what the journal recorded (it may have been altered or damaged), so nothing was exported and what was copied was removed. Tell IT.</source>
        <translation>这个会话的一个文件与日志中的记录不符（可能已被改动或损坏），因此没有导出，已复制的部分也已删除。请告知信息技术人员。</translation>
    </message>
    <message>
        <source>The disk of the chosen folder is full. What was copied was removed; free some space or choose another folder.</source>
        <translation>所选文件夹所在的磁盘已满。已复制的部分已删除；请腾出空间或选择另一个文件夹。</translation>
    </message>
    <message>
        <source>The chosen folder cannot be written to. What was copied was removed; choose a folder you may write in.</source>
        <translation>无法写入所选文件夹。已复制的部分已删除；请选择一个您有权写入的文件夹。</translation>
    </message>
    <message>
        <source>The evidence was not exported.</source>
        <translation>证据没有导出。</translation>
    </message>
    <message>
        <source>Making the QC report…</source>
        <translation>正在生成质检报告…</translation>
    </message>
    <message>
        <source>The QC report was not saved.</source>
        <translation>质检报告没有保存。</translation>
    </message>
    <message>
        <source>The QC report was removed again because the audit log cannot be written.</source>
        <translation>无法写入审计日志，质检报告已删除。</translation>
    </message>
    <message>
        <source>The QC report is saved in %1.</source>
        <translation>质检报告已保存在 %1。</translation>
    </message>
    <message>
        <source>E&amp;xport evidence…</source>
        <translation>导出证据(&amp;X)……</translation>
    </message>
    <message>
        <source>Export evidence</source>
        <translation>导出证据</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>导出进度</translation>
    </message>
    <message>
        <source>Result of the export</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <source>&amp;QC report (PDF)…</source>
        <translation>导出质检报告（PDF）(&amp;Q)…</translation>
    </message>
    <message>
        <source>Save the QC report as a PDF</source>
        <translation>把质检报告保存为 PDF</translation>
    </message>
    <message>
        <source>Where the QC report was saved</source>
        <translation>质检报告的保存位置</translation>
    </message>
    <message>
        <source>A report to look at: the verdict, the steps, who was in the picture, the customer&apos;s speech and a picture of each problem.</source>
        <translation>一份一看就懂的报告：质检结论、各环节、谁在画面中、客户的说话情况，以及每个问题当时的画面。</translation>
    </message>
    <message>
        <source>The exported files can be opened by anyone. Enter your password again to confirm that it is you who exports them:</source>
        <translation>导出的文件任何人都能打开。请再次输入您的密码，确认是您本人在导出：</translation>
    </message>
    <message>
        <source>Checking your password, then exporting the evidence of this session…</source>
        <translation>正在核对您的密码，随后导出这场录制的证据……</translation>
    </message>
    <message>
        <source>The password is wrong, so nothing was exported. Too many wrong passwords lock your account.</source>
        <translation>密码不正确，因此未导出任何文件。密码输错次数过多会锁定您的账号。</translation>
    </message>
    <message>
        <source>Your account is locked after too many wrong passwords, so nothing was exported. Ask a supervisor or IT to unlock it.</source>
        <translation>您的账号因密码输错次数过多已被锁定，因此未导出任何文件。请联系主管或信息技术人员解锁。</translation>
    </message>
</context>
<context>
    <name>dualrec::ui::HistoryPage</name>
    <message>
        <source>Recorded sessions</source>
        <translation>录制记录</translation>
    </message>
    <message>
        <source>&amp;Dates:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Application number</source>
        <translation>投保单号</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <source>◀ &amp;Previous page</source>
        <translation>◀ 上一页(&amp;P)</translation>
    </message>
    <message>
        <source>N&amp;ext page ▶</source>
        <translation>下一页(&amp;E) ▶</translation>
    </message>
    <message>
        <source>Session detail</source>
        <translation>录制详情</translation>
    </message>
    <message>
        <source>Presence: green = as required, red = someone required was out of frame, grey = paused; lines mark the start of each step.</source>
        <translation>在场情况：绿色 = 符合要求，红色 = 应在场人员不在画面中，灰色 = 暂停；竖线标出每个环节的开始。</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>投保单号</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>QC</source>
        <translation>质检</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>Filter by date</source>
        <translation>按日期筛选</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>QC verdict</source>
        <translation>质检结论</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>录制列表</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Presence timeline</source>
        <translation>在场时间轴</translation>
    </message>
    <message>
        <source>Session summary</source>
        <translation>录制概要</translation>
    </message>
    <message>
        <source>Steps of the session</source>
        <translation>本次录制的环节</translation>
    </message>
    <message>
        <source>Events of the session</source>
        <translation>本次录制的事件</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>全部产品</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any QC verdict</source>
        <translation>全部质检结论</translation>
    </message>
    <message>
        <source>Any upload state</source>
        <translation>全部上传状态</translation>
    </message>
    <message numerus="yes">
        <source>Page %1 of %2 (%n session(s))</source>
        <translation>
            <numerusform>第 %1 页，共 %2 页（%n 条录制）</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a session in the table to see its steps and events.</source>
        <translation>在表格中选择一条录制，查看其环节和事件。</translation>
    </message>
    <message>
        <source>No recording file is registered for this session.</source>
        <translation>这条录制没有登记录像文件。</translation>
    </message>
    <message>
        <source>Agent (name or login)</source>
        <translation>业务员（姓名或登录名）</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>录制时间</translation>
    </message>
    <message>
        <source>Session %1
Agent login: %2</source>
        <translation>录制编号 %1
业务员登录名：%2</translation>
    </message>
    <message>
        <source>Application %1, recorded by %2 on %3. %4, %5.</source>
        <translation>投保单号 %1，由%2于 %3 录制。%4，%5。</translation>
    </message>
    <message>
        <source>Length %1, of which %2 with someone required out of the picture.</source>
        <translation>时长%1，其中%2有应在画面中的人不在画面中。</translation>
    </message>
    <message>
        <source>Length %1, everyone required in the picture throughout.</source>
        <translation>时长%1，应在画面中的人始终在画面中。</translation>
    </message>
    <message>
        <source>Recording file: %1.</source>
        <translation>录像文件大小：%1。</translation>
    </message>
    <message>
        <source>Why it was recorded: %1</source>
        <translation>录制依据：%1</translation>
    </message>
    <message>
        <source>No rule required a recording; it was recorded all the same.</source>
        <translation>没有规则要求录制，本次为自愿录制。</translation>
    </message>
    <message>
        <source>Session %1
Agent login: %2
Script: %3 (version %4)
Scope: %5</source>
        <translation>录制编号 %1
业务员登录名：%2
话术：%3（版本 %4）
适用范围：%5</translation>
    </message>
    <message>
        <source>%1 %2, from %3 (%4)</source>
        <translation>%1 %2，自 %3 起（%4）</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>%1 (%2)  %3</source>
        <translation>%1（%2）  %3</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>第%1步</translation>
    </message>
    <message>
        <source>The audit log cannot be written.</source>
        <translation>无法写入审计日志。</translation>
    </message>
    <message>
        <source>The accounts cannot be read, so logins are shown instead of names.</source>
        <translation>无法读取账号信息，因此显示登录名而不是姓名。</translation>
    </message>
    <message>
        <source>The history cannot be read.</source>
        <translation>无法读取录制历史。</translation>
    </message>
    <message>
        <source>This session cannot be read.</source>
        <translation>无法读取此次录制。</translation>
    </message>
    <message>
        <source>The files of this session cannot be read from the journal.</source>
        <translation>无法从日志库中读取此次录制的文件。</translation>
    </message>
    <message>
        <source>Record a spot-chec&amp;k…</source>
        <translation>记录抽检结果(&amp;K)…</translation>
    </message>
    <message>
        <source>Record a spot-check</source>
        <translation>记录抽检结果</translation>
    </message>
    <message>
        <source>Quality check of the session</source>
        <translation>本场录制的质检</translation>
    </message>
    <message>
        <source>Review queue (%1 % of passed sessions sampled)</source>
        <translation>待复核队列（另抽查 %1% 已通过的录制）</translation>
    </message>
    <message>
        <source>The quality check of this session cannot be read.</source>
        <translation>无法读取本场录制的质检结果。</translation>
    </message>
    <message>
        <source>Automatic check: %1</source>
        <translation>自动%1</translation>
    </message>
    <message>
        <source>Automatic check: not done for this session.</source>
        <translation>自动质检：本场录制没有做。</translation>
    </message>
    <message>
        <source>Spot-check: none yet.</source>
        <translation>抽检：尚无。</translation>
    </message>
    <message>
        <source>Spot-check: %1</source>
        <translation>抽检：%1</translation>
    </message>
    <message>
        <source>The spot-check was not saved: your account cannot be read.</source>
        <translation>抽检结果没有保存：无法读取您的账户。</translation>
    </message>
    <message>
        <source>The spot-check was not saved.</source>
        <translation>抽检结果没有保存。</translation>
    </message>
    <message>
        <source>The upload could not be changed.</source>
        <translation>无法更改此录像的上传。</translation>
    </message>
    <message>
        <source>Try the upload &amp;again</source>
        <translation>重新上传(&amp;A)</translation>
    </message>
    <message>
        <source>Tries to upload this session&apos;s sealed recording again now.</source>
        <translation>立即重新上传此会话已封存的录像。</translation>
    </message>
    <message>
        <source>Upload this &amp;first</source>
        <translation>优先上传(&amp;F)</translation>
    </message>
    <message>
        <source>Moves this session&apos;s recording to the front of the upload queue.</source>
        <translation>把此会话的录像移到上传队列的最前面。</translation>
    </message>
    <message>
        <source>Try the upload again</source>
        <translation>重新上传</translation>
    </message>
    <message>
        <source>Upload this first</source>
        <translation>优先上传</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查询……</translation>
    </message>
</context>
<context>
    <name>dualrec::ui::LoginPage</name>
    <message>
        <source>Create the first supervisor account</source>
        <translation>创建第一个主管账号</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign in with your own account. After 5 wrong passwords the account is locked for 15 minutes.</source>
        <translation>请用您本人的账号登录。密码连续输错5次，账号将被锁定15分钟。</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>再次输入密码(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>创建账号(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>创建账号</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>登录提示</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <source>Verifying the password</source>
        <translation>正在验证密码</translation>
    </message>
    <message>
        <source>Creating the account…</source>
        <translation>正在创建账号…</translation>
    </message>
    <message>
        <source>Creating the account</source>
        <translation>正在创建账号</translation>
    </message>
    <message>
        <source>Enter your login and password.</source>
        <translation>请输入登录名和密码。</translation>
    </message>
    <message>
        <source>Login or password is wrong. Please try again.</source>
        <translation>登录名或密码错误，请重试。</translation>
    </message>
    <message>
        <source>This account is locked after too many wrong passwords. Try again after %1, or ask branch IT to reset the password.</source>
        <translation>密码输错次数过多，账号已锁定。请在 %1 之后再试，或请分支机构信息技术人员重置密码。</translation>
    </message>
    <message>
        <source>The account was created. Please sign in.</source>
        <translation>账号已创建，请登录。</translation>
    </message>
    <message>
        <source>This computer had user accounts, but none can be found now. Ask branch IT to restore them.</source>
        <translation>本机曾有用户账号，但现在找不到任何账号。请分支机构信息技术人员恢复账号。</translation>
    </message>
    <message numerus="yes">
        <source>The login must be one word of letters, digits or symbols, without spaces or invisible characters, at most %n character(s).</source>
        <translation>
            <numerusform>登录名须由字母、数字或符号组成，不含空格或不可见字符，最多 %n 个字符。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n character(s), not counting spaces at either end.</source>
        <translation>
            <numerusform>密码至少需要 %n 个字符（首尾的空格不计）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The password may have at most %n character(s).</source>
        <translation>
            <numerusform>密码最多 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>The password contains an invisible or control character.</source>
        <translation>密码包含不可见字符或控制字符。</translation>
    </message>
    <message>
        <source>The password needs at least one letter.</source>
        <translation>密码至少需要包含一个字母。</translation>
    </message>
    <message>
        <source>The password needs at least one digit, space or symbol besides the letters.</source>
        <translation>密码除字母外，至少还需要包含一个数字、空格或符号。</translation>
    </message>
    <message>
        <source>This account is disabled. Ask your supervisor or branch IT to enable it.</source>
        <translation>此账号已停用。请联系主管或分支机构信息技术人员重新启用。</translation>
    </message>
    <message>
        <source>The account list cannot be read.</source>
        <translation>无法读取账号列表。</translation>
    </message>
    <message>
        <source>Signing in failed.</source>
        <translation>登录失败。</translation>
    </message>
    <message>
        <source>The account was not created.</source>
        <translation>账号未创建。</translation>
    </message>
    <message>
        <source>No account exists on this computer yet. The first account is a supervisor: after signing in, it creates the agents&apos; accounts under &quot;Accounts&quot;.</source>
        <translation>这台电脑上还没有账号。第一个账号为主管账号：登录后可在“账号管理”中为业务员创建账号。</translation>
    </message>
</context>
<context>
    <name>dualrec::ui::MainWindow</name>
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
        <source>Video source: %1</source>
        <translation>视频来源：%1</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>数据目录：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n script file problem(s): run &quot;dualrec script check&quot;</source>
        <translation>
            <numerusform>话术文件有 %n 个问题：请运行 &quot;dualrec script check&quot; 查看</numerusform>
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
    <message>
        <source>A recording is running</source>
        <translation>正在录制</translation>
    </message>
    <message>
        <source>Closing DualRec aborts the running recording. Close anyway?</source>
        <translation>关闭 DualRec 将中止正在进行的录制。仍要关闭吗？</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>当前用户：%1（%2）</translation>
    </message>
    <message>
        <source>New &amp;recording</source>
        <translation>新建录制(&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;cripts</source>
        <translation>话术(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>录制记录(&amp;H)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>录制记录</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>New recording</source>
        <translation>新建录制</translation>
    </message>
    <message>
        <source>Scripts</source>
        <translation>话术</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Not while a recording runs: finish or abort it first.</source>
        <translation>录制进行中不能操作：请先完成或中止录制。</translation>
    </message>
    <message>
        <source>Cannot start</source>
        <translation>无法开始</translation>
    </message>
    <message>
        <source>The recording stopped: the disk is full. Everything recorded until now is kept in %1.</source>
        <translation>录制已停止：磁盘已满。此前录下的内容均已保存在 %1。</translation>
    </message>
    <message>
        <source>No snapshot: there is no camera picture to save.</source>
        <translation>未截图：当前没有可保存的摄像头画面。</translation>
    </message>
    <message>
        <source>Saving the recording…</source>
        <translation>正在保存录像……</translation>
    </message>
    <message>
        <source>Recording not finalized</source>
        <translation>录像未完成封装</translation>
    </message>
    <message>
        <source>The session for application %1 was being recorded. The recording so far (%2) is saved in %3. The session is marked as failed and must be recorded again.</source>
        <translation>投保单号 %1 的会话当时正在录制。已录制的部分（时长 %2）已保存在 %3。该会话已标记为失败，需要重新录制。</translation>
    </message>
    <message>
        <source>The session for application %1 was being recorded. What was recorded is kept in %2, but it could not be finalized (%3). The session is marked as failed and must be recorded again.</source>
        <translation>投保单号 %1 的会话当时正在录制。已录制的内容保留在 %2，但无法完成封装（%3）。该会话已标记为失败，需要重新录制。</translation>
    </message>
    <message>
        <source>DualRec stopped unexpectedly last time (crash, forced stop or power loss).</source>
        <translation>双录系统上次意外停止（程序崩溃、被强制结束或断电）。</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>知道了</translation>
    </message>
    <message>
        <source>Interrupted sessions</source>
        <translation>中断的会话</translation>
    </message>
    <message>
        <source>Dismiss the notice about interrupted sessions</source>
        <translation>关闭中断会话的提示</translation>
    </message>
    <message>
        <source>The session for application %1 was open, without a recording. It is marked as failed.</source>
        <translation>投保单号 %1 的会话当时处于进行中，没有录像。该会话已标记为失败。</translation>
    </message>
    <message>
        <source>The recording of the session for application %1 was still being saved. It is now saved in %2 (%3).</source>
        <translation>投保单号 %1 的会话录像当时仍在保存中，现已保存在 %2（时长 %3）。</translation>
    </message>
    <message>
        <source>The recording of the session for application %1 was still being saved. It is kept in %2, but it could not be finalized (%3).</source>
        <translation>投保单号 %1 的会话录像当时仍在保存中。录像保留在 %2，但无法完成封装（%3）。</translation>
    </message>
    <message>
        <source>The session for application %1 was left open, but it could not be closed (%2). DualRec tries again at the next start.</source>
        <translation>投保单号 %1 的会话上次未正常结束，但本次无法关闭（%2）。下次启动时将再次尝试。</translation>
    </message>
    <message>
        <source>No snapshot: a close-up counts only while everyone this step needs is in the picture.</source>
        <translation>未拍摄特写：只有本步骤要求的人员都在画面中时，特写才算数。</translation>
    </message>
    <message>
        <source>The session for application %1 was missing from the journal. It was added back from its recording files (%2).</source>
        <translation>投保单号 %1 的会话在日志库中缺失，已根据其录像文件补回（%2）。</translation>
    </message>
    <message>
        <source>Notice about the journal</source>
        <translation>日志库提示</translation>
    </message>
    <message>
        <source>DualRec was started again for this data folder: this window stays the only one, so two windows cannot record into the same journal.</source>
        <translation>双录系统又被启动了一次：同一数据文件夹只保留本窗口，以免两个窗口同时写入同一份日志。</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>账号管理(&amp;A)</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账号管理</translation>
    </message>
    <message>
        <source>An action could not be written to the audit log; tell branch IT.</source>
        <translation>有一项操作未能写入审计日志，请告知分支机构信息技术人员。</translation>
    </message>
    <message>
        <source>The recording cannot start.</source>
        <translation>无法开始录制。</translation>
    </message>
    <message>
        <source>The recording stopped. Everything recorded until now is kept in %1.</source>
        <translation>录制已停止。此前录下的内容都保存在 %1 中。</translation>
    </message>
    <message>
        <source>The recording could not be finalized, but the file %1 is complete and plays.</source>
        <translation>录像未能定稿，但文件 %1 完整且可以播放。</translation>
    </message>
    <message>
        <source>No snapshot: the picture could not be encoded.</source>
        <translation>未拍摄特写：画面无法编码保存。</translation>
    </message>
    <message>
        <source>The snapshot could not be saved.</source>
        <translation>特写未能保存。</translation>
    </message>
    <message>
        <source>The camera or microphone is gone: the session is paused. Check that it is connected; the session goes on by itself when it is back. If it does not come back, abort the session. The recording so far is kept.</source>
        <translation>摄像头或麦克风已断开：会话已暂停。请检查设备是否连接好，设备恢复后会话会自动继续。如果设备无法恢复，请中止本次录制。已录制的内容均已保存。</translation>
    </message>
    <message>
        <source>Notice about the settings</source>
        <translation>关于设置的提示</translation>
    </message>
</context>
<context>
    <name>dualrec::ui::NewSessionPage</name>
    <message>
        <source>New recording</source>
        <translation>新建录制</translation>
    </message>
    <message>
        <source>&amp;Application number:</source>
        <translation>投保单号(&amp;A)：</translation>
    </message>
    <message>
        <source>Policyholder&apos;s &amp;name:</source>
        <translation>投保人姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Policyholder&apos;s &amp;ID number:</source>
        <translation>投保人身份证号码(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Insured person (if different):</source>
        <translation>被保险人（与投保人不同时填写）(&amp;S)：</translation>
    </message>
    <message>
        <source>Sales &amp;channel:</source>
        <translation>销售渠道(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Where the sale happens:</source>
        <translation>销售地区(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Products sold on this application:</source>
        <translation>本单销售的产品(&amp;P)：</translation>
    </message>
    <message>
        <source>Must this sale be recorded?</source>
        <translation>本单是否必须双录？</translation>
    </message>
    <message>
        <source>&amp;Start recording</source>
        <translation>开始录制(&amp;S)</translation>
    </message>
    <message>
        <source>Application number</source>
        <translation>投保单号</translation>
    </message>
    <message>
        <source>Policyholder&apos;s name</source>
        <translation>投保人姓名</translation>
    </message>
    <message>
        <source>Policyholder&apos;s ID number</source>
        <translation>投保人身份证号码</translation>
    </message>
    <message>
        <source>Insured person</source>
        <translation>被保险人</translation>
    </message>
    <message>
        <source>Sales channel</source>
        <translation>销售渠道</translation>
    </message>
    <message>
        <source>Where the sale happens</source>
        <translation>销售地区</translation>
    </message>
    <message>
        <source>Products sold on this application</source>
        <translation>本单销售的产品</translation>
    </message>
    <message>
        <source>Scope decision</source>
        <translation>双录范围判断</translation>
    </message>
    <message>
        <source>Why the recording cannot start</source>
        <translation>无法开始录制的原因</translation>
    </message>
    <message>
        <source>Start recording</source>
        <translation>开始录制</translation>
    </message>
    <message>
        <source>18 characters, as on the ID card</source>
        <translation>18位，与身份证一致</translation>
    </message>
    <message>
        <source>empty: the policyholder is insured</source>
        <translation>不填：被保险人即投保人</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>Elsewhere (national rules only)</source>
        <translation>其他地区（仅适用全国规定）</translation>
    </message>
    <message numerus="yes">
        <source>Age: %n year(s)</source>
        <translation>
            <numerusform>年龄：%n 周岁</numerusform>
        </translation>
    </message>
    <message>
        <source>Shown once the channel and the products are chosen.</source>
        <translation>选择销售渠道和产品后显示。</translation>
    </message>
    <message>
        <source>Yes, the whole sale must be recorded:</source>
        <translation>是，本单销售全过程必须双录：</translation>
    </message>
    <message>
        <source>No rule requires a recording for this sale (rules applied: %1). You may still record it if the customer agrees.</source>
        <translation>没有规定要求本单双录（已适用规则：%1）。经客户同意，仍可录制。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>；</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>Import the application</source>
        <translation>导入投保单</translation>
    </message>
    <message>
        <source>Application files (*.json)</source>
        <translation>投保单文件 (*.json)</translation>
    </message>
    <message>
        <source>Premium per payment of %1, in yuan</source>
        <translation>%1的每期保费（元）</translation>
    </message>
    <message>
        <source>yuan, e.g. 12000.00</source>
        <translation>单位为元，例如 12000.00</translation>
    </message>
    <message>
        <source>Payment method of %1</source>
        <translation>%1的交费方式</translation>
    </message>
    <message>
        <source>Payment period of %1, in years</source>
        <translation>%1的交费期间（年）</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Premium per payment (yuan):</source>
        <translation>每期保费（元）：</translation>
    </message>
    <message>
        <source>Payment method:</source>
        <translation>交费方式：</translation>
    </message>
    <message>
        <source>Payment period:</source>
        <translation>交费期间：</translation>
    </message>
    <message>
        <source>The application file %1 cannot be read: %2</source>
        <translation>无法读取投保单文件 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: the application file has %n problem(s):</source>
        <translation>
            <numerusform>未导入任何内容：投保单文件有 %n 处问题：</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported application %1 from %2. Check the values before you start.</source>
        <translation>已从 %2 导入投保单 %1。开始录制前请核对各项内容。</translation>
    </message>
    <message>
        <source>Premium and payment, as on the application:</source>
        <translation>保费与交费（与投保单一致）：</translation>
    </message>
    <message>
        <source>I&amp;mport from the application system…</source>
        <translation>从投保系统导入(&amp;M)…</translation>
    </message>
    <message>
        <source>Import from the application system</source>
        <translation>从投保系统导入</translation>
    </message>
    <message>
        <source>Reads the application number, the customer and the premiums from the file the insurer&apos;s application system exports (docs/application-import.md).</source>
        <translation>从保险公司投保系统导出的文件中读取投保单号、客户信息和保费。</translation>
    </message>
    <message>
        <source>Import result</source>
        <translation>导入结果</translation>
    </message>
</context>
<context>
    <name>dualrec::ui::PlaybackWidget</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>playing</source>
        <translation>正在播放</translation>
    </message>
    <message>
        <source>Pa&amp;use</source>
        <translation>暂停(&amp;U)</translation>
    </message>
    <message>
        <source>Pla&amp;y</source>
        <translation>播放(&amp;Y)</translation>
    </message>
    <message>
        <source>Pause the recording</source>
        <translation>暂停录像</translation>
    </message>
    <message>
        <source>Play the recording</source>
        <translation>播放录像</translation>
    </message>
    <message>
        <source>No digest in the journal for this file (not finalized): not compared.</source>
        <translation>日志中没有此文件的摘要（录像未完成封装）：未比对。</translation>
    </message>
    <message>
        <source>Comparing the file with the digest in the journal…</source>
        <translation>正在将文件与日志中的摘要比对…</translation>
    </message>
    <message>
        <source>✓ The file matches the SHA-256 digest in the journal.</source>
        <translation>✓ 文件与日志中的 SHA-256 摘要一致。</translation>
    </message>
    <message>
        <source>✗ The file does NOT match the SHA-256 digest in the journal: it changed after recording.</source>
        <translation>✗ 文件与日志中的 SHA-256 摘要不一致：录制后已被改动。</translation>
    </message>
    <message>
        <source>The file could not be read to compare it with the journal&apos;s digest.</source>
        <translation>无法读取文件，不能与日志中的摘要比对。</translation>
    </message>
    <message>
        <source>&amp;Jump to step:</source>
        <translation>跳转到环节(&amp;J)：</translation>
    </message>
    <message>
        <source>Recording video</source>
        <translation>录像画面</translation>
    </message>
    <message>
        <source>Playback position</source>
        <translation>播放位置</translation>
    </message>
    <message>
        <source>Playback time</source>
        <translation>播放时间</translation>
    </message>
    <message>
        <source>Steps of the recording (chapters)</source>
        <translation>录像的环节（章节）</translation>
    </message>
    <message>
        <source>Recording file</source>
        <translation>录像文件</translation>
    </message>
    <message>
        <source>Digest check</source>
        <translation>摘要比对</translation>
    </message>
    <message>
        <source>Playback problem</source>
        <translation>播放问题</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>Recording: %1</source>
        <translation>录像：%1</translation>
    </message>
    <message>
        <source>The recording file is missing: %1</source>
        <translation>录像文件不存在：%1</translation>
    </message>
    <message>
        <source>The recording file cannot be read: %1</source>
        <translation>无法读取录像文件：%1</translation>
    </message>
    <message>
        <source>The recording %1 cannot be played: %2</source>
        <translation>无法播放录像 %1：%2</translation>
    </message>
    <message>
        <source>The recording %1 cannot be decrypted: it was altered or damaged, or this computer&apos;s key is not the one it was recorded with. Nothing was changed.</source>
        <translation>录像 %1 无法解密：文件已被改动或损坏，或者本机的密钥不是录制时使用的密钥。没有任何文件被改动。</translation>
    </message>
</context>
<context>
    <name>dualrec::ui::PreflightPage</name>
    <message>
        <source>Before recording: checks</source>
        <translation>录制前检查</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>重新检查(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>继续(&amp;C)</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Check results</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Why the recording cannot start</source>
        <translation>无法开始录制的原因</translation>
    </message>
    <message>
        <source>The recording cannot start: %1</source>
        <translation>无法开始录制：%1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Waiting for the camera picture…</source>
        <translation>正在等待摄像头画面……</translation>
    </message>
    <message>
        <source>No camera or video source is connected.</source>
        <translation>未连接摄像头或其他视频源。</translation>
    </message>
    <message>
        <source>Microphone:</source>
        <translation>麦克风：</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>麦克风音量</translation>
    </message>
    <message>
        <source>Camera picture with the framing guide</source>
        <translation>带取景框的摄像头画面</translation>
    </message>
</context>
<context>
    <name>dualrec::ui::RecordingPage</name>
    <message>
        <source>Waiting for the camera picture…</source>
        <translation>正在等待摄像头画面……</translation>
    </message>
    <message>
        <source>No video source is connected in this build, so nobody can be seen and steps that need people in the picture cannot be completed.</source>
        <translation>此版本未接入视频源，画面中看不到任何人，需要人员在画面中的环节无法完成。</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>&amp;Elder-friendly mode (bigger text, slower voice)</source>
        <translation>长者模式（字更大、语速更慢）(&amp;E)</translation>
    </message>
    <message>
        <source>Play the prompt (F5)</source>
        <translation>播放提示语音 (F5)</translation>
    </message>
    <message>
        <source>Customer answered “&amp;Yes”</source>
        <translation>客户回答“是”(&amp;Y)</translation>
    </message>
    <message>
        <source>Customer answered “&amp;No”</source>
        <translation>客户回答“否”(&amp;N)</translation>
    </message>
    <message>
        <source>Next step (Ctrl+Enter)</source>
        <translation>下一环节 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Abort…</source>
        <translation>中止录制(&amp;A)……</translation>
    </message>
    <message>
        <source>&amp;Reason for aborting:</source>
        <translation>中止原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Abort the recording</source>
        <translation>中止录制</translation>
    </message>
    <message>
        <source>Continue recording</source>
        <translation>继续录制</translation>
    </message>
    <message>
        <source>The customer wants to stop</source>
        <translation>客户要求停止</translation>
    </message>
    <message>
        <source>The customer must leave</source>
        <translation>客户需要离开</translation>
    </message>
    <message>
        <source>Equipment problem</source>
        <translation>设备故障</translation>
    </message>
    <message>
        <source>Wrong application details</source>
        <translation>投保信息有误</translation>
    </message>
    <message>
        <source>Camera picture</source>
        <translation>摄像头画面</translation>
    </message>
    <message>
        <source>Who is in the picture</source>
        <translation>画面中的人员</translation>
    </message>
    <message>
        <source>Presence warning</source>
        <translation>人员在场提醒</translation>
    </message>
    <message>
        <source>Steps of the recording</source>
        <translation>录制环节</translation>
    </message>
    <message>
        <source>Recording progress</source>
        <translation>录制进度</translation>
    </message>
    <message>
        <source>Teleprompter</source>
        <translation>提词器</translation>
    </message>
    <message>
        <source>Elder-friendly mode</source>
        <translation>长者模式</translation>
    </message>
    <message>
        <source>Play the prompt</source>
        <translation>播放提示语音</translation>
    </message>
    <message>
        <source>Customer answered yes</source>
        <translation>客户回答是</translation>
    </message>
    <message>
        <source>Customer answered no</source>
        <translation>客户回答否</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一环节</translation>
    </message>
    <message>
        <source>Why the next step is not available</source>
        <translation>不能进入下一环节的原因</translation>
    </message>
    <message>
        <source>Pause or resume</source>
        <translation>暂停或继续</translation>
    </message>
    <message>
        <source>Reason for aborting</source>
        <translation>中止原因</translation>
    </message>
    <message>
        <source>Confirm abort</source>
        <translation>确认中止</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n step(s) done</source>
        <translation>
            <numerusform>已完成 %1/%n 个环节</numerusform>
        </translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>第 %1 环节：%2</translation>
    </message>
    <message>
        <source>✖ No camera picture: presence cannot be checked</source>
        <translation>✖ 没有摄像头画面：无法检查人员是否在场</translation>
    </message>
    <message>
        <source>✔ Agent and customer are both in the picture</source>
        <translation>✔ 业务员和客户都在画面中</translation>
    </message>
    <message>
        <source>✖ Not both in the picture</source>
        <translation>✖ 双方未同时在画面中</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>This step asks the customer nothing.</source>
        <translation>本环节无需客户回答。</translation>
    </message>
    <message>
        <source>This step needs no close-up.</source>
        <translation>本环节无需特写截图。</translation>
    </message>
    <message>
        <source>Recorded answer: %1</source>
        <translation>已记录回答：%1</translation>
    </message>
    <message numerus="yes">
        <source>the step has not run long enough (%n second(s) left)</source>
        <translation>
            <numerusform>本环节时长不足（还需 %n 秒）</numerusform>
        </translation>
    </message>
    <message>
        <source>the recording is paused</source>
        <translation>录制已暂停</translation>
    </message>
    <message>
        <source>Next step not yet possible: %1.</source>
        <translation>暂时不能进入下一环节：%1。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>&amp;Resume (F9)</source>
        <translation>继续(&amp;R) (F9)</translation>
    </message>
    <message>
        <source>&amp;Pause (F9)</source>
        <translation>暂停(&amp;P) (F9)</translation>
    </message>
    <message>
        <source>Give a reason first.</source>
        <translation>请先填写原因。</translation>
    </message>
    <message>
        <source>Elapsed: %1</source>
        <translation>已录制：%1</translation>
    </message>
    <message>
        <source>About %1 left</source>
        <translation>预计还需 %1</translation>
    </message>
    <message>
        <source>Only counts while everyone this step needs is in the picture.</source>
        <translation>只有本步骤要求的人员都在画面中时才算数。</translation>
    </message>
    <message>
        <source>Stop the prompt (F5)</source>
        <translation>停止播报 (F5)</translation>
    </message>
    <message>
        <source>This window has no voice broadcast. Read the script aloud instead.</source>
        <translation>此窗口没有语音播报，请改为由您朗读话术。</translation>
    </message>
    <message>
        <source>The voice broadcast is getting ready…</source>
        <translation>语音播报正在准备……</translation>
    </message>
    <message>
        <source>The journal could not save part of this session; the recording goes on. Tell technical support after the session.</source>
        <translation>日志未能保存本次录制的部分内容；录制会继续进行。录制结束后请告知技术支持人员。</translation>
    </message>
    <message>
        <source>Not done.</source>
        <translation>未完成。</translation>
    </message>
    <message>
        <source>&amp;Take a close-up</source>
        <translation>拍摄特写(&amp;T)</translation>
    </message>
    <message>
        <source>Take a close-up</source>
        <translation>拍摄特写</translation>
    </message>
    <message>
        <source>The customer has not been heard answering yet. Ask them to answer in their own words; the buttons still work.</source>
        <translation>还没有听到客户的回答。请客户亲口作答；按钮仍可照常使用。</translation>
    </message>
    <message numerus="yes">
        <source>The microphone has picked up almost nothing for %n second(s). Check that it is switched on, not covered and close to the customer.</source>
        <translation>
            <numerusform>麦克风已有 %n 秒几乎没有收到声音。请检查麦克风是否已打开、没有被遮挡，并且离客户足够近。</numerusform>
        </translation>
    </message>
    <message>
        <source>The sound is so loud that it distorts. Move the microphone a little further away or turn its volume down.</source>
        <translation>声音过大，录音已经失真。请把麦克风稍微移远一些，或调低它的音量。</translation>
    </message>
</context>
<context>
    <name>dualrec::ui::ScriptBrowserPage</name>
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
        <source>Steps of the recording</source>
        <translation>录制环节</translation>
    </message>
    <message numerus="yes">
        <source>%n products on one application</source>
        <translation>
            <numerusform>一张投保单含 %n 个产品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2) — %3, %4, term %5, cooling-off %n day(s)</source>
        <translation>
            <numerusform>%1（%2）— %3，%4，保险期间 %5，犹豫期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>This script cannot be used.</source>
        <translation>此话术无法使用。</translation>
    </message>
</context>
<context>
    <name>dualrec::ui::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Settings marked with a lock are fixed by branch IT in %1 and cannot be changed here. The storage folder takes effect at the next start.</source>
        <translation>带锁标记的设置由分支机构信息技术人员在 %1 中统一设定，此处不能修改。存储文件夹在下次启动时生效。</translation>
    </message>
    <message>
        <source>&amp;Storage folder:</source>
        <translation>存储文件夹(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Camera:</source>
        <translation>摄像头(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Microphone:</source>
        <translation>麦克风(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>分辨率(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Face model file:</source>
        <translation>人脸模型文件(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Grace period (seconds out of frame before it counts):</source>
        <translation>宽限时间（离开画面多少秒后计为缺陷）(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>empty: the built-in model</source>
        <translation>不填：使用内置模型</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>保存设置(&amp;S)</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>Set by the IT policy</source>
        <translation>由信息技术人员在策略文件中设定</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>没有修改。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>In use now: %1. From the next start: %2.</source>
        <translation>当前使用：%1。下次启动起使用：%2。</translation>
    </message>
    <message>
        <source>&amp;Institution (full name):</source>
        <translation>机构全称(&amp;I)：</translation>
    </message>
    <message>
        <source>Institution&apos;s standard s&amp;hort name:</source>
        <translation>机构规范简称(&amp;H)：</translation>
    </message>
    <message>
        <source>A setting was not saved.</source>
        <translation>有一项设置未保存。</translation>
    </message>
    <message>
        <source>The device key is kept in the system key store.</source>
        <translation>设备密钥保存在系统密钥库中。</translation>
    </message>
    <message>
        <source>The device key is kept in a file only this user can read.</source>
        <translation>设备密钥保存在仅本用户可读的文件中。</translation>
    </message>
    <message>
        <source>set by IT</source>
        <translation>由信息技术人员设定</translation>
    </message>
</context>
<context>
    <name>dualrec::ui::SettingsText</name>
    <message>
        <source>a folder</source>
        <translation>一个文件夹</translation>
    </message>
    <message>
        <source>a width and height such as 1280x720</source>
        <translation>宽和高，例如 1280x720</translation>
    </message>
    <message>
        <source>a number of seconds from 0 to 10</source>
        <translation>0 到 10 之间的秒数</translation>
    </message>
    <message>
        <source>zh_CN or en</source>
        <translation>zh_CN 或 en</translation>
    </message>
    <message>
        <source>a whole number of seconds from 3 to 120</source>
        <translation>3 到 120 之间的整数秒</translation>
    </message>
    <message>
        <source>a percentage from 0 to 100</source>
        <translation>0 到 100 之间的百分比</translation>
    </message>
    <message>
        <source>a web address starting with http:// or https://, or nothing</source>
        <translation>以 http:// 或 https:// 开头的网址，或者留空</translation>
    </message>
    <message>
        <source>at most 100 characters</source>
        <translation>不超过 100 个字</translation>
    </message>
    <message>
        <source>certificate files separated by semicolons, at most 4096 characters in all</source>
        <translation>用分号隔开的证书文件，总共不超过 4096 个字符</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>a whole number of KiB per second from 0 to 10000000</source>
        <translation>0 到 10000000 之间的整数（每秒 KiB）</translation>
    </message>
    <message>
        <source>a whole number of days from 0 to 3650</source>
        <translation>0 到 3650 之间的整数天数</translation>
    </message>
    <message>
        <source>the server&apos;s key fingerprint starting with sha256/, or nothing</source>
        <translation>以 sha256/ 开头的服务器密钥指纹，或者留空</translation>
    </message>
    <message>
        <source>any text</source>
        <translation>任意文字</translation>
    </message>
    <message>
        <source>The setting %1 in %2 is &quot;%3&quot;, but it must be %4. DualRec treats it as not set; ask branch IT to correct it.</source>
        <translation>%2 中的设置 %1 的值为“%3”，但应为%4。DualRec 暂按未设置处理，请联系分支机构信息技术人员改正。</translation>
    </message>
    <message>
        <source>The setting %1 in %2 is &quot;%3&quot;, but it must be %4. DualRec uses &quot;%5&quot; instead; ask branch IT to correct it.</source>
        <translation>%2 中的设置 %1 的值为“%3”，但应为%4。DualRec 暂改用“%5”，请联系分支机构信息技术人员改正。</translation>
    </message>
</context>
<context>
    <name>dualrec::ui::SpotCheckDialog</name>
    <message>
        <source>Spot-check result</source>
        <translation>抽检结果</translation>
    </message>
    <message>
        <source>&amp;Passed</source>
        <translation>通过(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Failed</source>
        <translation>不通过(&amp;F)</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <source>The whole session</source>
        <translation>整场录制</translation>
    </message>
    <message>
        <source>&amp;Checked:</source>
        <translation>抽检范围(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Reasons:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>What you saw or heard (optional)</source>
        <translation>您看到或听到的情况（可不填）</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Save result</source>
        <translation>保存结果(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Tick at least one reason why the session failed.</source>
        <translation>请至少勾选一个不通过的原因。</translation>
    </message>
</context>
<context>
    <name>dualrec::ui::SyncText</name>
    <message>
        <source>No recording is waiting to be uploaded.</source>
        <translation>没有等待上传的录像。</translation>
    </message>
    <message>
        <source>Uploading recording %1 of %2 to the insurer: %3 % done.</source>
        <translation>正在上传第 %1 个录像（共 %2 个）至保险公司，已完成 %3%。</translation>
    </message>
    <message numerus="yes">
        <source>%1 %n recording(s) could not be uploaded; a supervisor can try again in the history.</source>
        <translation>
            <numerusform>%1另有 %n 个录像未能上传，主管可在历史记录中重试。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for the network: %n recording(s) will be uploaded as soon as the insurer&apos;s server can be reached.</source>
        <translation>
            <numerusform>正在等待网络：一旦连上保险公司的服务器，就会自动上传 %n 个录像。</numerusform>
        </translation>
    </message>
    <message>
        <source>All recordings are uploaded; the insurer confirmed receiving them complete.</source>
        <translation>全部录像均已上传，保险公司已确认完整收到。</translation>
    </message>
    <message numerus="yes">
        <source>%n recording(s) could not be uploaded.</source>
        <translation>
            <numerusform>%n 个录像未能上传。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recording(s) could not be uploaded; a supervisor can try again in the history.</source>
        <translation>
            <numerusform>%n 个录像未能上传，主管可在历史记录中重试。</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the network to upload the recording to the insurer (%1 % done); it continues by itself.</source>
        <translation>正在等待网络，以便把录像上传至保险公司（已完成 %1%）；网络恢复后会自动继续。</translation>
    </message>
    <message>
        <source>Queued for upload to the insurer.</source>
        <translation>已排队，等待上传至保险公司。</translation>
    </message>
    <message>
        <source>Uploading to the insurer: %1 % done.</source>
        <translation>正在上传至保险公司，已完成 %1%。</translation>
    </message>
    <message>
        <source>The upload to the insurer stopped.</source>
        <translation>向保险公司的上传已停止。</translation>
    </message>
    <message>
        <source>The upload to the insurer stopped; a supervisor can try again in the history.</source>
        <translation>向保险公司的上传已停止，主管可在历史记录中重试。</translation>
    </message>
    <message>
        <source>Uploaded: the insurer confirmed receiving the sealed recording complete.</source>
        <translation>已上传：保险公司已确认完整收到封存的录像。</translation>
    </message>
    <message>
        <source>Uploaded and confirmed by the insurer; the local copy was removed after the retention period.</source>
        <translation>已上传并经保险公司确认；保留期满后，本机副本已删除。</translation>
    </message>
    <message numerus="yes">
        <source>Uploads are paused because this connection is billed by data use: %n recording(s) will be uploaded as soon as the computer is on a network that is not.</source>
        <translation>
            <numerusform>当前网络按流量计费，上传已暂停：电脑连上不按流量计费的网络后，就会自动上传 %n 个录像。</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused because this connection is billed by data use (%1 % done); the upload continues by itself on another network.</source>
        <translation>当前网络按流量计费，上传已暂停（已完成 %1%）；换到其他网络后会自动继续。</translation>
    </message>
</context>
<context>
    <name>dualrec::ui::VoiceBroadcast</name>
    <message>
        <source>Read the script aloud instead.</source>
        <translation>请改为由您朗读话术。</translation>
    </message>
    <message>
        <source>The voice broadcast cannot be used: the speech data of this computer is missing or damaged (ask IT to reinstall DualRec).</source>
        <translation>语音播报无法使用：本机的语音数据缺失或已损坏（请联系技术支持人员重新安装本软件）。</translation>
    </message>
    <message>
        <source>This computer has no voice engine.</source>
        <translation>本机没有语音引擎。</translation>
    </message>
    <message>
        <source>This computer&apos;s voice engine is not working (its speech service may not be running).</source>
        <translation>本机的语音引擎无法工作（语音服务可能没有运行）。</translation>
    </message>
    <message>
        <source>This computer&apos;s voice engine has no Mandarin voice.</source>
        <translation>本机的语音引擎没有普通话语音。</translation>
    </message>
    <message>
        <source>This computer&apos;s voice engine stopped working.</source>
        <translation>本机的语音引擎已停止工作。</translation>
    </message>
    <message>
        <source>The prompt&apos;s voice could not be made.</source>
        <translation>无法生成本步骤的提示语音。</translation>
    </message>
    <message>
        <source>No loudspeaker or headphones are connected, so the prompt cannot be heard.</source>
        <translation>没有连接扬声器或耳机，客户听不到提示语音。</translation>
    </message>
    <message>
        <source>The loudspeaker stopped working during the prompt.</source>
        <translation>播报过程中扬声器停止了工作。</translation>
    </message>
    <message>
        <source>The loudspeaker could not be opened.</source>
        <translation>无法打开扬声器。</translation>
    </message>
    <message>
        <source>The recorded prompt could not be played.</source>
        <translation>无法播放预先录制的提示语音。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a problem, then what to do about it</comment>
        <translation>%1%2</translation>
    </message>
</context>
</TS>
