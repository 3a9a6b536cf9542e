-- Placeholder on branch sync only: main's own 0006 replaces this file when the branch is merged.
CREATE TABLE IF NOT EXISTS sync_branch_placeholder_0006 (unused INTEGER);
DROP TABLE sync_branch_placeholder_0006;
