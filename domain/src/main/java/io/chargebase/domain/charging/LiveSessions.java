package io.chargebase.domain.charging;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.rating.Price;
import io.chargebase.domain.tariffs.Customer;
import io.chargebase.domain.tariffs.TariffSelection;

/**
 * Publishes a session's progress as a {@link LiveUpdate.SessionProgress}, with a running cost: the energy so far taken
 * as charged evenly since the start, cut at the boundaries of the tariff that applies as the CDR will be, and priced
 * by it. It is an estimate for the driver's screen; the CDR at the stop prices the periods the readings give. The tariff is chosen once per session and remembered
 * while the session runs.
 */
@Component
class LiveSessions {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSessions.class);
    private static final BigDecimal WH_PER_KWH = BigDecimal.valueOf(1000);
    private static final int REMEMBERED = 50_000;

    private final ChargingSessions sessions;
    private final TariffSelection selection;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PriceEstimates prices;
    private final Map<UUID, Optional<TariffSelection.Selected>> tariffs = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> published = new ConcurrentHashMap<>();
    /** Readings taken closer together than this (by the charger's clock) are shown at this pace; a change of state at once. */
    private static final Duration PACE = Duration.ofSeconds(2);

    LiveSessions(ChargingSessions sessions, TariffSelection selection, ApplicationEventPublisher events, Clock clock, PriceEstimates prices) {
        this.sessions = sessions;
        this.selection = selection;
        this.events = events;
        this.clock = clock;
        this.prices = prices;
    }

    void progress(ChargerRef charger, Integer transactionId) {
        if (transactionId == null) {
            return;
        }
        try {
            sessions.byTransaction(transactionId).filter(session -> session.chargePointId().equals(charger.chargePointId()))
                    .ifPresent(session -> publish(charger, session));
        } catch (RuntimeException e) {
            LOG.warn("{}: no live update for transaction {}", charger.identity(), transactionId, e);
        }
    }

    /** The same for a session the caller has just read or changed. */
    void progress(ChargerRef charger, ChargingSession session) {
        try {
            publish(charger, session);
        } catch (RuntimeException e) {
            LOG.warn("{}: no live update for session {}", charger.identity(), session.id(), e);
        }
    }

    private void publish(ChargerRef charger, ChargingSession session) {
        boolean over = session.status() == SessionStatus.FINISHED || session.status() == SessionStatus.FAILED;
        Instant reading = session.latestSampleAt() != null ? session.latestSampleAt() : Instant.EPOCH;
        Instant last = published.get(session.id());
        if (!over && session.status() == SessionStatus.ACTIVE && last != null && last.plus(PACE).isAfter(reading)) {
            return;
        }
        if (published.size() > REMEMBERED) {
            published.clear();
        }
        published.put(session.id(), reading);
        LiveUpdate.SessionProgress progress = progressOf(charger.tenantId(), session);
        if (over) {
            tariffs.remove(session.id());
            published.remove(session.id());
        }
        events.publishEvent(progress);
    }

    /**
     * The session's progress as it stands, as the next update would show it (for a subscriber that has just come: the
     * live view starts with it). Nothing is published or remembered.
     */
    LiveUpdate.SessionProgress current(io.chargebase.tenancy.TenantId tenantId, ChargingSession session) {
        return progressOf(tenantId, session);
    }

    private LiveUpdate.SessionProgress progressOf(io.chargebase.tenancy.TenantId tenantId, ChargingSession session) {
        BigDecimal energyKwh = BigDecimal.valueOf(session.energyWh()).divide(WH_PER_KWH, 3, RoundingMode.HALF_UP);
        Price cost = null;
        String currency = null;
        Optional<TariffSelection.Selected> tariff = session.evseId() == null || session.startedAt() == null ? Optional.empty() : tariff(session);
        if (tariff.isPresent()) {
            Instant end = session.stoppedAt() != null ? session.stoppedAt() : session.latestSampleAt() != null ? session.latestSampleAt() : clock.instant();
            if (!end.isBefore(session.startedAt())) {
                try {
                    // the energy so far taken as charged evenly, cut at the tariff's boundaries as the CDR will be
                    cost = prices.ofEvenCharge(tariff.get(), session.startedAt(), end, energyKwh).total();
                    currency = tariff.get().tariff().currency().getCurrencyCode();
                } catch (DomainException unrateable) {
                    LOG.debug("Session {} cannot be priced yet: {}", session.id(), unrateable.getMessage());
                }
            }
        }
        return new LiveUpdate.SessionProgress(tenantId, session.id(), session.profileId(), session.chargePointId(),
                session.connectorId() == null ? 0 : session.connectorId(), session.status().name(), energyKwh,
                session.latestPowerW() == null ? null : session.latestPowerW().divide(WH_PER_KWH, 3, RoundingMode.HALF_UP),
                session.latestSocPercent(), cost, currency, clock.instant());
    }

    /** The tariff version in force for the session, as its CDR will be rated (selected once, remembered while it runs). */
    Optional<TariffSelection.Selected> tariffOf(ChargingSession session) {
        return tariff(session);
    }

    private Optional<TariffSelection.Selected> tariff(ChargingSession session) {
        if (session.status() == SessionStatus.FAILED) {
            // a refused session is charged nothing, however long its charger goes on sending readings
            return Optional.empty();
        }
        if (session.status() == SessionStatus.FINISHED) {
            // its last update: what was remembered, else chosen once more, but not remembered for a session that is over
            Optional<TariffSelection.Selected> remembered = tariffs.get(session.id());
            return remembered != null ? remembered : select(session);
        }
        if (tariffs.size() > REMEMBERED) {
            tariffs.clear();
        }
        return tariffs.computeIfAbsent(session.id(), id -> select(session));
    }

    private Optional<TariffSelection.Selected> select(ChargingSession session) {
        try {
            Customer customer = session.profileId() != null ? Customer.profile(session.profileId()) : Customer.adHoc();
            // a session an operator started at a tariff of their choice runs at that price, as its CDR will
            Optional<UUID> chosen = sessions.tariffOverride(session.id());
            return Optional.of(chosen.isPresent() ? selection.chosen(session.evseId(), customer, chosen.get(), session.startedAt())
                    : selection.select(session.evseId(), customer, session.startedAt()));
        } catch (DomainException noTariff) {
            return Optional.empty();
        }
    }
}
