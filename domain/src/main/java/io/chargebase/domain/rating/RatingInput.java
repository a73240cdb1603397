package io.chargebase.domain.rating;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;

/**
 * A session to rate: its start and end, the time zone of its location (tariff restrictions are in local time) and its
 * charging periods, which must be in order, start at distinct instants and lie within start..end.
 */
public record RatingInput(Instant start, Instant end, ZoneId timeZone, List<ChargingPeriod> periods) {

    public RatingInput {
        if (start == null) {
            throw new DomainException(ErrorCode.REQUIRED, "start", "A session to rate needs its start.");
        }
        if (end == null) {
            throw new DomainException(ErrorCode.REQUIRED, "end", "A session to rate needs its end.");
        }
        if (timeZone == null) {
            throw new DomainException(ErrorCode.INVALID_TIME_ZONE, "time_zone",
                    "A session to rate needs the location's time zone: tariff restrictions are in local time.");
        }
        if (end.isBefore(start)) {
            throw new DomainException(ErrorCode.OUT_OF_ORDER, "end", "The session ends (" + end + ") before it starts (" + start + ").");
        }
        periods = periods == null ? List.of() : List.copyOf(periods);
        Instant previous = null;
        for (int i = 0; i < periods.size(); i++) {
            Instant at = periods.get(i).start();
            String field = "charging_periods[" + i + "].start_date_time";
            if (at.isBefore(start) || at.isAfter(end) || at.equals(end) && !end.equals(start)) {
                throw new DomainException(ErrorCode.INVALID, field, "Period start " + at + " lies outside the session " + start + ".." + end + ".");
            }
            if (previous != null && !at.isAfter(previous)) {
                throw new DomainException(ErrorCode.OUT_OF_ORDER, field, at.equals(previous)
                        ? "Period overlaps the previous one: both start at " + at + "."
                        : "Period starts at " + at + ", before the previous one (" + previous + ").");
            }
            previous = at;
        }
    }
}
