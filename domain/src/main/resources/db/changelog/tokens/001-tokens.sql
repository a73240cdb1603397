--liquibase formatted sql

--changeset chargebase:tokens-001-token
-- What identifies a driver at a charger. uid is the OCPP idTag: upper-case hex of the card's 4, 7 or 10 bytes
-- (or of a generated app/ad-hoc identifier), unique per tenant.
CREATE TABLE token (
    tenant_id        uuid NOT NULL REFERENCES tenant (id),
    id               uuid NOT NULL,
    uid              text NOT NULL CHECK (uid ~ '^([0-9A-F]{2}){4,10}$'),
    ema_id           text CHECK (ema_id ~ '^[A-Z]{2}[A-Z0-9]{3}[A-Z0-9]{9}[A-Z0-9]$'),
    type             text NOT NULL CHECK (type IN ('RFID', 'APP', 'AD_HOC')),
    status           text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'BLOCKED')),
    expires_at       timestamptz,
    owner_profile_id uuid,
    visual_number    text CHECK (length(visual_number) <= 64),
    billing          text NOT NULL DEFAULT 'OWN_PAYMENT_METHOD' CHECK (billing IN ('OWN_PAYMENT_METHOD', 'CORPORATE_ACCOUNT')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, owner_profile_id) REFERENCES profile (tenant_id, id)
);
CREATE UNIQUE INDEX token_uid_key ON token (tenant_id, uid);
CREATE UNIQUE INDEX token_ema_id_key ON token (tenant_id, ema_id) WHERE ema_id IS NOT NULL;
CREATE INDEX token_owner ON token (tenant_id, owner_profile_id);
ALTER TABLE token ENABLE ROW LEVEL SECURITY;
ALTER TABLE token FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON token
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
-- An OU admin sees the tokens of the profiles in their subtree, a driver their own: the profile policies decide.
CREATE POLICY narrowed_scope ON token AS RESTRICTIVE
    USING ((nullif(current_setting('app.ou_id', true), '') IS NULL AND nullif(current_setting('app.profile_id', true), '') IS NULL)
           OR owner_profile_id IN (SELECT p.id FROM profile p));

--changeset chargebase:tokens-002-token-status-change
CREATE TABLE token_status_change (
    tenant_id   uuid NOT NULL REFERENCES tenant (id),
    id          uuid NOT NULL,
    token_id    uuid NOT NULL,
    from_status text,
    to_status   text NOT NULL,
    reason      text CHECK (length(reason) <= 500),
    changed_by  text,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, token_id) REFERENCES token (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX token_status_change_token ON token_status_change (tenant_id, token_id, changed_at);
ALTER TABLE token_status_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE token_status_change FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON token_status_change
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY narrowed_scope ON token_status_change AS RESTRICTIVE
    USING (token_id IN (SELECT t.id FROM token t));
