package io.chargebase.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;

import org.junit.jupiter.api.Test;

import io.chargebase.domain.DomainException;

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
