package io.chargebase.domain.charging;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Normalises what chargers sample (a sample without measurand reads the imported energy register; energy without unit
 * is in Wh, power in W) to Wh and W, and refuses values no meter can show.
 */
final class MeterSamples {

    /** A sample ready to store; {@code phase} and {@code location} are '' when absent (the unique key needs a value). */
    record Normalised(java.time.Instant at, Measurand measurand, String phase, String location, String unit, BigDecimal value, String context) {

        boolean isEnergyRegister() {
            return measurand == Measurand.ENERGY_ACTIVE_IMPORT_REGISTER && phase.isEmpty() && !location.equalsIgnoreCase("EV");
        }

        boolean isTotalPower() {
            return measurand == Measurand.POWER_ACTIVE_IMPORT && phase.isEmpty();
        }

        boolean isSoc() {
            return measurand == Measurand.SOC;
        }
    }

    private MeterSamples() {
    }

    /** The sample normalised, or empty when it is refused (the reason then goes to {@code refusal}). */
    static Optional<Normalised> normalise(ChargerEvents.MeterSample sample, StringBuilder refusal) {
        if (sample.timestamp() == null || sample.value() == null) {
            refusal.append("no timestamp or no value");
            return Optional.empty();
        }
        Measurand measurand = sample.measurand() == null ? Measurand.ENERGY_ACTIVE_IMPORT_REGISTER : sample.measurand();
        String unit = blankToDefault(sample.unit(), measurand.isActiveEnergy() ? "Wh" : measurand.isActivePower() ? "W" : null);
        BigDecimal value = sample.value();
        if (unit != null && unit.length() > 1 && (unit.startsWith("k") || unit.startsWith("K"))
                && (unit.substring(1).equalsIgnoreCase("Wh") || unit.substring(1).equalsIgnoreCase("W")
                        || unit.substring(1).equalsIgnoreCase("varh") || unit.substring(1).equalsIgnoreCase("var"))) {
            value = value.movePointRight(3);
            unit = unit.substring(1);
        }
        if (value.signum() < 0 && measurand.neverNegative()) {
            refusal.append(measurand.code()).append(" is negative (").append(sample.value()).append(')');
            return Optional.empty();
        }
        return Optional.of(new Normalised(sample.timestamp(), measurand, blankToDefault(sample.phase(), ""),
                blankToDefault(sample.location(), ""), unit, value, sample.context()));
    }

    private static String blankToDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
