#pragma once

#include "core/util/result.h"

#include <QObject>
#include <QString>

#include <memory>

class QLocalServer;
class QLockFile;

namespace dualrec::app {

/// One DualRec window per data folder. The first window takes a lock file in the data folder and
/// listens on a local socket named after the folder's canonical path; a second window on the same
/// folder finds the lock taken, asks the first (over the socket) to come to the front, says so
/// and exits. A lock left by a killed DualRec is stale (its process is gone) and taken over.
/// Commands (`dualrec user`, `record`, ...) do not take it.
/// Thread contract: GUI thread only.
class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    enum class Claim : quint8 {
        Invalid = 0,
        Taken,          ///< this is the only window on the folder
        OtherActivated, ///< another window holds the folder and was asked to come to the front
    };

    explicit SingleInstance(QObject *parent = nullptr);
    ~SingleInstance() override;

    /// The local socket name for `dataDirectory` (from its canonical path).
    [[nodiscard]] static QString serverName(const QString &dataDirectory);
    /// The lock file in `dataDirectory`.
    [[nodiscard]] static QString lockPath(const QString &dataDirectory);

    /// Takes the data folder for this window or wakes the window that has it. Fails when the
    /// lock cannot be written, or when another DualRec holds it but does not answer within
    /// `answerTimeoutMs` (the detail names its process).
    [[nodiscard]] Result<Claim> claim(const QString &dataDirectory, int answerTimeoutMs = 10000);

Q_SIGNALS:
    /// Another start on the same data folder asked this window to come to the front.
    void activationRequested();

private:
    void onNewConnection();

    std::unique_ptr<QLockFile> m_lock;
    QLocalServer *m_server = nullptr;
};

} // namespace dualrec::app
