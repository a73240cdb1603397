--liquibase formatted sql

--changeset chargebase:pay-wallet-003-top-up-package
-- A top-up package (io.chargebase.domain.billing.TopUpPackages): what a driver pays and the bonus added on top, shown
-- in the app in the tenant's order when enabled. Each row is one version of a package (package_key names the package
-- across versions): editing a package a driver chose for auto top-up writes a new version and retires the old one,
-- so what the driver agreed to is never changed under them. Deleting retires every version.
CREATE TABLE top_up_package (
    tenant_id   uuid NOT NULL REFERENCES tenant (id),
    id          uuid NOT NULL,
    package_key uuid NOT NULL,
    version     integer NOT NULL CHECK (version >= 1),
    currency    char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    price       numeric(14, 4) NOT NULL CHECK (price > 0),
    bonus       numeric(14, 4) NOT NULL CHECK (bonus >= 0),
    enabled     boolean NOT NULL,
    position    integer NOT NULL CHECK (position >= 1),
    created_at  timestamptz NOT NULL DEFAULT now(),
    retired_at  timestamptz,
    deleted     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, package_key, version),
    CHECK (NOT deleted OR retired_at IS NOT NULL)
);
-- one current version per package
CREATE UNIQUE INDEX top_up_package_current ON top_up_package (tenant_id, package_key) WHERE retired_at IS NULL;
ALTER TABLE top_up_package ENABLE ROW LEVEL SECURITY;
ALTER TABLE top_up_package FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON top_up_package
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

--changeset chargebase:pay-wallet-004-auto-top-up
-- A driver's auto top-up: when the wallet falls below the threshold, buy the package version they chose. Turned off
-- (with the reason) when the tenant deletes that package.
CREATE TABLE auto_top_up (
    tenant_id       uuid NOT NULL REFERENCES tenant (id),
    profile_id      uuid NOT NULL,
    package_id      uuid NOT NULL,
    currency        char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    threshold       numeric(14, 4) NOT NULL CHECK (threshold >= 0),
    enabled         boolean NOT NULL,
    disabled_reason text CHECK (length(disabled_reason) <= 200),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, profile_id),
    FOREIGN KEY (tenant_id, profile_id) REFERENCES profile (tenant_id, id),
    FOREIGN KEY (tenant_id, package_id) REFERENCES top_up_package (tenant_id, id)
);
CREATE INDEX auto_top_up_package ON auto_top_up (tenant_id, package_id);
ALTER TABLE auto_top_up ENABLE ROW LEVEL SECURITY;
ALTER TABLE auto_top_up FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON auto_top_up
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY narrowed_scope ON auto_top_up AS RESTRICTIVE
    USING ((nullif(current_setting('app.ou_id', true), '') IS NULL AND nullif(current_setting('app.profile_id', true), '') IS NULL)
           OR profile_id IN (SELECT p.id FROM profile p));
