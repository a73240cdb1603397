package io.chargebase.domain.operations;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.operations.internal.ReservationSettingsRows;

/** The current tenant's reservation settings: its own when it saved them, the platform defaults otherwise. */
@Service
@Transactional
public class TenantReservationSettings {

    private final ReservationSettingsRows rows;

    TenantReservationSettings(ReservationSettingsRows rows) {
        this.rows = rows;
    }

    @Transactional(readOnly = true)
    public ReservationSettings current() {
        return rows.find().orElse(ReservationSettings.DEFAULTS);
    }

    public ReservationSettings update(ReservationSettings settings) {
        rows.save(settings.validated());
        return current();
    }
}
