#pragma once

#include <QWidget>

#include <vector>

namespace dualrec::ui {

/// Draws `payload` as a QR code (libqrencode, error correction level M) with a quiet zone.
/// GUI thread only.
class QrCodeWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QrCodeWidget)

public:
    explicit QrCodeWidget(QWidget *parent = nullptr);

    /// Encodes `payload`; an empty payload (or one too long to encode) draws nothing.
    void setPayload(const QString &payload);
    [[nodiscard]] const QString &payload() const { return m_payload; }
    /// Modules per side, 0 when nothing is encoded.
    [[nodiscard]] int modules() const { return m_size; }
    /// Whether the module at (x, y) is dark.
    [[nodiscard]] bool isDark(int x, int y) const;

    [[nodiscard]] QSize sizeHint() const override { return {240, 240}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_payload;
    int m_size = 0;
    std::vector<bool> m_dark;
};

} // namespace dualrec::ui
