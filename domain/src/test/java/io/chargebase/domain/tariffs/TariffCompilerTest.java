package io.chargebase.domain.tariffs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.chargebase.domain.rating.RatingRules;

/** Which reading of the compiled tariff each of the operator's pricing kinds asks of the engine. */
class TariffCompilerTest {

    private static TariffPricing pricing(TariffKind kind, List<TariffPricing.PowerLevel> levels, String idleFee, String ocpi) {
        return new TariffPricing(kind, BigDecimal.ZERO, kind == TariffKind.FLAT ? BigDecimal.ONE : null, null, new BigDecimal("0.30"), null,
                kind == TariffKind.TIME_OF_DAY ? LocalTime.of(7, 0) : null, kind == TariffKind.TIME_OF_DAY ? LocalTime.of(23, 0) : null, null, null,
                levels, idleFee == null ? null : new BigDecimal(idleFee), idleFee == null ? null : 30, ocpi);
    }

    @Test
    void powerLevelsArePricedByTheSessionsAverage() {
        TariffPricing levels = pricing(TariffKind.POWER_LEVELS, List.of(new TariffPricing.PowerLevel(new BigDecimal("11"), new BigDecimal("0.10"))),
                null, null);
        assertThat(TariffCompiler.rules(levels)).isEqualTo(new RatingRules(true, false));
        TariffPricing withIdleFee = pricing(TariffKind.POWER_LEVELS,
                List.of(new TariffPricing.PowerLevel(new BigDecimal("11"), new BigDecimal("0.10"))), "0.10", null);
        assertThat(TariffCompiler.rules(withIdleFee)).isEqualTo(new RatingRules(true, true));
    }

    @Test
    void anIdleFeeCountsItsGraceFromTheEndOfCharging() {
        assertThat(TariffCompiler.rules(pricing(TariffKind.DURATION_ENERGY, null, "0.10", null))).isEqualTo(new RatingRules(false, true));
        assertThat(TariffCompiler.rules(pricing(TariffKind.TIME_OF_DAY, null, "0.10", null))).isEqualTo(new RatingRules(false, true));
        assertThat(TariffCompiler.rules(pricing(TariffKind.DURATION_ENERGY, null, null, null))).isEqualTo(RatingRules.OCPI);
        assertThat(TariffCompiler.rules(pricing(TariffKind.FLAT, null, null, null))).isEqualTo(RatingRules.OCPI);
    }

    @Test
    void ocpiJsonKeepsOcpisPerPeriodReading() {
        TariffPricing ocpi = pricing(TariffKind.OCPI, null, null,
                "{\"currency\": \"EUR\", \"elements\": [{\"price_components\": [{\"type\": \"TIME\", \"price\": 6, \"step_size\": 60}],"
                        + " \"restrictions\": {\"min_power\": 11}}]}");
        assertThat(TariffCompiler.rules(ocpi)).isEqualTo(RatingRules.OCPI);
    }
}
