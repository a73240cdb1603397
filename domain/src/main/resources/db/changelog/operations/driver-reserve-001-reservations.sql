--liquibase formatted sql

-- Reservations by drivers (issue 17 item 4): the tenant's reservation settings (manual: Settings, Reservations), the
-- driver a reservation was made for, the reminder sent before it runs out, and its expiry written by the platform.

--changeset chargebase:driver-reserve-001-reservation-settings
-- Whether drivers may reserve from the app, for how long, when they are reminded, how many a day and how long they
-- wait between two. A tenant without a row has the platform defaults (io.chargebase.domain.operations.ReservationSettings).
CREATE TABLE reservation_settings (
    tenant_id        uuid NOT NULL REFERENCES tenant (id),
    enabled          boolean NOT NULL,
    duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
    reminder_minutes integer NOT NULL CHECK (reminder_minutes BETWEEN 0 AND 1440),
    max_per_day      integer NOT NULL CHECK (max_per_day BETWEEN 1 AND 100),
    cooldown_minutes integer NOT NULL CHECK (cooldown_minutes BETWEEN 0 AND 1440),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id),
    CHECK (reminder_minutes < duration_minutes)
);
ALTER TABLE reservation_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE reservation_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON reservation_settings
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

--changeset chargebase:driver-reserve-002-reservation-driver
-- The driver who reserved from the app (staff reservations name an idTag only), when they were reminded, and EXPIRED
-- written by the platform's sweep once an accepted reservation ran out unused. A deleted account leaves the record.
ALTER TABLE reservation ADD COLUMN profile_id uuid;
ALTER TABLE reservation ADD COLUMN evse_id uuid;
ALTER TABLE reservation ADD COLUMN reminded_at timestamptz;
ALTER TABLE reservation ADD COLUMN expired_at timestamptz;
ALTER TABLE reservation ADD FOREIGN KEY (tenant_id, profile_id) REFERENCES profile (tenant_id, id) ON DELETE SET NULL (profile_id);
ALTER TABLE reservation DROP CONSTRAINT reservation_status_check;
ALTER TABLE reservation ADD CONSTRAINT reservation_status_check
    CHECK (status IN ('REQUESTED', 'ACCEPTED', 'REFUSED', 'NOT_ANSWERED', 'CANCELLED', 'USED', 'EXPIRED'));
CREATE INDEX reservation_profile ON reservation (tenant_id, profile_id, created_at DESC) WHERE profile_id IS NOT NULL;
-- what holds an EVSE or waits for the charger's answer: what the start path and the sweep ask about
CREATE INDEX reservation_holding ON reservation (expires_at) WHERE status IN ('REQUESTED', 'ACCEPTED');
-- a driver reads their own reservations, staff as before (the restrictive policy of core-records-004, widened to drivers)
DROP POLICY operated_charge_points ON reservation;
CREATE POLICY operated_charge_points ON reservation AS RESTRICTIVE
    USING (CASE WHEN nullif(current_setting('app.profile_id', true), '') IS NOT NULL
                THEN profile_id = nullif(current_setting('app.profile_id', true), '')::uuid
                ELSE nullif(current_setting('app.ou_id', true), '') IS NULL
                     OR charge_point_id IN (SELECT cp.id FROM charge_point cp
                                            JOIN location l ON l.tenant_id = cp.tenant_id AND l.id = cp.location_id
                                            JOIN organisation_unit ou ON ou.tenant_id = l.tenant_id AND ou.id = l.owner_unit_id) END);
CREATE POLICY reservation_owner_lookup ON reservation FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY reservation_settings_owner_lookup ON reservation_settings FOR SELECT TO CURRENT_USER USING (true);

--changeset chargebase:driver-reserve-003-platform-tenants-with-reservations-due splitStatements:false
-- Which tenants the reservation sweep has work for at p_now: a reservation past its expiry that still holds an EVSE
-- or waits for an answer, or a driver's reservation within its tenant's reminder time (p_reminder_s where the tenant
-- saved no settings) and not yet reminded. Reveals nothing else about the tenants.
CREATE FUNCTION platform_tenants_with_reservations_due(p_now timestamptz, p_reminder_s integer)
    RETURNS TABLE (tenant_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT r.tenant_id FROM reservation r WHERE r.status IN ('REQUESTED', 'ACCEPTED') AND r.expires_at <= p_now
    UNION
    SELECT r.tenant_id FROM reservation r LEFT JOIN reservation_settings s ON s.tenant_id = r.tenant_id
    WHERE r.status = 'ACCEPTED' AND r.profile_id IS NOT NULL AND r.reminded_at IS NULL
      -- no tenant reminds earlier than a day ahead (reservation_settings' checks): a bound the index can use
      AND r.expires_at <= p_now + interval '1 day'
      AND r.expires_at <= p_now + make_interval(secs => coalesce(s.reminder_minutes * 60, p_reminder_s))
$$;

--changeset chargebase:driver-reserve-004-platform-tenants-with-reservations-due-grants
REVOKE EXECUTE ON FUNCTION platform_tenants_with_reservations_due(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_tenants_with_reservations_due(timestamptz, integer) TO "${app_role}";
