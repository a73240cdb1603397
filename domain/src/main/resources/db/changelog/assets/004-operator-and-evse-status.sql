--liquibase formatted sql

--changeset chargebase:assets-006-operator-and-evse-status
-- The operator (CPO) of a location, as an OCPI party: country code and party id, e.g. NL*CBS. Location groups can
-- select on it. An EVSE's status is what drivers see; chargers report it over OCPP, admins set PLANNED or REMOVED.
ALTER TABLE location ADD COLUMN operator_id text CHECK (operator_id ~ '^[A-Z]{2}\*[A-Z0-9]{3}$');
ALTER TABLE location_group ADD COLUMN operator_ids text[];
ALTER TABLE evse ADD COLUMN status text NOT NULL DEFAULT 'UNKNOWN'
    CHECK (status IN ('AVAILABLE', 'BLOCKED', 'CHARGING', 'INOPERATIVE', 'OUTOFORDER', 'PLANNED', 'REMOVED', 'RESERVED', 'UNKNOWN'));
