--liquibase formatted sql

--changeset chargebase:charging-011-session-inactivity
-- Active sessions the charger has said nothing about (no start, no meter value) for longer than the tenant's
-- inactivity timeout, as the sweeper found them. The session itself stays as it is: a late StopTransaction still
-- finishes it with the charger's own meter reading. The mark stays as the session's history; it is removed only
-- when the charger speaks of the session again while it is still active.
CREATE TABLE charging_session_inactivity (
    tenant_id        uuid NOT NULL REFERENCES tenant (id),
    session_id       uuid NOT NULL,
    flagged_at       timestamptz NOT NULL,
    last_activity_at timestamptz NOT NULL,
    reason           text NOT NULL CHECK (length(reason) <= 500),
    PRIMARY KEY (tenant_id, session_id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES charging_session (tenant_id, id) ON DELETE CASCADE
);
ALTER TABLE charging_session_inactivity ENABLE ROW LEVEL SECURITY;
ALTER TABLE charging_session_inactivity FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON charging_session_inactivity
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
-- Seen by whoever sees the session.
CREATE POLICY narrowed_scope ON charging_session_inactivity AS RESTRICTIVE
    USING ((nullif(current_setting('app.ou_id', true), '') IS NULL AND nullif(current_setting('app.profile_id', true), '') IS NULL)
           OR session_id IN (SELECT s.id FROM charging_session s));
