--liquibase formatted sql

--changeset chargebase:pay-wallet-005-profile-action
-- The actions log of a driver's account (the manual's User's Activity, "any admin actions to the user account"): what
-- was done to the profile, by whom, why, and when (io.chargebase.domain.organisation.ProfileActions). Written in the
-- transaction of the action itself; never edited.
CREATE TABLE profile_action (
    tenant_id   uuid NOT NULL REFERENCES tenant (id),
    id          uuid NOT NULL,
    profile_id  uuid NOT NULL,
    action      text NOT NULL CHECK (action ~ '^[A-Z_]{1,40}$'),
    info        text NOT NULL CHECK (length(info) <= 500),
    reason      text CHECK (length(reason) <= 500),
    actor       text CHECK (length(actor) <= 255),
    happened_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, profile_id) REFERENCES profile (tenant_id, id)
);
CREATE INDEX profile_action_profile ON profile_action (tenant_id, profile_id, happened_at DESC);
ALTER TABLE profile_action ENABLE ROW LEVEL SECURITY;
ALTER TABLE profile_action FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON profile_action
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY narrowed_scope ON profile_action AS RESTRICTIVE
    USING ((nullif(current_setting('app.ou_id', true), '') IS NULL AND nullif(current_setting('app.profile_id', true), '') IS NULL)
           OR profile_id IN (SELECT p.id FROM profile p));
REVOKE UPDATE, DELETE, TRUNCATE ON profile_action FROM "${app_role}";
