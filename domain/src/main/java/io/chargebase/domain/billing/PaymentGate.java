package io.chargebase.domain.billing;

import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.billing.internal.ConnectedAccountRows;
import io.chargebase.domain.billing.internal.PaymentCustomerRows;
import io.chargebase.domain.charging.StartGate;
import io.chargebase.domain.money.Money;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.Tenants;

/**
 * Billing's rule for starting a session: under a card strategy the driver has a saved card at the provider and
 * nothing unpaid (a declined or unauthenticated payment, or a balance no payment on its way covers); under
 * {@link BillingStrategy#PRE_AUTHORISE} the amount is then held on the card, and the start refused when it cannot be. Under
 * {@link BillingStrategy#BALANCE_OR_PAYMENT_METHOD} nothing may be unpaid, and the wallet must hold the minimum balance
 * when the tenant set one or cards may not pay directly (and more than the auto-stop amount in any case); without a
 * minimum a saved card will do instead. The cards are
 * asked of the provider, which holds them; when it cannot answer the start is refused, since the session could not be
 * paid for.
 */
@Component
class PaymentGate implements StartGate {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentGate.class);

    private final BillingStrategies strategies;
    private final CardPayments payments;
    private final PaymentProvider provider;
    private final ConnectedAccountRows accounts;
    private final PaymentCustomerRows customers;
    private final TransactionTemplate transactions;
    private final Tenants tenants;
    private final Wallets wallets;

    PaymentGate(BillingStrategies strategies, CardPayments payments, PaymentProvider provider, ConnectedAccountRows accounts,
            PaymentCustomerRows customers, Tenants tenants, Wallets wallets, PlatformTransactionManager transactionManager) {
        this.wallets = wallets;
        this.tenants = tenants;
        this.strategies = strategies;
        this.payments = payments;
        this.provider = provider;
        this.accounts = accounts;
        this.customers = customers;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public Optional<String> refusal(UUID profileId) {
        StrategySettings settings = strategies.current();
        if (settings.strategy() == BillingStrategy.BALANCE_OR_PAYMENT_METHOD) {
            return balanceRefusal(settings, profileId);
        }
        if (!settings.strategy().requiresCard()) {
            return Optional.empty();
        }
        Optional<String> noCard = cardRefusal(profileId);
        if (noCard.isPresent()) {
            return noCard;
        }
        Optional<String> unpaid = payments.unpaid(profileId);
        if (unpaid.isPresent() || settings.strategy() != BillingStrategy.PRE_AUTHORISE) {
            return unpaid;
        }
        try {
            return payments.hold(profileId, settings.held(tenants.get(TenantContext.requireTenant()).orElseThrow().currency()));
        } catch (PaymentProviderException unavailable) {
            LOG.warn("No hold for driver {}: {}", profileId, unavailable.getMessage());
            return Optional.of("your card could not be pre-authorised: try again in a moment");
        }
    }

    private Optional<String> balanceRefusal(StrategySettings settings, UUID profileId) {
        Optional<String> unpaid = payments.unpaid(profileId, settings.balanceOnly() ? "top up in the app, the top-up pays it"
                : "pay it in the app first");
        if (unpaid.isPresent()) {
            return unpaid;
        }
        Money balance = transactions.execute(status -> wallets.balance(profileId));
        if (settings.enoughToStart(balance)) {
            return Optional.empty();
        }
        String needed = settings.minimumBalance() != null ? "at least " + new Money(settings.minimumBalance(), balance.currency())
                : "more than " + new Money(settings.autoStopBelow() == null ? java.math.BigDecimal.ZERO : settings.autoStopBelow(), balance.currency());
        String low = "your balance of " + balance + " is too low to start (" + needed + " is needed)";
        if (settings.minimumBalance() != null || settings.balanceOnly()) {
            return Optional.of(low + ": top up in the app first");
        }
        return cardRefusal(profileId).map(noCard -> low + ", and " + noCard);
    }

    /** Why the driver's cards cannot pay, if they cannot: no connected account, no saved card, or the provider did not answer. */
    private Optional<String> cardRefusal(UUID profileId) {
        record Customer(String account, String customer) {
        }
        Customer known = transactions.execute(status -> new Customer(accounts.current().map(ConnectedAccount::accountId).orElse(null),
                customers.customerOf(profileId).orElse(null)));
        if (known.account() == null) {
            return Optional.of("the operator takes no card payments yet");
        }
        if (known.customer() == null) {
            return Optional.of("no saved payment method: add a card in the app first");
        }
        try {
            if (provider.paymentMethods("payment-methods:" + profileId + ":" + UUID.randomUUID(), known.account(), known.customer()).isEmpty()) {
                return Optional.of("no saved payment method: add a card in the app first");
            }
        } catch (PaymentProviderException unavailable) {
            LOG.warn("The cards of driver {} could not be checked: {}", profileId, unavailable.getMessage());
            return Optional.of("your payment methods could not be checked: try again in a moment");
        }
        return Optional.empty();
    }
}
