--liquibase formatted sql

--changeset chargebase:charging-010-session-register
-- The session's newest energy register reading and when it was taken. A reading later than this one only has to be
-- at least this value (registers never decrease), so the busiest path, MeterValues in time order, checks it without
-- reading the session's earlier samples. Sessions from before this column have it empty and are checked the long way.
ALTER TABLE charging_session ADD COLUMN register_wh numeric(20, 4);
ALTER TABLE charging_session ADD COLUMN register_at timestamptz;
