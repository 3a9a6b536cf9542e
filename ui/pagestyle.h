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
inline constexpr char kMaximumWidthProperty[] = "dualrecMaximumWidthEms";
inline constexpr char kMinimumHeightProperty[] = "dualrecMinimumHeightEms";
inline constexpr char kMaximumHeightProperty[] = "dualrecMaximumHeightEms";

/// The font `widget` has or gets from enlarge(): the application font times its factor.
inline QFont relativeFont(const QWidget *widget)
{
    QFont font = QApplication::font();
    const auto scale = widget->property(kScaleProperty);
    if (!scale.isValid())
        return font;
    const double factor = scale.toDouble();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    else
        font.setPixelSize(std::max(1, int(font.pixelSize() * factor)));
    font.setBold(widget->property(kBoldProperty).toBool());
    return font;
}

inline void applyRelativeFont(QWidget *widget)
{
    widget->setFont(relativeFont(widget));
}

/// Re-applies the sizes given in ems (keepSize()) from the current application font.
inline void applyRelativeSizes(QWidget *widget)
{
    const double em = QFontMetrics(relativeFont(widget)).horizontalAdvance(QLatin1Char('M'));
    if (const auto ems = widget->property(kMaximumWidthProperty); ems.isValid())
        widget->setMaximumWidth(int(em * ems.toDouble()));
    if (const auto ems = widget->property(kMinimumHeightProperty); ems.isValid())
        widget->setMinimumHeight(int(em * ems.toDouble()));
    if (const auto ems = widget->property(kMaximumHeightProperty); ems.isValid())
        widget->setMaximumHeight(int(em * ems.toDouble()));
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
                applyRelativeSizes(widget);
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

/// Which size keepSize() sets.
enum class Extent : quint8 { Invalid = 0, MaximumWidth, MinimumHeight, MaximumHeight };

/// Sets `widget`'s `extent` to `ems` widths of the letter M in its font (the application font,
/// or the one enlarge() gave it), now and whenever the application font changes.
inline void keepSize(QWidget *widget, Extent extent, double ems)
{
    detail::FollowApplicationFont::ensureInstalled();
    switch (extent) {
    case Extent::MaximumWidth:
        widget->setProperty(detail::kMaximumWidthProperty, ems);
        break;
    case Extent::MinimumHeight:
        widget->setProperty(detail::kMinimumHeightProperty, ems);
        break;
    case Extent::MaximumHeight:
        widget->setProperty(detail::kMaximumHeightProperty, ems);
        break;
    case Extent::Invalid:
        return;
    }
    detail::applyRelativeSizes(widget);
}

/// `ems` widths of the letter M in `widget`'s font, in pixels (once: see keepSize()).
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
