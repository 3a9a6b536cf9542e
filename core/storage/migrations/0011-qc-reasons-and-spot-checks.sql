-- QC verdict reasons (automatic: typed, per step and time range; a supervisor's: reason codes) and spot-checks.
ALTER TABLE qc_verdicts ADD COLUMN step_id TEXT NOT NULL DEFAULT '';
CREATE TABLE qc_reasons (
    verdict_id INTEGER NOT NULL REFERENCES qc_verdicts(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    severity TEXT NOT NULL,
    step_id TEXT NOT NULL DEFAULT '',
    start_ms INTEGER,
    end_ms INTEGER,
    detail TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (verdict_id, position)
) WITHOUT ROWID;
ALTER TABLE sessions ADD COLUMN qc_review TEXT NOT NULL DEFAULT '';
CREATE INDEX sessions_by_qc_review ON sessions (qc_review, qc_verdict, created_at_utc DESC);
