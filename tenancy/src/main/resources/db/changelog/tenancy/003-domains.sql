--liquibase formatted sql

--changeset chargebase:tenancy-011-tenant-domain
-- White-label hosts: a tenant's issuer, sign-in page and GraphQL endpoint answer on its own domain too.
CREATE TABLE tenant_domain (
    tenant_id  uuid NOT NULL REFERENCES tenant (id),
    host       text PRIMARY KEY CHECK (host ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$'),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tenant_domain_tenant ON tenant_domain (tenant_id);
ALTER TABLE tenant_domain ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_domain FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_domain
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY tenant_domain_platform ON tenant_domain
    USING (current_setting('app.scope', true) = 'platform');
CREATE POLICY tenant_domain_owner_lookup ON tenant_domain FOR SELECT TO CURRENT_USER USING (true);

--changeset chargebase:tenancy-012-platform-tenant-by-host splitStatements:false
CREATE FUNCTION platform_tenant_by_host(p_host text)
    RETURNS TABLE (id uuid, slug text, status text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT t.id, t.slug, t.status FROM tenant_domain d JOIN tenant t ON t.id = d.tenant_id WHERE d.host = lower(p_host)
$$;

--changeset chargebase:tenancy-013-platform-tenant-by-host-grants
REVOKE EXECUTE ON FUNCTION platform_tenant_by_host(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_tenant_by_host(text) TO "${app_role}";
