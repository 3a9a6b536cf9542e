-- Upload details: the package's SHA-256 when it was queued, priority, acknowledgement time.
ALTER TABLE uploads ADD COLUMN package_sha256 TEXT NOT NULL DEFAULT '';
ALTER TABLE uploads ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
ALTER TABLE uploads ADD COLUMN acknowledged_at_utc TEXT;
ALTER TABLE uploads ADD COLUMN purged_at_utc TEXT;
