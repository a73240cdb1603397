package io.chargebase.domain.rating;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

/**
 * When a tariff element applies (OCPI TariffRestrictions); every field present must hold. Times and dates are in the
 * location's local time: {@code startTime} inclusive, {@code endTime} exclusive, wrapping past midnight when it is
 * not after {@code startTime} (an end of 00:00 means the end of the day); {@code startDate} inclusive,
 * {@code endDate} exclusive. kWh, current (A) and power (kW) minima are inclusive and maxima exclusive, as are
 * {@code minDuration} and {@code maxDuration} (seconds of session time). An empty {@code daysOfWeek} means every day.
 */
public record Restrictions(
        LocalTime startTime,
        LocalTime endTime,
        LocalDate startDate,
        LocalDate endDate,
        BigDecimal minKwh,
        BigDecimal maxKwh,
        BigDecimal minCurrent,
        BigDecimal maxCurrent,
        BigDecimal minPower,
        BigDecimal maxPower,
        Integer minDuration,
        Integer maxDuration,
        Set<DayOfWeek> daysOfWeek,
        ReservationRestriction reservation) {

    public static final Restrictions NONE = builder().build();

    public Restrictions {
        daysOfWeek = daysOfWeek == null ? Set.of() : Set.copyOf(daysOfWeek);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Restrictions have many optional fields; the builder keeps call sites readable. */
    public static final class Builder {
        private LocalTime startTime;
        private LocalTime endTime;
        private LocalDate startDate;
        private LocalDate endDate;
        private BigDecimal minKwh;
        private BigDecimal maxKwh;
        private BigDecimal minCurrent;
        private BigDecimal maxCurrent;
        private BigDecimal minPower;
        private BigDecimal maxPower;
        private Integer minDuration;
        private Integer maxDuration;
        private Set<DayOfWeek> daysOfWeek = Set.of();
        private ReservationRestriction reservation;

        public Builder timeOfDay(LocalTime start, LocalTime end) {
            this.startTime = start;
            this.endTime = end;
            return this;
        }

        public Builder dates(LocalDate start, LocalDate end) {
            this.startDate = start;
            this.endDate = end;
            return this;
        }

        public Builder kwh(BigDecimal min, BigDecimal max) {
            this.minKwh = min;
            this.maxKwh = max;
            return this;
        }

        public Builder current(BigDecimal min, BigDecimal max) {
            this.minCurrent = min;
            this.maxCurrent = max;
            return this;
        }

        public Builder power(BigDecimal min, BigDecimal max) {
            this.minPower = min;
            this.maxPower = max;
            return this;
        }

        public Builder duration(Integer minSeconds, Integer maxSeconds) {
            this.minDuration = minSeconds;
            this.maxDuration = maxSeconds;
            return this;
        }

        public Builder daysOfWeek(Set<DayOfWeek> days) {
            this.daysOfWeek = days;
            return this;
        }

        public Builder reservation(ReservationRestriction reservation) {
            this.reservation = reservation;
            return this;
        }

        public Restrictions build() {
            return new Restrictions(startTime, endTime, startDate, endDate, minKwh, maxKwh, minCurrent, maxCurrent,
                    minPower, maxPower, minDuration, maxDuration, daysOfWeek, reservation);
        }
    }
}
