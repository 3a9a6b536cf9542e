#pragma once

#include "core/sync/bandwidthlimiter.h"
#include "core/sync/tusrequest.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QSslSocket>
#include <QTimer>
#include <QUrl>

namespace dualrec::sync {

/// The server's answer to one PATCH: its status and headers (names in lower case), or why there
/// is none.
struct PatchAnswer final {
    int status = 0;                          ///< 0: no answer (see error)
    QString reason;                          ///< the status line's reason phrase
    QHash<QByteArray, QByteArray> headers;   ///< lower-case name -> value
    std::optional<Error> error;              ///< transport failure (connection, TLS, pin, stall, stop)
    [[nodiscard]] QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
};

/// One tus PATCH written by the thread that reads the package: an HTTP/1.1 request on its own
/// (TLS) socket, the body from a PackageSlice in 256 KiB writes while less than 1 MiB waits in
/// the socket, then the answer's status line and headers (the body of the answer is not needed).
///
/// Why not Qt Network: QNetworkAccessManager hands a request body from the sending thread to its
/// HTTP thread 16 KiB at a time, one piece in flight, each piece two thread wake-ups; on a busy
/// machine that, not the network, set the upload's speed (docs/ingest.md, benchmark). Trust is
/// the same as every other request's: TusRequestBuilder's TLS configuration (full verification,
/// the CA file) and public-key pin; the same headers (`Tus-Resumable`, bearer token), the same
/// stall timeout, no redirects; `Connection: close`, one request per connection. Proxies: the
/// application's proxy, as QNetworkAccessManager's default.
///
/// Thread contract: lives and is used on one thread with an event loop (the upload's).
class PatchSender final : public QObject
{
    Q_OBJECT

public:
    /// `body` (open, owned from now on) gives the Content-Length bytes; `headers` come on top
    /// of the builder's.
    PatchSender(const TusRequestBuilder &requests, const QUrl &url, QList<QPair<QByteArray, QByteArray>> headers, PackageSlice *body,
                QObject *parent = nullptr);
    ~PatchSender() override;

    void start();
    /// Stops; finished() follows with a Cancelled error.
    void abort();
    [[nodiscard]] const PatchAnswer &answer() const { return m_answer; }
    [[nodiscard]] qint64 bodyBytesWritten() const { return m_bodyWritten; }

Q_SIGNALS:
    void progress(qint64 bodyBytesWritten, qint64 bodyBytes);
    void finished();

private:
    void onConnected();
    void feed();
    void onReadyRead();
    void onSocketError(QAbstractSocket::SocketError error);
    void fail(ErrorCode code, const QString &detail);
    void done();
    [[nodiscard]] bool parseAnswer();
    [[nodiscard]] QString where() const;

    QUrl m_url;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QByteArray m_pin;
    int m_stallTimeoutMs;
    PackageSlice *m_body;
    QSslSocket m_socket;
    QTimer m_stall;
    QByteArray m_buffer;
    QByteArray m_received;
    qint64 m_bodyWritten = 0;
    bool m_finished = false;
    PatchAnswer m_answer;
};

} // namespace dualrec::sync
