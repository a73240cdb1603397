--liquibase formatted sql

--changeset chargebase:tenancy-001-application-role splitStatements:false
-- The application connects as (or switches to) this role: it owns nothing, cannot bypass row-level security,
-- and only reads and writes rows. Migrations run as the owner. Roles are cluster-wide, so several Chargebase
-- databases on one server share it.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${app_role}') THEN
        CREATE ROLE "${app_role}" NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL; -- created meanwhile by a concurrent migration of another database on this server
END
$$;

--changeset chargebase:tenancy-002-application-role-grants splitStatements:false
DO $$
BEGIN
    IF NOT pg_has_role(current_user, '${app_role}', 'MEMBER') THEN
        EXECUTE format('GRANT %I TO %I', '${app_role}', current_user);
    END IF;
END
$$;

--changeset chargebase:tenancy-003-default-privileges
GRANT USAGE ON SCHEMA public TO "${app_role}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "${app_role}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "${app_role}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

--changeset chargebase:tenancy-004-tenant-table
CREATE TABLE tenant (
    id               uuid PRIMARY KEY,
    slug             text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$'),
    name             text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    status           text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    suspended_reason text,
    currency         char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    time_zone        text NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE tenant ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant FORCE ROW LEVEL SECURITY;
-- A tenant sees its own row; the platform operator sees all of them.
CREATE POLICY tenant_self ON tenant
    USING (id = nullif(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY tenant_platform ON tenant
    USING (current_setting('app.scope', true) = 'platform');
-- The migration owner may read every row; it is how the platform lookups below see across tenants.
CREATE POLICY tenant_owner_lookup ON tenant FOR SELECT TO CURRENT_USER USING (true);
REVOKE DELETE ON tenant FROM "${app_role}";

--changeset chargebase:tenancy-005-platform-tenant-by-slug splitStatements:false
-- Named, narrow cross-tenant lookups: they reveal only id, slug and status, which routing needs before anyone
-- is known to act for a tenant.
CREATE FUNCTION platform_tenant_by_slug(p_slug text)
    RETURNS TABLE (id uuid, slug text, status text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT t.id, t.slug, t.status FROM tenant t WHERE t.slug = p_slug
$$;

--changeset chargebase:tenancy-006-platform-tenant-by-id splitStatements:false
CREATE FUNCTION platform_tenant_by_id(p_id uuid)
    RETURNS TABLE (id uuid, slug text, status text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT t.id, t.slug, t.status FROM tenant t WHERE t.id = p_id
$$;

--changeset chargebase:tenancy-007-platform-function-grants
REVOKE EXECUTE ON FUNCTION platform_tenant_by_slug(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION platform_tenant_by_id(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_tenant_by_slug(text) TO "${app_role}";
GRANT EXECUTE ON FUNCTION platform_tenant_by_id(uuid) TO "${app_role}";
