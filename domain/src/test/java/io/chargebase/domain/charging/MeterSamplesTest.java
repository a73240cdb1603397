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
        var power = MeterSamples.normalise(new ChargerEvents.MeterSample(AT, "Power.Active.Import", null, "kW", new BigDecimal("7.4"), null, null),
                new StringBuilder()).orElseThrow();
        assertThat(power.isTotalPower()).isTrue();
        assertThat(power.value()).isEqualByComparingTo("7400");
        var phase = MeterSamples.normalise(new ChargerEvents.MeterSample(AT, "Power.Active.Import", "L1", "W", BigDecimal.TEN, null, null),
                new StringBuilder()).orElseThrow();
        assertThat(phase.isTotalPower()).isFalse();
    }

    @Test
    void negativeEnergyIsRefusedButNegativeTemperatureIsNot() {
        StringBuilder why = new StringBuilder();
        assertThat(MeterSamples.normalise(new ChargerEvents.MeterSample(AT, null, null, "Wh", new BigDecimal("-1"), null, null), why)).isEmpty();
        assertThat(why).contains("negative");
        assertThat(MeterSamples.normalise(new ChargerEvents.MeterSample(AT, "Temperature", null, "Celsius", new BigDecimal("-5"), null, null),
                new StringBuilder())).isPresent();
    }

    @Test
    void ocppStatusesMapToWhatDriversSee() {
        assertThat(ChargingStations.evseStatus("Available")).hasToString("AVAILABLE");
        assertThat(ChargingStations.evseStatus("SuspendedEV")).hasToString("CHARGING");
        assertThat(ChargingStations.evseStatus("Faulted")).hasToString("OUTOFORDER");
        assertThat(ChargingStations.evseStatus("Unavailable")).hasToString("INOPERATIVE");
        assertThat(ChargingStations.evseStatus("Reserved")).hasToString("RESERVED");
    }
}
