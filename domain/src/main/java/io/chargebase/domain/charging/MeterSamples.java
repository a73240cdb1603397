package io.chargebase.domain.charging;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * Normalises what chargers sample (OCPP 1.6 defaults: measurand Energy.Active.Import.Register, unit Wh) to Wh and W,
 * and refuses values no meter can show.
 */
final class MeterSamples {

    static final String ENERGY_REGISTER = "Energy.Active.Import.Register";
    static final String POWER = "Power.Active.Import";
    static final String SOC = "SoC";

    /** A sample ready to store; {@code phase} and {@code location} are '' when absent (the unique key needs a value). */
    record Normalised(java.time.Instant at, String measurand, String phase, String location, String unit, BigDecimal value, String context) {

        boolean isEnergyRegister() {
            return measurand.equals(ENERGY_REGISTER) && phase.isEmpty() && !location.equalsIgnoreCase("EV");
        }

        boolean isTotalPower() {
            return measurand.equals(POWER) && phase.isEmpty();
        }

        boolean isSoc() {
            return measurand.equals(SOC);
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
        String measurand = blankToDefault(sample.measurand(), ENERGY_REGISTER);
        String unit = blankToDefault(sample.unit(), measurand.startsWith("Energy.Active") ? "Wh" : measurand.startsWith("Power.Active") ? "W" : null);
        BigDecimal value = sample.value();
        if (unit != null && unit.length() > 1 && (unit.startsWith("k") || unit.startsWith("K"))
                && (unit.substring(1).equalsIgnoreCase("Wh") || unit.substring(1).equalsIgnoreCase("W")
                        || unit.substring(1).equalsIgnoreCase("varh") || unit.substring(1).equalsIgnoreCase("var"))) {
            value = value.movePointRight(3);
            unit = unit.substring(1);
        }
        if (value.signum() < 0 && mustNotBeNegative(measurand)) {
            refusal.append(measurand).append(" is negative (").append(sample.value()).append(')');
            return Optional.empty();
        }
        return Optional.of(new Normalised(sample.timestamp(), measurand, blankToDefault(sample.phase(), ""),
                blankToDefault(sample.location(), ""), unit, value, sample.context()));
    }

    private static boolean mustNotBeNegative(String measurand) {
        String m = measurand.toLowerCase(Locale.ROOT);
        return m.startsWith("energy.") || m.startsWith("power.active") || m.equals("soc") || m.startsWith("current.") || m.equals("frequency")
                || m.equals("rpm");
    }

    private static String blankToDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
