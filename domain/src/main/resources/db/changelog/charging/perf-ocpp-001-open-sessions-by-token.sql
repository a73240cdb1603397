--liquibase formatted sql

--changeset chargebase:perf-ocpp-001-open-sessions-by-token
-- Every Authorize and StartTransaction asks whether the token has a session open elsewhere or here
-- (io.chargebase.domain.charging.internal.SessionRows#activeElsewhere, #activeHere): without an index that was a scan of
-- the tenant's sessions (5.6 ms a question with 16,000 sessions under the load harness). The index holds open sessions only.
CREATE INDEX charging_session_open_token ON charging_session (tenant_id, token_id) WHERE status IN ('PENDING', 'ACTIVE');
