package io.chargebase.domain.rating;

import java.math.BigDecimal;

/**
 * Explanation of a rating: {@code quantity} of {@code dimension} in charging period {@code period} (0-based) was priced
 * by tariff element {@code element} (0-based). {@code reservation} marks reservation time and fees.
 */
public record PricedBy(int period, Dimension dimension, boolean reservation, int element, BigDecimal quantity) {
}
