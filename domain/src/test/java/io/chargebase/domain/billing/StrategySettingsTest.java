package io.chargebase.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;

import org.junit.jupiter.api.Test;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.money.Money;

/** The strategy's amounts as a tenant may set them, the statuses Stripe's words stand for, the outbox's backoff. */
class StrategySettingsTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void preAuthorisingNeedsAnAmountAboveZeroAtTheCurrencysScaleAndAThresholdBelowIt() {
        assertThat(new StrategySettings(BillingStrategy.PRE_AUTHORISE, new BigDecimal("20"), new BigDecimal("0.5")).validated(EUR))
                .isEqualTo(new StrategySettings(BillingStrategy.PRE_AUTHORISE, new BigDecimal("20.00"), new BigDecimal("0.50")));
        assertThatThrownBy(() -> new StrategySettings(BillingStrategy.PRE_AUTHORISE, null, null).validated(EUR)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new StrategySettings(BillingStrategy.PRE_AUTHORISE, new BigDecimal("-1"), null).validated(EUR))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new StrategySettings(BillingStrategy.PRE_AUTHORISE, BigDecimal.ZERO, null).validated(EUR))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new StrategySettings(BillingStrategy.PRE_AUTHORISE, new BigDecimal("20.5"), null).validated(JPY))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new StrategySettings(BillingStrategy.PRE_AUTHORISE, new BigDecimal("20"), new BigDecimal("20")).validated(EUR))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new StrategySettings(BillingStrategy.PRE_AUTHORISE, new BigDecimal("20"), new BigDecimal("-0.01")).validated(EUR))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void otherStrategiesTakeNoAmounts() {
        assertThat(StrategySettings.DEFAULTS.validated(EUR)).isEqualTo(StrategySettings.DEFAULTS);
        assertThatThrownBy(() -> new StrategySettings(BillingStrategy.BILL_AFTER_SESSION, BigDecimal.TEN, null).validated(EUR))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new StrategySettings(null, null, null).validated(EUR)).isInstanceOf(DomainException.class);
    }

    @Test
    void theBalanceStrategyKeepsItsAmountsAtTheCurrencysScaleAndJudgesStarts() {
        StrategySettings kept = StrategySettings.balance(true, new BigDecimal("5"), new BigDecimal("1")).validated(EUR);
        assertThat(kept).isEqualTo(StrategySettings.balance(true, new BigDecimal("5.00"), new BigDecimal("1.00")));
        assertThat(kept.enoughToStart(Money.of("5.00", "EUR"))).as("the minimum itself").isTrue();
        assertThat(kept.enoughToStart(Money.of("4.99", "EUR"))).isFalse();
        StrategySettings noMinimum = StrategySettings.balance(false, null, new BigDecimal("1.00")).validated(EUR);
        assertThat(noMinimum.enoughToStart(Money.of("1.01", "EUR"))).isTrue();
        assertThat(noMinimum.enoughToStart(Money.of("1.00", "EUR"))).as("at the auto-stop amount it would stop at once").isFalse();
        assertThat(StrategySettings.balance(false, null, null).validated(EUR).enoughToStart(Money.of("0.00", "EUR"))).isFalse();
        assertThatThrownBy(() -> StrategySettings.balance(false, new BigDecimal("-1"), null).validated(EUR)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> StrategySettings.balance(false, null, new BigDecimal("-0.01")).validated(EUR)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> StrategySettings.balance(false, new BigDecimal("1"), new BigDecimal("1")).validated(EUR))
                .as("the minimum is above the auto-stop amount").isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> StrategySettings.balance(false, new BigDecimal("1.5"), null).validated(JPY)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new StrategySettings(BillingStrategy.BILL_AFTER_SESSION, null, null, true, null, null).validated(EUR))
                .as("balance settings only for the balance strategy").isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new StrategySettings(BillingStrategy.BALANCE_OR_PAYMENT_METHOD, BigDecimal.TEN, null, false, null, null)
                .validated(EUR)).isInstanceOf(DomainException.class);
        assertThat(BillingStrategy.BALANCE_OR_PAYMENT_METHOD.requiresCard()).isFalse();
    }

    @Test
    void stripesStatusesMapToOurs() {
        assertThat(CardPaymentStatus.ofIntent("succeeded")).isEqualTo(CardPaymentStatus.SUCCEEDED);
        assertThat(CardPaymentStatus.ofIntent("requires_action")).isEqualTo(CardPaymentStatus.REQUIRES_ACTION);
        assertThat(CardPaymentStatus.ofIntent("requires_payment_method")).isEqualTo(CardPaymentStatus.FAILED);
        assertThat(CardPaymentStatus.ofIntent("processing")).isEqualTo(CardPaymentStatus.PROCESSING);
        assertThat(CardPaymentStatus.ofIntent("canceled")).isEqualTo(CardPaymentStatus.CANCELED);
        assertThat(CardPaymentStatus.FAILED.needsTheDriver()).isTrue();
        assertThat(CardPaymentStatus.PENDING.needsTheDriver()).isFalse();
    }

    @Test
    void theBackoffDoublesUpToItsMaximum() {
        CardPayments.Pacing pacing = new CardPayments.Pacing(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(2));
        assertThat(CardPayments.backoff(pacing, 1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(CardPayments.backoff(pacing, 2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(CardPayments.backoff(pacing, 4)).isEqualTo(Duration.ofSeconds(16));
        assertThat(CardPayments.backoff(pacing, 5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(CardPayments.backoff(pacing, 50)).isEqualTo(Duration.ofSeconds(30));
    }
}
