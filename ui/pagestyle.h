#pragma once

#include <QApplication>
#include <QFont>
#include <QFontMetrics>
#include <QAbstractButton>
#include <QLabel>
#include <QShortcut>
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

/// A second key for `button` besides its mnemonic (setText() replaces a button's own shortcut
/// with the mnemonic, so extra keys live in a QShortcut). Active while `page` is visible; does
/// nothing while the button is disabled, as a click would.
inline void addShortcut(QWidget *page, QAbstractButton *button, const QKeySequence &keys)
{
    auto *shortcut = new QShortcut(keys, page);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    QObject::connect(shortcut, &QShortcut::activated, button, [button] {
        if (button->isEnabled() && button->isVisible())
            button->click();
    });
}

} // namespace dualrec::ui::pageStyle
