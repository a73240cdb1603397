package io.chargebase.domain.charging;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.rating.CdrDimension;
import io.chargebase.domain.rating.CdrDimensionType;
import io.chargebase.domain.rating.ChargingPeriod;
import io.chargebase.domain.rating.RatingRules;

/**
 * What a CDR must say of itself before it is rated, so that nothing is billed for time that did not pass and nothing
 * rates silently to zero: each period measures something (a priced dimension); a period's charging and parking time
 * fit within it (it runs until the next period starts, the last until the session ends), and so together within the
 * session; a tariff that chooses its price by the session's average power has charging time to average over. Volumes
 * are in hours, rounded by the CPO: up to a second per period is allowed for that. Pure; refusals name the field.
 */
final class CdrConsistency {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    /** Rounding of hours to a few decimals: 0.000278 h is one second. */
    private static final BigDecimal ROUNDING_SECONDS = BigDecimal.ONE;

    private CdrConsistency() {
    }

    /** Refuses periods that measure nothing and time volumes longer than their period or the session. */
    static void check(Instant start, Instant end, List<ChargingPeriod> periods) {
        BigDecimal session = seconds(Duration.between(start, end));
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < periods.size(); i++) {
            ChargingPeriod period = periods.get(i);
            String field = "chargingPeriods." + i;
            if (!measuresSomething(period)) {
                throw new DomainException(ErrorCode.REQUIRED, field + ".dimensions",
                        "Charging period " + (i + 1) + " measures nothing: give its ENERGY, TIME, PARKING_TIME or RESERVATION_TIME.");
            }
            Instant until = i + 1 < periods.size() ? periods.get(i + 1).start() : end;
            BigDecimal span = seconds(Duration.between(period.start(), until.isBefore(period.start()) ? period.start() : until));
            BigDecimal inPeriod = BigDecimal.ZERO;
            for (int d = 0; d < period.dimensions().size(); d++) {
                CdrDimension dimension = period.dimensions().get(d);
                if (dimension.type() != CdrDimensionType.TIME && dimension.type() != CdrDimensionType.PARKING_TIME) {
                    continue;
                }
                BigDecimal claimed = dimension.volume().multiply(SECONDS_PER_HOUR);
                inPeriod = inPeriod.add(claimed);
                if (inPeriod.compareTo(span.add(ROUNDING_SECONDS)) > 0) {
                    throw new DomainException(ErrorCode.INVALID, field + ".dimensions." + d + ".volume",
                            "Charging period " + (i + 1) + " lasts " + hours(span) + " h but reports " + hours(inPeriod) + " h of "
                                    + (inPeriod.compareTo(claimed) == 0 ? dimension.type().name() : "TIME and PARKING_TIME") + ".");
                }
            }
            total = total.add(inPeriod);
        }
        if (total.compareTo(session.add(ROUNDING_SECONDS.multiply(BigDecimal.valueOf(Math.max(1, periods.size()))))) > 0) {
            throw new DomainException(ErrorCode.INVALID, "chargingPeriods",
                    "The session lasts " + hours(session) + " h but its periods report " + hours(total) + " h of charging and parking time.");
        }
    }

    /** Refuses a CDR without charging time for a tariff that prices by the session's average power: it would rate to zero. */
    static void pricable(List<ChargingPeriod> periods, RatingRules rules) {
        if (!rules.powerBySessionAverage()) {
            return;
        }
        boolean charged = periods.stream().map(p -> p.volume(CdrDimensionType.TIME)).anyMatch(time -> time != null && time.signum() > 0);
        if (!charged) {
            throw new DomainException(ErrorCode.REQUIRED, "chargingPeriods",
                    "The tariff prices by power level, chosen by the session's average power over its charging time; the CDR reports no TIME.");
        }
    }

    private static boolean measuresSomething(ChargingPeriod period) {
        return period.dimensions().stream().map(CdrDimension::type).anyMatch(type -> type == CdrDimensionType.ENERGY
                || type == CdrDimensionType.TIME || type == CdrDimensionType.PARKING_TIME || type == CdrDimensionType.RESERVATION_TIME);
    }

    private static BigDecimal seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis()).movePointLeft(3);
    }

    private static String hours(BigDecimal seconds) {
        return seconds.divide(SECONDS_PER_HOUR, 4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
