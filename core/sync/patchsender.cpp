#include "core/sync/patchsender.h"

#include <QCryptographicHash>
#include <QSslKey>

namespace dualrec::sync {

namespace {

constexpr qint64 kWriteBlock = 256 * 1024;     // one read from the package, one socket write
constexpr qint64 kSocketBacklog = 1024 * 1024; // at most this much waits in the socket's buffer
constexpr qsizetype kMaxAnswerHead = 64 * 1024;

} // namespace

PatchSender::PatchSender(const TusRequestBuilder &requests, const QUrl &url, QList<QPair<QByteArray, QByteArray>> headers, PackageSlice *body,
                         QObject *parent)
    : QObject(parent), m_url(url), m_headers(requests.baseHeaders() + headers), m_pin(requests.pinSha256()),
      m_stallTimeoutMs(requests.stallTimeoutMs()), m_body(body)
{
    m_body->setParent(this);
    if (url.scheme() == QLatin1String("https"))
        m_socket.setSslConfiguration(requests.sslConfiguration());
    m_stall.setSingleShot(true);
    connect(&m_stall, &QTimer::timeout, this, [this] {
        fail(ErrorCode::NetworkError, QStringLiteral("no byte moved for %1 s (stalled)").arg(m_stallTimeoutMs / 1000.0));
    });
    connect(&m_socket, &QSslSocket::connected, this, [this] {
        if (m_url.scheme() != QLatin1String("https"))
            onConnected();
    });
    connect(&m_socket, &QSslSocket::encrypted, this, [this] {
        if (!m_pin.isEmpty()) {
            const auto hash = QCryptographicHash::hash(m_socket.peerCertificate().publicKey().toDer(), QCryptographicHash::Sha256);
            if (hash != m_pin)
                return fail(ErrorCode::ServerNotTrusted, QStringLiteral("the server's public key (sha256/%1) is not the pinned one")
                                                             .arg(QString::fromLatin1(hash.toBase64())));
        }
        onConnected();
    });
    connect(&m_socket, &QSslSocket::bytesWritten, this, &PatchSender::feed);
    connect(&m_socket, &QSslSocket::encryptedBytesWritten, this, [this] { m_stall.start(m_stallTimeoutMs); });
    connect(&m_socket, &QSslSocket::readyRead, this, &PatchSender::onReadyRead);
    connect(&m_socket, &QSslSocket::errorOccurred, this, &PatchSender::onSocketError);
    connect(&m_socket, &QSslSocket::disconnected, this, [this] {
        if (!parseAnswer())
            fail(ErrorCode::NetworkError, QStringLiteral("the connection closed before the server answered"));
    });
    connect(m_body, &QIODevice::readyRead, this, &PatchSender::feed); // the bandwidth limit's bucket refilled
}

PatchSender::~PatchSender()
{
    m_finished = true; // no signal from the socket's teardown
    m_socket.abort();
}

QString PatchSender::where() const
{
    return m_url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo);
}

void PatchSender::start()
{
    m_stall.start(m_stallTimeoutMs);
    const quint16 port = quint16(m_url.port(m_url.scheme() == QLatin1String("https") ? 443 : 80));
    if (m_url.scheme() == QLatin1String("https"))
        m_socket.connectToHostEncrypted(m_url.host(), port);
    else
        m_socket.connectToHost(m_url.host(), port);
}

void PatchSender::abort()
{
    fail(ErrorCode::Cancelled, QStringLiteral("stopped on request"));
}

void PatchSender::onConnected()
{
    if (m_finished || !m_socket.isOpen())
        return;
    m_stall.start(m_stallTimeoutMs);
    QByteArray head = "PATCH " + m_url.path(QUrl::FullyEncoded).toLatin1();
    if (m_url.hasQuery())
        head += '?' + m_url.query(QUrl::FullyEncoded).toLatin1();
    const QByteArray host = m_url.host(QUrl::FullyEncoded).toLatin1();
    head += " HTTP/1.1\r\nHost: ";
    head += host.contains(':') ? QByteArray('[' + host + ']') : host; // an IPv6 literal in brackets
    if (m_url.port() != -1)
        head += ':' + QByteArray::number(m_url.port());
    head += "\r\n";
    for (const auto &[name, value] : std::as_const(m_headers)) {
        // A line break in a header (a token from the key store, say) would end it early and let
        // the rest pass as headers of its own: refused, the request is never sent.
        if (name.contains('\r') || name.contains('\n') || value.contains('\r') || value.contains('\n'))
            return fail(ErrorCode::InvalidArgument, QStringLiteral("the header %1 holds a line break; the request was not sent")
                                                       .arg(QString::fromLatin1(name)));
        head += name + ": " + value + "\r\n";
    }
    head += "Content-Length: " + QByteArray::number(m_body->size()) + "\r\nConnection: close\r\n\r\n";
    m_socket.write(head);
    feed();
}

void PatchSender::feed()
{
    if (m_finished || m_socket.state() != QAbstractSocket::ConnectedState || (m_url.scheme() == QLatin1String("https") && !m_socket.isEncrypted()))
        return;
    m_stall.start(m_stallTimeoutMs);
    while (!m_finished && m_socket.isOpen() && m_socket.state() == QAbstractSocket::ConnectedState && m_bodyWritten < m_body->size()
           && m_socket.bytesToWrite() + m_socket.encryptedBytesToWrite() < kSocketBacklog) {
        if (m_buffer.size() != kWriteBlock)
            m_buffer.resize(kWriteBlock);
        const qint64 got = m_body->read(m_buffer.data(), std::min(kWriteBlock, m_body->size() - m_bodyWritten));
        if (got < 0)
            return fail(ErrorCode::IoError, QStringLiteral("the package cannot be read: %1").arg(m_body->errorString()));
        if (got == 0)
            return; // the bandwidth limit's bucket is empty: readyRead() comes back
        if (m_socket.write(m_buffer.constData(), got) != got)
            return fail(ErrorCode::NetworkError, m_socket.errorString());
        m_bodyWritten += got;
        Q_EMIT progress(m_bodyWritten, m_body->size());
    }
}

void PatchSender::onReadyRead()
{
    m_stall.start(m_stallTimeoutMs);
    m_received += m_socket.readAll();
    if (m_received.size() > kMaxAnswerHead && m_received.indexOf("\r\n\r\n") < 0)
        return fail(ErrorCode::NetworkError, QStringLiteral("the server's answer has no end of its headers in %1 bytes").arg(kMaxAnswerHead));
    (void)parseAnswer();
}

bool PatchSender::parseAnswer()
{
    if (m_finished)
        return true;
    for (;;) {
        const auto end = m_received.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QList<QByteArray> lines = m_received.left(end).split('\n');
        m_received.remove(0, end + 4);
        const QByteArray statusLine = lines.value(0).trimmed();
        const QList<QByteArray> parts = statusLine.split(' ');
        bool ok = false;
        const int status = parts.value(1).toInt(&ok);
        if (!statusLine.startsWith("HTTP/1.") || !ok || status < 100 || status > 599) {
            fail(ErrorCode::NetworkError, QStringLiteral("the server's answer does not start with an HTTP status line (\"%1\")")
                                              .arg(QString::fromLatin1(statusLine.left(80))));
            return true;
        }
        if (status < 200)
            continue; // 100 Continue and other interim answers: the real one follows
        m_answer.status = status;
        m_answer.reason = QString::fromLatin1(statusLine.mid(statusLine.indexOf(' ', statusLine.indexOf(' ') + 1) + 1));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const auto colon = lines.at(i).indexOf(':');
            if (colon > 0)
                m_answer.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
        }
        done();
        return true;
    }
}

void PatchSender::onSocketError(QAbstractSocket::SocketError error)
{
    if (m_finished)
        return;
    if (error == QAbstractSocket::RemoteHostClosedError && parseAnswer())
        return; // the server answered and closed (Connection: close)
    if (error == QAbstractSocket::SslHandshakeFailedError)
        return fail(ErrorCode::ServerNotTrusted, QStringLiteral("TLS certificate refused: %1").arg(m_socket.errorString()));
    fail(ErrorCode::NetworkError, m_socket.errorString());
}

void PatchSender::fail(ErrorCode code, const QString &detail)
{
    if (m_finished)
        return;
    m_answer = {};
    m_answer.error = Error{code, QStringLiteral("PATCH %1: %2").arg(where(), detail)};
    done();
}

void PatchSender::done()
{
    if (m_finished)
        return;
    m_finished = true;
    m_stall.stop();
    m_socket.disconnect(this);
    m_socket.abort();
    Q_EMIT finished();
}

} // namespace dualrec::sync
