--liquibase formatted sql

--changeset chargebase:receipts-001-company-details
-- The tenant's own company details (the manual's Company Details), shown on receipts to drivers (copied into each
-- receipt when it is issued, so a later change never rewrites an issued one).
CREATE TABLE company_details (
    tenant_id           uuid NOT NULL REFERENCES tenant (id),
    legal_name          text NOT NULL CHECK (length(legal_name) BETWEEN 1 AND 200),
    street              text CHECK (length(street) <= 200),
    postal_code         text CHECK (length(postal_code) <= 20),
    city                text CHECK (length(city) <= 100),
    country             char(2) CHECK (country ~ '^[A-Z]{2}$'),
    vat_number          text CHECK (length(vat_number) <= 20),
    registration_number text CHECK (length(registration_number) <= 50),
    email               text CHECK (length(email) <= 254),
    phone               text CHECK (length(phone) <= 25),
    website             text CHECK (length(website) <= 200),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id)
);
ALTER TABLE company_details ENABLE ROW LEVEL SECURITY;
ALTER TABLE company_details FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON company_details
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
