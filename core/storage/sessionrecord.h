#pragma once

#include "core/storage/evidencestate.h"
#include "core/storage/storedenums.h"
#include "core/workflow/sessionid.h"
#include "core/workflow/sessionstate.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace dualrec::storage {

/// Personal data of the customer: stored only encrypted (AES-256-GCM), never logged.
struct CustomerData final {
    QString name;
    QString idNumber;
    QString phone;
    QString insuredName; ///< empty: the policyholder is the insured
    friend bool operator==(const CustomerData &, const CustomerData &) = default;
};

struct ProductRef final {
    QString code;
    QString name;
    friend bool operator==(const ProductRef &, const ProductRef &) = default;
};

/// One recording session as the journal keeps it.
struct SessionRecord final {
    workflow::SessionId id;
    QString applicationNo;
    QString agentId;
    QString customerRef; ///< an opaque reference, never personal data
    std::optional<CustomerData> customer;
    QString templateId;
    QString templateVersion;
    QList<ProductRef> products;
    bool scopeRequired = true;
    QString scopeReason;
    workflow::SessionState state = workflow::SessionState::Created;
    workflow::SessionId previousSession; ///< the session this one re-records, if any
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime finishedAt;
    StoredVerdict qcVerdict = StoredVerdict::Pending;
    QString channel;      ///< workflow channel name ("counter", "agent", ...); empty: not given
    QString provinceCode; ///< where the sale happened; empty: national rules only
    /// Read from the journal; create() always starts a session at NoRecording (the lifecycle
    /// moves only through SessionRepository::advanceEvidence).
    EvidenceState evidence = EvidenceState::NoRecording;
};

/// One step of a session's evidence lifecycle, as journaled.
struct EvidenceTransition final {
    EvidenceStep step = EvidenceStep::Invalid;
    EvidenceState from = EvidenceState::Invalid;
    EvidenceState to = EvidenceState::Invalid;
    QDateTime at;
    QString detail; ///< stable English, for the log and QC staff
};

/// A file that belongs to a session: the recording, its sidecar, snapshots, reports.
struct MediaFile final {
    MediaRole role = MediaRole::Invalid;
    QString path;
    qint64 sizeBytes = 0;
    QString sha256; ///< lower-case hex
    QDateTime createdAt;
    friend bool operator==(const MediaFile &, const MediaFile &) = default;
};

/// One run of the presence timeline: from `start` to `end` on the recording's timeline the
/// checks saw the same thing.
struct PresenceRun final {
    std::chrono::milliseconds start{0};
    std::chrono::milliseconds end{0};
    int faces = 0;
    bool agent = false;
    bool customer = false;
    friend bool operator==(const PresenceRun &, const PresenceRun &) = default;
};

/// A stretch of speech heard on the microphone, on the recording's timeline (milliseconds from
/// the session's creation, like PresenceRun): [start, end). Only speech that counts as an answer
/// is kept (live::SpeechMonitor): heard inside a step, after that step's prompt finished playing,
/// and not while any prompt played (nor its echo, 0.5 s after it).
struct SpeechRange final {
    std::chrono::milliseconds start{0};
    std::chrono::milliseconds end{0};
    friend bool operator==(const SpeechRange &, const SpeechRange &) = default;
};

/// The speech found in one session (SessionRepository::speech()). `analysed` false: the
/// session's microphone was never analysed (no recording, an older DualRec, the detector could
/// not start) — "no speech" cannot be concluded, unlike an analysed session with no ranges.
struct SpeechAnalysis final {
    bool analysed = false;
    QString detector;                          ///< what found them ("webrtc-vad 0.3 low/150/100/300/-55/9")
    std::chrono::milliseconds analysedAudio{0}; ///< microphone audio the detector heard
    std::chrono::milliseconds droppedAudio{0};  ///< audio it could not keep up with (not analysed)
    QList<SpeechRange> ranges;                  ///< ordered by start, not overlapping
    friend bool operator==(const SpeechAnalysis &, const SpeechAnalysis &) = default;
};

/// The supervisor's filters; empty fields do not filter.
struct HistoryFilter final {
    QDate from;          ///< inclusive, UTC date
    QDate to;            ///< inclusive, UTC date
    QString agentId;
    QString applicationNo;
    QString productCode;
    std::optional<workflow::SessionState> state; ///< none: any state
    std::optional<StoredVerdict> qcVerdict; ///< none: any verdict
    /// Uploads: any (Invalid), one state, or (neverUploaded) the sessions never queued.
    UploadState uploadState = UploadState::Invalid;
    bool neverUploaded = false;
    /// The review queue: sessions no supervisor has spot-checked yet whose automatic verdict
    /// needs review, plus a stable random sample of `samplePercent` % of the passed ones
    /// (QcRepository::sampled).
    bool reviewQueue = false;
    double samplePercent = 5.0;
};

struct HistoryRow final {
    workflow::SessionId id;
    QString applicationNo;
    QString agentId;
    QString templateId;
    QString products; ///< product names, joined
    workflow::SessionState state = workflow::SessionState::Invalid;
    StoredVerdict qcVerdict = StoredVerdict::Invalid;
    std::optional<UploadState> uploadState; ///< none: never queued for upload
    QDateTime createdAt;
    QString qcReview; ///< the supervisors' spot-check result: "", "pass", "fail"
};

struct HistoryPage final {
    QList<HistoryRow> rows;
    qint64 total = 0; ///< rows matching the filter, over all pages
};

} // namespace dualrec::storage
