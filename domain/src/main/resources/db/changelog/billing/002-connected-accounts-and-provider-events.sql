--liquibase formatted sql

--changeset chargebase:billing-005-connected-account
-- The tenant's Stripe connected account (io.chargebase.domain.billing.ConnectedAccounts): one per tenant, its status
-- as the provider last reported it. status_at is the provider's time of that report, so that an older report arriving
-- late does not overwrite a newer one.
CREATE TABLE connected_account (
    tenant_id         uuid NOT NULL REFERENCES tenant (id),
    account_id        text NOT NULL CHECK (account_id ~ '^acct_[A-Za-z0-9]{1,64}$'),
    charges_enabled   boolean NOT NULL DEFAULT false,
    payouts_enabled   boolean NOT NULL DEFAULT false,
    details_submitted boolean NOT NULL DEFAULT false,
    disabled_reason   text CHECK (length(disabled_reason) <= 200),
    status_at         timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, account_id)
);
CREATE UNIQUE INDEX connected_account_one_per_tenant ON connected_account (tenant_id);
-- Serves the cross-tenant lookup below; not unique by itself (distributed tables keep tenant_id in every unique key),
-- the provider's account ids are.
CREATE INDEX connected_account_by_account ON connected_account (account_id);
ALTER TABLE connected_account ENABLE ROW LEVEL SECURITY;
ALTER TABLE connected_account FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON connected_account
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
-- The migration owner may read every row; it is how the platform lookup below finds the tenant of an account.
CREATE POLICY connected_account_owner_lookup ON connected_account FOR SELECT TO CURRENT_USER USING (true);

--changeset chargebase:billing-006-platform-tenant-by-connected-account splitStatements:false
-- Which tenant owns a connected account, for webhooks, which arrive before anyone is known to act for a tenant;
-- reveals the tenant id and nothing else.
CREATE FUNCTION platform_tenant_by_connected_account(p_account_id text)
    RETURNS TABLE (tenant_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT a.tenant_id FROM connected_account a WHERE a.account_id = p_account_id
$$;

--changeset chargebase:billing-007-platform-tenant-by-connected-account-grants
REVOKE EXECUTE ON FUNCTION platform_tenant_by_connected_account(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_tenant_by_connected_account(text) TO "${app_role}";

--changeset chargebase:billing-008-provider-event
-- Events from the payment provider, each handled once: recorded in the transaction that acts on it, so a replay (or
-- the same event delivered twice at once) finds it and does nothing. outcome says what handling it did.
CREATE TABLE provider_event (
    tenant_id   uuid NOT NULL REFERENCES tenant (id),
    event_id    text NOT NULL CHECK (event_id ~ '^evt_[A-Za-z0-9_]{1,128}$'),
    type        text NOT NULL CHECK (length(type) <= 100),
    account_id  text NOT NULL,
    created_at  timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    outcome     text NOT NULL CHECK (length(outcome) <= 500),
    PRIMARY KEY (tenant_id, event_id)
);
CREATE INDEX provider_event_received ON provider_event (tenant_id, received_at DESC);
ALTER TABLE provider_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE provider_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON provider_event
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
