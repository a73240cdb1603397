package io.chargebase.domain.billing;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.billing.internal.PaymentCustomerRows;
import io.chargebase.domain.charging.ChargingSessions;
import io.chargebase.domain.charging.LiveUpdate;
import io.chargebase.domain.charging.SessionRated;
import io.chargebase.domain.charging.SessionStops;
import io.chargebase.domain.charging.StopLimitCheck;
import io.chargebase.domain.money.Money;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * Under {@link BillingStrategy#BALANCE_OR_PAYMENT_METHOD}, watches the driver's available balance while they charge:
 * the wallet less what all their running sessions cost so far. At or below the auto top-up threshold the top-up is
 * recorded (the outbox charges the saved card); at or below the auto-stop amount a session paid from the wallet (cards
 * may not pay directly, or the driver has no card to pay the rest) is stopped through the charging core's stop
 * machinery, once per session, unless an auto top-up is still on its way (the next reading judges again, the manual's
 * "stops only if the payment method cannot pay for an additional top-up"). Judged on the live progress charging
 * publishes with every reading, off the meter-value writer's thread. The running costs are this instance's: sessions of
 * one driver on chargers connected to different instances are judged each against the wallet alone.
 */
@Component
class WalletStops {

    private static final Logger LOG = LoggerFactory.getLogger(WalletStops.class);

    private record Running(UUID profileId, BigDecimal cost) {
    }

    private final RecentStrategies recent;
    private final Wallets wallets;
    private final CardPayments payments;
    private final PaymentCustomerRows customers;
    private final ChargingSessions sessions;
    private final SessionStops stops;
    private final TransactionTemplate transactions;
    private final Map<UUID, Running> running = new ConcurrentHashMap<>();
    private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();

    WalletStops(Wallets wallets, CardPayments payments, PaymentCustomerRows customers, ChargingSessions sessions,
            SessionStops stops, RecentStrategies recent, PlatformTransactionManager transactionManager) {
        this.recent = recent;
        this.wallets = wallets;
        this.payments = payments;
        this.customers = customers;
        this.sessions = sessions;
        this.stops = stops;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(LiveUpdate.SessionProgress progress) {
        if (progress.profileId() == null) {
            return;
        }
        if (!"ACTIVE".equals(progress.status()) || progress.runningCost() == null) {
            running.remove(progress.sessionId());
            return;
        }
        // most tenants use another strategy: no thread, no statement for their readings
        StrategySettings settings = recent.of(progress.tenantId());
        if (settings.strategy() != BillingStrategy.BALANCE_OR_PAYMENT_METHOD) {
            return;
        }
        BigDecimal cost = progress.runningCost().inclVat() != null ? progress.runningCost().inclVat() : progress.runningCost().exclVat();
        running.put(progress.sessionId(), new Running(progress.profileId(), cost));
        work.execute(() -> {
            try {
                TenantContext.runAs(TenantScope.of(progress.tenantId()), () -> check(progress, settings));
            } catch (RuntimeException e) {
                LOG.warn("Session {}: the driver's available balance was not checked", progress.sessionId(), e);
            }
        });
    }

    /** A session rated has ended, whether or not its end was published as progress (a session closed by the sweep, say). */
    @TransactionalEventListener(fallbackExecution = true)
    void on(SessionRated rated) {
        running.remove(rated.sessionId());
    }

    private void check(LiveUpdate.SessionProgress progress, StrategySettings settings) {
        transactions.executeWithoutResult(status -> {
            UUID profileId = progress.profileId();
            Money balance = wallets.balance(profileId);
            BigDecimal used = running.values().stream().filter(session -> session.profileId().equals(profileId)).map(Running::cost)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            Money available = new Money(balance.amount().subtract(used), balance.currency());
            payments.autoTopUpIfLow(profileId, available);
            if (settings.autoStopBelow() == null || available.amount().compareTo(settings.autoStopBelow()) > 0) {
                return;
            }
            if (!settings.balanceOnly() && customers.customerOf(profileId).isPresent()) {
                return;
            }
            if (payments.autoTopUpOnItsWay(profileId)) {
                return;
            }
            sessions.find(progress.sessionId()).filter(session -> session.transactionId() != null)
                    .ifPresent(session -> stops.stopOnce(progress.tenantId(), session, StopLimitCheck.Limit.WALLET_BALANCE,
                            "Balance limit: the available balance of " + available.rounded() + " reached the auto-stop amount of "
                                    + new Money(settings.autoStopBelow(), balance.currency()).rounded()));
        });
    }
}
