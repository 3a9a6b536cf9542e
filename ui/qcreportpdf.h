#pragma once

#include "core/qc/qcreport.h"
#include "core/util/result.h"

#include <QCoreApplication>
#include <QString>

#include <vector>

class QIODevice;

namespace dualrec::seal {
class DeviceKeys;
}

namespace dualrec::ui {

/// A session's QC report drawn for a supervisor (docs/qc.md, "QC report"): one A4 PDF with the
/// verdict in words and colour, who recorded what and when, the timeline as bars (steps, who was
/// in the picture, the customer's speech, the problems found), the steps as a table and each
/// reason as a sentence beside a still of its moment. What goes in is decided by core
/// (qc::QcReportModel); this only draws it, in the UI language (zh_CN first) with a font that
/// has Chinese glyphs.
///
/// Thread contract: stateless; any thread once a QGuiApplication exists (fonts), with the
/// translators installed. The history page renders in the thread pool, the command line in main.
class QcReportPdf final
{
    Q_DECLARE_TR_FUNCTIONS(QcReportPdf)

public:
    /// "质检报告-P2026-0042-20261203.pdf": the application number and the recording's local date.
    [[nodiscard]] static QString defaultFileName(const qc::QcReportModel &model);

    /// Draws the report as a PDF onto `device` (open for writing). `pictures` are the stills of
    /// model.pictureTimes(); `picturesProblem`, when not empty, says in the report why there are none.
    [[nodiscard]] static Result<void> render(const qc::QcReportModel &model, const std::vector<qc::ReportPicture> &pictures,
                                             const QString &picturesProblem, QIODevice &device);

    /// The whole report into `path`: the stills decoded in memory from the session's recording
    /// (through `keys`; no plaintext copy on disk), drawn, and the file written only when complete
    /// (a temporary file renamed; an existing file is replaced only then). Errors name the file.
    /// A recording that cannot be read does not stop the report: it says so where the pictures
    /// would be.
    [[nodiscard]] static Result<void> write(const qc::QcReportModel &model, const seal::DeviceKeys *keys, const QString &path);
};

} // namespace dualrec::ui
