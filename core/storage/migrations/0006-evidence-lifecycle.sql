-- The evidence lifecycle per session (no-recording .. purged) and the log of its transitions.
ALTER TABLE sessions ADD COLUMN evidence_state TEXT NOT NULL DEFAULT 'no-recording';
ALTER TABLE sessions ADD COLUMN channel TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN province_code TEXT NOT NULL DEFAULT '';
CREATE TABLE evidence_transitions (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    step TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    at_utc TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;
-- Sessions journaled before the lifecycle existed: what their rows say.
UPDATE sessions SET evidence_state = 'recording'
 WHERE EXISTS (SELECT 1 FROM media_files m WHERE m.session_id = sessions.id AND m.role = 'recording-fragmented');
UPDATE sessions SET evidence_state = 'stored'
 WHERE EXISTS (SELECT 1 FROM media_files m WHERE m.session_id = sessions.id AND m.role = 'sidecar');
UPDATE sessions SET evidence_state = 'sealed'
 WHERE EXISTS (SELECT 1 FROM seals s WHERE s.session_id = sessions.id);
CREATE INDEX sessions_by_evidence_state ON sessions(evidence_state);
