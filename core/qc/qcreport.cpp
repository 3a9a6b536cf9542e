#include "core/qc/qcreport.h"

#include "core/ffmpeg/avhandles.h"
#include "core/media/evidenceio.h"
#include "core/qc/sessioninputs.h"
#include "core/storage/sessionrepository.h"
#include "core/storage/userrepository.h"
#include "core/workflow/enumnames.h"
#include "core/workflow/sessiontimeline.h"
#include "core/workflow/templatelibrary.h"

#include <QFileInfo>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <memory>
#include <set>

namespace dualrec::qc {

using std::chrono::duration_cast;
using std::chrono::milliseconds;

namespace {

milliseconds ms(std::chrono::nanoseconds at)
{
    return duration_cast<milliseconds>(at);
}

} // namespace

std::optional<milliseconds> pictureMoment(const QcReason &reason)
{
    if (reason.range.end < reason.range.start || reason.kind == QcReasonKind::NoRecording || reason.kind == QcReasonKind::Incomplete)
        return std::nullopt; // nothing to show
    if (reason.kind == QcReasonKind::RecordingGap)
        return std::max(milliseconds(0), reason.range.start - milliseconds(500));
    return reason.range.start + (reason.range.end - reason.range.start) / 2;
}

PresenceState presenceStateOf(const storage::PresenceRun &run)
{
    if (run.faces > 2)
        return PresenceState::ThirdPerson;
    if (run.agent && run.customer)
        return PresenceState::Everyone;
    if (run.agent)
        return PresenceState::CustomerAway;
    if (run.customer)
        return PresenceState::AgentAway;
    return PresenceState::NobodyThere;
}

std::vector<milliseconds> QcReportModel::pictureTimes() const
{
    std::set<milliseconds> times;
    for (const auto &reason : reasons) {
        if (reason.pictureAt)
            times.insert(*reason.pictureAt);
    }
    return {times.cbegin(), times.cend()};
}

Result<QcReportModel> buildQcReport(const ReportSources &sources, const workflow::SessionId &id)
{
    auto found = sources.sessions.find(id);
    if (!found)
        return std::unexpected(found.error());
    if (!found->has_value())
        return fail(ErrorCode::NotFound, QStringLiteral("session %1 is not in the journal").arg(id.toString()));
    const auto &session = **found;
    const auto events = sources.sessions.events(id);
    if (!events)
        return std::unexpected(events.error());
    const auto files = sources.sessions.mediaFiles(id);
    if (!files)
        return std::unexpected(files.error());
    const auto runs = sources.sessions.presenceRuns(id);
    if (!runs)
        return std::unexpected(runs.error());
    auto speech = sources.sessions.speech(id);
    if (!speech)
        return std::unexpected(speech.error());
    const auto verdicts = sources.qc.verdicts(id);
    if (!verdicts)
        return std::unexpected(verdicts.error());

    QcReportModel model;
    model.sessionId = id;
    model.applicationNo = session.applicationNo;
    model.agentLogin = session.agentId;
    // An account that is gone (or unreadable) leaves the login: the report still names someone.
    if (const auto agent = sources.users.find(session.agentId)) {
        model.agentName = agent->displayName;
        model.agentLicence = agent->licenceNo;
        if (!agent->displayName.isEmpty())
            model.people.insert(session.agentId, agent->displayName);
    }
    model.products = session.products;
    model.templateId = session.templateId;
    model.templateVersion = session.templateVersion;
    if (auto plan = sources.library.plan(session.templateId.split(u'+')))
        model.plan = std::move(*plan);
    model.state = session.state;
    model.createdAt = session.createdAt;
    model.finishedAt = session.finishedAt;

    const auto timeline = workflow::buildSessionTimeline(*events);
    // The timeline counts from the session's creation (the recording's zero), not the first event.
    model.length = ms(timeline.end);
    for (const auto &pause : timeline.pauses)
        model.pauses.push_back({ms(pause.start), ms(pause.end)});
    for (const auto &span : timeline.presenceViolations)
        model.presenceUnmet.push_back({ms(span.start), ms(span.end)});
    if (model.plan) {
        for (const auto &step : stepsFromEvents(*events, *model.plan)) {
            ReportStep row;
            row.id = step.id;
            row.range = step.range;
            row.completed = step.completed;
            row.minDuration = step.minDuration;
            row.answerRequired = step.answerRequired;
            for (qsizetype i = 0; i < model.plan->steps().size() && row.planIndex < 0; ++i)
                row.planIndex = model.plan->steps().at(i).id == step.id ? i : -1;
            model.steps.push_back(row);
        }
    } else {
        // Without the template the chapters still say which step ran when.
        QSet<QString> completed;
        for (const auto &event : *events) {
            if (event.type == workflow::SessionEventType::StepCompleted)
                completed.insert(event.stepId);
        }
        for (qsizetype i = 0; i < timeline.chapters.size(); ++i) {
            const auto &chapter = timeline.chapters.at(i);
            ReportStep row;
            row.id = chapter.stepId;
            row.range = {ms(chapter.start), i + 1 < timeline.chapters.size() ? ms(timeline.chapters.at(i + 1).start) : ms(timeline.end)};
            row.completed = completed.contains(chapter.stepId);
            model.steps.push_back(row);
        }
    }
    for (const auto &run : *runs)
        model.presence.push_back({{run.start, run.end}, presenceStateOf(run)});
    model.speech = std::move(*speech);

    const storage::QcVerdictRecord *automatic = nullptr;
    for (const auto &verdict : *verdicts) {
        if (verdict.source == storage::QcSource::Automatic)
            automatic = &verdict;
        else if (verdict.source == storage::QcSource::Supervisor) {
            model.spotChecks.append(verdict);
            if (const auto reviewer = sources.users.find(verdict.reviewer); reviewer && !reviewer->displayName.isEmpty())
                model.people.insert(verdict.reviewer, reviewer->displayName);
        }
    }
    if (automatic) {
        model.outcome = outcomeOf(automatic->verdict);
        model.verdictAt = automatic->at;
        for (const auto &stored : automatic->reasons) {
            ReportReason row;
            row.reason.kind = qcReasonKindFromName(stored.kind).value_or(QcReasonKind::Invalid);
            row.reason.severity = workflow::enumFromName(workflow::kQcSeverityNames, stored.severity).value_or(QcSeverity::Invalid);
            row.reason.stepId = stored.stepId;
            row.reason.detail = stored.detail;
            row.reason.who = qc::partyFromName(stored.party);
            if (stored.start && stored.end)
                row.reason.range = {*stored.start, *stored.end};
            model.reasons.push_back(row);
            for (auto &step : model.steps) {
                if (step.id == stored.stepId && !stored.stepId.isEmpty()) {
                    step.failReasons += row.reason.severity == QcSeverity::Fail ? 1 : 0;
                    step.reviewReasons += row.reason.severity == QcSeverity::Review ? 1 : 0;
                }
            }
        }
        // Pictures: the reasons that fail first, then those to review, each in time order.
        int pictures = 0;
        for (const auto severity : {QcSeverity::Fail, QcSeverity::Review}) {
            for (qsizetype i = 0; i < qsizetype(model.reasons.size()); ++i) {
                auto &row = model.reasons[std::size_t(i)];
                const auto &stored = automatic->reasons.at(i);
                if (row.reason.severity != severity || !stored.start || !stored.end || pictures >= kMaxReportPictures)
                    continue;
                row.pictureAt = pictureMoment(row.reason);
                pictures += row.pictureAt ? 1 : 0;
            }
        }
    } else {
        model.outcome = QcOutcome::Pending;
    }

    // The finalized recording if there is one; otherwise the fragmented file an unfinished
    // recording left behind (it plays, and its pictures are the evidence there is).
    for (const auto &file : *files) {
        if (file.role == storage::MediaRole::Recording) {
            model.recordingPath = file.path;
            model.recordingSha256 = file.sha256;
        }
    }
    for (const auto &file : *files) {
        if (model.recordingPath.isEmpty() && file.role == storage::MediaRole::RecordingFragmented)
            model.recordingPath = file.path;
    }
    return model;
}

Result<std::vector<ReportPicture>> grabPictures(const QString &path, const std::vector<milliseconds> &times, const seal::DeviceKeys *keys,
                                                int width)
{
    std::vector<ReportPicture> pictures;
    if (times.empty())
        return pictures;
    if (!QFileInfo(path).isFile())
        return fail(ErrorCode::NotFound, QStringLiteral("the recording %1 is not there").arg(path));
    auto opened = media::openMediaInput(path, keys);
    if (!opened)
        return fail(opened.error().code, QStringLiteral("the recording %1 cannot be opened: %2").arg(path, opened.error().detail));
    media::MediaInput input = std::move(*opened);
    const AVCodec *codec = nullptr;
    const int streamIndex = av_find_best_stream(input.get(), AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0);
    if (streamIndex < 0 || !codec)
        return fail(ErrorCode::FormatError, QStringLiteral("the recording %1 has no video the decoder can open").arg(path));
    AVStream *stream = input->streams[streamIndex];
    media::CodecContextPtr decoder(avcodec_alloc_context3(codec));
    if (!decoder || avcodec_parameters_to_context(decoder.get(), stream->codecpar) < 0)
        return fail(ErrorCode::OutOfMemory, QStringLiteral("no memory to decode %1").arg(path));
    decoder->thread_count = 1;
    if (avcodec_open2(decoder.get(), codec, nullptr) < 0)
        return fail(ErrorCode::FormatError, QStringLiteral("the video decoder cannot open %1").arg(path));
    media::PacketPtr packet(av_packet_alloc());
    media::FramePtr frame(av_frame_alloc());
    if (!packet || !frame)
        return fail(ErrorCode::OutOfMemory, QStringLiteral("no memory to decode %1").arg(path));
    const int64_t origin = stream->start_time != AV_NOPTS_VALUE ? stream->start_time : 0;
    const auto timeOf = [&](int64_t pts) { return milliseconds(av_rescale_q(pts - origin, stream->time_base, AVRational{1, 1000})); };
    media::SwsPtr scaler;

    const auto still = [&](milliseconds asked, milliseconds shown) {
        ReportPicture picture;
        picture.at = asked;
        picture.shown = shown;
        const int targetWidth = std::max(2, std::min(width, frame->width));
        const int targetHeight = std::max(2, int(qint64(frame->height) * targetWidth / std::max(1, frame->width)));
        scaler.reset(sws_getContext(frame->width, frame->height, AVPixelFormat(frame->format), targetWidth, targetHeight, AV_PIX_FMT_RGB24,
                                    SWS_AREA, nullptr, nullptr, nullptr));
        if (!scaler)
            return picture;
        picture.width = targetWidth;
        picture.height = targetHeight;
        picture.rgb.resize(qsizetype(targetWidth) * targetHeight * 3);
        uint8_t *planes[1] = {reinterpret_cast<uint8_t *>(picture.rgb.data())};
        const int strides[1] = {targetWidth * 3};
        sws_scale(scaler.get(), frame->data, frame->linesize, 0, frame->height, planes, strides);
        return picture;
    };

    std::vector<milliseconds> sorted(times);
    std::ranges::sort(sorted);
    for (const auto at : sorted) {
        // From the key frame before the moment, decode up to the first frame at or after it.
        const int64_t target = origin + av_rescale_q(at.count(), AVRational{1, 1000}, stream->time_base);
        avcodec_flush_buffers(decoder.get());
        if (av_seek_frame(input.get(), streamIndex, target, AVSEEK_FLAG_BACKWARD) < 0)
            av_seek_frame(input.get(), streamIndex, origin, AVSEEK_FLAG_BACKWARD);
        bool have = false;   ///< a frame was decoded (the latest is in `frame`)
        bool reached = false;
        milliseconds shown{0};
        media::FramePtr latest(av_frame_alloc());
        if (!latest)
            return fail(ErrorCode::OutOfMemory, QStringLiteral("no memory to decode %1").arg(path));
        const auto drain = [&] {
            while (!reached && avcodec_receive_frame(decoder.get(), frame.get()) == 0) {
                const auto pts = frame->best_effort_timestamp;
                av_frame_unref(latest.get());
                av_frame_ref(latest.get(), frame.get());
                have = true;
                shown = pts != AV_NOPTS_VALUE ? timeOf(pts) : shown;
                reached = pts != AV_NOPTS_VALUE && timeOf(pts) >= at;
                av_frame_unref(frame.get());
            }
        };
        bool ended = false;
        while (!reached && !ended) {
            const int rc = av_read_frame(input.get(), packet.get());
            if (rc < 0) {
                avcodec_send_packet(decoder.get(), nullptr);
                ended = true;
            } else {
                if (packet->stream_index == streamIndex)
                    avcodec_send_packet(decoder.get(), packet.get()); // a damaged packet: the next one goes on
                av_packet_unref(packet.get());
            }
            drain();
        }
        if (!have) {
            pictures.push_back({at, at, 0, 0, {}});
            continue;
        }
        av_frame_unref(frame.get());
        av_frame_ref(frame.get(), latest.get());
        pictures.push_back(still(at, shown));
        av_frame_unref(frame.get());
    }
    return pictures;
}

} // namespace dualrec::qc
