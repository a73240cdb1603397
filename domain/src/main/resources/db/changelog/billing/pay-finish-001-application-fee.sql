--liquibase formatted sql

--changeset chargebase:pay-finish-001-application-fee
-- The platform's fee on a tenant's card payments (io.chargebase.domain.billing.ApplicationFee), set by the platform
-- operator; a tenant without a row pays none.
CREATE TABLE application_fee (
    tenant_id    uuid NOT NULL REFERENCES tenant (id),
    percent      numeric(5, 2) NOT NULL CHECK (percent BETWEEN 0 AND 100),
    fixed_amount numeric(12, 4) NOT NULL CHECK (fixed_amount >= 0),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id)
);
ALTER TABLE application_fee ENABLE ROW LEVEL SECURITY;
ALTER TABLE application_fee FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON application_fee
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- The fee a payment is sent with is the one in force at its first attempt: every retry of it sends the same
-- parameters under the same idempotency key (Stripe refuses a key reused with other parameters).
ALTER TABLE card_payment ADD COLUMN fee_percent numeric(5, 2), ADD COLUMN fee_fixed_amount numeric(12, 4);
