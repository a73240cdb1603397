--liquibase formatted sql

--changeset chargebase:charging-001-cpo-cdr
-- A charge detail record as the charge point operator produced it: where, when, how much, and the CPO's own cost.
-- Its charging periods are kept in OCPI form. The customer is resolved once, from the token, when it is recorded.
CREATE TABLE cpo_cdr (
    tenant_id         uuid NOT NULL REFERENCES tenant (id),
    id                uuid NOT NULL,
    cdr_number        text NOT NULL CHECK (cdr_number ~ '^[A-Za-z0-9._:/-]{1,39}$'),
    location_id       uuid NOT NULL,
    evse_id           uuid NOT NULL,
    token_uid         text CHECK (length(token_uid) <= 36),
    token_id          uuid,
    profile_id        uuid,
    customer          text NOT NULL CHECK (customer IN ('PROFILE', 'ROAMING', 'AD_HOC')),
    roaming_party     text CHECK (roaming_party ~ '^[A-Z]{2}\*?[A-Z0-9]{3}$'),
    start_at          timestamptz NOT NULL,
    end_at            timestamptz NOT NULL,
    time_zone         text NOT NULL,
    charging_periods  jsonb NOT NULL,
    total_energy_kwh  numeric(14, 4) NOT NULL CHECK (total_energy_kwh >= 0),
    total_time_h      numeric(14, 6) NOT NULL CHECK (total_time_h >= 0),
    total_parking_h   numeric(14, 6) NOT NULL CHECK (total_parking_h >= 0),
    currency          char(3) NOT NULL,
    cpo_cost_excl_vat numeric(14, 4),
    cpo_cost_incl_vat numeric(14, 4),
    session_id        uuid,
    recorded_by       text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CHECK (end_at >= start_at),
    FOREIGN KEY (tenant_id, location_id) REFERENCES location (tenant_id, id),
    FOREIGN KEY (tenant_id, evse_id) REFERENCES evse (tenant_id, id),
    FOREIGN KEY (tenant_id, profile_id) REFERENCES profile (tenant_id, id)
);
CREATE UNIQUE INDEX cpo_cdr_number_key ON cpo_cdr (tenant_id, cdr_number);
CREATE INDEX cpo_cdr_start ON cpo_cdr (tenant_id, start_at DESC, id);
CREATE INDEX cpo_cdr_location ON cpo_cdr (tenant_id, location_id, start_at DESC);
CREATE INDEX cpo_cdr_profile ON cpo_cdr (tenant_id, profile_id, start_at DESC);
ALTER TABLE cpo_cdr ENABLE ROW LEVEL SECURITY;
ALTER TABLE cpo_cdr FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON cpo_cdr
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
-- An OU admin sees the records of the profiles in their subtree, a driver their own: the profile policies decide.
CREATE POLICY narrowed_scope ON cpo_cdr AS RESTRICTIVE
    USING ((nullif(current_setting('app.ou_id', true), '') IS NULL AND nullif(current_setting('app.profile_id', true), '') IS NULL)
           OR profile_id IN (SELECT p.id FROM profile p));

--changeset chargebase:charging-002-msp-cdr
-- A CPO CDR rated with the MSP's tariff: what the driver pays. Re-rating writes the next version and marks the
-- previous one superseded; versions are never changed otherwise. The tariff version used is named exactly.
CREATE TABLE msp_cdr (
    tenant_id               uuid NOT NULL REFERENCES tenant (id),
    id                      uuid NOT NULL,
    cdr_number              text NOT NULL,
    cpo_cdr_id              uuid NOT NULL,
    version                 integer NOT NULL CHECK (version >= 1),
    profile_id              uuid,
    location_id             uuid NOT NULL,
    tariff_id               uuid NOT NULL,
    tariff_version          integer NOT NULL,
    selection               text NOT NULL,
    currency                char(3) NOT NULL,
    lines                   jsonb NOT NULL,
    total_energy_kwh        numeric(14, 4) NOT NULL,
    total_time_h            numeric(14, 6) NOT NULL,
    total_parking_h         numeric(14, 6) NOT NULL,
    total_cost_excl_vat     numeric(14, 4) NOT NULL CHECK (total_cost_excl_vat >= 0),
    total_cost_incl_vat     numeric(14, 4) NOT NULL CHECK (total_cost_incl_vat >= 0),
    start_at                timestamptz NOT NULL,
    end_at                  timestamptz NOT NULL,
    rated_at                timestamptz NOT NULL DEFAULT now(),
    rated_by                text,
    superseded_at           timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, cpo_cdr_id) REFERENCES cpo_cdr (tenant_id, id),
    FOREIGN KEY (tenant_id, tariff_id, tariff_version) REFERENCES tariff_version (tenant_id, tariff_id, version),
    FOREIGN KEY (tenant_id, profile_id) REFERENCES profile (tenant_id, id)
);
CREATE UNIQUE INDEX msp_cdr_number_key ON msp_cdr (tenant_id, cdr_number);
CREATE UNIQUE INDEX msp_cdr_version_key ON msp_cdr (tenant_id, cpo_cdr_id, version);
CREATE UNIQUE INDEX msp_cdr_one_current ON msp_cdr (tenant_id, cpo_cdr_id) WHERE superseded_at IS NULL;
CREATE INDEX msp_cdr_start ON msp_cdr (tenant_id, start_at DESC, id);
CREATE INDEX msp_cdr_profile ON msp_cdr (tenant_id, profile_id, start_at DESC);
ALTER TABLE msp_cdr ENABLE ROW LEVEL SECURITY;
ALTER TABLE msp_cdr FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON msp_cdr
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY narrowed_scope ON msp_cdr AS RESTRICTIVE
    USING ((nullif(current_setting('app.ou_id', true), '') IS NULL AND nullif(current_setting('app.profile_id', true), '') IS NULL)
           OR profile_id IN (SELECT p.id FROM profile p));
