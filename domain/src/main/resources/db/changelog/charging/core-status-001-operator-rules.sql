--liquibase formatted sql

--changeset chargebase:core-status-001-evse-held-by-operator
-- An EVSE status the operator set to take it out of use (OUTOFORDER, INOPERATIVE, PLANNED, REMOVED) holds until the
-- operator sets another: what the charger reports then no longer overwrites it, and starts on its connectors are refused.
ALTER TABLE evse ADD COLUMN held_by_operator boolean NOT NULL DEFAULT false;
UPDATE evse SET held_by_operator = true WHERE status IN ('PLANNED', 'REMOVED');

--changeset chargebase:core-status-002-demo-session
-- A session on a DEMO charge point (the status it had when the session began): rated like any other, never billed.
ALTER TABLE charging_session ADD COLUMN demo boolean NOT NULL DEFAULT false;

--changeset chargebase:core-status-003-disabled-charger-stays-connected
-- A DISABLED charge point stays connected, monitored and commandable by staff (it only cannot charge): its socket is
-- ended by a new secret or its removal, no longer by its status.
DROP TRIGGER charge_point_revoked ON charge_point;
CREATE TRIGGER charge_point_revoked AFTER UPDATE OF secret_hash ON charge_point FOR EACH ROW
    WHEN (NEW.secret_hash IS DISTINCT FROM OLD.secret_hash)
    EXECUTE FUNCTION announce_revocation('charge_point', 'tenant', 'tenant_id', 'chargePoint', 'id');
