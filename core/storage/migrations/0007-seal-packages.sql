-- Sealed packages: where each session's package is, its size and SHA-256, and its recipients.
ALTER TABLE seals ADD COLUMN package_path TEXT NOT NULL DEFAULT '';
ALTER TABLE seals ADD COLUMN package_size INTEGER NOT NULL DEFAULT 0;
ALTER TABLE seals ADD COLUMN package_sha256 TEXT NOT NULL DEFAULT '';
ALTER TABLE seals ADD COLUMN recipients TEXT NOT NULL DEFAULT '';
