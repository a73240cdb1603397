--liquibase formatted sql

--changeset chargebase:organisation-005-business-partner-group
-- A named set of organisation units priced alike; a unit's sub-units belong to the group with it.
CREATE TABLE business_partner_group (
    tenant_id  uuid NOT NULL REFERENCES tenant (id),
    id         uuid NOT NULL,
    name       text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX business_partner_group_name_key ON business_partner_group (tenant_id, lower(name));
ALTER TABLE business_partner_group ENABLE ROW LEVEL SECURITY;
ALTER TABLE business_partner_group FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON business_partner_group
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

CREATE TABLE business_partner_group_unit (
    tenant_id            uuid NOT NULL REFERENCES tenant (id),
    group_id             uuid NOT NULL,
    organisation_unit_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, group_id, organisation_unit_id),
    FOREIGN KEY (tenant_id, group_id) REFERENCES business_partner_group (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, organisation_unit_id) REFERENCES organisation_unit (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX business_partner_group_unit_unit ON business_partner_group_unit (tenant_id, organisation_unit_id);
ALTER TABLE business_partner_group_unit ENABLE ROW LEVEL SECURITY;
ALTER TABLE business_partner_group_unit FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON business_partner_group_unit
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

--changeset chargebase:organisation-006-user-group
-- A named set of profiles, for tariffs that apply to some people only.
CREATE TABLE user_group (
    tenant_id  uuid NOT NULL REFERENCES tenant (id),
    id         uuid NOT NULL,
    name       text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX user_group_name_key ON user_group (tenant_id, lower(name));
ALTER TABLE user_group ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_group FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON user_group
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

CREATE TABLE user_group_member (
    tenant_id  uuid NOT NULL REFERENCES tenant (id),
    group_id   uuid NOT NULL,
    profile_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, group_id, profile_id),
    FOREIGN KEY (tenant_id, group_id) REFERENCES user_group (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, profile_id) REFERENCES profile (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX user_group_member_profile ON user_group_member (tenant_id, profile_id);
ALTER TABLE user_group_member ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_group_member FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON user_group_member
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
