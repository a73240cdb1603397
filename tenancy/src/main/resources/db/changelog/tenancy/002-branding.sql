--liquibase formatted sql

--changeset chargebase:tenancy-008-branding
-- How a tenant looks to its drivers: name, logo, colours, support contacts, legal links. Public by design: the
-- white-label app shows it before anyone signs in.
ALTER TABLE tenant
    ADD COLUMN brand_display_name  text CHECK (length(brand_display_name) <= 100),
    ADD COLUMN brand_logo_url      text CHECK (brand_logo_url LIKE 'https://%'),
    ADD COLUMN brand_primary_color text CHECK (brand_primary_color ~ '^#[0-9a-f]{6}$'),
    ADD COLUMN brand_accent_color  text CHECK (brand_accent_color ~ '^#[0-9a-f]{6}$'),
    ADD COLUMN support_email       text CHECK (length(support_email) <= 254),
    ADD COLUMN support_phone       text CHECK (length(support_phone) <= 25),
    ADD COLUMN terms_url           text CHECK (terms_url LIKE 'https://%'),
    ADD COLUMN privacy_url         text CHECK (privacy_url LIKE 'https://%');

--changeset chargebase:tenancy-009-platform-branding-by-slug splitStatements:false
CREATE FUNCTION platform_tenant_branding(p_slug text)
    RETURNS SETOF tenant
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT t.* FROM tenant t WHERE t.slug = p_slug AND t.status = 'ACTIVE'
$$;

--changeset chargebase:tenancy-010-platform-branding-grants
REVOKE EXECUTE ON FUNCTION platform_tenant_branding(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_tenant_branding(text) TO "${app_role}";
