package io.chargebase.domain.rating;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * The cost of a session under a tariff. One line per dimension, plus {@code reservation} (reserved hours, with any
 * reservation fee in its cost). {@code totalCost} is the sum of the lines brought within the tariff's min_price and
 * max_price, so it can differ from that sum; {@code pricedBy} says which element priced what. Amounts keep full
 * precision: round with {@link Price#atScale(int)} where a document needs a fixed number of decimals.
 */
public record Rating(
        Currency currency,
        RatedLine energy,
        RatedLine time,
        RatedLine parkingTime,
        RatedLine flat,
        RatedLine reservation,
        Price totalCost,
        List<PricedBy> pricedBy) {

    public Rating {
        pricedBy = List.copyOf(pricedBy);
    }

    public List<RatedLine> lines() {
        return List.of(energy, time, parkingTime, flat, reservation);
    }

    /** kWh charged. */
    public BigDecimal totalEnergy() {
        return energy.quantity();
    }

    /** Hours charging. */
    public BigDecimal totalTime() {
        return time.quantity();
    }

    /** Hours connected but not charging. */
    public BigDecimal totalParkingTime() {
        return parkingTime.quantity();
    }

    /** The sum of the lines before min_price and max_price. */
    public Price linesTotal() {
        Price sum = Price.ZERO;
        for (RatedLine line : lines()) {
            sum = sum.plus(line.cost());
        }
        return sum;
    }
}
