--liquibase formatted sql

--changeset chargebase:charging-012-session-register
-- The session's newest energy register reading and when it was taken. A reading later than this one only has to be
-- at least this value (registers never decrease), so the busiest path, MeterValues in time order, checks it without
-- reading the session's earlier samples. Sessions from before this column have it empty and are checked the long way.
ALTER TABLE charging_session ADD COLUMN register_wh numeric(20, 4);
ALTER TABLE charging_session ADD COLUMN register_at timestamptz;

--changeset chargebase:charging-013-busy-tables-lean
-- The two tables written with every MeterValues: their reference to the tenant is implied by the one to the charge
-- point, which carries the tenant id too (a charge point exists only within its tenant), so each row is checked once.
ALTER TABLE meter_value DROP CONSTRAINT meter_value_tenant_id_fkey;
ALTER TABLE communication_log DROP CONSTRAINT communication_log_tenant_id_fkey;

--changeset chargebase:charging-014-session-reading-received
-- When the platform last received a reading of the session (by its own clock), for the inactivity timeout; kept on
-- the session so that the sweeper does not read every session's meter values.
ALTER TABLE charging_session ADD COLUMN reading_received_at timestamptz;
