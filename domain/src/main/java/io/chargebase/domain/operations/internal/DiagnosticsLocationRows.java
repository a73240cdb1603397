package io.chargebase.domain.operations.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.tenancy.TenantContext;

@Repository
public class DiagnosticsLocationRows {

    private final JdbcClient jdbc;

    DiagnosticsLocationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> list() {
        return jdbc.sql("select location from diagnostics_location order by position").query(String.class).list();
    }

    public void replace(List<String> locations) {
        jdbc.sql("delete from diagnostics_location").update();
        for (int i = 0; i < locations.size(); i++) {
            jdbc.sql("insert into diagnostics_location (tenant_id, position, location) values (?, ?, ?)")
                    .params(TenantContext.requireTenant().value(), i + 1, locations.get(i)).update();
        }
    }
}
