#pragma once

#include "core/media/recordersettings.h"
#include "core/storage/journal.h"
#include "core/util/clock.h"
#include "core/util/settingsstore.h"
#include "core/workflow/templatelibrary.h"

namespace dualrec::live {
class LiveCapture;
}

namespace dualrec::live {
class SealQueue;
}
namespace dualrec::sync {
class SyncService;
}

namespace dualrec::ui {

class LiveFeed;
class VoiceBroadcast;

/// What the pages need from the core, handed in by the composition root (app/application.cpp).
/// All of it must outlive the main window.
struct UiServices final {
    const workflow::TemplateLibrary &library;
    storage::Journal &journal;
    const Clock &clock;
    SettingsStore &settings;
    /// Camera frames and presence checks while a session records; null when no video source is
    /// connected (the recording page then says so instead of showing a picture).
    LiveFeed *feed = nullptr;
    /// The running capture the recordings are made from (it also drives `feed`); null: the
    /// sessions run without writing a recording file (tests of the pages alone).
    live::LiveCapture *capture = nullptr;
    /// Encoder and watermark look of the recordings; where they go is <data folder>/recordings.
    media::RecorderSettings recording;
    /// Reads the prompts aloud on the recording page; null: the page has no voice and says so.
    VoiceBroadcast *voice = nullptr;
    /// Seals stored sessions in the background (the end page shows where it stands); null: the
    /// window does not seal (tests of the pages alone).
    live::SealQueue *sealing = nullptr;
    /// Uploads sealed packages to the insurer (status bar, end page, history); null: uploads
    /// are not set up (no sync/endpoint) and the window says nothing about them.
    sync::SyncService *sync = nullptr;
};

} // namespace dualrec::ui
