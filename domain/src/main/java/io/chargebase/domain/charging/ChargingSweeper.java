package io.chargebase.domain.charging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.charging.internal.ChargerRows;
import io.chargebase.domain.charging.internal.DueTenantRows;
import io.chargebase.domain.charging.internal.SessionRows;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

/**
 * Applies each tenant's thresholds: chargers silent too long turn temporarily, then long-term unavailable,
 * sessions that waited for the car past the fail-start timeout fail, active sessions the charger has said nothing
 * about for longer than the inactivity timeout are marked suspected stale, and running sessions past the time limit of
 * their tariff are to be stopped ({@link SessionStopLimits}, the timer for chargers that send no readings).
 *
 * <p>The manual's "Finish after inactivity" (Settings, Session Timeout) is a safety net for chargers that stop sending
 * meter values instead of a StopTransaction: such a session should be considered terminated. It comes in two stages.
 * First the session is marked suspected stale, with the reason and the charger's last word on it, and stays ACTIVE, so
 * that a charger that was only offline for a while finishes it with its queued StopTransaction (OCPP 1.6 keeps
 * transaction messages while offline); the mark goes away if the charger speaks of the session again while it is active.
 * After the finish timeout (the manual's 120 minutes by default) the platform finishes it from its last reading and
 * rates it ({@link SessionLifecycle#finishAfterInactivity}); a StopTransaction that still comes corrects it, and its CDR gets a new MSP
 * version. The platform asks once which tenants have anything due ({@link #due}); each of them is then swept in its own
 * scope, so row-level security holds throughout, and idle tenants cost nothing.
 */
@Component
public class ChargingSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(ChargingSweeper.class);
    private static final java.time.Duration UNRATED_GRACE = java.time.Duration.ofMinutes(1);
    private static final int UNRATED_BATCH = 100;

    /** What one sweep of one tenant changed. */
    public record Swept(int chargersMarked, int sessionsFailed, int sessionsRated, int sessionsMarkedInactive, int sessionsAtStopLimit,
            int sessionsFinishedInactive) {
    }

    private final DueTenantRows dueTenants;
    private final ChargerRows chargers;
    private final SessionRows sessions;
    private final TenantChargingSettings settings;
    private final TransactionTemplate transactions;
    private final SessionRating rating;
    private final Clock clock;
    private final io.chargebase.domain.charging.internal.InactivityRows inactivity;

    private final org.springframework.context.ApplicationEventPublisher events;
    private final SessionStopLimits stopLimits;
    private final SessionLifecycle lifecycle;

    ChargingSweeper(DueTenantRows dueTenants, ChargerRows chargers, SessionRows sessions, TenantChargingSettings settings,
            PlatformTransactionManager transactionManager, SessionRating rating, Clock clock,
            org.springframework.context.ApplicationEventPublisher events, io.chargebase.domain.charging.internal.InactivityRows inactivity,
            SessionStopLimits stopLimits, SessionLifecycle lifecycle) {
        this.stopLimits = stopLimits;
        this.lifecycle = lifecycle;
        this.inactivity = inactivity;
        this.events = events;
        this.rating = rating;
        this.dueTenants = dueTenants;
        this.chargers = chargers;
        this.sessions = sessions;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${chargebase.charging.sweep-interval:PT15S}", initialDelayString = "${chargebase.charging.sweep-initial-delay:PT30S}")
    public void sweepAll() {
        Instant now = clock.instant();
        for (TenantId tenant : due(now)) {
            try {
                sweep(tenant, now);
            } catch (RuntimeException e) {
                LOG.warn("Charging sweep of tenant {} failed", tenant, e);
            }
        }
    }

    /**
     * The tenants with anything to sweep as of {@code now}, asked once across tenants through a narrow platform
     * function, so that an idle platform costs one statement a sweep however many tenants it has.
     */
    public List<TenantId> due(Instant now) {
        return TenantContext.callAs(TenantScope.PLATFORM, () -> transactions.execute(status -> dueTenants.dueAt(now,
                ChargingSettings.DEFAULTS.temporarilyUnavailableAfter(), ChargingSettings.DEFAULTS.longTermUnavailableAfter())));
    }

    /**
     * Sweeps one tenant as of {@code now}; also rates finished sessions whose rating was interrupted (a crash between
     * the stop and its CDR), so that none is lost.
     */
    public Swept sweep(TenantId tenant, Instant now) {
        return TenantContext.callAs(TenantScope.of(tenant), () -> {
            record Changes(int marked, int failed, List<java.util.UUID> unrated, int inactive, int atLimit, List<java.util.UUID> toFinish,
                    java.time.Duration finishAfter) {
            }
            Changes changes = transactions.execute(status -> {
                ChargingSettings current = settings.current();
                java.util.Map<java.util.UUID, String> unavailable = chargers.markUnavailable(now.minus(current.temporarilyUnavailableAfter()),
                        now.minus(current.longTermUnavailableAfter()));
                unavailable.forEach((chargePoint, network) -> events.publishEvent(new LiveUpdate.Connection(tenant, chargePoint, network, now)));
                int failed = sessions.failPending(now.minus(current.failStartTimeout()), now);
                inactivity.clearResumed();
                int inactive = inactivity.flag(now.minus(current.inactivityTimeout()), current.inactivityTimeout(), now).size();
                int atLimit = stopLimits.sweep(tenant, now);
                return new Changes(unavailable.size(), failed, sessions.unrated(now.minus(UNRATED_GRACE), UNRATED_BATCH), inactive, atLimit,
                        inactivity.toFinish(now.minus(current.finishAfterInactivity()), UNRATED_BATCH), current.finishAfterInactivity());
            });
            int rated = (int) changes.unrated().stream().filter(id -> rating.rate(id).isPresent()).count();
            // each under its charger's lock, in a transaction of its own, then rated like a stopped session
            int finished = 0;
            for (java.util.UUID id : changes.toFinish()) {
                if (lifecycle.finishAfterInactivity(id, now.minus(changes.finishAfter()), changes.finishAfter(), now)) {
                    finished++;
                }
            }
            return new Swept(changes.marked(), changes.failed(), rated, changes.inactive(), changes.atLimit(), finished);
        });
    }
}
