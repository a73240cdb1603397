--liquibase formatted sql

--changeset chargebase:driver-find-001-access
-- The manual's Access Type, Managed By Operator and Charging Zones: a private location or charge point is seen and used
-- only by the drivers invited to it (through the user groups it grants access to); with a public notice it is seen by
-- every driver, with that notice, and still used only by the invited. A charge point's access left null is its
-- location's. A charge point not managed by the operator is a point of interest: shown with its notice, never started.
-- A disabled zone hides its charge points from drivers.
ALTER TABLE location ADD COLUMN public_notice text CHECK (length(btrim(public_notice)) BETWEEN 1 AND 500);
ALTER TABLE charge_point ADD COLUMN access text CHECK (access IN ('PUBLIC', 'SEMI_PUBLIC', 'PRIVATE'));
ALTER TABLE charge_point ADD COLUMN public_notice text CHECK (length(btrim(public_notice)) BETWEEN 1 AND 500);
ALTER TABLE charge_point ADD COLUMN managed_by_operator boolean NOT NULL DEFAULT true;
ALTER TABLE charge_point ADD COLUMN operator_notice text CHECK (length(btrim(operator_notice)) BETWEEN 1 AND 500);
ALTER TABLE charging_zone ADD COLUMN disabled boolean NOT NULL DEFAULT false;

CREATE TABLE private_access_grant (
    tenant_id     uuid NOT NULL REFERENCES tenant (id),
    location_id   uuid NOT NULL,
    user_group_id uuid NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, location_id, user_group_id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES location (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, user_group_id) REFERENCES user_group (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX private_access_grant_group ON private_access_grant (tenant_id, user_group_id);
ALTER TABLE private_access_grant ENABLE ROW LEVEL SECURITY;
ALTER TABLE private_access_grant FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON private_access_grant
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

--changeset chargebase:driver-find-002-driver-visibility splitStatements:false
-- A driver's transactions (app.profile_id set) see only the locations, charge points, EVSEs and connectors the rules
-- above show them, so node(id:) and every nested field answer as if the others did not exist. Staff are not narrowed.
-- A child row is visible when its parent is, asked through a function: opaque to the planner, it is one index lookup
-- per row read, where an inline EXISTS could be planned as a hash over every row of the parent table (and its own
-- parent), which on a large tenant costs more than the rows asked for.
CREATE FUNCTION driver_sees_location(p_location uuid) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM location l WHERE l.id = p_location);
END $$;
CREATE FUNCTION driver_sees_charge_point(p_charge_point uuid) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM charge_point cp WHERE cp.id = p_charge_point);
END $$;
CREATE FUNCTION driver_sees_evse(p_evse uuid) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM evse e WHERE e.id = p_evse);
END $$;
CREATE FUNCTION driver_sees_zone(p_zone uuid) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM charging_zone z WHERE z.id = p_zone AND NOT z.disabled);
END $$;
CREATE FUNCTION driver_invited_to(p_location uuid) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM private_access_grant g
                   JOIN user_group_member m ON m.tenant_id = g.tenant_id AND m.group_id = g.user_group_id
                   WHERE g.location_id = p_location
                     AND m.profile_id = nullif(current_setting('app.profile_id', true), '')::uuid);
END $$;
GRANT EXECUTE ON FUNCTION driver_sees_location(uuid), driver_sees_charge_point(uuid), driver_sees_evse(uuid), driver_sees_zone(uuid),
    driver_invited_to(uuid) TO "${app_role}";
CREATE POLICY driver_visibility ON location AS RESTRICTIVE
    USING (nullif(current_setting('app.profile_id', true), '') IS NULL
           OR access <> 'PRIVATE' OR public_notice IS NOT NULL OR driver_invited_to(id));
CREATE POLICY driver_visibility ON charge_point AS RESTRICTIVE
    USING (nullif(current_setting('app.profile_id', true), '') IS NULL
           OR (driver_sees_location(location_id)
               AND (zone_id IS NULL OR driver_sees_zone(zone_id))
               AND (access IS DISTINCT FROM 'PRIVATE' OR public_notice IS NOT NULL OR driver_invited_to(location_id))));
CREATE POLICY driver_visibility ON evse AS RESTRICTIVE
    USING (nullif(current_setting('app.profile_id', true), '') IS NULL OR driver_sees_charge_point(charge_point_id));
CREATE POLICY driver_visibility ON connector AS RESTRICTIVE
    USING (nullif(current_setting('app.profile_id', true), '') IS NULL OR driver_sees_evse(evse_id));

--changeset chargebase:driver-find-003-position-index
-- Map searches prefilter on a latitude/longitude box and then compute the exact distance of what is inside it; the
-- index leads with the tenant, as every tenant query does (no extension needed, distributable by tenant_id). The box
-- is on double precision copies of the coordinates: under row-level security only leakproof comparisons may be index
-- conditions, and those of numeric are not, so a box on latitude and longitude themselves is checked after the
-- policies on every location of the tenant.
ALTER TABLE location ADD COLUMN position_latitude double precision GENERATED ALWAYS AS (latitude::double precision) STORED;
ALTER TABLE location ADD COLUMN position_longitude double precision GENERATED ALWAYS AS (longitude::double precision) STORED;
CREATE INDEX location_position ON location (tenant_id, position_latitude, position_longitude);
