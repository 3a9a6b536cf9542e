#pragma once

// What the program under test logs through Qt's message handler (qDebug, qWarning, Qt's own
// warnings), kept while a LogCapture lives; the previous handler still gets every message.
#include <QMutex>
#include <QMutexLocker>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace dualrec::test {

/// Thread contract: construct and destroy on one thread, one at a time; messages may come from
/// any thread; text() from any thread.
class LogCapture final
{
public:
    LogCapture()
    {
        s_self = this;
        s_previous = qInstallMessageHandler(&LogCapture::handle);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(s_previous);
        s_self = nullptr;
    }
    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;

    /// Every message so far, one a line, each after its logging category.
    [[nodiscard]] QString text() const
    {
        const QMutexLocker locker(&m_mutex);
        return m_lines.join(u'\n');
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (auto *self = s_self) {
            const QMutexLocker locker(&self->m_mutex);
            self->m_lines.append(QLatin1String(context.category ? context.category : "") + u' ' + message);
        }
        if (s_previous)
            s_previous(type, context, message);
    }
    static inline LogCapture *s_self = nullptr;
    static inline QtMessageHandler s_previous = nullptr;
    mutable QMutex m_mutex;
    QStringList m_lines;
};

} // namespace dualrec::test
