package io.chargebase.domain.billing;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.charging.ChargingSession;
import io.chargebase.domain.charging.ChargingSessions;
import io.chargebase.domain.charging.LiveUpdate;
import io.chargebase.domain.charging.StopLimitCheck;
import io.chargebase.domain.charging.StopLimitReached;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * Stops a session paid by a hold when its running cost comes within the tenant's threshold of the amount held (the
 * manual's "Stop when pre-authorisation amount falls below"): through the charging core's stop machinery, a
 * {@link StopLimitReached} that the charger's RemoteStopTransaction follows, published once per hold. Judged on the
 * live progress charging publishes with every reading, off the meter-value writer's thread.
 */
@Component
class PreAuthorisationStops {

    private static final Logger LOG = LoggerFactory.getLogger(PreAuthorisationStops.class);

    private final RecentStrategies recent;
    private final CardPayments payments;
    private final ChargingSessions sessions;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();

    PreAuthorisationStops(CardPayments payments, ChargingSessions sessions, ApplicationEventPublisher events,
            RecentStrategies recent, PlatformTransactionManager transactionManager) {
        this.recent = recent;
        this.payments = payments;
        this.sessions = sessions;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(LiveUpdate.SessionProgress progress) {
        if (progress.profileId() == null || progress.runningCost() == null || !"ACTIVE".equals(progress.status())) {
            return;
        }
        // most tenants hold nothing: no thread, no statement for their readings
        StrategySettings settings = recent.of(progress.tenantId());
        if (settings.strategy() != BillingStrategy.PRE_AUTHORISE || settings.stopBelow() == null) {
            return;
        }
        work.execute(() -> {
            try {
                TenantContext.runAs(TenantScope.of(progress.tenantId()), () -> check(progress, settings));
            } catch (RuntimeException e) {
                LOG.warn("Session {}: its running cost was not checked against its hold", progress.sessionId(), e);
            }
        });
    }

    private void check(LiveUpdate.SessionProgress progress, StrategySettings settings) {
        transactions.executeWithoutResult(status -> {
            Optional<CardPayment> hold = payments.holdFor(progress.sessionId(), progress.profileId());
            if (hold.isEmpty() || hold.get().status() != CardPaymentStatus.AUTHORISED) {
                return;
            }
            BigDecimal cost = progress.runningCost().inclVat() != null ? progress.runningCost().inclVat() : progress.runningCost().exclVat();
            BigDecimal stopAt = hold.get().amount().amount().subtract(settings.stopBelow());
            if (cost.compareTo(stopAt) < 0 || !payments.stopOnce(hold.get())) {
                return;
            }
            ChargingSession session = sessions.find(progress.sessionId()).orElse(null);
            if (session == null || session.transactionId() == null) {
                return;
            }
            events.publishEvent(new StopLimitReached(progress.tenantId(), session.chargePointId(), session.id(), session.transactionId(),
                    StopLimitCheck.Limit.PRE_AUTHORISATION, "Pre-authorisation limit: running cost " + cost.stripTrailingZeros().toPlainString()
                            + " is within " + settings.stopBelow().toPlainString() + " of the " + hold.get().amount() + " held"));
        });
    }
}
