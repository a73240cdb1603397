--liquibase formatted sql

--changeset chargebase:tariffs-001-tariff
-- A tariff is what an operator prices with; its prices live in versions. A version is never changed once written:
-- an edit writes the next version, so a CDR always names the exact prices it was rated with. Who a tariff applies
-- to (its restrictions) decides selection within a tariff group, not the price, and is kept on the tariff itself.
CREATE TABLE tariff (
    tenant_id            uuid NOT NULL REFERENCES tenant (id),
    id                   uuid NOT NULL,
    name                 text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    kind                 text NOT NULL CHECK (kind IN ('FREE', 'FLAT', 'DURATION_ENERGY', 'TIME_OF_DAY', 'POWER_LEVELS', 'OCPI')),
    currency             char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    current_version      integer NOT NULL DEFAULT 1 CHECK (current_version >= 1),
    is_base              boolean NOT NULL DEFAULT false,
    for_owner_users      boolean NOT NULL DEFAULT false,
    for_roaming_users    boolean NOT NULL DEFAULT false,
    for_ad_hoc_users     boolean NOT NULL DEFAULT false,
    partner_group_ids    uuid[] NOT NULL DEFAULT '{}',
    user_group_ids       uuid[] NOT NULL DEFAULT '{}',
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    -- the base tariff of a group is the fall-back for everyone: it carries no restriction
    CHECK (NOT is_base OR (NOT for_owner_users AND NOT for_roaming_users AND NOT for_ad_hoc_users
                           AND cardinality(partner_group_ids) = 0 AND cardinality(user_group_ids) = 0))
);
CREATE UNIQUE INDEX tariff_name_key ON tariff (tenant_id, lower(name));
ALTER TABLE tariff ENABLE ROW LEVEL SECURITY;
ALTER TABLE tariff FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tariff
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

CREATE TABLE tariff_version (
    tenant_id      uuid NOT NULL REFERENCES tenant (id),
    tariff_id      uuid NOT NULL,
    version        integer NOT NULL CHECK (version >= 1),
    definition     jsonb NOT NULL,
    ocpi           jsonb NOT NULL,
    description    text CHECK (length(description) <= 500),
    information    text CHECK (length(information) <= 5000),
    learn_more_url text CHECK (length(learn_more_url) <= 500),
    max_minutes    integer CHECK (max_minutes > 0),
    max_kwh        numeric(10, 3) CHECK (max_kwh > 0),
    created_by     text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, tariff_id, version),
    FOREIGN KEY (tenant_id, tariff_id) REFERENCES tariff (tenant_id, id) ON DELETE CASCADE
);
ALTER TABLE tariff_version ENABLE ROW LEVEL SECURITY;
ALTER TABLE tariff_version FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tariff_version
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

--changeset chargebase:tariffs-002-tariff-group
-- Ordered tariffs for EVSEs priced alike. Position 0 is the group's base tariff, created with the group and never
-- removed or reordered; for a driver the matching tariff lowest in the list (highest position) applies.
CREATE TABLE tariff_group (
    tenant_id      uuid NOT NULL REFERENCES tenant (id),
    id             uuid NOT NULL,
    name           text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    base_tariff_id uuid NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, base_tariff_id) REFERENCES tariff (tenant_id, id)
);
CREATE UNIQUE INDEX tariff_group_name_key ON tariff_group (tenant_id, lower(name));
CREATE UNIQUE INDEX tariff_group_base_key ON tariff_group (tenant_id, base_tariff_id);
ALTER TABLE tariff_group ENABLE ROW LEVEL SECURITY;
ALTER TABLE tariff_group FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tariff_group
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

CREATE TABLE tariff_group_entry (
    tenant_id uuid NOT NULL REFERENCES tenant (id),
    group_id  uuid NOT NULL,
    tariff_id uuid NOT NULL,
    position  integer NOT NULL CHECK (position >= 0),
    PRIMARY KEY (tenant_id, group_id, tariff_id),
    UNIQUE (tenant_id, group_id, position) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (tenant_id, group_id) REFERENCES tariff_group (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, tariff_id) REFERENCES tariff (tenant_id, id)
);
CREATE INDEX tariff_group_entry_tariff ON tariff_group_entry (tenant_id, tariff_id);
ALTER TABLE tariff_group_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE tariff_group_entry FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tariff_group_entry
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- An EVSE priced by a tariff group; a group in use cannot be deleted.
ALTER TABLE evse ADD COLUMN tariff_group_id uuid;
ALTER TABLE evse ADD CONSTRAINT evse_tariff_group_fk FOREIGN KEY (tenant_id, tariff_group_id) REFERENCES tariff_group (tenant_id, id);
CREATE INDEX evse_tariff_group ON evse (tenant_id, tariff_group_id) WHERE tariff_group_id IS NOT NULL;

-- Who owns a location (the partner whose users the "owner's users" restriction means): an organisation unit.
ALTER TABLE location ADD COLUMN owner_unit_id uuid;
ALTER TABLE location ADD CONSTRAINT location_owner_unit_fk FOREIGN KEY (tenant_id, owner_unit_id) REFERENCES organisation_unit (tenant_id, id);

--changeset chargebase:tariffs-003-tariff-plan
-- A tariff plan prices EVSEs that have no tariff group: rules location group × business-partner group → tariff,
-- tried by precedence (1 first); a rule without a location group or partner group matches any. The default tariff
-- applies when no rule does. One plan per tenant is active.
CREATE TABLE tariff_plan (
    tenant_id         uuid NOT NULL REFERENCES tenant (id),
    id                uuid NOT NULL,
    name              text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    default_tariff_id uuid NOT NULL,
    active            boolean NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, default_tariff_id) REFERENCES tariff (tenant_id, id)
);
CREATE UNIQUE INDEX tariff_plan_name_key ON tariff_plan (tenant_id, lower(name));
CREATE UNIQUE INDEX tariff_plan_one_active ON tariff_plan (tenant_id) WHERE active;
ALTER TABLE tariff_plan ENABLE ROW LEVEL SECURITY;
ALTER TABLE tariff_plan FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tariff_plan
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

CREATE TABLE tariff_plan_rule (
    tenant_id                 uuid NOT NULL REFERENCES tenant (id),
    plan_id                   uuid NOT NULL,
    precedence                integer NOT NULL CHECK (precedence >= 1),
    location_group_id         uuid,
    business_partner_group_id uuid,
    tariff_id                 uuid NOT NULL,
    PRIMARY KEY (tenant_id, plan_id, precedence),
    FOREIGN KEY (tenant_id, plan_id) REFERENCES tariff_plan (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, location_group_id) REFERENCES location_group (tenant_id, id),
    FOREIGN KEY (tenant_id, business_partner_group_id) REFERENCES business_partner_group (tenant_id, id),
    FOREIGN KEY (tenant_id, tariff_id) REFERENCES tariff (tenant_id, id)
);
CREATE INDEX tariff_plan_rule_tariff ON tariff_plan_rule (tenant_id, tariff_id);
ALTER TABLE tariff_plan_rule ENABLE ROW LEVEL SECURITY;
ALTER TABLE tariff_plan_rule FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tariff_plan_rule
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
