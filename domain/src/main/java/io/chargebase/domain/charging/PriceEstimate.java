package io.chargebase.domain.charging;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;

import io.chargebase.domain.money.Money;
import io.chargebase.domain.rating.Price;
import io.chargebase.domain.rating.RatedLine;
import io.chargebase.domain.rating.Rating;
import io.chargebase.domain.tariffs.TariffSelection;

/**
 * A session priced by the tariff version selected for it: the rating at full precision, and what it comes to in the
 * tariff's currency. The same figure serves the driver's estimate, the live running cost and the CDR; only the scale
 * it is shown at differs (the currency's on screens, OCPI's 4 decimals in a CDR's lines and totals).
 *
 * <p>{@link #payable()} is rounded once, half-up, from the full-precision total including VAT, to the currency's scale
 * ({@link Money#rounded()}): OCPI states no rounding for amounts (numbers carry 4 decimals; step sizes round
 * quantities up, never money), and summing lines already rounded would let a session's cents drift from its total.
 */
public record PriceEstimate(TariffSelection.Selected selected, Rating rating) {

    /** OCPI's numbers carry 4 decimals: a CDR's lines and totals are kept at that scale. */
    public static final int CDR_SCALE = 4;

    public Currency currency() {
        return rating.currency();
    }

    /** The currency's number of decimals: 2 for EUR, 0 for JPY, 3 for BHD. */
    public int currencyScale() {
        return Money.scale(currency());
    }

    public Money totalExclVat() {
        return new Money(rating.totalCost().exclVat(), currency());
    }

    /** The total including VAT; a tariff without VAT has the same amount as without. */
    public Money totalInclVat() {
        BigDecimal inclVat = rating.totalCost().inclVat();
        return new Money(inclVat == null ? rating.totalCost().exclVat() : inclVat, currency());
    }

    /** What the customer pays: the total including VAT at the currency's scale, rounded half-up once. */
    public Money payable() {
        return totalInclVat().rounded();
    }

    /** The total at the currency's scale, as a driver's screen shows it. */
    public Price total() {
        return rating.totalCost().atScale(currencyScale());
    }

    /** The lines that count (something measured or charged), costs at {@code scale} decimals, half-up. */
    public List<MspCdr.Line> lines(int scale) {
        return rating.lines().stream()
                .filter(line -> line.quantity().signum() != 0 || line.cost().exclVat().signum() != 0)
                .map(line -> line(line, scale))
                .toList();
    }

    private MspCdr.Line line(RatedLine line, int scale) {
        return new MspCdr.Line(line.dimension(), line.quantity(), line.billedQuantity(), at(line.cost().exclVat(), scale),
                at(line.cost().inclVat(), scale), line == rating.reservation());
    }

    private static BigDecimal at(BigDecimal amount, int scale) {
        return amount == null ? null : amount.setScale(scale, RoundingMode.HALF_UP);
    }
}
