#include "core/media/sidecar.h"

#include "core/seal/evidencefile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimeZone>

namespace dualrec::media {

namespace {

constexpr auto kSidecarFormat = "dualrec-recording/1";

QJsonArray chaptersJson(const QList<ChapterMark> &chapters)
{
    QJsonArray array;
    for (const auto &chapter : chapters)
        array.append(QJsonObject{{QStringLiteral("id"), chapter.id},
                                 {QStringLiteral("title"), chapter.title},
                                 {QStringLiteral("start_ms"), qint64(chapter.start.count())},
                                 {QStringLiteral("end_ms"), qint64(chapter.end.count())}});
    return array;
}

Result<void> saveJson(const QString &path, const QJsonObject &root, const seal::DeviceKeys *keys)
{
    return seal::writeEvidenceFile(path, QJsonDocument(root).toJson(), keys);
}

Result<QJsonObject> loadJson(const QString &path, const seal::DeviceKeys *keys)
{
    auto bytes = seal::readEvidenceFile(path, keys);
    if (!bytes)
        return std::unexpected(bytes.error());
    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(*bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(ErrorCode::FormatError, QStringLiteral("%1 is not JSON: %2").arg(path, parseError.errorString()));
    return document.object();
}

} // namespace

QStringList watermarkLines(const WatermarkSettings &watermark, const QDateTime &when)
{
    const auto local = when.toLocalTime();
    const int offset = local.offsetFromUtc();
    const auto sign = offset < 0 ? QLatin1Char('-') : QLatin1Char('+');
    const auto zone = QStringLiteral("%1%2%3").arg(sign).arg(std::abs(offset) / 3600, 2, 10, QLatin1Char('0'))
                          .arg(std::abs(offset) % 3600 / 60, 2, 10, QLatin1Char('0'));
    return {local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss ")) + zone,
            watermark.agentLabel + QLatin1Char(' ') + watermark.agentId + QStringLiteral("  ") + watermark.applicationLabel
                + QLatin1Char(' ') + watermark.applicationNumber,
            watermark.sessionLabel + QLatin1Char(' ') + watermark.sessionId};
}

Result<void> writeSidecar(const QString &path, const SidecarData &data, const seal::DeviceKeys *keys)
{
    QJsonArray products;
    for (const auto &[code, name] : data.products)
        products.append(QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("name"), name}});
    QJsonArray gaps;
    for (const auto &gap : data.gaps)
        gaps.append(QJsonObject{{QStringLiteral("reason"), QLatin1String(gapReasonName(gap.reason))},
                                {QStringLiteral("start_ms"), qint64(gap.start.count())},
                                {QStringLiteral("end_ms"), qint64(gap.end.count())},
                                {QStringLiteral("open"), gap.open},
                                {QStringLiteral("count"), gap.count},
                                {QStringLiteral("detail"), gap.detail}});
    const auto &e = data.encoder;
    const auto &w = data.watermark;
    const auto &s = data.statistics;
    QJsonObject root{
        {QStringLiteral("format"), QLatin1String(kSidecarFormat)},
        {QStringLiteral("session_id"), data.sessionId},
        {QStringLiteral("template_id"), data.templateId},
        {QStringLiteral("template_version"), data.templateVersion},
        {QStringLiteral("products"), products},
        {QStringLiteral("application_no"), data.applicationNumber},
        {QStringLiteral("agent_id"), data.agentId},
        {QStringLiteral("source"), data.source},
        {QStringLiteral("state"), data.state},
        {QStringLiteral("state_detail"), data.stateDetail},
        {QStringLiteral("started_at"), data.description.wallOrigin.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("files"), QJsonObject{{QStringLiteral("fragmented"), QFileInfo(data.fragmentedFile).fileName()},
                                              {QStringLiteral("final"), QFileInfo(data.finalFile).fileName()}}},
        {QStringLiteral("encoding"),
         QJsonObject{{QStringLiteral("video_encoder"), data.description.videoEncoder},
                     {QStringLiteral("width"), e.width},
                     {QStringLiteral("height"), e.height},
                     {QStringLiteral("fps"), e.framesPerSecond},
                     {QStringLiteral("video_bitrate"), e.videoBitrate},
                     {QStringLiteral("audio_bitrate"), e.audioBitrate},
                     {QStringLiteral("sample_rate"), e.sampleRate},
                     {QStringLiteral("software_preset"), e.softwarePreset}}},
        {QStringLiteral("watermark"),
         QJsonObject{{QStringLiteral("enabled"), w.enabled},
                     {QStringLiteral("font"), data.description.watermarkFont.isEmpty() ? w.fontPath : data.description.watermarkFont},
                     {QStringLiteral("font_size"), data.description.watermarkFontSize},
                     {QStringLiteral("position"), QLatin1String(watermarkPositionName(w.position))},
                     {QStringLiteral("template"), data.description.watermarkTemplate},
                     {QStringLiteral("first_frame_lines"),
                      w.enabled ? QJsonArray::fromStringList(watermarkLines(w, data.description.wallOrigin)) : QJsonArray{}}}},
        {QStringLiteral("chapters"), chaptersJson(data.chapters)},
        {QStringLiteral("continuity"), gaps},
        {QStringLiteral("statistics"),
         QJsonObject{{QStringLiteral("frames_received"), s.framesReceived},
                     {QStringLiteral("frames_encoded"), s.framesEncoded},
                     {QStringLiteral("frames_dropped"), s.framesDropped},
                     {QStringLiteral("frames_skipped"), s.framesSkipped},
                     {QStringLiteral("audio_samples"), s.audioSamples},
                     {QStringLiteral("silence_samples"), s.silenceSamples},
                     {QStringLiteral("video_duration_ms"), qint64(s.videoDuration.count())},
                     {QStringLiteral("bytes_written"), s.bytesWritten}}},
    };
    return saveJson(path, root, keys);
}

Result<QList<ChapterMark>> readSidecarChapters(const QString &path, const seal::DeviceKeys *keys)
{
    auto root = loadJson(path, keys);
    if (!root)
        return std::unexpected(root.error());
    if (root->value(QStringLiteral("format")).toString() != QLatin1String(kSidecarFormat))
        return fail(ErrorCode::FormatError, QStringLiteral("%1 is not a DualRec recording sidecar").arg(path));
    QList<ChapterMark> chapters;
    for (const auto &value : root->value(QStringLiteral("chapters")).toArray()) {
        const auto chapter = value.toObject();
        chapters.append({chapter.value(QStringLiteral("id")).toString(), chapter.value(QStringLiteral("title")).toString(),
                         std::chrono::milliseconds(chapter.value(QStringLiteral("start_ms")).toInteger()),
                         std::chrono::milliseconds(chapter.value(QStringLiteral("end_ms")).toInteger())});
    }
    return chapters;
}

Result<void> updateSidecarEnd(const QString &path, const QString &state, const QString &detail, const QString &finalFile,
                              const QList<ChapterMark> &chapters, const seal::DeviceKeys *keys)
{
    auto root = loadJson(path, keys);
    if (!root)
        return std::unexpected(root.error());
    root->insert(QStringLiteral("state"), state);
    root->insert(QStringLiteral("state_detail"), detail);
    auto files = root->value(QStringLiteral("files")).toObject();
    files.insert(QStringLiteral("final"), QFileInfo(finalFile).fileName());
    root->insert(QStringLiteral("files"), files);
    root->insert(QStringLiteral("chapters"), chaptersJson(chapters));
    return saveJson(path, *root, keys);
}

} // namespace dualrec::media
