package io.chargebase.domain.operations.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.operations.LocalAuthList;
import io.chargebase.tenancy.TenantContext;

@Repository
public class LocalListRows {

    public record State(int version, Instant sentAt) {
    }

    private final JdbcClient jdbc;

    LocalListRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<State> state(UUID chargePointId) {
        return jdbc.sql("select version, sent_at from local_list_state where charge_point_id = ?").param(chargePointId)
                .query((rs, row) -> new State(rs.getInt("version"), rs.getObject("sent_at", OffsetDateTime.class).toInstant())).optional();
    }

    public void sent(UUID chargePointId, int version, Instant builtAt) {
        jdbc.sql("""
                        insert into local_list_state (tenant_id, charge_point_id, version, sent_at) values (?, ?, ?, ?)
                        on conflict (tenant_id, charge_point_id) do update set version = excluded.version, sent_at = excluded.sent_at""")
                .params(TenantContext.requireTenant().value(), chargePointId, version, OffsetDateTime.ofInstant(builtAt, ZoneOffset.UTC)).update();
    }

    /** Tokens changed after {@code since} (every token when null), as list entries at {@code now}. */
    public List<LocalAuthList.Entry> entries(Instant since, Instant now, int limit) {
        return jdbc.sql("""
                        select uid, status, expires_at from token
                        where type <> 'AD_HOC' and (cast(? as timestamptz) is null or updated_at > ?)
                        order by uid limit ?""")
                .params(since == null ? null : OffsetDateTime.ofInstant(since, ZoneOffset.UTC),
                        since == null ? null : OffsetDateTime.ofInstant(since, ZoneOffset.UTC), limit)
                .query((rs, row) -> {
                    OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
                    LocalAuthList.Status status = "BLOCKED".equals(rs.getString("status")) ? LocalAuthList.Status.BLOCKED
                            : expires != null && !expires.toInstant().isAfter(now) ? LocalAuthList.Status.EXPIRED : LocalAuthList.Status.ACCEPTED;
                    return new LocalAuthList.Entry(rs.getString("uid"), status, expires == null ? null : expires.toInstant());
                })
                .list();
    }
}
