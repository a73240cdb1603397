package io.chargebase.domain.charging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class MeterSamplesTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void kiloUnitsBecomeWattHoursAndWattsAndTheDefaultMeasurandIsTheEnergyRegister() {
        var energy = MeterSamples.normalise(new ChargerEvents.MeterSample(AT, null, null, "kWh", new BigDecimal("12.345"), null, null),
                new StringBuilder()).orElseThrow();
        assertThat(energy.isEnergyRegister()).isTrue();
        assertThat(energy.unit()).isEqualTo("Wh");
        assertThat(energy.value()).isEqualByComparingTo("12345");
        var power = MeterSamples.normalise(new ChargerEvents.MeterSample(AT, Measurand.POWER_ACTIVE_IMPORT, null, "kW", new BigDecimal("7.4"), null, null),
                new StringBuilder()).orElseThrow();
        assertThat(power.isTotalPower()).isTrue();
        assertThat(power.value()).isEqualByComparingTo("7400");
        var phase = MeterSamples.normalise(new ChargerEvents.MeterSample(AT, Measurand.POWER_ACTIVE_IMPORT, "L1", "W", BigDecimal.TEN, null, null),
                new StringBuilder()).orElseThrow();
        assertThat(phase.isTotalPower()).isFalse();
    }

    @Test
    void negativeEnergyIsRefusedButNegativeTemperatureIsNot() {
        StringBuilder why = new StringBuilder();
        assertThat(MeterSamples.normalise(new ChargerEvents.MeterSample(AT, null, null, "Wh", new BigDecimal("-1"), null, null), why)).isEmpty();
        assertThat(why).contains("negative");
        assertThat(MeterSamples.normalise(new ChargerEvents.MeterSample(AT, Measurand.TEMPERATURE, null, "Celsius", new BigDecimal("-5"), null, null),
                new StringBuilder())).isPresent();
    }

    @Test
    void ocppStatusesMapToWhatDriversSee() {
        assertThat(ChargingStations.evseStatus(ChargerEvents.ConnectorUse.AVAILABLE)).hasToString("AVAILABLE");
        assertThat(ChargingStations.evseStatus(ChargerEvents.ConnectorUse.SUSPENDED_EV)).hasToString("CHARGING");
        assertThat(ChargingStations.evseStatus(ChargerEvents.ConnectorUse.FAULTED)).hasToString("OUTOFORDER");
        assertThat(ChargingStations.evseStatus(ChargerEvents.ConnectorUse.UNAVAILABLE)).hasToString("INOPERATIVE");
        assertThat(ChargingStations.evseStatus(ChargerEvents.ConnectorUse.RESERVED)).hasToString("RESERVED");
    }
}
