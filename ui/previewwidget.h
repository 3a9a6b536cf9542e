#pragma once

#include "core/vision/presencecheck.h"

#include <QImage>
#include <QWidget>

#include <vector>

namespace dualrec::ui {

/// The live picture with the face boxes the presence guard found. Without frames it shows a
/// plain explanation instead of a picture. GUI thread only.
class PreviewWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewWidget)

public:
    explicit PreviewWidget(QWidget *parent = nullptr);

    void showFrame(const QImage &frame, const std::vector<vision::FaceBox> &faces);
    /// Drops the picture and shows `text` instead.
    void showMessage(const QString &text);
    [[nodiscard]] const QImage &frame() const { return m_frame; }
    [[nodiscard]] std::size_t faceCount() const { return m_faces.size(); }

    [[nodiscard]] QSize sizeHint() const override { return {640, 360}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QImage m_frame;
    std::vector<vision::FaceBox> m_faces;
    QString m_message;
};

} // namespace dualrec::ui
