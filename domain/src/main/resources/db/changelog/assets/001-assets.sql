--liquibase formatted sql

--changeset chargebase:assets-001-location
CREATE TABLE location (
    tenant_id     uuid NOT NULL REFERENCES tenant (id),
    id            uuid NOT NULL,
    name          text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    street        text NOT NULL CHECK (length(street) <= 200),
    postal_code   text CHECK (length(postal_code) <= 20),
    city          text NOT NULL CHECK (length(city) <= 100),
    country       char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    latitude      numeric(9, 6) NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude     numeric(9, 6) NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    time_zone     text NOT NULL,
    access        text NOT NULL CHECK (access IN ('PUBLIC', 'SEMI_PUBLIC', 'PRIVATE')),
    opening_hours text CHECK (length(opening_hours) <= 500),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX location_name ON location (tenant_id, lower(name), id);
ALTER TABLE location ENABLE ROW LEVEL SECURITY;
ALTER TABLE location FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON location
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

--changeset chargebase:assets-002-charge-point
CREATE TABLE charge_point (
    tenant_id     uuid NOT NULL REFERENCES tenant (id),
    id            uuid NOT NULL,
    location_id   uuid NOT NULL,
    ocpp_identity text NOT NULL CHECK (ocpp_identity ~ '^[A-Za-z0-9._:*+-]{1,48}$'),
    vendor        text CHECK (length(vendor) <= 50),
    model         text CHECK (length(model) <= 50),
    serial_number text CHECK (length(serial_number) <= 50),
    status        text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED', 'OUT_OF_ORDER', 'DEMO')),
    secret_hash   text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES location (tenant_id, id)
);
CREATE UNIQUE INDEX charge_point_identity_key ON charge_point (tenant_id, ocpp_identity);
CREATE INDEX charge_point_location ON charge_point (tenant_id, location_id);
ALTER TABLE charge_point ENABLE ROW LEVEL SECURITY;
ALTER TABLE charge_point FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON charge_point
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

--changeset chargebase:assets-003-evse-and-connector
CREATE TABLE evse (
    tenant_id       uuid NOT NULL REFERENCES tenant (id),
    id              uuid NOT NULL,
    charge_point_id uuid NOT NULL,
    evse_id         text CHECK (evse_id ~ '^[A-Z]{2}\*?[A-Z0-9]{3}\*?E[A-Z0-9*]{1,30}$'),
    ocpp_number     integer NOT NULL CHECK (ocpp_number BETWEEN 1 AND 99),
    current_type    text NOT NULL CHECK (current_type IN ('AC', 'DC')),
    max_power_kw    numeric(8, 2) NOT NULL CHECK (max_power_kw > 0 AND max_power_kw <= 1000),
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, charge_point_id) REFERENCES charge_point (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX evse_number_key ON evse (tenant_id, charge_point_id, ocpp_number);
CREATE UNIQUE INDEX evse_id_key ON evse (tenant_id, evse_id) WHERE evse_id IS NOT NULL;
ALTER TABLE evse ENABLE ROW LEVEL SECURITY;
ALTER TABLE evse FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON evse
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

CREATE TABLE connector (
    tenant_id    uuid NOT NULL REFERENCES tenant (id),
    id           uuid NOT NULL,
    evse_id      uuid NOT NULL,
    standard     text NOT NULL,
    format       text NOT NULL CHECK (format IN ('SOCKET', 'CABLE')),
    power_type   text NOT NULL CHECK (power_type IN ('AC_1_PHASE', 'AC_3_PHASE', 'DC')),
    max_voltage  integer NOT NULL CHECK (max_voltage BETWEEN 1 AND 2000),
    max_amperage integer NOT NULL CHECK (max_amperage BETWEEN 1 AND 2000),
    position     integer NOT NULL CHECK (position BETWEEN 1 AND 9),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, evse_id) REFERENCES evse (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX connector_position_key ON connector (tenant_id, evse_id, position);
ALTER TABLE connector ENABLE ROW LEVEL SECURITY;
ALTER TABLE connector FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON connector
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
