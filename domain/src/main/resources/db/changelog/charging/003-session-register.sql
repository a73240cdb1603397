--liquibase formatted sql

--changeset chargebase:charging-010-session-register
-- The session's newest energy register reading and when it was taken. A reading later than this one only has to be
-- at least this value (registers never decrease), so the busiest path, MeterValues in time order, checks it without
-- reading the session's earlier samples. Sessions from before this column have it empty and are checked the long way.
ALTER TABLE charging_session ADD COLUMN register_wh numeric(20, 4);
ALTER TABLE charging_session ADD COLUMN register_at timestamptz;

--changeset chargebase:charging-011-busy-tables-lean
-- The two tables written with every MeterValues: their reference to the tenant is implied by the one to the charge
-- point, which carries the tenant id too (a charge point exists only within its tenant), so each row is checked once.
ALTER TABLE meter_value DROP CONSTRAINT meter_value_tenant_id_fkey;
ALTER TABLE communication_log DROP CONSTRAINT communication_log_tenant_id_fkey;
