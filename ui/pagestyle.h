#pragma once

#include <QApplication>
#include <QEvent>
#include <QFont>
#include <QFontMetrics>
#include <QAbstractButton>
#include <QLabel>
#include <QShortcut>
#include <QWidget>

#include <algorithm>

/// Sizes relative to the system font, so every page grows with the font size the user set
/// (accessibility) instead of using fixed pixel or point sizes.
namespace dualrec::ui::pageStyle {

namespace detail {

inline constexpr char kScaleProperty[] = "dualrecFontScale";
inline constexpr char kBoldProperty[] = "dualrecFontBold";

inline void applyRelativeFont(QWidget *widget)
{
    const double factor = widget->property(kScaleProperty).toDouble();
    QFont font = QApplication::font();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    else
        font.setPixelSize(std::max(1, int(font.pixelSize() * factor)));
    font.setBold(widget->property(kBoldProperty).toBool());
    widget->setFont(font);
}

/// A font set on a widget no longer follows QApplication::font(), and Qt tells only the
/// application object and the windows about a new application font. This one filter on the
/// application re-applies every enlarged widget's factor when the application font changes
/// while the window is open (the user changed the system font size). GUI thread only.
class FollowApplicationFont final : public QObject
{
public:
    static void ensureInstalled()
    {
        auto *application = QCoreApplication::instance();
        if (!application->findChild<QObject *>(kName, Qt::FindDirectChildrenOnly))
            new FollowApplicationFont(application);
    }
    Q_DISABLE_COPY_MOVE(FollowApplicationFont)

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::ApplicationFontChange && watched == parent()) {
            for (auto *widget : QApplication::allWidgets()) {
                if (widget->property(kScaleProperty).isValid())
                    applyRelativeFont(widget);
            }
        }
        return false;
    }

private:
    static inline const QString kName = QStringLiteral("dualrecFollowApplicationFont");

    explicit FollowApplicationFont(QObject *application) : QObject(application)
    {
        setObjectName(kName);
        application->installEventFilter(this);
    }
};

} // namespace detail

/// Makes `widget`'s text `factor` times the application font, now and whenever the
/// application font changes. Calling it again replaces the factor.
inline void enlarge(QWidget *widget, double factor, bool bold = false)
{
    detail::FollowApplicationFont::ensureInstalled();
    widget->setProperty(detail::kScaleProperty, factor);
    widget->setProperty(detail::kBoldProperty, bold);
    detail::applyRelativeFont(widget);
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
