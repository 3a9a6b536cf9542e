-- The keyed audit chain (one HMAC per audit row) and a keyed seal on every account.
CREATE TABLE audit_mac (
    seq INTEGER PRIMARY KEY NOT NULL,
    mac TEXT NOT NULL
);
CREATE TRIGGER audit_mac_no_update BEFORE UPDATE ON audit_mac
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_mac_no_delete BEFORE DELETE ON audit_mac
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
ALTER TABLE users ADD COLUMN seal TEXT NOT NULL DEFAULT '';
