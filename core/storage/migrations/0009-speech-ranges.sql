-- Speech heard on the microphone after each step's prompt (voice activity detection), and which sessions had their speech analysed.
CREATE TABLE speech_analyses (
    session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    detector TEXT NOT NULL,
    analysed_ms INTEGER NOT NULL CHECK (analysed_ms >= 0),
    dropped_ms INTEGER NOT NULL CHECK (dropped_ms >= 0),
    at_utc TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE speech_ranges (
    session_id TEXT NOT NULL REFERENCES speech_analyses(session_id) ON DELETE CASCADE,
    start_ms INTEGER NOT NULL CHECK (start_ms >= 0),
    end_ms INTEGER NOT NULL CHECK (end_ms > start_ms),
    PRIMARY KEY (session_id, start_ms)
) WITHOUT ROWID;
