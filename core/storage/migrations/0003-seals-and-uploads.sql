-- Seals of finished sessions and the resumable upload queue.
CREATE TABLE seals (
    session_id TEXT PRIMARY KEY NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    sealed_at_utc TEXT NOT NULL,
    manifest_sha256 TEXT NOT NULL,
    signature BLOB,
    certificate_fingerprint TEXT NOT NULL DEFAULT '',
    timestamp_token BLOB
);
CREATE TABLE uploads (
    session_id TEXT PRIMARY KEY NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    state TEXT NOT NULL,
    upload_url TEXT NOT NULL DEFAULT '',
    confirmed_offset INTEGER NOT NULL DEFAULT 0,
    total_bytes INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_utc TEXT,
    last_error_code TEXT NOT NULL DEFAULT '',
    last_error_detail TEXT NOT NULL DEFAULT '',
    updated_at_utc TEXT NOT NULL
);
