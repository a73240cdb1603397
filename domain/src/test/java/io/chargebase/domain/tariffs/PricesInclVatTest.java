package io.chargebase.domain.tariffs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.chargebase.domain.charging.PriceEstimate;
import io.chargebase.domain.charging.PriceEstimates;
import io.chargebase.domain.money.VatIncluded;
import io.chargebase.domain.rating.PriceComponent;
import io.chargebase.domain.rating.Tariff;

/**
 * Prices entered including VAT compile into OCPI prices excluding it (rounded up to 8 decimals) plus the rate, and a
 * session's payable total is what the entered prices give, also on a rounding boundary and in currencies of 0 and 3
 * decimals.
 */
class PricesInclVatTest {

    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant END = START.plusSeconds(3600);

    private final PriceEstimates prices = new PriceEstimates();

    @Test
    void thirtyFiveCentsIncludingTwentyOnePercentIsRoundedUpAtEightDecimals() {
        // 0.35 / 1.21 = 0.289256198347107438…
        assertThat(VatIncluded.exclusive(new BigDecimal("0.35"), new BigDecimal("21"))).hasToString("0.2892562");
        assertThat(VatIncluded.exclusive(new BigDecimal("1.21"), new BigDecimal("21"))).hasToString("1");
        assertThat(VatIncluded.exclusive(new BigDecimal("0.35"), BigDecimal.ZERO)).hasToString("0.35");
        assertThat(VatIncluded.exclusive(null, new BigDecimal("21"))).isNull();
    }

    @Test
    void anEnergyPriceOnAHalfCentBoundaryPaysWhatTheEnteredPriceSays() {
        // 1.5 kWh × 0.35 incl. = 0.525 exactly: half-up 0.53; an excl. price rounded down would have paid 0.52
        Tariff tariff = TariffCompiler.compile(energy("0.35", null), Currency.getInstance("EUR"), new BigDecimal("21"));
        PriceComponent component = tariff.elements().getFirst().priceComponents().getFirst();
        assertThat(component.price()).hasToString("0.2892562");
        assertThat(component.vat()).isEqualByComparingTo("21");
        PriceEstimate price = prices.ofEvenCharge(selected(tariff), START, END, new BigDecimal("1.5"));
        assertThat(price.payable().amount()).hasToString("0.53");
        assertThat(price.totalExclVat().rounded().amount()).hasToString("0.43");
    }

    @Test
    void roundingTheExcludedPriceUpKeepsABoundaryThatHalfUpWouldLose() {
        // 0.15 / 1.21 = 0.123966942…: half-up 0.12396694 would make 0.1 kWh cost 0.01499999… → 0.01; up pays 0.015 → 0.02
        Tariff tariff = TariffCompiler.compile(energy("0.15", null), Currency.getInstance("EUR"), new BigDecimal("21"));
        assertThat(tariff.elements().getFirst().priceComponents().getFirst().price()).hasToString("0.12396695");
        assertThat(prices.ofEvenCharge(selected(tariff), START, END, new BigDecimal("0.1")).payable().amount()).hasToString("0.02");
    }

    @Test
    void aFlatPriceComesBackToTheCent() {
        Tariff tariff = TariffCompiler.compile(flat("9.99", null), Currency.getInstance("EUR"), new BigDecimal("21"));
        PriceEstimate price = prices.ofEvenCharge(selected(tariff), START, END, BigDecimal.ONE);
        assertThat(price.payable().amount()).hasToString("9.99");
        assertThat(price.totalExclVat().rounded().amount()).hasToString("8.26");
    }

    @Test
    void yenAndDinarsKeepTheirScale() {
        // 500 JPY incl. 10 % = 454.54545455 excl.; 0.125 BHD incl. 10 % = 0.11363637 excl.
        Tariff yen = TariffCompiler.compile(flat("500", null), Currency.getInstance("JPY"), BigDecimal.TEN);
        assertThat(yen.elements().getFirst().priceComponents().getFirst().price()).hasToString("454.54545455");
        assertThat(prices.ofEvenCharge(selected(yen), START, END, BigDecimal.ONE).payable().amount()).hasToString("500");
        Tariff dinars = TariffCompiler.compile(energy("0.125", null), Currency.getInstance("BHD"), BigDecimal.TEN);
        assertThat(dinars.elements().getFirst().priceComponents().getFirst().price()).hasToString("0.11363637");
        // 3.3 kWh × 0.125 = 0.4125: half-up at 3 decimals 0.413
        assertThat(prices.ofEvenCharge(selected(dinars), START, END, new BigDecimal("3.3")).payable().amount()).hasToString("0.413");
        // 0.1 kWh × 0.125 = 0.0125 → 0.013; 7 kWh × 33 JPY incl. 8 % = 231
        assertThat(prices.ofEvenCharge(selected(dinars), START, END, new BigDecimal("0.1")).payable().amount()).hasToString("0.013");
        Tariff yenPerKwh = TariffCompiler.compile(energy("33", null), Currency.getInstance("JPY"), new BigDecimal("8"));
        assertThat(prices.ofEvenCharge(selected(yenPerKwh), START, END, new BigDecimal("7")).payable().amount()).hasToString("231");
    }

    @Test
    void thePricingsOwnRateWinsAndExcludingEntryIsUnchanged() {
        Tariff excluding = TariffCompiler.compile(energy("0.35", "21"), Currency.getInstance("EUR"));
        assertThat(excluding.elements().getFirst().priceComponents().getFirst().price()).isEqualByComparingTo("0.35");
        assertThat(prices.ofEvenCharge(selected(excluding), START, END, BigDecimal.TEN).payable().amount()).hasToString("4.24");
    }

    private static TariffPricing energy(String perKwh, String vat) {
        return new TariffPricing(TariffKind.DURATION_ENERGY, vat == null ? null : new BigDecimal(vat), null, null, new BigDecimal(perKwh), null,
                null, null, null, null, null, null, null, null);
    }

    private static TariffPricing flat(String price, String vat) {
        return new TariffPricing(TariffKind.FLAT, vat == null ? null : new BigDecimal(vat), new BigDecimal(price), null, null, null,
                null, null, null, null, null, null, null, null);
    }

    private static TariffSelection.Selected selected(Tariff tariff) {
        UUID id = UUID.randomUUID();
        StoredTariff stored = new StoredTariff(id, "Test", TariffKind.DURATION_ENERGY, tariff.currency(), 1, false,
                new TariffAudience(true, true, true, List.of(), List.of()), START, START);
        TariffVersion version = new TariffVersion(id, 1, null, tariff, null, null, "test", START, true);
        return new TariffSelection.Selected(stored, version, TariffSelection.Source.PLAN_DEFAULT, null, UUID.randomUUID(), null, "test",
                UUID.randomUUID(), ZoneId.of("Europe/Amsterdam"), Customer.Kind.AD_HOC, null);
    }
}
