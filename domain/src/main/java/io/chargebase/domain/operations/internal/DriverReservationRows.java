package io.chargebase.domain.operations.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.assets.Evse;
import io.chargebase.domain.operations.Reservation;
import io.chargebase.domain.tokens.Token;
import io.chargebase.tenancy.TenantContext;

/** The statements behind drivers' reservations; what holds an EVSE is REQUESTED, or ACCEPTED and not yet expired. */
@Repository
public class DriverReservationRows {

    private static final String HOLDS = "(r.status = 'REQUESTED' or (r.status = 'ACCEPTED' and r.expires_at > ?))";

    private final JdbcClient jdbc;

    DriverReservationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises requests for the EVSE and those of the driver until the caller's transaction ends. */
    public void lock(UUID evseId, UUID profileId) {
        jdbc.sql("select id from evse where id = ? for update").param(evseId).query(UUID.class).optional();
        jdbc.sql("select id from profile where id = ? for update").param(profileId).query(UUID.class).optional();
    }

    public Optional<UUID> holding(UUID profileId, Instant now) {
        return jdbc.sql("select r.id from reservation r where r.profile_id = ? and " + HOLDS + " limit 1")
                .params(profileId, Timestamp.from(now)).query(UUID.class).optional();
    }

    /** The driver's reservations since then that the charger did not refuse or leave unanswered. */
    public int madeSince(UUID profileId, Instant since) {
        return jdbc.sql("select count(*) from reservation where profile_id = ? and created_at > ? and status not in ('REFUSED', 'NOT_ANSWERED')")
                .params(profileId, Timestamp.from(since)).query(Integer.class).single();
    }

    /** When the driver's latest reservation that was cancelled or ran out unused ended. */
    public Optional<Instant> lastEndedUnused(UUID profileId, Instant now) {
        return jdbc.sql("""
                        select max(case when status = 'CANCELLED' then cancelled_at else expires_at end) from reservation
                        where profile_id = ? and (status in ('CANCELLED', 'EXPIRED') or (status = 'ACCEPTED' and expires_at <= ?))""")
                .params(profileId, Timestamp.from(now)).query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional()
                .flatMap(Optional::ofNullable).map(OffsetDateTime::toInstant);
    }

    /** Whether the connector (or the whole charge point, connector 0) is held for someone other than this driver. */
    public boolean heldByAnother(UUID chargePointId, int connectorId, UUID profileId, Instant now) {
        return jdbc.sql("select exists (select 1 from reservation r left join token t on t.tenant_id = r.tenant_id and t.id = r.token_id "
                        + "where r.charge_point_id = ? and r.connector_id in (0, ?) and " + HOLDS
                        + " and coalesce(r.profile_id, t.owner_profile_id) is distinct from ?)")
                .params(chargePointId, connectorId, Timestamp.from(now), profileId).query(Boolean.class).single();
    }

    public Reservation insertRequested(UUID id, Evse evse, int reservationId, Token token, UUID profileId, Instant expiresAt, String requestedBy) {
        return jdbc.sql("insert into reservation (tenant_id, id, charge_point_id, connector_id, reservation_id, id_tag, token_id, expires_at, "
                        + "status, requested_by, profile_id, evse_id) values (?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?, ?) returning *")
                .params(TenantContext.requireTenant().value(), id, evse.chargePointId(), evse.ocppNumber(), reservationId, token.uid().value(),
                        token.id(), Timestamp.from(expiresAt), requestedBy, profileId, evse.id())
                .query(ReservationRows::reservation).single();
    }

    public Optional<Reservation> answer(UUID id, Reservation.Status status, String chargerStatus, UUID commandId) {
        return jdbc.sql("update reservation set status = ?, charger_status = ?, command_id = ? where id = ? and status = 'REQUESTED' returning *")
                .params(status.name(), chargerStatus, commandId, id).query(ReservationRows::reservation).optional();
    }
}
