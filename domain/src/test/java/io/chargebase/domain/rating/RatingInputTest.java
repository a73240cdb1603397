package io.chargebase.domain.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.rating.json.OcpiCdrJson;

class RatingInputTest {

    private static final Instant START = Instant.parse("2026-05-04T10:00:00Z");
    private static final Instant END = Instant.parse("2026-05-04T12:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private static ChargingPeriod at(String instant) {
        return ChargingPeriod.of(Instant.parse(instant), Sessions.kwh("1"));
    }

    private static void refused(ThrowingCallable build, ErrorCode code, String field) {
        assertThatThrownBy(build).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    @Test
    void needsATimeZone() {
        refused(() -> new RatingInput(START, END, null, List.of()), ErrorCode.INVALID_TIME_ZONE, "time_zone");
    }

    @Test
    void periodsMustBeInOrder() {
        refused(() -> new RatingInput(START, END, ZONE, List.of(at("2026-05-04T11:00:00Z"), at("2026-05-04T10:30:00Z"))),
                ErrorCode.OUT_OF_ORDER, "charging_periods[1].start_date_time");
    }

    @Test
    void periodsMustNotOverlap() {
        refused(() -> new RatingInput(START, END, ZONE, List.of(at("2026-05-04T11:00:00Z"), at("2026-05-04T11:00:00Z"))),
                ErrorCode.OUT_OF_ORDER, "charging_periods[1].start_date_time");
    }

    @Test
    void periodsMustLieWithinTheSession() {
        refused(() -> new RatingInput(START, END, ZONE, List.of(at("2026-05-04T09:59:59Z"))), ErrorCode.INVALID, "charging_periods[0].start_date_time");
        refused(() -> new RatingInput(START, END, ZONE, List.of(at("2026-05-04T12:00:00Z"))), ErrorCode.INVALID, "charging_periods[0].start_date_time");
    }

    @Test
    void theSessionMustEndAfterItStarts() {
        refused(() -> new RatingInput(END, START, ZONE, List.of()), ErrorCode.OUT_OF_ORDER, "end");
    }

    @Test
    void cdrWithoutZoneIsRefused() {
        var cdr = OcpiCdrJson.parse("""
                {"start_date_time": "2026-05-04T10:00:00Z", "end_date_time": "2026-05-04T11:00:00Z",
                 "charging_periods": [{"start_date_time": "2026-05-04T10:00:00Z", "dimensions": [{"type": "ENERGY", "volume": 5}]}]}
                """);
        refused(() -> OcpiCdrJson.ratingInput(cdr, null), ErrorCode.INVALID_TIME_ZONE, "time_zone");
        assertThat(OcpiCdrJson.ratingInput(cdr, ZONE).periods()).hasSize(1);
    }

    @Test
    void cdrWithBadEmbeddedTariffIsRefusedWithItsPath() {
        var cdr = OcpiCdrJson.parse("""
                {"tariffs": [{"currency": "EUR", "elements": [{"price_components": [{"type": "TIME", "price": -2, "step_size": 1}]}]}]}
                """);
        assertThatThrownBy(() -> OcpiCdrJson.tariffs(cdr)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.field()).isEqualTo("tariffs[0].elements[0].price_components[0].price"));
    }

    @Test
    void cdrWithBadDimensionIsRefusedWithItsPath() {
        var cdr = OcpiCdrJson.parse("""
                {"start_date_time": "2026-05-04T10:00:00Z", "end_date_time": "2026-05-04T11:00:00Z",
                 "charging_periods": [{"start_date_time": "2026-05-04T10:00:00Z", "dimensions": [{"type": "ENERGY", "volume": "5"}]}]}
                """);
        refused(() -> OcpiCdrJson.ratingInput(cdr, ZONE), ErrorCode.INVALID, "charging_periods[0].dimensions[0].volume");
    }
}
