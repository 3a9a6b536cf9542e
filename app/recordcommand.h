#pragma once

#include "app/commandline.h"
#include "core/seal/devicekeys.h"
#include "core/workflow/workflowsession.h"

#include <QTextStream>

#include <functional>
#include <memory>

namespace dualrec {
class Clock;
}
namespace dualrec::storage {
class Journal;
}

namespace dualrec::app {

/// Who is in frame, as the record command feeds it to the workflow. Presence detection
/// (issue 5) plugs in here; `--answers auto` uses everyonePresent().
using PresenceFeed = std::function<workflow::PresenceFacts()>;
[[nodiscard]] workflow::PresenceFacts everyonePresent();

/// `dualrec record ...`: runs one session through live::SessionController, as the window does,
/// without a window: the recording, its sidecar, the journal rows, the audit entries and the
/// evidence lifecycle are the window's. Runs its own
/// event loop; needs a Q(Gui)Application (Gui for the camera). Returns the exit code:
/// 0 recorded (finished, or aborted by the duration limit), 2 wrong input, 3 the recording failed.
/// `keys`: the data folder's device keys; the recording and its sidecar are encrypted with them.
int runRecord(const CommandLine &commandLine, storage::Journal &journal, const Clock &clock, const PresenceFeed &presence,
              QTextStream &out, QTextStream &err, std::shared_ptr<const seal::DeviceKeys> keys);

} // namespace dualrec::app
