package io.chargebase.domain.rating;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one dimension of a session costs. {@code quantity} is what was measured (kWh, hours, or 1 for a flat fee
 * charged), {@code billedQuantity} that after the session's step_size rounding; {@code cost} has full precision.
 */
public record RatedLine(Dimension dimension, BigDecimal quantity, BigDecimal billedQuantity, Price cost) {

    public RatedLine {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(billedQuantity, "billedQuantity");
        Objects.requireNonNull(cost, "cost");
    }

    static RatedLine none(Dimension dimension) {
        return new RatedLine(dimension, BigDecimal.ZERO, BigDecimal.ZERO, Price.ZERO);
    }
}
