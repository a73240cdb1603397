--liquibase formatted sql

--changeset chargebase:deploy-001-changelog-readable
-- Replicas that do not migrate (a migration job does, as the owner) check with their own login, which works as the
-- application role, that the database has every changeset of their version before they serve.
GRANT SELECT ON databasechangelog TO "${app_role}";

--changeset chargebase:deploy-002-platform-bootstrap
-- The first-run bootstrap (chargebase.bootstrap.*) writes this one row when it creates the first platform
-- administrator and client; while it exists, the bootstrap never runs again, even if its settings are still given.
CREATE TABLE platform_bootstrap (
    singleton         boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    admin_email       text NOT NULL,
    client_id         text NOT NULL,
    console_client_id text,
    completed_at      timestamptz NOT NULL
);
ALTER TABLE platform_bootstrap ENABLE ROW LEVEL SECURITY;
ALTER TABLE platform_bootstrap FORCE ROW LEVEL SECURITY;
CREATE POLICY platform_only ON platform_bootstrap
    USING (current_setting('app.scope', true) = 'platform');
