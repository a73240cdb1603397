--liquibase formatted sql

--changeset chargebase:charging-010-pending-charge-point
-- Chargers that connected under an OCPP identity none of the tenant's charge points has, while the tenant lets such
-- chargers in as pending: what they said of themselves, until an admin registers one as a charge point or dismisses
-- it. One row per identity; a charger that connects again updates its row.
CREATE TABLE pending_charge_point (
    tenant_id           uuid NOT NULL REFERENCES tenant (id),
    id                  uuid NOT NULL,
    ocpp_identity       text NOT NULL CHECK (length(ocpp_identity) BETWEEN 1 AND 48),
    first_seen_at       timestamptz NOT NULL,
    last_seen_at        timestamptz NOT NULL,
    remote_address      text CHECK (length(remote_address) <= 128),
    booted_at           timestamptz,
    vendor              text CHECK (length(vendor) <= 64),
    model               text CHECK (length(model) <= 64),
    serial_number       text CHECK (length(serial_number) <= 64),
    charge_box_serial   text CHECK (length(charge_box_serial) <= 64),
    firmware_version    text CHECK (length(firmware_version) <= 64),
    iccid               text CHECK (length(iccid) <= 64),
    imsi                text CHECK (length(imsi) <= 64),
    meter_type          text CHECK (length(meter_type) <= 64),
    meter_serial_number text CHECK (length(meter_serial_number) <= 64),
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX pending_charge_point_identity_key ON pending_charge_point (tenant_id, ocpp_identity);
CREATE INDEX pending_charge_point_newest ON pending_charge_point (tenant_id, last_seen_at DESC);
ALTER TABLE pending_charge_point ENABLE ROW LEVEL SECURITY;
ALTER TABLE pending_charge_point FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON pending_charge_point
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
-- Registering chargers is the tenant admins' business: narrowed scopes (OU admins, drivers) see none of them.
CREATE POLICY narrowed_scope ON pending_charge_point AS RESTRICTIVE
    USING (nullif(current_setting('app.ou_id', true), '') IS NULL AND nullif(current_setting('app.profile_id', true), '') IS NULL);
