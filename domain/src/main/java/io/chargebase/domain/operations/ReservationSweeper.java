package io.chargebase.domain.operations;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.assets.Evse;
import io.chargebase.domain.identity.Mail;
import io.chargebase.domain.identity.Mailer;
import io.chargebase.domain.operations.internal.ReservationSweepRows;
import io.chargebase.domain.organisation.Profiles;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

/**
 * Expires reservations and reminds drivers of theirs. A reservation that ran out unused is written EXPIRED (one whose
 * ReserveNow never got an answer, NOT_ANSWERED), so the reservations list and the driver's limits read the record,
 * not the clock; the charger drops it by itself at the expiry it was given. A driver whose reservation ends within the
 * tenant's reminder time is sent a message through the mail outbox, once. Like the charging sweep, it asks once
 * across tenants which have anything due (the platform function {@code platform_tenants_with_reservations_due}) and
 * sweeps each of them in its own scope, so row-level security holds throughout and idle tenants cost nothing.
 */
@Component
public class ReservationSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(ReservationSweeper.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** What one sweep of one tenant changed. */
    public record Swept(int expired, int reminded) {
    }

    private final ReservationSweepRows rows;
    private final TenantReservationSettings settings;
    private final Profiles profiles;
    private final ChargePoints chargePoints;
    private final Mailer mailer;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReservationSweeper(ReservationSweepRows rows, TenantReservationSettings settings, Profiles profiles, ChargePoints chargePoints,
            Mailer mailer, PlatformTransactionManager transactionManager, Clock clock) {
        this.rows = rows;
        this.settings = settings;
        this.profiles = profiles;
        this.chargePoints = chargePoints;
        this.mailer = mailer;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${chargebase.operations.reservation-sweep-interval:PT30S}",
            initialDelayString = "${chargebase.operations.reservation-sweep-initial-delay:PT30S}")
    public void sweepAll() {
        Instant now = clock.instant();
        for (TenantId tenant : due(now)) {
            try {
                sweep(tenant, now);
            } catch (RuntimeException e) {
                LOG.warn("Reservation sweep of tenant {} failed", tenant, e);
            }
        }
    }

    /** The tenants with a reservation to expire or a driver to remind at {@code now}, asked once across tenants. */
    public List<TenantId> due(Instant now) {
        return TenantContext.callAs(TenantScope.PLATFORM, () -> transactions.execute(status -> rows.dueTenants(now,
                ReservationSettings.DEFAULTS.reminder())));
    }

    /** Sweeps one tenant as of {@code now}, in one transaction: the reminders' messages exist exactly when their mark does. */
    public Swept sweep(TenantId tenant, Instant now) {
        return TenantContext.callAs(TenantScope.of(tenant), () -> transactions.execute(status -> {
            int expired = rows.expire(now);
            ReservationSettings current = settings.current();
            List<Reservation> toRemind = current.reminder().isZero() ? List.of() : rows.markReminded(now, now.plus(current.reminder()));
            Map<java.util.UUID, Evse> evses = chargePoints.findEvses(toRemind.stream().map(Reservation::evseId)
                    .filter(java.util.Objects::nonNull).toList());
            for (Reservation reservation : toRemind) {
                Evse evse = evses.get(reservation.evseId());
                profiles.find(reservation.profileId()).ifPresent(profile -> mailer.send(new Mail(profile.email().value(),
                        "Your reservation ends at " + TIME.format(reservation.expiresAt()),
                        "Your reservation of the EVSE " + (evse != null ? evse.evseId() : "you reserved") + " ends at "
                                + TIME.format(reservation.expiresAt()) + ". Start charging before then, or it is released for other drivers.")));
            }
            return new Swept(expired, toRemind.size());
        }));
    }
}
