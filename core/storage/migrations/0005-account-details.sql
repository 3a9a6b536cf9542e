-- Accounts: the licence number (执业证号) the agent states on camera, and disabling an account.
ALTER TABLE users ADD COLUMN licence_no TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
