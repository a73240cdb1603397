--liquibase formatted sql

--changeset chargebase:operations-003-operated-charge-points
-- Below the tenant, a charger's traffic belongs to whoever operates it. An OU admin reads the actions log, the
-- communication log and the connection (remote address, ICCID, IMSI) only of the charge points they operate: those at
-- a location owned by a unit of their subtree (the organisation_unit subquery reads under its own policies, so it
-- yields exactly those units). A driver reads none of them. RESTRICTIVE: they narrow the tenant policy, never widen it.
CREATE POLICY operated_charge_points ON charger_command AS RESTRICTIVE
    USING (nullif(current_setting('app.profile_id', true), '') IS NULL
           AND (nullif(current_setting('app.ou_id', true), '') IS NULL
                OR charge_point_id IN (SELECT cp.id FROM charge_point cp
                                       JOIN location l ON l.tenant_id = cp.tenant_id AND l.id = cp.location_id
                                       JOIN organisation_unit ou ON ou.tenant_id = l.tenant_id AND ou.id = l.owner_unit_id)));
CREATE POLICY operated_charge_points ON communication_log AS RESTRICTIVE
    USING (nullif(current_setting('app.profile_id', true), '') IS NULL
           AND (nullif(current_setting('app.ou_id', true), '') IS NULL
                OR charge_point_id IN (SELECT cp.id FROM charge_point cp
                                       JOIN location l ON l.tenant_id = cp.tenant_id AND l.id = cp.location_id
                                       JOIN organisation_unit ou ON ou.tenant_id = l.tenant_id AND ou.id = l.owner_unit_id)));
CREATE POLICY operated_charge_points ON charger_connection AS RESTRICTIVE
    USING (nullif(current_setting('app.profile_id', true), '') IS NULL
           AND (nullif(current_setting('app.ou_id', true), '') IS NULL
                OR charge_point_id IN (SELECT cp.id FROM charge_point cp
                                       JOIN location l ON l.tenant_id = cp.tenant_id AND l.id = cp.location_id
                                       JOIN organisation_unit ou ON ou.tenant_id = l.tenant_id AND ou.id = l.owner_unit_id)));

--changeset chargebase:operations-004-diagnostics-location
-- The servers a tenant's admins approved for diagnostics uploads, in the order shown. OU admins may send a charger's
-- diagnostics only there (DiagnosticsLocations); drivers never read them.
CREATE TABLE diagnostics_location (
    tenant_id uuid NOT NULL REFERENCES tenant (id),
    position  integer NOT NULL CHECK (position BETWEEN 1 AND 10),
    location  text NOT NULL CHECK (length(location) BETWEEN 1 AND 512),
    PRIMARY KEY (tenant_id, position),
    UNIQUE (tenant_id, location)
);
ALTER TABLE diagnostics_location ENABLE ROW LEVEL SECURITY;
ALTER TABLE diagnostics_location FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON diagnostics_location
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY narrowed_scope ON diagnostics_location AS RESTRICTIVE
    USING (nullif(current_setting('app.profile_id', true), '') IS NULL);
