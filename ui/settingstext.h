#pragma once

#include "core/util/settingsstore.h"

#include <QCoreApplication>
#include <QString>

namespace dualrec::ui {

/// Settings in words for people: what a setting whose value is passed over was, where, what it
/// takes and what DualRec uses instead (the window's notice at the top), in the UI language.
/// The setting's key and the file stay as written: branch IT looks for them there.
///
/// Thread contract: any thread (translation only).
class SettingsText final
{
    Q_DECLARE_TR_FUNCTIONS(dualrec::ui::SettingsText)

public:
    SettingsText() = delete;

    /// What `key` takes, as a phrase.
    [[nodiscard]] static QString expected(SettingKey key);
    /// One sentence about `invalid`; `used` is the value DualRec uses instead (empty: none).
    [[nodiscard]] static QString invalid(const SettingsStore::InvalidSetting &invalid, const QString &used);
};

} // namespace dualrec::ui
