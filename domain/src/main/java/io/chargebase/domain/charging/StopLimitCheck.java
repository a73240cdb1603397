package io.chargebase.domain.charging;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.chargebase.domain.rating.StopLimits;

/**
 * Whether an active session has reached a stop limit of its tariff (the manual's "Stop Session": session max time,
 * energy exceeds). Pure: the session as it stands, the limits of the tariff version in force for it, and the time to
 * judge the duration at. The energy limit is checked first: a session past both stops for its energy.
 */
public final class StopLimitCheck {

    /** Which limit a session reached: its tariff's, or (billing's) the running cost nearing what is held on the card. */
    public enum Limit { MAX_MINUTES, MAX_KWH, PRE_AUTHORISATION, WALLET_BALANCE }

    /** The limit reached, and why, in the words the actions log shows. */
    public record Reached(Limit limit, String reason) {
    }

    private static final BigDecimal WH_PER_KWH = BigDecimal.valueOf(1000);

    private StopLimitCheck() {
    }

    /** The limit {@code session} has reached by {@code at}; empty when none (or it is not running). */
    public static Optional<Reached> reached(StopLimits limits, ChargingSession session, Instant at) {
        if (limits == null || session.status() != SessionStatus.ACTIVE || session.startedAt() == null || session.transactionId() == null) {
            return Optional.empty();
        }
        if (limits.maxKwh() != null) {
            BigDecimal charged = BigDecimal.valueOf(session.energyWh()).divide(WH_PER_KWH, 3, java.math.RoundingMode.DOWN);
            if (charged.compareTo(limits.maxKwh()) >= 0) {
                return Optional.of(new Reached(Limit.MAX_KWH, "Stop limit reached: " + charged.toPlainString() + " kWh charged, the tariff stops a session at "
                        + limits.maxKwh().stripTrailingZeros().toPlainString() + " kWh"));
            }
        }
        if (limits.maxMinutes() != null && at != null) {
            Duration running = Duration.between(session.startedAt(), at);
            if (running.compareTo(Duration.ofMinutes(limits.maxMinutes())) >= 0) {
                return Optional.of(new Reached(Limit.MAX_MINUTES, "Stop limit reached: running " + running.toMinutes()
                        + " min, the tariff stops a session after " + limits.maxMinutes() + " min"));
            }
        }
        return Optional.empty();
    }
}
