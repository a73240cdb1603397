package io.chargebase.domain.charging.internal;

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

import io.chargebase.domain.charging.Authorization;
import io.chargebase.domain.charging.ChargerActivity;
import io.chargebase.domain.charging.ChargerConnection;
import io.chargebase.domain.charging.ChargerEvents;
import io.chargebase.domain.charging.NetworkStatusChange;
import io.chargebase.domain.Page;
import io.chargebase.tenancy.TenantContext;

/** Authorisation records and the network status history (the latter written by a trigger on charger_connection). */
@Repository
public class ActivityRows {

    private final JdbcClient jdbc;

    ActivityRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertAuthorization(UUID chargePointId, Integer connectorId, Authorization.Source source, String idTag, UUID tokenId,
            ChargerEvents.AuthorizationStatus result, Instant at) {
        jdbc.sql("insert into authorization_record (tenant_id, id, charge_point_id, connector_id, source, id_tag, token_id, result, at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(TenantContext.requireTenant().value(), UUID.randomUUID(), chargePointId, connectorId, source.name(),
                        idTag.length() > 20 ? idTag.substring(0, 20) : idTag, tokenId, result.name(), Timestamp.from(at))
                .update();
    }

    public Optional<Authorization> authorization(UUID id) {
        return jdbc.sql("select * from authorization_record where id = ?").param(id).query(ActivityRows::authorization).optional();
    }

    public Page<Authorization> authorizations(ChargerActivity.AuthorizationQuery query, UUID afterId, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        if (query.chargePointId() != null) {
            where.append(" and charge_point_id = ?");
            params.add(query.chargePointId());
        }
        if (query.result() != null) {
            where.append(" and result = ?");
            params.add(query.result().name());
        }
        if (query.idTag() != null) {
            where.append(" and upper(id_tag) = upper(?)");
            params.add(query.idTag());
        }
        if (query.from() != null) {
            where.append(" and at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" and at < ?");
            params.add(Timestamp.from(query.to()));
        }
        long total = jdbc.sql("select count(*) from authorization_record" + where).params(params).query(Long.class).single();
        if (afterId != null) {
            where.append(" and (at, id) < (select a.at, a.id from authorization_record a where a.id = ?)");
            params.add(afterId);
        }
        params.add(limit + 1);
        List<Authorization> rows = jdbc.sql("select * from authorization_record" + where + " order by at desc, id desc limit ?")
                .params(params).query(ActivityRows::authorization).list();
        boolean more = rows.size() > limit;
        return new Page<>(more ? rows.subList(0, limit) : rows, more, total);
    }

    public Page<NetworkStatusChange> networkStatusHistory(UUID chargePointId, Long beforeId, int limit) {
        long total = jdbc.sql("select count(*) from network_status_change where charge_point_id = ?").param(chargePointId)
                .query(Long.class).single();
        List<NetworkStatusChange> rows = jdbc.sql("select * from network_status_change where charge_point_id = ? and (?::bigint is null or id < ?) "
                        + "order by id desc limit ?")
                .params(chargePointId, beforeId, beforeId, limit + 1).query(ActivityRows::change).list();
        boolean more = rows.size() > limit;
        return new Page<>(more ? rows.subList(0, limit) : rows, more, total);
    }

    private static Authorization authorization(ResultSet rs, int row) throws SQLException {
        return new Authorization(rs.getObject("id", UUID.class), rs.getObject("charge_point_id", UUID.class),
                (Integer) rs.getObject("connector_id"), Authorization.Source.valueOf(rs.getString("source")), rs.getString("id_tag"),
                rs.getObject("token_id", UUID.class), ChargerEvents.AuthorizationStatus.valueOf(rs.getString("result")),
                rs.getObject("at", OffsetDateTime.class).toInstant());
    }

    private static NetworkStatusChange change(ResultSet rs, int row) throws SQLException {
        String previous = rs.getString("previous_status");
        return new NetworkStatusChange(rs.getLong("id"), rs.getObject("charge_point_id", UUID.class),
                ChargerConnection.NetworkStatus.valueOf(rs.getString("status")),
                previous == null ? null : ChargerConnection.NetworkStatus.valueOf(previous), rs.getObject("at", OffsetDateTime.class).toInstant());
    }
}
