package io.chargebase.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void aValueWithinItsDigitsAndScalePasses() {
        assertThat(Decimals.within("price", new BigDecimal("999999.12345678"), 6, 8)).isEqualByComparingTo("999999.12345678");
        assertThat(Decimals.within("price", new BigDecimal("1.50000000000"), 6, 2)).as("trailing zeros are no decimal places")
                .isEqualByComparingTo("1.5");
        assertThat(Decimals.within("price", new BigDecimal("0E+10"), 6, 2)).isEqualByComparingTo("0");
        assertThat(Decimals.within("price", null, 6, 2)).isNull();
    }

    @Test
    void aValueTooLargeOrTooPreciseIsRefusedOnItsField() {
        assertThatThrownBy(() -> Decimals.within("pricing.pricePerKwh", new BigDecimal("1e30"), 6, 8))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.OUT_OF_RANGE);
                    assertThat(e.field()).isEqualTo("pricing.pricePerKwh");
                    assertThat(e.getMessage()).contains("below 1000000").contains("1E+30");
                });
        assertThatThrownBy(() -> Decimals.within("v", new BigDecimal("-1000000"), 6, 2)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Decimals.within("v", new BigDecimal("1.001"), 6, 2)).hasMessage("At most 2 decimal places, not 3.");
    }
}
