--liquibase formatted sql

--changeset chargebase:billing-009-billing-settings
-- A tenant's billing settings, when it saved its own (io.chargebase.domain.billing.BillingSettings has the platform
-- defaults): how many payment methods a driver may keep.
CREATE TABLE billing_settings (
    tenant_id           uuid NOT NULL REFERENCES tenant (id),
    max_payment_methods integer NOT NULL CHECK (max_payment_methods BETWEEN 1 AND 20),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id)
);
ALTER TABLE billing_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE billing_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON billing_settings
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

--changeset chargebase:billing-010-payment-customer
-- A driver as a customer on the tenant's connected account: created once, at the driver's first card.
CREATE TABLE payment_customer (
    tenant_id   uuid NOT NULL REFERENCES tenant (id),
    profile_id  uuid NOT NULL,
    customer_id text NOT NULL CHECK (customer_id ~ '^cus_[A-Za-z0-9]{1,64}$'),
    account_id  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, profile_id),
    FOREIGN KEY (tenant_id, profile_id) REFERENCES profile (tenant_id, id),
    FOREIGN KEY (tenant_id, account_id) REFERENCES connected_account (tenant_id, account_id)
);
CREATE UNIQUE INDEX payment_customer_by_customer ON payment_customer (tenant_id, customer_id);
ALTER TABLE payment_customer ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_customer FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON payment_customer
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY narrowed_scope ON payment_customer AS RESTRICTIVE
    USING ((nullif(current_setting('app.ou_id', true), '') IS NULL AND nullif(current_setting('app.profile_id', true), '') IS NULL)
           OR profile_id IN (SELECT p.id FROM profile p));
