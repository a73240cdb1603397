--liquibase formatted sql

--changeset chargebase:vat-001-vat-rate
-- The tenant's VAT table (the manual's CONFIGURATION > VAT): a named rate valid from a date (inclusive) until a date
-- (exclusive, open when null). Rates of one name never overlap in time (io.chargebase.domain.vat.VatRates checks it
-- under a per-tenant lock, so a rate change is a new row valid from the day the new rate applies).
CREATE TABLE vat_rate (
    tenant_id   uuid NOT NULL REFERENCES tenant (id),
    id          uuid NOT NULL,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    percent     numeric(7, 4) NOT NULL CHECK (percent >= 0 AND percent <= 100),
    valid_from  date NOT NULL,
    valid_until date CHECK (valid_until IS NULL OR valid_until > valid_from),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX vat_rate_by_name ON vat_rate (tenant_id, lower(name), valid_from);
ALTER TABLE vat_rate ENABLE ROW LEVEL SECURITY;
ALTER TABLE vat_rate FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON vat_rate
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

--changeset chargebase:vat-002-vat-settings
-- The tenant's base VAT (the manual's Base VAT: the rate receipts use, by name, so a dated change of the rate needs no
-- new setting) and whether its tariff prices are entered including VAT (the manual's VAT section says they are).
-- Without a row: no base VAT, prices entered excluding VAT, as tariffs were before this setting existed.
CREATE TABLE vat_settings (
    tenant_id          uuid NOT NULL REFERENCES tenant (id),
    base_vat_name      text CHECK (length(base_vat_name) BETWEEN 1 AND 100),
    prices_include_vat boolean NOT NULL DEFAULT false,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id)
);
ALTER TABLE vat_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE vat_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON vat_settings
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
