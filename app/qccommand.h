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
/// With --script the session's QC verdict (docs/qc-verdict.md) is added: "qc": {"verdict": "pass" |
/// "needs_review" | "fail", "reasons": [{"kind", "severity", "step_id", "start_ms", "end_ms",
/// "detail"}]} (null without --script), and the exit code follows it.
///
/// Returns 0 when clean (with --script: the verdict is pass), 1 with defects (with --script: the
/// verdict is needs_review or fail), 2 on error (message on `err`, naming the file).
int runQc(const CommandLine &commandLine, QTextStream &out, QTextStream &err);

} // namespace dualrec::app
