#pragma once

#include "app/commandline.h"

#include <QTextStream>

namespace dualrec::app {

/// `dualrec qc FILE [--script TEMPLATE] [--json] [--face-model PATH] [--grace S]`: analyses a
/// recording with the live guard's detector and policy (core/vision) and prints the presence
/// timeline and every defect.
///
/// --json prints one object: {"file", "detector": "yunet"|"haar", "detector_model",
/// "fallback_reason" (null with YuNet), "checks_per_s", "cpu_ms_per_check", "grace_s",
/// "presence_rule", "clean", "defects": [{"kind": "party_absent"|"third_party"|"camera_blocked",
/// "start_s", "end_s", "who": "agent"|"customer"|null}], "timeline": [{"start_s", "end_s",
/// "faces", "agent", "customer", "blocked"}], ...}, times in seconds from the start of the file.
///
/// Returns 0 when clean, 1 with defects, 2 on error (message on `err`, naming the file).
int runQc(const CommandLine &commandLine, QTextStream &out, QTextStream &err);

} // namespace dualrec::app
