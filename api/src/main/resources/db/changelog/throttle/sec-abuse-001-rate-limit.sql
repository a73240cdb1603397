--liquibase formatted sql

--changeset chargebase:throttle-001-rate-limit
-- Attempts counted across replicas (io.chargebase.api.throttle.SharedThrottle): per tenant and bucket (what is
-- attempted, by whom), the hits of the current window and when it ends.
CREATE TABLE rate_limit (
    tenant_id  uuid NOT NULL DEFAULT nullif(current_setting('app.tenant_id', true), '')::uuid REFERENCES tenant (id) ON DELETE CASCADE,
    bucket     text NOT NULL,
    hits       integer NOT NULL CHECK (hits > 0),
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, bucket)
);
CREATE INDEX rate_limit_expiry ON rate_limit (tenant_id, expires_at);
ALTER TABLE rate_limit ENABLE ROW LEVEL SECURITY;
ALTER TABLE rate_limit FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON rate_limit
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
