--liquibase formatted sql

--changeset chargebase:identity-006-account-token
-- Single-use secrets mailed to people: e-mail verification and password reset. Only their SHA-256 is kept.
CREATE TABLE account_token (
    tenant_id  uuid NOT NULL REFERENCES tenant (id),
    token_hash text NOT NULL,
    user_id    uuid NOT NULL,
    purpose    text NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, token_hash),
    FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX account_token_user ON account_token (tenant_id, user_id);
ALTER TABLE account_token ENABLE ROW LEVEL SECURITY;
ALTER TABLE account_token FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON account_token
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

--changeset chargebase:identity-007-outbound-mail
-- Every message Chargebase sends, written in the transaction that caused it; a mail adapter delivers from here.
CREATE TABLE outbound_mail (
    tenant_id    uuid NOT NULL REFERENCES tenant (id),
    id           uuid NOT NULL,
    recipient    text NOT NULL,
    subject      text NOT NULL,
    body         text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    delivered_at timestamptz,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX outbound_mail_pending ON outbound_mail (tenant_id, created_at) WHERE delivered_at IS NULL;
ALTER TABLE outbound_mail ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbound_mail FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outbound_mail
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
