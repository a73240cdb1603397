package io.chargebase.api.graphql.billing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.UserError;
import io.chargebase.api.stripe.StripeProperties;
import io.chargebase.domain.billing.BillingStrategies;
import io.chargebase.domain.billing.BillingStrategy;
import io.chargebase.domain.billing.CardPayment;
import io.chargebase.domain.billing.CardPaymentStatus;
import io.chargebase.domain.billing.CardPayments;
import io.chargebase.domain.billing.StrategySettings;
import io.chargebase.domain.charging.ChargingSession;

/**
 * The tenant's billing strategy for its admins; for the signed-in driver (their own profile only), paying what they
 * owe; for everyone who sees a session, its card payment's status, one query per page.
 */
@Controller
class CardPaymentsController {

    record UpdateBillingStrategyInput(BillingStrategy strategy, BigDecimal preAuthoriseAmount, BigDecimal stopBelow, Boolean balanceOnly,
            BigDecimal minimumBalance, BigDecimal autoStopBelow) {
    }

    record UpdateBillingStrategyPayload(StrategySettings billingStrategy, List<UserError> userErrors) {
    }

    record PaymentToComplete(String paymentIntentId, String clientSecret, CardPaymentStatus status, BigDecimal amount, String currency,
            String failure) {

        static PaymentToComplete of(CardPayment payment) {
            return new PaymentToComplete(payment.paymentIntentId(), payment.clientSecret(), payment.status(), payment.amount().rounded().amount(),
                    payment.amount().currency().getCurrencyCode(), payment.failure());
        }
    }

    record PayMyOutstandingBalancePayload(List<PaymentToComplete> payments, List<UserError> userErrors) {
    }

    record BuyTopUpInput(String packageId, String currency) {
    }

    record BuyTopUpPayload(PaymentToComplete payment, List<UserError> userErrors) {
    }

    private final BillingStrategies strategies;
    private final CardPayments payments;
    private final StripeProperties stripe;

    CardPaymentsController(BillingStrategies strategies, CardPayments payments, StripeProperties stripe) {
        this.strategies = strategies;
        this.payments = payments;
        this.stripe = stripe;
    }

    @QueryMapping
    StrategySettings billingStrategy() {
        return strategies.current();
    }

    @MutationMapping
    UpdateBillingStrategyPayload updateBillingStrategy(@Argument UpdateBillingStrategyInput input) {
        return UserError.attempt(() -> new UpdateBillingStrategyPayload(strategies.update(new StrategySettings(input.strategy(),
                input.preAuthoriseAmount(), input.stopBelow(), Boolean.TRUE.equals(input.balanceOnly()), input.minimumBalance(),
                input.autoStopBelow())), List.of()), errors -> new UpdateBillingStrategyPayload(null, errors));
    }

    @MutationMapping
    PayMyOutstandingBalancePayload payMyOutstandingBalance() {
        return ProviderCalls.attempt(() -> new PayMyOutstandingBalancePayload(payments.payOutstanding(ProviderCalls.ownProfile(), stripe.pacing()).stream()
                .map(PaymentToComplete::of).toList(), List.of()), errors -> new PayMyOutstandingBalancePayload(null, errors));
    }

    @MutationMapping
    BuyTopUpPayload buyTopUp(@Argument BuyTopUpInput input) {
        return ProviderCalls.attempt(() -> new BuyTopUpPayload(PaymentToComplete.of(payments.buyTopUp(ProviderCalls.ownProfile(),
                TopUpPackagesController.id(input.packageId()), input.currency(), stripe.pacing())), List.of()),
                errors -> new BuyTopUpPayload(null, errors));
    }

    @BatchMapping(typeName = "ChargingSession", field = "paymentStatus")
    Map<ChargingSession, CardPaymentStatus> paymentStatus(List<ChargingSession> page) {
        Map<UUID, CardPaymentStatus> statuses = payments.statusOfSessions(page.stream().map(ChargingSession::id).distinct().toList());
        return page.stream().distinct().filter(session -> statuses.containsKey(session.id()))
                .collect(Collectors.toMap(Function.identity(), session -> statuses.get(session.id())));
    }
}
