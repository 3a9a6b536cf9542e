-- Sessions, their steps, timeline events, media files, users and the hash-chained audit log.
CREATE TABLE sessions (
    id TEXT PRIMARY KEY NOT NULL,
    application_no TEXT NOT NULL,
    agent_id TEXT NOT NULL,
    customer_ref TEXT NOT NULL DEFAULT '',
    customer_pii BLOB,
    template_id TEXT NOT NULL,
    template_version TEXT NOT NULL,
    scope_required INTEGER NOT NULL,
    scope_reason TEXT NOT NULL,
    state TEXT NOT NULL,
    previous_session_id TEXT REFERENCES sessions(id),
    created_at_utc TEXT NOT NULL,
    updated_at_utc TEXT NOT NULL,
    finished_at_utc TEXT
);
CREATE TABLE session_products (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    product_code TEXT NOT NULL,
    product_name TEXT NOT NULL,
    PRIMARY KEY (session_id, position)
);
CREATE TABLE step_results (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    step_index INTEGER NOT NULL,
    step_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    completed INTEGER NOT NULL DEFAULT 0,
    answer TEXT NOT NULL DEFAULT '',
    snapshots INTEGER NOT NULL DEFAULT 0,
    counted_ms INTEGER NOT NULL DEFAULT 0,
    violation_ms INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, step_index)
);
CREATE TABLE events (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    wall_utc TEXT NOT NULL,
    monotonic_ns INTEGER NOT NULL,
    step_index INTEGER NOT NULL DEFAULT -1,
    step_id TEXT NOT NULL DEFAULT '',
    from_state TEXT NOT NULL DEFAULT '',
    to_state TEXT NOT NULL DEFAULT '',
    trigger_name TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;
CREATE TABLE media_files (
    id INTEGER PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    path TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    created_at_utc TEXT NOT NULL,
    UNIQUE (session_id, path)
);
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until_utc TEXT,
    created_at_utc TEXT NOT NULL
);
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at_utc TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    row_hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TABLE maintenance (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
