package io.chargebase.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void keepsFullPrecisionUntilRounded() {
        Money perKwh = Money.of("0.3333", "EUR");
        Money price = perKwh.times(new BigDecimal("3"));
        assertThat(price.amount()).isEqualByComparingTo("0.9999");
        assertThat(price.rounded().amount()).isEqualByComparingTo("1.00");
        assertThat(Money.of("12.345", "EUR").minorUnits()).isEqualTo(1235);
        assertThat(Money.of("12.344", "EUR").minorUnits()).isEqualTo(1234);
    }

    @Test
    void roundsToEachCurrencysMinorUnit() {
        assertThat(Money.of("1234.5", "JPY").minorUnits()).isEqualTo(1235);
        assertThat(Money.of("1.2345", "KWD").rounded().amount()).isEqualByComparingTo("1.235");
        assertThat(Money.ofMinor(1999, Currency.getInstance("GBP"))).isEqualTo(Money.of("19.99", "GBP"));
    }

    @Test
    void addsVatOnTopOfTheAmountExcludingIt() {
        assertThat(Money.of("10.00", "EUR").withVat(new BigDecimal("21")).rounded()).isEqualTo(Money.of("12.10", "EUR"));
        assertThat(Money.of("2.50", "EUR").withVat(BigDecimal.ZERO)).isEqualTo(Money.of("2.5", "EUR"));
    }

    @Test
    void neverMixesCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "GBP"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1", "EUR").compareTo(Money.of("1", "USD"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.of("1.5", "EUR")).isEqualTo(Money.of("1.50", "EUR")).hasSameHashCodeAs(Money.of("1.50", "EUR"));
        assertThat(Money.of("3", "EUR").minus(Money.of("5", "EUR")).isNegative()).isTrue();
    }
}
