-- Indexes for the supervisor's history: newest first, filtered by agent, application, product, state, QC, upload.
CREATE INDEX sessions_by_created ON sessions (created_at_utc DESC);
CREATE INDEX sessions_by_agent ON sessions (agent_id, created_at_utc DESC);
CREATE INDEX sessions_by_application ON sessions (application_no);
CREATE INDEX sessions_by_state ON sessions (state, created_at_utc DESC);
CREATE INDEX sessions_by_qc ON sessions (qc_verdict, created_at_utc DESC);
CREATE INDEX session_products_by_code ON session_products (product_code, session_id);
CREATE INDEX uploads_by_state ON uploads (state, next_attempt_utc);
CREATE INDEX qc_verdicts_by_session ON qc_verdicts (session_id, id);
CREATE INDEX media_files_by_session ON media_files (session_id);
