--liquibase formatted sql

--changeset chargebase:organisation-001-organisation-unit
CREATE TABLE organisation_unit (
    tenant_id  uuid NOT NULL REFERENCES tenant (id),
    id         uuid NOT NULL,
    parent_id  uuid,
    name       text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    -- materialised path of ids from the root: /root/child/unit/
    path       text NOT NULL CHECK (path ~ '^(/[0-9a-f-]{36})+/$'),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, parent_id) REFERENCES organisation_unit (tenant_id, id),
    CHECK (parent_id IS DISTINCT FROM id)
);
CREATE UNIQUE INDEX organisation_unit_one_root ON organisation_unit (tenant_id) WHERE parent_id IS NULL;
CREATE UNIQUE INDEX organisation_unit_sibling_name ON organisation_unit (tenant_id, parent_id, lower(name)) NULLS NOT DISTINCT;
CREATE UNIQUE INDEX organisation_unit_path ON organisation_unit (tenant_id, path text_pattern_ops);
CREATE INDEX organisation_unit_parent ON organisation_unit (tenant_id, parent_id);
ALTER TABLE organisation_unit ENABLE ROW LEVEL SECURITY;
ALTER TABLE organisation_unit FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON organisation_unit
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

--changeset chargebase:organisation-002-profile
CREATE TABLE profile (
    tenant_id            uuid NOT NULL REFERENCES tenant (id),
    id                   uuid NOT NULL,
    organisation_unit_id uuid NOT NULL,
    name                 text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    email                text NOT NULL CHECK (length(email) <= 254 AND email LIKE '%_@_%'),
    phone                text CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    status               text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE')),
    external_reference   text CHECK (length(external_reference) <= 100),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, organisation_unit_id) REFERENCES organisation_unit (tenant_id, id)
);
CREATE UNIQUE INDEX profile_email_key ON profile (tenant_id, lower(email));
CREATE UNIQUE INDEX profile_external_reference_key ON profile (tenant_id, external_reference) WHERE external_reference IS NOT NULL;
CREATE INDEX profile_organisation_unit ON profile (tenant_id, organisation_unit_id);
CREATE INDEX profile_name_order ON profile (tenant_id, lower(name), id);
ALTER TABLE profile ENABLE ROW LEVEL SECURITY;
ALTER TABLE profile FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON profile
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
