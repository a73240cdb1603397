package io.chargebase.domain.operations.internal;

import java.time.Duration;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.operations.ReservationSettings;
import io.chargebase.tenancy.TenantContext;

@Repository
public class ReservationSettingsRows {

    private final JdbcClient jdbc;

    ReservationSettingsRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ReservationSettings> find() {
        return jdbc.sql("select enabled, duration_minutes, reminder_minutes, max_per_day, cooldown_minutes from reservation_settings")
                .query((rs, n) -> new ReservationSettings(rs.getBoolean("enabled"), Duration.ofMinutes(rs.getInt("duration_minutes")),
                        Duration.ofMinutes(rs.getInt("reminder_minutes")), rs.getInt("max_per_day"), Duration.ofMinutes(rs.getInt("cooldown_minutes"))))
                .optional();
    }

    public void save(ReservationSettings settings) {
        jdbc.sql("""
                        insert into reservation_settings (tenant_id, enabled, duration_minutes, reminder_minutes, max_per_day, cooldown_minutes)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id) do update set enabled = excluded.enabled, duration_minutes = excluded.duration_minutes,
                            reminder_minutes = excluded.reminder_minutes, max_per_day = excluded.max_per_day,
                            cooldown_minutes = excluded.cooldown_minutes, updated_at = now()""")
                .params(TenantContext.requireTenant().value(), settings.enabled(), (int) settings.duration().toMinutes(),
                        (int) settings.reminder().toMinutes(), settings.maxPerDay(), (int) settings.coolDown().toMinutes())
                .update();
    }
}
