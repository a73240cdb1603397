--liquibase formatted sql

-- The authorization server's tables. A row belongs to one tenant's issuer, or (tenant_id null) to the platform
-- issuer; tenant_id defaults to the tenant the transaction acts for, so Spring Authorization Server's own JDBC
-- code writes into the right tenant without knowing about tenants.

--changeset chargebase:identity-001-registered-client
CREATE TABLE oauth2_registered_client (
    tenant_id                     uuid REFERENCES tenant (id)
                                  DEFAULT nullif(current_setting('app.tenant_id', true), '')::uuid,
    id                            varchar(100) PRIMARY KEY,
    client_id                     varchar(100) NOT NULL,
    client_id_issued_at           timestamptz NOT NULL DEFAULT now(),
    client_secret                 varchar(200),
    client_secret_expires_at      timestamptz,
    client_name                   varchar(200) NOT NULL,
    client_authentication_methods varchar(1000) NOT NULL,
    authorization_grant_types     varchar(1000) NOT NULL,
    redirect_uris                 varchar(1000),
    post_logout_redirect_uris     varchar(1000),
    scopes                        varchar(1000) NOT NULL,
    client_settings               varchar(2000) NOT NULL,
    token_settings                varchar(2000) NOT NULL
);
CREATE UNIQUE INDEX oauth2_registered_client_client_id ON oauth2_registered_client (tenant_id, client_id) NULLS NOT DISTINCT;
ALTER TABLE oauth2_registered_client ENABLE ROW LEVEL SECURITY;
ALTER TABLE oauth2_registered_client FORCE ROW LEVEL SECURITY;
CREATE POLICY issuer_isolation ON oauth2_registered_client
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
           OR (tenant_id IS NULL AND current_setting('app.scope', true) = 'platform'));

--changeset chargebase:identity-002-authorization
CREATE TABLE oauth2_authorization (
    tenant_id                     uuid REFERENCES tenant (id)
                                  DEFAULT nullif(current_setting('app.tenant_id', true), '')::uuid,
    id                            varchar(100) PRIMARY KEY,
    registered_client_id          varchar(100) NOT NULL,
    principal_name                varchar(200) NOT NULL,
    authorization_grant_type      varchar(100) NOT NULL,
    authorized_scopes             varchar(1000),
    attributes                    text,
    state                         varchar(500),
    authorization_code_value      text,
    authorization_code_issued_at  timestamptz,
    authorization_code_expires_at timestamptz,
    authorization_code_metadata   text,
    access_token_value            text,
    access_token_issued_at        timestamptz,
    access_token_expires_at       timestamptz,
    access_token_metadata         text,
    access_token_type             varchar(100),
    access_token_scopes           varchar(1000),
    oidc_id_token_value           text,
    oidc_id_token_issued_at       timestamptz,
    oidc_id_token_expires_at      timestamptz,
    oidc_id_token_metadata        text,
    refresh_token_value           text,
    refresh_token_issued_at       timestamptz,
    refresh_token_expires_at      timestamptz,
    refresh_token_metadata        text,
    user_code_value               text,
    user_code_issued_at           timestamptz,
    user_code_expires_at          timestamptz,
    user_code_metadata            text,
    device_code_value             text,
    device_code_issued_at         timestamptz,
    device_code_expires_at        timestamptz,
    device_code_metadata          text
);
CREATE INDEX oauth2_authorization_tenant ON oauth2_authorization (tenant_id);
CREATE INDEX oauth2_authorization_access_token ON oauth2_authorization (access_token_value);
CREATE INDEX oauth2_authorization_refresh_token ON oauth2_authorization (refresh_token_value);
CREATE INDEX oauth2_authorization_code ON oauth2_authorization (authorization_code_value);
CREATE INDEX oauth2_authorization_expiry ON oauth2_authorization (greatest(access_token_expires_at, refresh_token_expires_at, authorization_code_expires_at));
ALTER TABLE oauth2_authorization ENABLE ROW LEVEL SECURITY;
ALTER TABLE oauth2_authorization FORCE ROW LEVEL SECURITY;
CREATE POLICY issuer_isolation ON oauth2_authorization
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
           OR (tenant_id IS NULL AND current_setting('app.scope', true) = 'platform'));

--changeset chargebase:identity-003-signing-key
-- Token signing keys, stored so that tokens survive restarts and every replica signs and verifies alike.
CREATE TABLE signing_key (
    tenant_id   uuid REFERENCES tenant (id)
                DEFAULT nullif(current_setting('app.tenant_id', true), '')::uuid,
    kid         text PRIMARY KEY,
    algorithm   text NOT NULL CHECK (algorithm = 'RS256'),
    public_key  bytea NOT NULL,
    private_key bytea NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    retired_at  timestamptz
);
CREATE INDEX signing_key_tenant ON signing_key (tenant_id);
ALTER TABLE signing_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE signing_key FORCE ROW LEVEL SECURITY;
CREATE POLICY issuer_isolation ON signing_key
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
           OR (tenant_id IS NULL AND current_setting('app.scope', true) = 'platform'));
