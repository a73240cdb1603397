--liquibase formatted sql

--changeset chargebase:identity-004-app-user
-- People who sign in at a tenant's issuer: administrators (tenant admin, OU admin, analyst) and drivers.
CREATE TABLE app_user (
    tenant_id            uuid NOT NULL REFERENCES tenant (id),
    id                   uuid NOT NULL,
    email                text NOT NULL CHECK (length(email) <= 254),
    name                 text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    role                 text NOT NULL CHECK (role IN ('TENANT_ADMIN', 'OU_ADMIN', 'ANALYST', 'DRIVER')),
    organisation_unit_id uuid,
    profile_id           uuid,
    password_hash        text,
    status               text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED')),
    email_verified_at    timestamptz,
    failed_logins        integer NOT NULL DEFAULT 0,
    locked_until         timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, organisation_unit_id) REFERENCES organisation_unit (tenant_id, id),
    FOREIGN KEY (tenant_id, profile_id) REFERENCES profile (tenant_id, id),
    CHECK (role <> 'OU_ADMIN' OR organisation_unit_id IS NOT NULL),
    CHECK (role <> 'DRIVER' OR profile_id IS NOT NULL)
);
CREATE UNIQUE INDEX app_user_email_key ON app_user (tenant_id, lower(email));
CREATE UNIQUE INDEX app_user_profile_key ON app_user (tenant_id, profile_id) WHERE profile_id IS NOT NULL;
CREATE INDEX app_user_organisation_unit ON app_user (tenant_id, organisation_unit_id);
ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_user FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON app_user
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
-- A driver's transactions see only their own account; an OU admin's only accounts bound to their subtree.
CREATE POLICY narrowed_scope ON app_user AS RESTRICTIVE
    USING ((nullif(current_setting('app.profile_id', true), '') IS NULL
            OR profile_id = nullif(current_setting('app.profile_id', true), '')::uuid)
           AND (nullif(current_setting('app.ou_id', true), '') IS NULL
                OR organisation_unit_id IN (SELECT ou.id FROM organisation_unit ou)
                OR profile_id IN (SELECT p.id FROM profile p)));

--changeset chargebase:identity-005-platform-user
-- The platform operator's staff; they sign in at the /platform issuer and never see a tenant's data.
CREATE TABLE platform_user (
    id            uuid PRIMARY KEY,
    email         text NOT NULL CHECK (length(email) <= 254),
    name          text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    password_hash text,
    status        text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED')),
    failed_logins integer NOT NULL DEFAULT 0,
    locked_until  timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX platform_user_email_key ON platform_user (lower(email));
ALTER TABLE platform_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE platform_user FORCE ROW LEVEL SECURITY;
CREATE POLICY platform_only ON platform_user
    USING (current_setting('app.scope', true) = 'platform');
