package io.chargebase.domain.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Currency;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;

/** Tariffs that cannot be rated without guessing are refused, with the OCPI path of the fault. */
class TariffValidationTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    private static TariffElement energyAt(String price) {
        return TariffElement.of(null, PriceComponent.of(Dimension.ENERGY, price, "21", 1));
    }

    private static void refused(ThrowingCallable build, ErrorCode code, String field) {
        assertThatThrownBy(build).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    @Test
    void needsElements() {
        refused(() -> Tariff.of(EUR, List.of()), ErrorCode.REQUIRED, "elements");
        refused(() -> Tariff.of(EUR, List.of(new TariffElement(List.of(), null))), ErrorCode.REQUIRED, "elements[0].price_components");
    }

    @Test
    void needsACurrency() {
        refused(() -> Tariff.of(null, List.of(energyAt("0.25"))), ErrorCode.REQUIRED, "currency");
    }

    @Test
    void refusesNegativePricesVatAndStepSizes() {
        refused(() -> Tariff.of(EUR, List.of(energyAt("0.25"), TariffElement.of(null,
                PriceComponent.of(Dimension.FLAT, "1", null, 0), PriceComponent.of(Dimension.TIME, "-2", null, 1)))),
                ErrorCode.INVALID, "elements[1].price_components[1].price");
        refused(() -> Tariff.of(EUR, List.of(TariffElement.of(null, PriceComponent.of(Dimension.TIME, "2", "-21", 1)))),
                ErrorCode.INVALID, "elements[0].price_components[0].vat");
        refused(() -> Tariff.of(EUR, List.of(TariffElement.of(null, PriceComponent.of(Dimension.TIME, "2", null, -60)))),
                ErrorCode.INVALID, "elements[0].price_components[0].step_size");
    }

    @Test
    void refusesInvertedRanges() {
        refused(() -> Tariff.of(EUR, List.of(TariffElement.of(Restrictions.builder().kwh(new BigDecimal("50"), new BigDecimal("20")).build(),
                PriceComponent.of(Dimension.ENERGY, "0.25", null, 1)))), ErrorCode.OUT_OF_ORDER, "elements[0].restrictions.max_kwh");
        refused(() -> Tariff.of(EUR, List.of(TariffElement.of(Restrictions.builder().duration(3600, 1800).build(),
                PriceComponent.of(Dimension.ENERGY, "0.25", null, 1)))), ErrorCode.OUT_OF_ORDER, "elements[0].restrictions.max_duration");
        refused(() -> Tariff.of(EUR, List.of(TariffElement.of(Restrictions.builder().power(new BigDecimal("-1"), null).build(),
                PriceComponent.of(Dimension.ENERGY, "0.25", null, 1)))), ErrorCode.INVALID, "elements[0].restrictions.min_power");
        refused(() -> Tariff.of(EUR, List.of(TariffElement.of(Restrictions.builder()
                        .dates(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-01-01")).build(),
                PriceComponent.of(Dimension.ENERGY, "0.25", null, 1)))), ErrorCode.OUT_OF_ORDER, "elements[0].restrictions.end_date");
        refused(() -> Tariff.of(EUR, List.of(TariffElement.of(Restrictions.builder().timeOfDay(LocalTime.NOON, LocalTime.NOON).build(),
                PriceComponent.of(Dimension.ENERGY, "0.25", null, 1)))), ErrorCode.INVALID, "elements[0].restrictions.end_time");
        refused(() -> Tariff.of(EUR, List.of(energyAt("0.25"))).withLimits(Price.of("5", null), Price.of("2", null)),
                ErrorCode.OUT_OF_ORDER, "max_price.excl_vat");
    }

    @Test
    void reservationElementsPriceOnlyFlatAndTime() {
        refused(() -> Tariff.of(EUR, List.of(TariffElement.of(Restrictions.builder().reservation(ReservationRestriction.RESERVATION).build(),
                PriceComponent.of(Dimension.ENERGY, "0.25", null, 1)))), ErrorCode.INVALID, "elements[0].price_components[0].type");
    }
}
