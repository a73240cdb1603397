package io.chargebase.domain.charging.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.chargebase.domain.charging.MspCdr;
import io.chargebase.domain.rating.CdrDimension;
import io.chargebase.domain.rating.CdrDimensionType;
import io.chargebase.domain.rating.ChargingPeriod;
import io.chargebase.domain.rating.Dimension;

/** Charging periods in their OCPI form and rated lines, as stored in jsonb columns. */
final class CdrJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CdrJson() {
    }

    static String periods(List<ChargingPeriod> periods) {
        ArrayNode array = JSON.createArrayNode();
        for (ChargingPeriod period : periods) {
            ObjectNode node = array.addObject();
            node.put("start_date_time", period.start().toString());
            ArrayNode dimensions = node.putArray("dimensions");
            for (CdrDimension dimension : period.dimensions()) {
                dimensions.addObject().put("type", dimension.type().name()).put("volume", dimension.volume());
            }
        }
        return JSON.writeValueAsString(array);
    }

    /** The periods of a stored CDR, parsed when first read ({@link ParsedOnRead}). */
    static List<ChargingPeriod> periods(String json) {
        return new ParsedOnRead<>(json, CdrJson::parsePeriods);
    }

    private static List<ChargingPeriod> parsePeriods(String json) {
        List<ChargingPeriod> periods = new ArrayList<>();
        for (JsonNode node : JSON.readTree(json)) {
            List<CdrDimension> dimensions = new ArrayList<>();
            for (JsonNode dimension : node.path("dimensions")) {
                dimensions.add(new CdrDimension(CdrDimensionType.valueOf(dimension.path("type").asString()), dimension.path("volume").decimalValue()));
            }
            periods.add(new ChargingPeriod(Instant.parse(node.path("start_date_time").asString()), dimensions));
        }
        return periods;
    }

    static String lines(List<MspCdr.Line> lines) {
        ArrayNode array = JSON.createArrayNode();
        for (MspCdr.Line line : lines) {
            array.addObject()
                    .put("dimension", line.dimension().name())
                    .put("quantity", line.quantity())
                    .put("billed_quantity", line.billedQuantity())
                    .put("cost_excl_vat", line.costExclVat())
                    .put("cost_incl_vat", line.costInclVat())
                    .put("reservation", line.reservation());
        }
        return JSON.writeValueAsString(array);
    }

    /** The lines of a stored CDR, parsed when first read ({@link ParsedOnRead}). */
    static List<MspCdr.Line> lines(String json) {
        return new ParsedOnRead<>(json, CdrJson::parseLines);
    }

    private static List<MspCdr.Line> parseLines(String json) {
        List<MspCdr.Line> lines = new ArrayList<>();
        for (JsonNode node : JSON.readTree(json)) {
            lines.add(new MspCdr.Line(Dimension.valueOf(node.path("dimension").asString()), decimal(node, "quantity"),
                    decimal(node, "billed_quantity"), decimal(node, "cost_excl_vat"), decimal(node, "cost_incl_vat"),
                    node.path("reservation").asBoolean()));
        }
        return lines;
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.decimalValue();
    }
}
