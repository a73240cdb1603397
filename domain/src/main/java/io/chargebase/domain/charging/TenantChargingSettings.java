package io.chargebase.domain.charging;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.charging.internal.ChargerRows;

/** The current tenant's charging settings: its override when it saved one, the platform defaults otherwise. */
@Service
@Transactional
public class TenantChargingSettings {

    private final ChargerRows rows;

    TenantChargingSettings(ChargerRows rows) {
        this.rows = rows;
    }

    @Transactional(readOnly = true)
    public ChargingSettings current() {
        return rows.settings().orElse(ChargingSettings.DEFAULTS);
    }

    public ChargingSettings update(ChargingSettings settings) {
        rows.saveSettings(settings.validated());
        return current();
    }
}
