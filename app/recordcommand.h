#pragma once

#include "app/commandline.h"
#include "core/seal/devicekeys.h"
#include "core/workflow/workflowsession.h"

#include <QTextStream>

#include <functional>
#include <memory>

namespace dualrec::media {
class RecordingJournal;
}

namespace dualrec::app {

/// Who is in frame, as the record command feeds it to the workflow. Presence detection
/// (issue 5) plugs in here; `--answers auto` uses everyonePresent().
using PresenceFeed = std::function<workflow::PresenceFacts()>;
[[nodiscard]] workflow::PresenceFacts everyonePresent();

/// `dualrec record ...`: runs the recording pipeline and the workflow without a window and
/// writes the recording, its sidecar and (through `journal`) the journal rows. Runs its own
/// event loop; needs a Q(Gui)Application (Gui for the camera). Returns the exit code:
/// 0 recorded (finished, or aborted by the duration limit), 2 wrong input, 3 the recording failed.
/// `keys`: the data folder's device keys; the recording and its sidecar are encrypted with them.
int runRecord(const CommandLine &commandLine, media::RecordingJournal &journal, const PresenceFeed &presence,
              QTextStream &out, QTextStream &err, std::shared_ptr<const seal::DeviceKeys> keys);

} // namespace dualrec::app
