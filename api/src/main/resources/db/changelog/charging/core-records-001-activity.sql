--liquibase formatted sql

-- The records the manual lists under ACTIVITY and a charge point's Logs (issue 12, item 16), and the tariff an
-- operator chose at a manual session start (item 15). Staff read them; an OU admin only those of the charge points
-- they operate (the same restrictive policy as the actions log's, operations-003); a driver none of them.

--changeset chargebase:core-records-001-session-tariff-override
-- "Start Session" lets the operator pick the tariff (a paid one, or a free one) instead of the one selection would
-- choose; the session's CDR is rated with it. No foreign key: a tariff deleted meanwhile leaves the session unrated,
-- with the reason, rather than blocking the deletion.
ALTER TABLE charging_session ADD COLUMN tariff_override_id uuid;

--changeset chargebase:core-records-002-authorization
-- Every Authorize and every StartTransaction's authorisation: the idTag as the charger read it (an unknown card's UID
-- is how an operator learns it to register the card), the token it named if any, and what the platform answered.
CREATE TABLE authorization_record (
    tenant_id       uuid NOT NULL REFERENCES tenant (id),
    id              uuid NOT NULL,
    charge_point_id uuid NOT NULL,
    connector_id    integer,
    source          text NOT NULL CHECK (source IN ('AUTHORIZE', 'START_TRANSACTION')),
    id_tag          text NOT NULL CHECK (length(id_tag) <= 20),
    token_id        uuid,
    result          text NOT NULL CHECK (result IN ('ACCEPTED', 'BLOCKED', 'EXPIRED', 'INVALID', 'CONCURRENT_TX')),
    at              timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, charge_point_id) REFERENCES charge_point (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX authorization_record_at ON authorization_record (tenant_id, at DESC, id);
CREATE INDEX authorization_record_charge_point ON authorization_record (tenant_id, charge_point_id, at DESC);
ALTER TABLE authorization_record ENABLE ROW LEVEL SECURITY;
ALTER TABLE authorization_record FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON authorization_record
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY operated_charge_points ON authorization_record AS RESTRICTIVE
    USING (nullif(current_setting('app.profile_id', true), '') IS NULL
           AND (nullif(current_setting('app.ou_id', true), '') IS NULL
                OR charge_point_id IN (SELECT cp.id FROM charge_point cp
                                       JOIN location l ON l.tenant_id = cp.tenant_id AND l.id = cp.location_id
                                       JOIN organisation_unit ou ON ou.tenant_id = l.tenant_id AND ou.id = l.owner_unit_id)));

--changeset chargebase:core-records-003-network-status-change splitStatements:false
-- A charge point's network status history (manual: Logs, Network Status Logs): online, temporarily and long-term
-- unavailable, each with when it began. Written by a trigger on charger_connection, so every writer of the status
-- (a message heard, the sweeper's thresholds) leaves its trace without a second statement on the busy path.
CREATE TABLE network_status_change (
    tenant_id       uuid NOT NULL REFERENCES tenant (id),
    id              bigint GENERATED ALWAYS AS IDENTITY,
    charge_point_id uuid NOT NULL,
    status          text NOT NULL CHECK (status IN ('ONLINE', 'TEMPORARILY_UNAVAILABLE', 'LONG_TERM_UNAVAILABLE')),
    previous_status text CHECK (previous_status IN ('ONLINE', 'TEMPORARILY_UNAVAILABLE', 'LONG_TERM_UNAVAILABLE')),
    at              timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, charge_point_id) REFERENCES charge_point (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX network_status_change_charge_point ON network_status_change (tenant_id, charge_point_id, id DESC);
ALTER TABLE network_status_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE network_status_change FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON network_status_change
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY operated_charge_points ON network_status_change AS RESTRICTIVE
    USING (nullif(current_setting('app.profile_id', true), '') IS NULL
           AND (nullif(current_setting('app.ou_id', true), '') IS NULL
                OR charge_point_id IN (SELECT cp.id FROM charge_point cp
                                       JOIN location l ON l.tenant_id = cp.tenant_id AND l.id = cp.location_id
                                       JOIN organisation_unit ou ON ou.tenant_id = l.tenant_id AND ou.id = l.owner_unit_id)));
-- ONLINE begins when the charger was heard from; unavailability when the sweeper found it silent past its threshold
CREATE FUNCTION network_status_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO network_status_change (tenant_id, charge_point_id, status, previous_status, at)
    VALUES (NEW.tenant_id, NEW.charge_point_id, NEW.network_status,
            CASE WHEN TG_OP = 'UPDATE' THEN OLD.network_status END,
            CASE WHEN NEW.network_status = 'ONLINE' THEN NEW.last_seen_at ELSE now() END);
    RETURN NEW;
END
$$;
CREATE TRIGGER network_status_inserted AFTER INSERT ON charger_connection FOR EACH ROW
    EXECUTE FUNCTION network_status_changed();
CREATE TRIGGER network_status_updated AFTER UPDATE OF network_status ON charger_connection FOR EACH ROW
    WHEN (NEW.network_status IS DISTINCT FROM OLD.network_status)
    EXECUTE FUNCTION network_status_changed();

--changeset chargebase:core-records-004-reservation
-- ReserveNow as a record (manual: a charge point's Reservations, ACTIVITY > Reservations): for whom, where, until when,
-- what the charger answered, and its cancellation or use. The OCPP reservationId is unique per charge point.
CREATE TABLE reservation (
    tenant_id       uuid NOT NULL REFERENCES tenant (id),
    id              uuid NOT NULL,
    charge_point_id uuid NOT NULL,
    connector_id    integer NOT NULL CHECK (connector_id >= 0),
    reservation_id  integer NOT NULL,
    id_tag          text NOT NULL CHECK (length(id_tag) <= 20),
    token_id        uuid,
    expires_at      timestamptz NOT NULL,
    status          text NOT NULL CHECK (status IN ('REQUESTED', 'ACCEPTED', 'REFUSED', 'NOT_ANSWERED', 'CANCELLED', 'USED')),
    charger_status  text CHECK (length(charger_status) <= 50),
    command_id      uuid,
    requested_by    text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    cancelled_at    timestamptz,
    used_at         timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, charge_point_id) REFERENCES charge_point (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX reservation_created ON reservation (tenant_id, created_at DESC, id);
CREATE INDEX reservation_charge_point ON reservation (tenant_id, charge_point_id, reservation_id);
ALTER TABLE reservation ENABLE ROW LEVEL SECURITY;
ALTER TABLE reservation FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON reservation
    USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY operated_charge_points ON reservation AS RESTRICTIVE
    USING (nullif(current_setting('app.profile_id', true), '') IS NULL
           AND (nullif(current_setting('app.ou_id', true), '') IS NULL
                OR charge_point_id IN (SELECT cp.id FROM charge_point cp
                                       JOIN location l ON l.tenant_id = cp.tenant_id AND l.id = cp.location_id
                                       JOIN organisation_unit ou ON ou.tenant_id = l.tenant_id AND ou.id = l.owner_unit_id)));

--changeset chargebase:core-records-005-evse-reservation-time
-- The EVSE's reservation time (manual: EVSEs, Reservation Time (minutes)): how long a reservation made without an
-- expiry holds it; 0 disables reservations at the EVSE; empty leaves the expiry to whoever reserves.
ALTER TABLE evse ADD COLUMN reservation_minutes integer CHECK (reservation_minutes BETWEEN 0 AND 10080);
