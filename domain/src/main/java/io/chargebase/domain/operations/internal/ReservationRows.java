package io.chargebase.domain.operations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.operations.Reservation;
import io.chargebase.domain.operations.Reservations;
import io.chargebase.domain.Page;
import io.chargebase.tenancy.TenantContext;

@Repository
public class ReservationRows {

    private final JdbcClient jdbc;

    ReservationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Reservation insert(UUID id, UUID chargePointId, int connectorId, int reservationId, String idTag, UUID tokenId, Instant expiresAt,
            Reservation.Status status, String chargerStatus, UUID commandId, String requestedBy) {
        return jdbc.sql("insert into reservation (tenant_id, id, charge_point_id, connector_id, reservation_id, id_tag, token_id, expires_at, "
                        + "status, charger_status, command_id, requested_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning *")
                .params(TenantContext.requireTenant().value(), id, chargePointId, connectorId, reservationId, idTag, tokenId,
                        Timestamp.from(expiresAt), status.name(), chargerStatus, commandId, requestedBy)
                .query(ReservationRows::reservation).single();
    }

    /** Cancels the newest accepted reservation of that id at the charge point (a charger's reservation ids are its own). */
    public Optional<Reservation> cancel(UUID chargePointId, int reservationId, Instant at) {
        return jdbc.sql("update reservation set status = 'CANCELLED', cancelled_at = ? where id = (select r.id from reservation r "
                        + "where r.charge_point_id = ? and r.reservation_id = ? and r.status = 'ACCEPTED' order by r.created_at desc limit 1) "
                        + "returning *")
                .params(Timestamp.from(at), chargePointId, reservationId).query(ReservationRows::reservation).optional();
    }

    /** Marks used the newest accepted reservation of that id at the charge point, if it was made for this idTag. */
    public Optional<Reservation> use(UUID chargePointId, int reservationId, String idTag, Instant at) {
        return jdbc.sql("update reservation set status = 'USED', used_at = ? where id = (select r.id from reservation r "
                        + "where r.charge_point_id = ? and r.reservation_id = ? and r.status = 'ACCEPTED' and upper(r.id_tag) = upper(?) "
                        + "order by r.created_at desc limit 1) returning *")
                .params(Timestamp.from(at), chargePointId, reservationId, idTag).query(ReservationRows::reservation).optional();
    }

    public Optional<Reservation> find(UUID id) {
        return jdbc.sql("select * from reservation where id = ?").param(id).query(ReservationRows::reservation).optional();
    }

    public Page<Reservation> list(Reservations.Query query, Instant now, UUID afterId, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        if (query.chargePointId() != null) {
            where.append(" and charge_point_id = ?");
            params.add(query.chargePointId());
        }
        if (query.status() != null) {
            switch (query.status()) {
                case ACCEPTED -> where.append(" and status = 'ACCEPTED' and expires_at > ?");
                case EXPIRED -> where.append(" and (status = 'EXPIRED' or (status = 'ACCEPTED' and expires_at <= ?))");
                default -> where.append(" and status = ? ");
            }
            params.add(query.status() == Reservation.Status.ACCEPTED || query.status() == Reservation.Status.EXPIRED
                    ? Timestamp.from(now) : query.status().name());
        }
        long total = jdbc.sql("select count(*) from reservation" + where).params(params).query(Long.class).single();
        if (afterId != null) {
            where.append(" and (created_at, id) < (select r.created_at, r.id from reservation r where r.id = ?)");
            params.add(afterId);
        }
        params.add(limit + 1);
        List<Reservation> rows = jdbc.sql("select * from reservation" + where + " order by created_at desc, id desc limit ?")
                .params(params).query(ReservationRows::reservation).list();
        boolean more = rows.size() > limit;
        return new Page<>(more ? rows.subList(0, limit) : rows, more, total);
    }

    static Reservation reservation(ResultSet rs, int row) throws SQLException {
        return new Reservation(rs.getObject("id", UUID.class), rs.getObject("charge_point_id", UUID.class), rs.getInt("connector_id"),
                rs.getInt("reservation_id"), rs.getString("id_tag"), rs.getObject("token_id", UUID.class),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(), Reservation.Status.valueOf(rs.getString("status")),
                rs.getString("charger_status"), rs.getObject("command_id", UUID.class), rs.getString("requested_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), instant(rs, "cancelled_at"), instant(rs, "used_at"),
                rs.getObject("profile_id", UUID.class), rs.getObject("evse_id", UUID.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
