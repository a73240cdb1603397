package io.chargebase.domain.rating.json;

import static io.chargebase.domain.rating.json.JsonFields.array;
import static io.chargebase.domain.rating.json.JsonFields.enumValue;
import static io.chargebase.domain.rating.json.JsonFields.instant;
import static io.chargebase.domain.rating.json.JsonFields.number;
import static io.chargebase.domain.rating.json.JsonFields.object;
import static io.chargebase.domain.rating.json.JsonFields.optional;
import static io.chargebase.domain.rating.json.JsonFields.path;
import static io.chargebase.domain.rating.json.JsonFields.required;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.rating.CdrDimension;
import io.chargebase.domain.rating.CdrDimensionType;
import io.chargebase.domain.rating.ChargingPeriod;
import io.chargebase.domain.rating.RatingInput;
import io.chargebase.domain.rating.Tariff;
import tools.jackson.databind.JsonNode;

/** Reads what rating needs from an OCPI 2.2.1 CDR: its session and charging periods, and the tariffs it carries. */
public final class OcpiCdrJson {

    private OcpiCdrJson() {
    }

    public static JsonNode parse(String json) {
        return JsonFields.parse(json);
    }

    /**
     * The CDR's session as rating input in {@code zone} (the location's time zone, which a CDR does not carry). CPOs do
     * send CDRs whose first period starts before start_date_time; the session is then taken to start with that period,
     * as its periods are what was measured.
     */
    public static RatingInput ratingInput(JsonNode cdr, ZoneId zone) {
        object(cdr, "$");
        Instant start = instant(required(cdr, "start_date_time", "start_date_time"), "start_date_time");
        Instant end = instant(required(cdr, "end_date_time", "end_date_time"), "end_date_time");
        JsonNode periodNodes = array(required(cdr, "charging_periods", "charging_periods"), "charging_periods");
        List<ChargingPeriod> periods = new ArrayList<>();
        for (int p = 0; p < periodNodes.size(); p++) {
            String at = "charging_periods[" + p + "]";
            JsonNode period = object(periodNodes.get(p), at);
            Instant periodStart = instant(required(period, "start_date_time", path(at, "start_date_time")), path(at, "start_date_time"));
            JsonNode dimensionNodes = array(required(period, "dimensions", path(at, "dimensions")), path(at, "dimensions"));
            List<CdrDimension> dimensions = new ArrayList<>();
            for (int d = 0; d < dimensionNodes.size(); d++) {
                String dat = path(at, "dimensions") + "[" + d + "]";
                JsonNode dimension = object(dimensionNodes.get(d), dat);
                dimensions.add(new CdrDimension(
                        enumValue(required(dimension, "type", path(dat, "type")), path(dat, "type"), CdrDimensionType.class),
                        number(required(dimension, "volume", path(dat, "volume")), path(dat, "volume"))));
            }
            periods.add(new ChargingPeriod(periodStart, dimensions));
        }
        if (!periods.isEmpty() && periods.getFirst().start().isBefore(start)) {
            start = periods.getFirst().start();
        }
        return new RatingInput(start, end, zone, periods);
    }

    /** The tariffs the CDR carries (OCPI: those relevant to it), in their order. */
    public static List<Tariff> tariffs(JsonNode cdr) {
        JsonNode tariffs = optional(object(cdr, "$"), "tariffs");
        List<Tariff> result = new ArrayList<>();
        if (tariffs != null) {
            array(tariffs, "tariffs");
            for (int t = 0; t < tariffs.size(); t++) {
                try {
                    result.add(OcpiTariffJson.parse(tariffs.get(t)));
                } catch (DomainException e) {
                    String field = "tariffs[" + t + "]" + (e.field() == null || e.field().equals("$") ? "" : "." + e.field());
                    throw new DomainException(e.code(), field, e.getMessage());
                }
            }
        }
        return result;
    }
}
