-- Presence timeline (run-length) and QC verdicts, with the latest verdict kept on the session.
CREATE TABLE presence_runs (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    start_ms INTEGER NOT NULL,
    end_ms INTEGER NOT NULL,
    faces INTEGER NOT NULL,
    agent_present INTEGER NOT NULL,
    customer_present INTEGER NOT NULL,
    PRIMARY KEY (session_id, start_ms)
) WITHOUT ROWID;
CREATE TABLE qc_verdicts (
    id INTEGER PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    verdict TEXT NOT NULL,
    source TEXT NOT NULL,
    reviewer TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    at_utc TEXT NOT NULL
);
ALTER TABLE sessions ADD COLUMN qc_verdict TEXT NOT NULL DEFAULT 'pending';
