--liquibase formatted sql

--changeset chargebase:core-limits-001-charging-settings-finish-and-sampling
-- "Finish after inactivity" (the manual recommends 120 minutes) follows the suspected-stale mark; the meter-value
-- sample interval (manual: 60 s) is pushed to chargers at boot together with the heartbeat interval. A tenant that
-- had set its mark later than 120 minutes finishes its silent sessions when they are marked.
ALTER TABLE charging_settings ADD COLUMN finish_after_inactivity_s integer NOT NULL DEFAULT 7200
    CHECK (finish_after_inactivity_s BETWEEN 60 AND 604800);
UPDATE charging_settings SET finish_after_inactivity_s = inactivity_timeout_s WHERE inactivity_timeout_s > finish_after_inactivity_s;
ALTER TABLE charging_settings ADD CONSTRAINT charging_settings_finish_after_mark CHECK (finish_after_inactivity_s >= inactivity_timeout_s);
ALTER TABLE charging_settings ADD COLUMN meter_value_sample_interval_s integer NOT NULL DEFAULT 60
    CHECK (meter_value_sample_interval_s BETWEEN 5 AND 3600);

--changeset chargebase:core-limits-002-session-inactivity-finish
-- The second stage of inactivity: when the platform finished the marked session from its last reading (the session
-- then has no stop_received_at), and when a StopTransaction that came after all corrected it.
ALTER TABLE charging_session_inactivity ADD COLUMN finished_at timestamptz;
ALTER TABLE charging_session_inactivity ADD COLUMN corrected_at timestamptz;

--changeset chargebase:core-limits-003-session-stop-limit
-- The stop limit of its tariff (max minutes, max kWh) a session reached, once: the platform asks the charger to stop
-- it then, and the row keeps it from asking again on every reading or sweep.
CREATE TABLE charging_session_stop_limit (
    tenant_id   uuid NOT NULL REFERENCES tenant (id),
    session_id  uuid NOT NULL,
    stop_limit  text NOT NULL CHECK (stop_limit IN ('MAX_MINUTES', 'MAX_KWH')),
    reason      text NOT NULL CHECK (length(reason) <= 500),
    reached_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, session_id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES charging_session (tenant_id, id) ON DELETE CASCADE
);
ALTER TABLE charging_session_stop_limit ENABLE ROW LEVEL SECURITY;
ALTER TABLE charging_session_stop_limit FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON charging_session_stop_limit
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
-- Seen by whoever sees the session.
CREATE POLICY narrowed_scope ON charging_session_stop_limit AS RESTRICTIVE
    USING ((nullif(current_setting('app.ou_id', true), '') IS NULL AND nullif(current_setting('app.profile_id', true), '') IS NULL)
           OR session_id IN (SELECT s.id FROM charging_session s));
