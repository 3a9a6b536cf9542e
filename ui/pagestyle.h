#pragma once

#include <QApplication>
#include <QFont>
#include <QFontMetrics>
#include <QLabel>
#include <QWidget>

/// Sizes relative to the system font, so every page grows with the font size the user set
/// (accessibility) instead of using fixed pixel or point sizes.
namespace dualrec::ui::pageStyle {

/// Makes `widget`'s text `factor` times the application font.
inline void enlarge(QWidget *widget, double factor, bool bold = false)
{
    QFont font = QApplication::font();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    else
        font.setPixelSize(int(font.pixelSize() * factor));
    font.setBold(bold);
    widget->setFont(font);
}

inline void makeHeading(QLabel *label, double factor = 1.5)
{
    enlarge(label, factor, true);
    label->setWordWrap(true);
}

/// `ems` widths of the letter M in `widget`'s font, in pixels.
inline int scaled(const QWidget *widget, double ems)
{
    return int(QFontMetrics(widget->font()).horizontalAdvance(QLatin1Char('M')) * ems);
}

} // namespace dualrec::ui::pageStyle
