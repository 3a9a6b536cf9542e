-- Uploads of a package's RFC 3161 timestamp (PACKAGE.tsr, beside the package): the SHA-256 of the .tsr the server acknowledged, and when.
ALTER TABLE uploads ADD COLUMN timestamp_sha256 TEXT NOT NULL DEFAULT '';
ALTER TABLE uploads ADD COLUMN timestamp_acknowledged_at_utc TEXT;
