#include "ui/qcreportpdf.h"

#include "core/media/watermarkfont.h"
#include "core/qc/sessioninputs.h"
#include "core/workflow/receipt.h"
#include "ui/errortext.h"
#include "ui/historytext.h"
#include "ui/qctext.h"
#include "ui/workflowtext.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <functional>
#include <mutex>

namespace dualrec::ui {

using std::chrono::milliseconds;
using qc::PresenceState;
using workflow::QcSeverity;

namespace {

// Drawn in points (1/72 inch) on A4: the writer's 288 dpi is scaled by kScale.
constexpr int kDpi = 288;
constexpr double kScale = kDpi / 72.0;
constexpr double kPageWidth = 595.0;
constexpr double kPageHeight = 842.0;
constexpr double kMargin = 40.0;
constexpr double kLeft = kMargin;
constexpr double kWidth = kPageWidth - 2 * kMargin;
constexpr double kBottom = kPageHeight - kMargin - 18; // the footer below
constexpr double kLabelWidth = 92.0;

const QColor kInk(0x22, 0x22, 0x22);
const QColor kGrey(0x6b, 0x6b, 0x6b);
const QColor kLine(0xcc, 0xcc, 0xcc);
const QColor kPass(0x2e, 0x7d, 0x32);
const QColor kReview(0xe0, 0x8a, 0x00);
const QColor kFail(0xc6, 0x28, 0x28);
const QColor kPending(0x75, 0x75, 0x75);
const QColor kEveryone(0x43, 0xa0, 0x47);
const QColor kCustomerAway(0xef, 0x6c, 0x00);
const QColor kAgentAway(0xfb, 0xc0, 0x2d);
const QColor kNobody(0xc6, 0x28, 0x28);
const QColor kThird(0x8e, 0x24, 0xaa);
const QColor kPaused(0x9e, 0x9e, 0x9e);
const QColor kSpeech(0x15, 0x65, 0xc0);
const QColor kAnswerWindow(0xbb, 0xde, 0xfb);
const QColor kEmpty(0xee, 0xee, 0xee);

/// A family with Chinese glyphs: one the system has, else the watermark's font file loaded.
QString chineseFamily()
{
    static std::once_flag once;
    static QString family;
    std::call_once(once, [] {
        const auto families = QFontDatabase::families(QFontDatabase::SimplifiedChinese);
        for (const auto *preferred : {"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC"}) {
            if (families.contains(QLatin1String(preferred))) {
                family = QLatin1String(preferred);
                return;
            }
        }
        for (const auto &file : media::watermarkFontCandidates()) {
            if (!QFileInfo::exists(file))
                continue;
            const int id = QFontDatabase::addApplicationFont(file);
            if (id >= 0 && !QFontDatabase::applicationFontFamilies(id).isEmpty()) {
                family = QFontDatabase::applicationFontFamilies(id).first();
                return;
            }
        }
        if (!families.isEmpty())
            family = families.first();
    });
    return family;
}

QColor severityColour(QcSeverity severity)
{
    return severity == QcSeverity::Fail ? kFail : kReview;
}

QColor presenceColour(PresenceState state)
{
    switch (state) {
    case PresenceState::Everyone: return kEveryone;
    case PresenceState::CustomerAway: return kCustomerAway;
    case PresenceState::AgentAway: return kAgentAway;
    case PresenceState::NobodyThere: return kNobody;
    case PresenceState::ThirdPerson: return kThird;
    case PresenceState::Invalid: break;
    }
    return kEmpty;
}

/// Draws pages top to bottom; starts a new page when the next block does not fit.
class Canvas final
{
public:
    Canvas(QPainter &painter, QPdfWriter &writer, QString footer) : m_painter(painter), m_writer(writer), m_footer(std::move(footer))
    {
        begin();
    }

    QPainter &painter() { return m_painter; }
    double y = kMargin;

    [[nodiscard]] QFont font(double points, bool bold = false) const
    {
        QFont font(chineseFamily());
        font.setPointSizeF(points / kScale);
        font.setBold(bold);
        return font;
    }
    /// Height of `text` wrapped to `width` in `font`.
    [[nodiscard]] double heightOf(const QString &text, const QFont &font, double width)
    {
        m_painter.setFont(font);
        return m_painter.boundingRect(QRectF(0, 0, width, 10000), Qt::TextWordWrap, text).height();
    }
    /// Draws wrapped text at (x, y) and returns its height.
    double text(double x, double top, double width, const QString &text, const QFont &font, const QColor &colour = kInk,
                int flags = Qt::AlignLeft)
    {
        m_painter.setFont(font);
        m_painter.setPen(colour);
        QRectF used;
        m_painter.drawText(QRectF(x, top, width, 10000), flags | Qt::TextWordWrap | Qt::AlignTop, text, &used);
        return used.height();
    }
    /// Makes room for `height` points: a new page when they do not fit on this one.
    void need(double height)
    {
        if (y + height > kBottom && y > kMargin + 1)
            newPage();
    }
    void newPage()
    {
        finishPage();
        m_writer.newPage();
        begin();
    }
    void finishPage()
    {
        m_painter.setFont(font(7.5));
        m_painter.setPen(kGrey);
        m_painter.drawLine(QPointF(kLeft, kPageHeight - kMargin - 10), QPointF(kLeft + kWidth, kPageHeight - kMargin - 10));
        m_painter.drawText(QRectF(kLeft, kPageHeight - kMargin - 6, kWidth, 14), Qt::AlignLeft | Qt::AlignTop, m_footer);
        m_painter.drawText(QRectF(kLeft, kPageHeight - kMargin - 6, kWidth, 14), Qt::AlignRight | Qt::AlignTop,
                           QcReportPdf::tr("Page %1").arg(m_page));
    }

private:
    void begin()
    {
        ++m_page;
        m_painter.resetTransform();
        m_painter.scale(kScale, kScale);
        m_painter.setRenderHint(QPainter::Antialiasing);
        y = kMargin;
    }

    QPainter &m_painter;
    QPdfWriter &m_writer;
    QString m_footer;
    int m_page = 0;
};

QString verdictName(qc::QcOutcome outcome)
{
    return HistoryText::qcVerdict(qc::storedVerdict(outcome));
}

QColor verdictColour(qc::QcOutcome outcome)
{
    switch (outcome) {
    case qc::QcOutcome::Pass: return kPass;
    case qc::QcOutcome::NeedsReview: return kReview;
    case qc::QcOutcome::Fail: return kFail;
    case qc::QcOutcome::Pending:
    case qc::QcOutcome::Invalid: break;
    }
    return kPending;
}

QString stepName(const qc::QcReportModel &model, const qc::ReportStep &step, qsizetype row)
{
    if (model.plan && step.planIndex >= 0)
        return WorkflowText::stepTitle(*model.plan, step.planIndex);
    return QcReportPdf::tr("Step %1").arg(row + 1);
}

/// One labelled bar of the timeline; `paint` fills it (x of a time is given).
void bar(Canvas &canvas, const QString &label, milliseconds length, double height,
         const std::function<void(QPainter &, const QRectF &, const std::function<double(milliseconds)> &)> &paint)
{
    auto &painter = canvas.painter();
    const QRectF area(kLeft + kLabelWidth, canvas.y, kWidth - kLabelWidth, height);
    canvas.text(kLeft, canvas.y + (height - 11) / 2, kLabelWidth - 6, label, canvas.font(8.5), kInk);
    painter.fillRect(area, kEmpty);
    const double total = double(std::max<qint64>(1, length.count()));
    const auto xOf = [&](milliseconds at) {
        return area.left() + area.width() * std::clamp(double(at.count()) / total, 0.0, 1.0);
    };
    paint(painter, area, xOf);
    painter.setPen(QPen(kLine, 0.5));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(area);
    canvas.y += height + 5;
}

void span(QPainter &painter, const QRectF &area, const std::function<double(milliseconds)> &xOf, const qc::TimeRange &range,
          const QColor &colour, double inset = 0)
{
    const double left = xOf(range.start);
    const double right = std::max(left + 0.8, xOf(range.end)); // a moment is still visible
    painter.fillRect(QRectF(QPointF(left, area.top() + inset), QPointF(right, area.bottom() - inset)), colour);
}

void legend(Canvas &canvas, const QList<std::pair<QColor, QString>> &entries)
{
    double x = kLeft + kLabelWidth;
    const auto font = canvas.font(7.5);
    auto &painter = canvas.painter();
    painter.setFont(font);
    for (const auto &[colour, words] : entries) {
        const double width = painter.boundingRect(QRectF(0, 0, 400, 20), Qt::AlignLeft, words).width() + 18;
        if (x + width > kLeft + kWidth) {
            x = kLeft + kLabelWidth;
            canvas.y += 12;
        }
        painter.fillRect(QRectF(x, canvas.y + 2, 8, 8), colour);
        canvas.text(x + 11, canvas.y, width, words, font, kGrey);
        x += width + 6;
    }
    canvas.y += 16;
}

} // namespace

QString QcReportPdf::defaultFileName(const qc::QcReportModel &model)
{
    QString number = model.applicationNo;
    // Only what every file system takes.
    for (auto &c : number) {
        if (!c.isLetterOrNumber() && c != u'-' && c != u'_')
            c = u'_';
    }
    const auto date = model.createdAt.toLocalTime().toString(QStringLiteral("yyyyMMdd"));
    return tr("QC-report-%1-%2.pdf", "file name: application number, date").arg(number, date);
}

Result<void> QcReportPdf::render(const qc::QcReportModel &model, const std::vector<qc::ReportPicture> &pictures,
                                 const QString &picturesProblem, QIODevice &device)
{
    QPdfWriter writer(&device);
    writer.setResolution(kDpi);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(tr("QC report of application %1").arg(model.applicationNo));
    writer.setCreator(QStringLiteral("DualRec"));
    QPainter painter;
    if (!painter.begin(&writer))
        return fail(ErrorCode::IoError, QStringLiteral("the PDF cannot be drawn"));
    const auto checkCode = workflow::receiptCheckCode(model.recordingSha256);
    QString footer = tr("DualRec QC report, made %1").arg(HistoryText::localDateTime(QDateTime::currentDateTimeUtc()));
    if (!checkCode.isEmpty())
        footer = tr("%1 · recording check code %2").arg(footer, checkCode);
    Canvas canvas(painter, writer, footer);
    const auto *plan = model.plan ? &*model.plan : nullptr;

    // Title and the verdict, in colour and words.
    canvas.y += canvas.text(kLeft, canvas.y, kWidth, tr("Recording quality check report"), canvas.font(18, true));
    canvas.y += canvas.text(kLeft, canvas.y, kWidth, tr("Application %1").arg(model.applicationNo), canvas.font(10), kGrey) + 10;
    {
        const auto colour = verdictColour(model.outcome);
        const QString sentence = QcText::verdictSentence(model.outcome);
        const double height = 14 + canvas.heightOf(verdictName(model.outcome), canvas.font(16, true), kWidth - 24)
                              + canvas.heightOf(sentence, canvas.font(10), kWidth - 24) + 6;
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawRoundedRect(QRectF(kLeft, canvas.y, kWidth, height), 6, 6);
        double top = canvas.y + 8;
        top += canvas.text(kLeft + 12, top, kWidth - 24, verdictName(model.outcome), canvas.font(16, true), Qt::white);
        canvas.text(kLeft + 12, top + 2, kWidth - 24, sentence, canvas.font(10), Qt::white);
        canvas.y += height + 12;
    }

    // Who, what, when.
    {
        QStringList products;
        for (const auto &product : model.products)
            products.append(product.name.isEmpty() ? product.code : product.name);
        QString agent = model.agentName.isEmpty() ? model.agentLogin : model.agentName;
        if (!model.agentLicence.isEmpty())
            agent = tr("%1 (licence number %2)").arg(agent, model.agentLicence);
        QString when = model.createdAt.isValid() ? HistoryText::localDateTime(model.createdAt) : tr("unknown");
        when = tr("%1, length %2").arg(when, HistoryText::duration(model.length));
        QStringList checks;
        for (const auto &check : model.spotChecks)
            checks.append(QcText::spotCheck(check, model.people.value(check.reviewer, check.reviewer), plan));
        QList<std::pair<QString, QString>> facts{
            {tr("Application number"), model.applicationNo},
            {tr("Agent"), agent},
            {tr("Products"), products.isEmpty() ? tr("none recorded") : products.join(tr(", ", "list separator"))},
            {tr("Recorded"), when},
            {tr("Session"), WorkflowText::sessionState(model.state)},
            {tr("Checked"), model.verdictAt.isValid() ? HistoryText::localDateTime(model.verdictAt) : tr("not yet")},
            {tr("Spot-checks"), checks.isEmpty() ? tr("none yet") : checks.join(u'\n')},
        };
        if (!checkCode.isEmpty())
            facts.append({tr("Check code"), checkCode});
        for (const auto &[label, value] : facts) {
            const double height = std::max(canvas.heightOf(value, canvas.font(9.5), kWidth - kLabelWidth),
                                           canvas.heightOf(label, canvas.font(9.5, true), kLabelWidth - 6));
            canvas.need(height + 4);
            canvas.text(kLeft, canvas.y, kLabelWidth - 6, label, canvas.font(9.5, true), kGrey);
            canvas.text(kLeft + kLabelWidth, canvas.y, kWidth - kLabelWidth, value, canvas.font(9.5));
            canvas.y += height + 4;
        }
        canvas.y += 8;
    }

    // The timeline as bars.
    canvas.need(150);
    canvas.y += canvas.text(kLeft, canvas.y, kWidth, tr("Timeline"), canvas.font(12.5, true)) + 6;
    const auto length = std::max(model.length, milliseconds(1));
    bar(canvas, tr("Steps"), length, 16, [&](QPainter &p, const QRectF &area, const auto &xOf) {
        for (std::size_t i = 0; i < model.steps.size(); ++i) {
            const auto &step = model.steps[i];
            const QColor colour = step.failReasons > 0 ? kFail.lighter(170) : step.reviewReasons > 0 ? kReview.lighter(160) : QColor(0xe3, 0xe8, 0xef);
            span(p, area, xOf, step.range, colour);
            const double left = xOf(step.range.start);
            const double right = xOf(step.range.end);
            p.setPen(QPen(Qt::white, 1));
            p.drawLine(QPointF(left, area.top()), QPointF(left, area.bottom()));
            if (right - left > 9) {
                p.setPen(kInk);
                p.setFont(canvas.font(6.5));
                p.drawText(QRectF(left, area.top(), right - left, area.height()), Qt::AlignCenter, QString::number(i + 1));
            }
        }
    });
    bar(canvas, tr("In the picture"), length, 16, [&](QPainter &p, const QRectF &area, const auto &xOf) {
        if (!model.presence.empty()) {
            for (const auto &run : model.presence)
                span(p, area, xOf, run.range, presenceColour(run.state));
        } else {
            // No guard timeline: what the steps' events say (requirement met or not).
            span(p, area, xOf, {milliseconds(0), length}, kEveryone);
            for (const auto &unmet : model.presenceUnmet)
                span(p, area, xOf, unmet, kNobody);
        }
        for (const auto &pause : model.pauses)
            span(p, area, xOf, pause, kPaused);
    });
    bar(canvas, tr("Customer speaking"), length, 16, [&](QPainter &p, const QRectF &area, const auto &xOf) {
        for (const auto &step : model.steps) {
            if (step.answerRequired)
                span(p, area, xOf, step.range, kAnswerWindow);
        }
        if (!model.speech.analysed) {
            p.setPen(kGrey);
            p.setFont(canvas.font(7.5));
            p.drawText(area, Qt::AlignCenter, tr("The microphone was not analysed for speech in this session."));
            return;
        }
        for (const auto &range : model.speech.ranges)
            span(p, area, xOf, {range.start, range.end}, kSpeech, 2);
    });
    bar(canvas, tr("Problems"), length, 12, [&](QPainter &p, const QRectF &area, const auto &xOf) {
        for (const auto severity : {QcSeverity::Review, QcSeverity::Fail}) {
            for (const auto &row : model.reasons) {
                if (row.reason.severity == severity && row.reason.range.end > row.reason.range.start)
                    span(p, area, xOf, row.reason.range, severityColour(severity), 1);
            }
        }
    });
    {
        // The time axis under the bars.
        const double axisLeft = kLeft + kLabelWidth;
        const double axisWidth = kWidth - kLabelWidth;
        for (int quarter = 0; quarter <= 4; ++quarter) {
            const double x = axisLeft + axisWidth * quarter / 4.0;
            const auto at = milliseconds(length.count() * quarter / 4);
            const int flags = quarter == 0 ? Qt::AlignLeft : quarter == 4 ? Qt::AlignRight : Qt::AlignHCenter;
            const double left = quarter == 0 ? x : quarter == 4 ? x - 60 : x - 30;
            canvas.text(left, canvas.y - 3, 60, QcText::position(at), canvas.font(7), kGrey, flags);
        }
        canvas.y += 12;
    }
    legend(canvas, {{kEveryone, tr("both in the picture")},
                    {kCustomerAway, tr("customer away")},
                    {kAgentAway, tr("agent away")},
                    {kNobody, tr("nobody in the picture")},
                    {kThird, tr("a third person")},
                    {kPaused, tr("paused")},
                    {kAnswerWindow, tr("the customer must answer")},
                    {kSpeech, tr("customer speaking")},
                    {kFail, tr("fails the check")},
                    {kReview, tr("to be reviewed")}});
    canvas.y += 6;

    // The steps as a table.
    {
        const double columns[] = {30, 192, 48, 62, 56, 48}; // #, step, start, time, minimum, done; problems takes the rest
        double problemsWidth = kWidth;
        for (const double width : columns)
            problemsWidth -= width;
        const QStringList headings{tr("No."), tr("Step"), tr("Start"), tr("Time taken"), tr("Minimum"), tr("Done"), tr("Problems")};
        const auto row = [&](const QStringList &cells, const QFont &font, const QColor &fill) {
            double height = 0;
            for (int c = 0; c < cells.size(); ++c)
                height = std::max(height, canvas.heightOf(cells.at(c), font, (c < 6 ? columns[c] : problemsWidth) - 6));
            height += 6;
            canvas.need(height);
            if (fill.isValid())
                painter.fillRect(QRectF(kLeft, canvas.y, kWidth, height), fill);
            double x = kLeft;
            for (int c = 0; c < cells.size(); ++c) {
                const double width = c < 6 ? columns[c] : problemsWidth;
                canvas.text(x + 3, canvas.y + 3, width - 6, cells.at(c), font);
                x += width;
            }
            painter.setPen(QPen(kLine, 0.5));
            painter.drawLine(QPointF(kLeft, canvas.y + height), QPointF(kLeft + kWidth, canvas.y + height));
            canvas.y += height;
        };
        canvas.need(60);
        canvas.y += canvas.text(kLeft, canvas.y, kWidth, tr("Steps"), canvas.font(12.5, true)) + 6;
        row(headings, canvas.font(8.5, true), QColor(0xe8, 0xea, 0xed));
        if (model.steps.empty())
            canvas.y += canvas.text(kLeft + 3, canvas.y + 3, kWidth, tr("No step was started in this session."), canvas.font(9), kGrey) + 6;
        for (std::size_t i = 0; i < model.steps.size(); ++i) {
            const auto &step = model.steps[i];
            QStringList problems;
            if (step.failReasons > 0)
                problems.append(tr("%n fail(s) the check", nullptr, step.failReasons));
            if (step.reviewReasons > 0)
                problems.append(tr("%n to review", nullptr, step.reviewReasons));
            const QColor fill = step.failReasons > 0 ? QColor(0xfd, 0xec, 0xea) : step.reviewReasons > 0 ? QColor(0xff, 0xf4, 0xdf) : QColor();
            row({QString::number(step.planIndex >= 0 ? step.planIndex + 1 : qsizetype(i) + 1), stepName(model, step, qsizetype(i)),
                 QcText::position(step.range.start), HistoryText::duration(step.range.end - step.range.start),
                 step.minDuration.count() > 0 ? HistoryText::duration(step.minDuration) : tr("none"),
                 step.completed ? tr("yes") : tr("no"), problems.isEmpty() ? tr("none") : problems.join(tr(", ", "list separator"))},
                canvas.font(8.5), fill);
        }
        canvas.y += 14;
    }

    // Each reason in words, beside a still of its moment.
    {
        canvas.need(80);
        canvas.y += canvas.text(kLeft, canvas.y, kWidth, tr("What was found (%n)", nullptr, int(model.reasons.size())), canvas.font(12.5, true)) + 6;
        if (!picturesProblem.isEmpty())
            canvas.y += canvas.text(kLeft, canvas.y, kWidth, tr("The pictures of the recording cannot be shown. %1").arg(picturesProblem),
                                    canvas.font(9), kFail) + 6;
        if (model.outcome == qc::QcOutcome::Pending)
            canvas.y += canvas.text(kLeft, canvas.y, kWidth, tr("The automatic check has not been done for this session."), canvas.font(9.5), kGrey) + 6;
        else if (model.reasons.empty())
            canvas.y += canvas.text(kLeft, canvas.y, kWidth, tr("Nothing was found that the insurer rejects recordings for."), canvas.font(9.5)) + 6;
        constexpr double kPictureWidth = 150;
        constexpr double kPictureHeight = kPictureWidth * 9 / 16;
        for (std::size_t i = 0; i < model.reasons.size(); ++i) {
            const auto &row = model.reasons[i];
            const qc::ReportPicture *picture = nullptr;
            if (row.pictureAt) {
                for (const auto &candidate : pictures) {
                    if (candidate.at == *row.pictureAt && !candidate.rgb.isEmpty())
                        picture = &candidate;
                }
            }
            const double textLeft = kLeft + kPictureWidth + 12;
            const double textWidth = kWidth - kPictureWidth - 12;
            const QString severity = row.reason.severity == QcSeverity::Fail ? tr("Fails the check") : tr("To be reviewed");
            const QString sentence = QcText::reason(row.reason, plan);
            const double textHeight = 16 + canvas.heightOf(sentence, canvas.font(9.5), textWidth);
            const double height = std::max(row.pictureAt ? kPictureHeight + 14 : 0.0, textHeight) + 10;
            canvas.need(height);
            const double top = canvas.y;
            if (row.pictureAt) {
                const QRectF frame(kLeft, top, kPictureWidth, kPictureHeight);
                if (picture) {
                    const QImage image(reinterpret_cast<const uchar *>(picture->rgb.constData()), picture->width, picture->height,
                                       picture->width * 3, QImage::Format_RGB888);
                    QRectF target = frame;
                    const double aspect = double(picture->height) / std::max(1, picture->width);
                    target.setHeight(std::min(kPictureHeight, kPictureWidth * aspect));
                    painter.drawImage(target, image);
                } else {
                    painter.fillRect(frame, kEmpty);
                    painter.setPen(kGrey);
                    painter.setFont(canvas.font(8));
                    painter.drawText(frame, Qt::AlignCenter | Qt::TextWordWrap, tr("No picture of this moment"));
                }
                painter.setPen(QPen(severityColour(row.reason.severity), 1.5));
                painter.setBrush(Qt::NoBrush);
                painter.drawRect(frame);
                canvas.text(kLeft, top + kPictureHeight + 2, kPictureWidth, tr("Picture at %1 of the recording").arg(QcText::position(*row.pictureAt)),
                            canvas.font(7.5), kGrey);
            }
            // The severity as a coloured label, then the sentence.
            painter.setFont(canvas.font(8.5, true));
            const double labelWidth = painter.boundingRect(QRectF(0, 0, 300, 20), Qt::AlignLeft, severity).width() + 10;
            painter.setPen(Qt::NoPen);
            painter.setBrush(severityColour(row.reason.severity));
            painter.drawRoundedRect(QRectF(textLeft, top, labelWidth, 13), 3, 3);
            canvas.text(textLeft + 5, top + 0.5, labelWidth, severity, canvas.font(8.5, true), Qt::white);
            canvas.text(textLeft + labelWidth + 6, top + 0.5, 40, QStringLiteral("%1").arg(i + 1), canvas.font(8.5, true), kGrey);
            canvas.text(textLeft, top + 16, textWidth, sentence, canvas.font(9.5));
            canvas.y += height;
            painter.setPen(QPen(kLine, 0.5));
            painter.drawLine(QPointF(kLeft, canvas.y - 5), QPointF(kLeft + kWidth, canvas.y - 5));
        }
    }
    canvas.finishPage();
    if (!painter.end())
        return fail(ErrorCode::IoError, QStringLiteral("the PDF could not be finished"));
    return {};
}

Result<void> QcReportPdf::write(const qc::QcReportModel &model, const seal::DeviceKeys *keys, const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    std::vector<qc::ReportPicture> pictures;
    QString picturesProblem;
    const auto times = model.pictureTimes();
    if (!times.empty()) {
        if (model.recordingPath.isEmpty()) {
            picturesProblem = tr("No recording is registered for this session.");
        } else if (auto grabbed = qc::grabPictures(model.recordingPath, times, keys)) {
            pictures = std::move(*grabbed);
        } else {
            // In words; the technical detail goes to the log (ErrorText::describe logs it).
            picturesProblem = ErrorText::describe(tr("The recording cannot be read."), grabbed.error());
        }
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::IoError, QStringLiteral("%1 cannot be written: %2").arg(shown, file.errorString()));
    if (auto drawn = render(model, pictures, picturesProblem, file); !drawn) {
        file.cancelWriting();
        return fail(drawn.error().code, QStringLiteral("%1: %2").arg(shown, drawn.error().detail));
    }
    if (!file.commit())
        return fail(ErrorCode::IoError, QStringLiteral("%1 could not be saved: %2").arg(shown, file.errorString()));
    return {};
}

} // namespace dualrec::ui
