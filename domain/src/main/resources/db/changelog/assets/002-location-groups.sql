--liquibase formatted sql

--changeset chargebase:assets-004-location-group
-- Named sets of connectors that tariff plans price alike. A group holds the connectors that meet all of its
-- criteria (each optional) plus any it names explicitly; the default group holds every connector no other group
-- holds, so every connector is in at least one group. Membership is recomputed whenever assets or groups change.
CREATE TABLE location_group (
    tenant_id     uuid NOT NULL REFERENCES tenant (id),
    id            uuid NOT NULL,
    name          text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    is_default    boolean NOT NULL DEFAULT false,
    countries     text[],
    current_type  text CHECK (current_type IN ('AC', 'DC')),
    min_power_kw  numeric(8, 2) CHECK (min_power_kw >= 0),
    max_power_kw  numeric(8, 2) CHECK (max_power_kw >= 0),
    location_ids  uuid[],
    connector_ids uuid[],
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CHECK (min_power_kw IS NULL OR max_power_kw IS NULL OR min_power_kw <= max_power_kw)
);
CREATE UNIQUE INDEX location_group_name_key ON location_group (tenant_id, lower(name));
CREATE UNIQUE INDEX location_group_one_default ON location_group (tenant_id) WHERE is_default;
ALTER TABLE location_group ENABLE ROW LEVEL SECURITY;
ALTER TABLE location_group FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON location_group
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

CREATE TABLE location_group_member (
    tenant_id    uuid NOT NULL REFERENCES tenant (id),
    group_id     uuid NOT NULL,
    connector_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, group_id, connector_id),
    FOREIGN KEY (tenant_id, group_id) REFERENCES location_group (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, connector_id) REFERENCES connector (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX location_group_member_connector ON location_group_member (tenant_id, connector_id);
ALTER TABLE location_group_member ENABLE ROW LEVEL SECURITY;
ALTER TABLE location_group_member FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON location_group_member
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
