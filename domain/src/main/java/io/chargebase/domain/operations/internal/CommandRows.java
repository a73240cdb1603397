package io.chargebase.domain.operations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.operations.ChargerCommand;
import io.chargebase.domain.Page;
import io.chargebase.tenancy.TenantContext;

@Repository
public class CommandRows {

    private final JdbcClient jdbc;

    CommandRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ChargerCommand insert(UUID id, UUID chargePointId, String action, String request, String reason, String requestedBy) {
        return jdbc.sql("insert into charger_command (tenant_id, id, charge_point_id, action, request, reason, requested_by) "
                        + "values (?, ?, ?, ?, ?::jsonb, ?, ?) returning *")
                .params(TenantContext.requireTenant().value(), id, chargePointId, action, request, reason, requestedBy)
                .query(CommandRows::command).single();
    }

    public ChargerCommand complete(UUID id, ChargerCommand.Outcome outcome, String chargerStatus, String response, String error) {
        return jdbc.sql("update charger_command set outcome = ?, charger_status = ?, response = ?::jsonb, error = ?, completed_at = now() "
                        + "where id = ? returning *")
                .params(outcome.name(), chargerStatus, response, error, id)
                .query(CommandRows::command).single();
    }

    public Optional<ChargerCommand> find(UUID id) {
        return jdbc.sql("select * from charger_command where id = ?").param(id).query(CommandRows::command).optional();
    }

    /** Newest first; the page after {@code afterId} continues from that command's place. */
    public Page<ChargerCommand> list(UUID chargePointId, UUID afterId, int limit) {
        List<Object> params = new ArrayList<>();
        String where = " where true";
        if (chargePointId != null) {
            where += " and charge_point_id = ?";
            params.add(chargePointId);
        }
        long total = jdbc.sql("select count(*) from charger_command" + where).params(params).query(Long.class).single();
        if (afterId != null) {
            where += " and (requested_at, id) < (select c.requested_at, c.id from charger_command c where c.id = ?)";
            params.add(afterId);
        }
        params.add(limit + 1);
        List<ChargerCommand> rows = jdbc.sql("select * from charger_command" + where + " order by requested_at desc, id desc limit ?")
                .params(params).query(CommandRows::command).list();
        boolean more = rows.size() > limit;
        return new Page<>(more ? rows.subList(0, limit) : rows, more, total);
    }

    static ChargerCommand command(ResultSet rs, int row) throws SQLException {
        OffsetDateTime completed = rs.getObject("completed_at", OffsetDateTime.class);
        return new ChargerCommand(
                rs.getObject("id", UUID.class),
                rs.getObject("charge_point_id", UUID.class),
                rs.getString("action"),
                rs.getString("request"),
                rs.getString("reason"),
                rs.getString("requested_by"),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                ChargerCommand.Outcome.valueOf(rs.getString("outcome")),
                rs.getString("charger_status"),
                rs.getString("response"),
                rs.getString("error"),
                completed == null ? null : completed.toInstant());
    }
}
