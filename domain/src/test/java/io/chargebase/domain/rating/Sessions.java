package io.chargebase.domain.rating;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Named factories for sessions to rate: {@code aSession("2015-06-29T09:30", zone).period(165, timeMinutes(165))}. */
final class Sessions {

    private Sessions() {
    }

    static Builder aSession(String localStart, ZoneId zone) {
        return new Builder(LocalDateTime.parse(localStart).atZone(zone).toInstant(), zone);
    }

    static Builder aSession(Instant start, ZoneId zone) {
        return new Builder(start, zone);
    }

    static CdrDimension kwh(String volume) {
        return CdrDimension.of(CdrDimensionType.ENERGY, volume);
    }

    static CdrDimension timeMinutes(int minutes) {
        return new CdrDimension(CdrDimensionType.TIME, hours(minutes));
    }

    static CdrDimension parkingMinutes(int minutes) {
        return new CdrDimension(CdrDimensionType.PARKING_TIME, hours(minutes));
    }

    static CdrDimension reservedMinutes(int minutes) {
        return new CdrDimension(CdrDimensionType.RESERVATION_TIME, hours(minutes));
    }

    static CdrDimension powerKw(String kw) {
        return CdrDimension.of(CdrDimensionType.POWER, kw);
    }

    static CdrDimension amps(String current) {
        return CdrDimension.of(CdrDimensionType.CURRENT, current);
    }

    static BigDecimal hours(int minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), MathContext.DECIMAL64);
    }

    /** Periods follow each other; the session ends when the last one does. */
    static final class Builder {
        private final Instant start;
        private final ZoneId zone;
        private final List<ChargingPeriod> periods = new ArrayList<>();
        private Instant next;

        private Builder(Instant start, ZoneId zone) {
            this.start = start;
            this.zone = zone;
            this.next = start;
        }

        Builder period(int minutes, CdrDimension... dimensions) {
            periods.add(ChargingPeriod.of(next, dimensions));
            next = next.plus(Duration.ofMinutes(minutes));
            return this;
        }

        RatingInput build() {
            return new RatingInput(start, next, zone, periods);
        }
    }
}
