package io.chargebase.domain.charging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.chargebase.domain.money.Money;
import io.chargebase.domain.rating.Dimension;
import io.chargebase.domain.rating.PriceComponent;
import io.chargebase.domain.rating.Tariff;
import io.chargebase.domain.rating.TariffElement;
import io.chargebase.domain.tariffs.Customer;
import io.chargebase.domain.tariffs.StoredTariff;
import io.chargebase.domain.tariffs.TariffAudience;
import io.chargebase.domain.tariffs.TariffKind;
import io.chargebase.domain.tariffs.TariffSelection;
import io.chargebase.domain.tariffs.TariffVersion;

/** One pricing for estimates, live costs and CDRs; shown and paid at the currency's scale, rounded half-up once. */
class PriceEstimatesTest {

    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant END = START.plusSeconds(3600);

    private final PriceEstimates prices = new PriceEstimates();

    @Test
    void yenHaveNoDecimals() {
        // 12.5 kWh × 33 JPY = 412.5: half-up pays 413, half-even would pay 412
        PriceEstimate price = prices.ofEvenCharge(selected(energy("JPY", "33", null)), START, END, new BigDecimal("12.5"));
        assertThat(price.currencyScale()).isZero();
        assertThat(price.totalInclVat()).isEqualTo(Money.of("412.5", "JPY"));
        assertThat(price.payable().amount()).isEqualByComparingTo("413").hasScaleOf(0);
        assertThat(price.total().exclVat()).hasToString("413");
        assertThat(energyLine(price, PriceEstimate.CDR_SCALE).costExclVat()).hasToString("412.5000");
    }

    @Test
    void bahrainiDinarsHaveThree() {
        // 10 kWh × 0.01245 BHD = 0.1245: half-up pays 0.125, where 2 decimals would have said 0.12
        PriceEstimate price = prices.ofEvenCharge(selected(energy("BHD", "0.01245", null)), START, END, BigDecimal.TEN);
        assertThat(price.currencyScale()).isEqualTo(3);
        assertThat(price.payable().amount()).hasToString("0.125");
        assertThat(price.total().exclVat()).hasToString("0.125");
        assertThat(energyLine(price, price.currencyScale()).costExclVat()).hasToString("0.125");
    }

    @Test
    void thePayableTotalIsRoundedOnceFromTheWholeTotalNotSummedFromRoundedLines() {
        // 2 kWh × 0.002 + 1 h × 0.004 EUR: two lines of 0.004 (each 0.00 at 2 decimals), together 0.008, payable 0.01
        Tariff tariff = Tariff.of(Currency.getInstance("EUR"), List.of(TariffElement.of(null,
                PriceComponent.of(Dimension.ENERGY, "0.002", null, 1), PriceComponent.of(Dimension.TIME, "0.004", null, 1))));
        PriceEstimate price = prices.ofEvenCharge(selected(tariff), START, END, new BigDecimal("2"));
        assertThat(price.lines(price.currencyScale())).extracting(MspCdr.Line::costExclVat).map(BigDecimal::toPlainString)
                .containsExactlyInAnyOrder("0.00", "0.00");
        assertThat(price.totalInclVat().amount()).isEqualByComparingTo("0.008");
        assertThat(price.payable().amount()).hasToString("0.01");
    }

    private static MspCdr.Line energyLine(PriceEstimate price, int scale) {
        return price.lines(scale).stream().filter(line -> line.dimension() == Dimension.ENERGY).findFirst().orElseThrow();
    }

    private static Tariff energy(String currency, String pricePerKwh, String vat) {
        return Tariff.of(Currency.getInstance(currency), List.of(TariffElement.of(null, PriceComponent.of(Dimension.ENERGY, pricePerKwh, vat, 1))));
    }

    private static TariffSelection.Selected selected(Tariff tariff) {
        UUID id = UUID.randomUUID();
        StoredTariff stored = new StoredTariff(id, "Test", TariffKind.OCPI, tariff.currency(), 1, false,
                new TariffAudience(true, true, true, List.of(), List.of()), START, START);
        TariffVersion version = new TariffVersion(id, 1, null, tariff, null, null, "test", START);
        return new TariffSelection.Selected(stored, version, TariffSelection.Source.PLAN_DEFAULT, null, UUID.randomUUID(), null, "test",
                UUID.randomUUID(), ZoneId.of("Europe/Amsterdam"), Customer.Kind.AD_HOC, null);
    }
}
