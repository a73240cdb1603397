--liquibase formatted sql

--changeset chargebase:assets-005-charge-point-template
-- The layout of a charger model (its EVSEs and connectors), so registering one more of it takes an identity only.
CREATE TABLE charge_point_template (
    tenant_id  uuid NOT NULL REFERENCES tenant (id),
    id         uuid NOT NULL,
    name       text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    vendor     text CHECK (length(vendor) <= 50),
    model      text CHECK (length(model) <= 50),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX charge_point_template_name_key ON charge_point_template (tenant_id, lower(name));
ALTER TABLE charge_point_template ENABLE ROW LEVEL SECURITY;
ALTER TABLE charge_point_template FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON charge_point_template
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

CREATE TABLE charge_point_template_connector (
    tenant_id     uuid NOT NULL REFERENCES tenant (id),
    template_id   uuid NOT NULL,
    evse_position integer NOT NULL CHECK (evse_position BETWEEN 1 AND 20),
    current_type  text NOT NULL CHECK (current_type IN ('AC', 'DC')),
    max_power_kw  numeric(8, 2) NOT NULL CHECK (max_power_kw > 0),
    position      integer NOT NULL CHECK (position BETWEEN 1 AND 9),
    standard      text NOT NULL,
    format        text NOT NULL CHECK (format IN ('SOCKET', 'CABLE')),
    power_type    text NOT NULL CHECK (power_type IN ('AC_1_PHASE', 'AC_3_PHASE', 'DC')),
    max_voltage   integer NOT NULL,
    max_amperage  integer NOT NULL,
    PRIMARY KEY (tenant_id, template_id, evse_position, position),
    FOREIGN KEY (tenant_id, template_id) REFERENCES charge_point_template (tenant_id, id) ON DELETE CASCADE
);
ALTER TABLE charge_point_template_connector ENABLE ROW LEVEL SECURITY;
ALTER TABLE charge_point_template_connector FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON charge_point_template_connector
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
