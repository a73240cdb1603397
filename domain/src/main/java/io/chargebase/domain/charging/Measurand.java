package io.chargebase.domain.charging;

/**
 * What a sampled value measures. {@link #code()} is the name a stored meter value carries and staff read; the
 * protocol mappings translate their wire names onto the constants (OCPP 1.6 and 2.0.1 happen to use these names).
 */
public enum Measurand {
    CURRENT_EXPORT("Current.Export"),
    CURRENT_IMPORT("Current.Import"),
    CURRENT_OFFERED("Current.Offered"),
    ENERGY_ACTIVE_EXPORT_REGISTER("Energy.Active.Export.Register"),
    ENERGY_ACTIVE_IMPORT_REGISTER("Energy.Active.Import.Register"),
    ENERGY_REACTIVE_EXPORT_REGISTER("Energy.Reactive.Export.Register"),
    ENERGY_REACTIVE_IMPORT_REGISTER("Energy.Reactive.Import.Register"),
    ENERGY_ACTIVE_EXPORT_INTERVAL("Energy.Active.Export.Interval"),
    ENERGY_ACTIVE_IMPORT_INTERVAL("Energy.Active.Import.Interval"),
    ENERGY_REACTIVE_EXPORT_INTERVAL("Energy.Reactive.Export.Interval"),
    ENERGY_REACTIVE_IMPORT_INTERVAL("Energy.Reactive.Import.Interval"),
    FREQUENCY("Frequency"),
    POWER_ACTIVE_EXPORT("Power.Active.Export"),
    POWER_ACTIVE_IMPORT("Power.Active.Import"),
    POWER_FACTOR("Power.Factor"),
    POWER_OFFERED("Power.Offered"),
    POWER_REACTIVE_EXPORT("Power.Reactive.Export"),
    POWER_REACTIVE_IMPORT("Power.Reactive.Import"),
    RPM("RPM"),
    SOC("SoC"),
    TEMPERATURE("Temperature"),
    VOLTAGE("Voltage");

    private final String code;

    Measurand(String code) {
        this.code = code;
    }

    /** The stored name. */
    public String code() {
        return code;
    }

    /** Active energy, sampled in Wh unless a unit says otherwise. */
    boolean isActiveEnergy() {
        return switch (this) {
            case ENERGY_ACTIVE_EXPORT_REGISTER, ENERGY_ACTIVE_IMPORT_REGISTER, ENERGY_ACTIVE_EXPORT_INTERVAL, ENERGY_ACTIVE_IMPORT_INTERVAL -> true;
            default -> false;
        };
    }

    /** Active power, sampled in W unless a unit says otherwise. */
    boolean isActivePower() {
        return this == POWER_ACTIVE_EXPORT || this == POWER_ACTIVE_IMPORT;
    }

    /** What no meter shows below zero: energy, active power, state of charge, current, frequency, speed. */
    boolean neverNegative() {
        return switch (this) {
            case CURRENT_EXPORT, CURRENT_IMPORT, CURRENT_OFFERED, ENERGY_ACTIVE_EXPORT_REGISTER, ENERGY_ACTIVE_IMPORT_REGISTER,
                    ENERGY_REACTIVE_EXPORT_REGISTER, ENERGY_REACTIVE_IMPORT_REGISTER, ENERGY_ACTIVE_EXPORT_INTERVAL, ENERGY_ACTIVE_IMPORT_INTERVAL,
                    ENERGY_REACTIVE_EXPORT_INTERVAL, ENERGY_REACTIVE_IMPORT_INTERVAL, POWER_ACTIVE_EXPORT, POWER_ACTIVE_IMPORT, SOC, FREQUENCY,
                    RPM -> true;
            case POWER_FACTOR, POWER_OFFERED, POWER_REACTIVE_EXPORT, POWER_REACTIVE_IMPORT, TEMPERATURE, VOLTAGE -> false;
        };
    }
}
