--liquibase formatted sql

--changeset chargebase:assets-007-charging-zone
-- An optional grouping of charge points inside a location: a parking deck, a row of bays.
CREATE TABLE charging_zone (
    tenant_id   uuid NOT NULL REFERENCES tenant (id),
    id          uuid NOT NULL,
    location_id uuid NOT NULL,
    name        text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES location (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX charging_zone_name_key ON charging_zone (tenant_id, location_id, lower(name));
ALTER TABLE charging_zone ENABLE ROW LEVEL SECURITY;
ALTER TABLE charging_zone FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON charging_zone
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE charge_point ADD COLUMN zone_id uuid;
ALTER TABLE charge_point ADD FOREIGN KEY (tenant_id, zone_id) REFERENCES charging_zone (tenant_id, id);
