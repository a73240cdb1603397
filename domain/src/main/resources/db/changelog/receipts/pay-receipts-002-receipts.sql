--liquibase formatted sql

--changeset chargebase:receipts-002-receipt-settings
-- How a tenant issues receipts: MONTHLY (the manual's default: one receipt per driver for a calendar month in the
-- tenant's time zone) or PER_SESSION (one as soon as a session is rated). Without a row: MONTHLY.
CREATE TABLE receipt_settings (
    tenant_id  uuid NOT NULL REFERENCES tenant (id),
    mode       text NOT NULL CHECK (mode IN ('PER_SESSION', 'MONTHLY')),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id)
);
ALTER TABLE receipt_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE receipt_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON receipt_settings
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
-- the migration owner reads every row: the platform function below lists the tenants that issue monthly
CREATE POLICY receipt_settings_owner_lookup ON receipt_settings FOR SELECT TO CURRENT_USER USING (true);

--changeset chargebase:receipts-003-receipt-counter
-- The next number of each series (RECEIPT, CREDIT_NOTE) of a tenant. Issuing locks the row (upsert) in the
-- transaction that writes the receipt, so numbers are taken in commit order and a rolled-back issue gives its number
-- back: no gaps, as EU invoicing requires (a sequence would lose numbers on rollback).
CREATE TABLE receipt_counter (
    tenant_id   uuid NOT NULL REFERENCES tenant (id),
    series      text NOT NULL CHECK (series IN ('RECEIPT', 'CREDIT_NOTE')),
    last_number bigint NOT NULL CHECK (last_number >= 1),
    PRIMARY KEY (tenant_id, series)
);
ALTER TABLE receipt_counter ENABLE ROW LEVEL SECURITY;
ALTER TABLE receipt_counter FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON receipt_counter
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

--changeset chargebase:receipts-004-receipt
-- A receipt or credit note to a driver, never changed once issued: the company and the driver as they were then,
-- totals at the currency's scale (gross = what the ledger charged; net + vat = gross), the month it covers (monthly
-- receipts) and, for a credit note, the refund it is for and the receipt it corrects.
CREATE TABLE receipt (
    tenant_id          uuid NOT NULL REFERENCES tenant (id),
    id                 uuid NOT NULL,
    series             text NOT NULL CHECK (series IN ('RECEIPT', 'CREDIT_NOTE')),
    number             bigint NOT NULL CHECK (number >= 1),
    number_text        text NOT NULL,
    profile_id         uuid NOT NULL,
    period_from        date,
    period_until       date,
    issued_at          timestamptz NOT NULL,
    currency           char(3) NOT NULL,
    net                numeric(14, 4) NOT NULL,
    vat                numeric(14, 4) NOT NULL,
    gross              numeric(14, 4) NOT NULL CHECK (gross = net + vat),
    company            jsonb NOT NULL,
    driver_name        text NOT NULL,
    driver_email       text,
    refund_transaction_id uuid,
    credited_receipt_id   uuid,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, profile_id) REFERENCES profile (tenant_id, id),
    FOREIGN KEY (tenant_id, credited_receipt_id) REFERENCES receipt (tenant_id, id)
);
CREATE UNIQUE INDEX receipt_number_key ON receipt (tenant_id, series, number);
CREATE UNIQUE INDEX receipt_one_per_refund ON receipt (tenant_id, refund_transaction_id) WHERE refund_transaction_id IS NOT NULL;
CREATE UNIQUE INDEX receipt_one_per_month ON receipt (tenant_id, profile_id, period_from) WHERE series = 'RECEIPT' AND period_from IS NOT NULL;
CREATE INDEX receipt_by_profile ON receipt (tenant_id, profile_id, issued_at DESC);
CREATE INDEX receipt_by_issue ON receipt (tenant_id, issued_at DESC, id DESC);
ALTER TABLE receipt ENABLE ROW LEVEL SECURITY;
ALTER TABLE receipt FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON receipt
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
-- a driver reads their own receipts, an OU admin those of their subtree's profiles (profile's own narrowed policies)
CREATE POLICY narrowed_scope ON receipt AS RESTRICTIVE
    USING ((nullif(current_setting('app.ou_id', true), '') IS NULL AND nullif(current_setting('app.profile_id', true), '') IS NULL)
           OR profile_id IN (SELECT p.id FROM profile p));

--changeset chargebase:receipts-005-receipt-line
-- A line of a receipt: a session (at most one receipt line per session, whichever mode issued it) or a credit.
CREATE TABLE receipt_line (
    tenant_id   uuid NOT NULL REFERENCES tenant (id),
    receipt_id  uuid NOT NULL,
    position    integer NOT NULL CHECK (position >= 1),
    session_id  uuid,
    msp_cdr_id  uuid,
    description text NOT NULL,
    started_at  timestamptz,
    ended_at    timestamptz,
    energy_kwh  numeric(14, 4),
    vat_percent numeric(7, 4) NOT NULL CHECK (vat_percent >= 0 AND vat_percent <= 100),
    net         numeric(14, 4) NOT NULL,
    vat         numeric(14, 4) NOT NULL,
    gross       numeric(14, 4) NOT NULL CHECK (gross = net + vat),
    PRIMARY KEY (tenant_id, receipt_id, position),
    FOREIGN KEY (tenant_id, receipt_id) REFERENCES receipt (tenant_id, id)
);
CREATE UNIQUE INDEX receipt_line_one_per_session ON receipt_line (tenant_id, session_id) WHERE session_id IS NOT NULL;
ALTER TABLE receipt_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE receipt_line FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON receipt_line
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY narrowed_scope ON receipt_line AS RESTRICTIVE
    USING ((nullif(current_setting('app.ou_id', true), '') IS NULL AND nullif(current_setting('app.profile_id', true), '') IS NULL)
           OR receipt_id IN (SELECT r.id FROM receipt r));

--changeset chargebase:receipts-006-platform-monthly-receipt-tenants splitStatements:false
-- The active tenants that issue receipts monthly (no settings row or MONTHLY), for the monthly job; reveals ids only.
CREATE FUNCTION platform_monthly_receipt_tenants()
    RETURNS TABLE (tenant_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT t.id FROM tenant t LEFT JOIN receipt_settings s ON s.tenant_id = t.id
    WHERE t.status = 'ACTIVE' AND coalesce(s.mode, 'MONTHLY') = 'MONTHLY'
$$;

--changeset chargebase:receipts-007-platform-monthly-receipt-tenants-grants
REVOKE EXECUTE ON FUNCTION platform_monthly_receipt_tenants() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_monthly_receipt_tenants() TO "${app_role}";

--changeset chargebase:receipts-008-platform-credit-note-tenants splitStatements:false
-- The active tenants with a refund to a driver that has no credit note yet, for the hourly job; reveals ids only. The
-- migration owner reads the two tables for it (the application's role is not given these policies).
CREATE POLICY ledger_transaction_credit_note_lookup ON ledger_transaction FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY receipt_owner_lookup ON receipt FOR SELECT TO CURRENT_USER USING (true);
CREATE FUNCTION platform_credit_note_tenants()
    RETURNS TABLE (tenant_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT t.id FROM tenant t
    WHERE t.status = 'ACTIVE' AND EXISTS (
        SELECT 1 FROM ledger_transaction l
        WHERE l.tenant_id = t.id AND l.kind = 'REFUND' AND l.profile_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM receipt r WHERE r.tenant_id = l.tenant_id AND r.refund_transaction_id = l.id))
$$;

--changeset chargebase:receipts-009-platform-credit-note-tenants-grants
REVOKE EXECUTE ON FUNCTION platform_credit_note_tenants() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_credit_note_tenants() TO "${app_role}";
