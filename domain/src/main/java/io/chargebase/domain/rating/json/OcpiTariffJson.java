package io.chargebase.domain.rating.json;

import static io.chargebase.domain.rating.json.JsonFields.array;
import static io.chargebase.domain.rating.json.JsonFields.enumValue;
import static io.chargebase.domain.rating.json.JsonFields.instant;
import static io.chargebase.domain.rating.json.JsonFields.integer;
import static io.chargebase.domain.rating.json.JsonFields.number;
import static io.chargebase.domain.rating.json.JsonFields.object;
import static io.chargebase.domain.rating.json.JsonFields.optional;
import static io.chargebase.domain.rating.json.JsonFields.optionalInteger;
import static io.chargebase.domain.rating.json.JsonFields.optionalNumber;
import static io.chargebase.domain.rating.json.JsonFields.parsed;
import static io.chargebase.domain.rating.json.JsonFields.path;
import static io.chargebase.domain.rating.json.JsonFields.required;
import static io.chargebase.domain.rating.json.JsonFields.string;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.rating.Dimension;
import io.chargebase.domain.rating.DisplayText;
import io.chargebase.domain.rating.Price;
import io.chargebase.domain.rating.PriceComponent;
import io.chargebase.domain.rating.ReservationRestriction;
import io.chargebase.domain.rating.Restrictions;
import io.chargebase.domain.rating.Tariff;
import io.chargebase.domain.rating.TariffElement;
import io.chargebase.domain.rating.TariffType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OCPI 2.2.1 Tariff JSON to and from {@link Tariff}. Fields the model does not hold (country_code, party_id, id,
 * tariff_alt_url, energy_mix, last_updated, misspelt names) are ignored on reading; a value that is present but wrong
 * is refused with its JSON path, e.g. {@code elements[0].price_components[1].price}. Writing produces the tariff's
 * own fields; the OCPI module adds the identifying ones.
 */
public final class OcpiTariffJson {

    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private OcpiTariffJson() {
    }

    public static Tariff parse(String json) {
        return parse(JsonFields.parse(json));
    }

    public static Tariff parse(JsonNode tariff) {
        object(tariff, "$");
        Currency currency = currency(string(required(tariff, "currency", "currency"), "currency"));
        JsonNode typeNode = optional(tariff, "type");
        TariffType type = typeNode == null ? null : enumValue(typeNode, "type", TariffType.class);
        List<DisplayText> altText = new ArrayList<>();
        JsonNode texts = optional(tariff, "tariff_alt_text");
        if (texts != null) {
            array(texts, "tariff_alt_text");
            for (int i = 0; i < texts.size(); i++) {
                String at = "tariff_alt_text[" + i + "]";
                JsonNode text = object(texts.get(i), at);
                altText.add(new DisplayText(string(required(text, "language", path(at, "language")), path(at, "language")),
                        string(required(text, "text", path(at, "text")), path(at, "text"))));
            }
        }
        JsonNode elementsNode = array(required(tariff, "elements", "elements"), "elements");
        List<TariffElement> elements = new ArrayList<>();
        for (int e = 0; e < elementsNode.size(); e++) {
            elements.add(element(elementsNode.get(e), "elements[" + e + "]"));
        }
        JsonNode start = optional(tariff, "start_date_time");
        JsonNode end = optional(tariff, "end_date_time");
        return new Tariff(currency, type, altText, elements, price(tariff, "min_price"), price(tariff, "max_price"),
                start == null ? null : instant(start, "start_date_time"), end == null ? null : instant(end, "end_date_time"));
    }

    private static Currency currency(String code) {
        try {
            if (code.length() == 3) {
                // Lower case ("gbp") is a CPO slip that linters only warn about; the currency is still unambiguous.
                return Currency.getInstance(code.toUpperCase(Locale.ROOT));
            }
        } catch (IllegalArgumentException unknown) {
            // reported below
        }
        throw new DomainException(ErrorCode.INVALID_CURRENCY, "currency", "Unknown ISO 4217 currency: \"" + code + "\".");
    }

    private static TariffElement element(JsonNode node, String at) {
        object(node, at);
        String componentsPath = path(at, "price_components");
        JsonNode componentsNode = array(required(node, "price_components", componentsPath), componentsPath);
        List<PriceComponent> components = new ArrayList<>();
        for (int c = 0; c < componentsNode.size(); c++) {
            String cat = componentsPath + "[" + c + "]";
            JsonNode component = object(componentsNode.get(c), cat);
            components.add(new PriceComponent(
                    enumValue(required(component, "type", path(cat, "type")), path(cat, "type"), Dimension.class),
                    number(required(component, "price", path(cat, "price")), path(cat, "price")),
                    optionalNumber(component, "vat", cat),
                    integer(required(component, "step_size", path(cat, "step_size")), path(cat, "step_size"))));
        }
        JsonNode restrictions = optional(node, "restrictions");
        return new TariffElement(components, restrictions == null ? null : restrictions(restrictions, path(at, "restrictions")));
    }

    private static Restrictions restrictions(JsonNode node, String at) {
        object(node, at);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        JsonNode dayNodes = optional(node, "day_of_week");
        if (dayNodes != null) {
            array(dayNodes, path(at, "day_of_week"));
            for (int i = 0; i < dayNodes.size(); i++) {
                days.add(enumValue(dayNodes.get(i), path(at, "day_of_week") + "[" + i + "]", DayOfWeek.class));
            }
        }
        JsonNode reservation = optional(node, "reservation");
        return Restrictions.builder()
                .timeOfDay(time(node, "start_time", at), time(node, "end_time", at))
                .dates(date(node, "start_date", at), date(node, "end_date", at))
                .kwh(optionalNumber(node, "min_kwh", at), optionalNumber(node, "max_kwh", at))
                .current(optionalNumber(node, "min_current", at), optionalNumber(node, "max_current", at))
                .power(optionalNumber(node, "min_power", at), optionalNumber(node, "max_power", at))
                .duration(optionalInteger(node, "min_duration", at), optionalInteger(node, "max_duration", at))
                .daysOfWeek(days)
                .reservation(reservation == null ? null : enumValue(reservation, path(at, "reservation"), ReservationRestriction.class))
                .build();
    }

    private static LocalTime time(JsonNode node, String field, String at) {
        JsonNode value = optional(node, field);
        return value == null ? null : parsed(value, path(at, field), text -> {
            if (!TIME.matcher(text).matches()) {
                throw new IllegalArgumentException(text);
            }
            return LocalTime.parse(text);
        }, "a time of day as HH:MM");
    }

    private static LocalDate date(JsonNode node, String field, String at) {
        JsonNode value = optional(node, field);
        return value == null ? null : parsed(value, path(at, field), LocalDate::parse, "a date as YYYY-MM-DD");
    }

    private static Price price(JsonNode node, String field) {
        JsonNode value = optional(node, field);
        if (value == null) {
            return null;
        }
        object(value, field);
        return new Price(number(required(value, "excl_vat", path(field, "excl_vat")), path(field, "excl_vat")),
                optionalNumber(value, "incl_vat", field));
    }

    public static String write(Tariff tariff) {
        return JsonFields.MAPPER.writeValueAsString(toNode(tariff));
    }

    public static ObjectNode toNode(Tariff tariff) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("currency", tariff.currency().getCurrencyCode());
        if (tariff.type() != null) {
            node.put("type", tariff.type().name());
        }
        if (!tariff.altText().isEmpty()) {
            ArrayNode texts = node.putArray("tariff_alt_text");
            tariff.altText().forEach(text -> texts.addObject().put("language", text.language()).put("text", text.text()));
        }
        ArrayNode elements = node.putArray("elements");
        for (TariffElement element : tariff.elements()) {
            ObjectNode elementNode = elements.addObject();
            ArrayNode components = elementNode.putArray("price_components");
            for (PriceComponent component : element.priceComponents()) {
                ObjectNode componentNode = components.addObject().put("type", component.type().name()).put("price", component.price());
                if (component.vat() != null) {
                    componentNode.put("vat", component.vat());
                }
                componentNode.put("step_size", component.stepSize());
            }
            if (!element.restrictions().isEmpty()) {
                elementNode.set("restrictions", restrictions(element.restrictions()));
            }
        }
        putPrice(node, "min_price", tariff.minPrice());
        putPrice(node, "max_price", tariff.maxPrice());
        if (tariff.startDateTime() != null) {
            node.put("start_date_time", tariff.startDateTime().toString());
        }
        if (tariff.endDateTime() != null) {
            node.put("end_date_time", tariff.endDateTime().toString());
        }
        return node;
    }

    private static ObjectNode restrictions(Restrictions r) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        if (r.startTime() != null) {
            node.put("start_time", HH_MM.format(r.startTime()));
        }
        if (r.endTime() != null) {
            node.put("end_time", HH_MM.format(r.endTime()));
        }
        if (r.startDate() != null) {
            node.put("start_date", r.startDate().toString());
        }
        if (r.endDate() != null) {
            node.put("end_date", r.endDate().toString());
        }
        putNumber(node, "min_kwh", r.minKwh());
        putNumber(node, "max_kwh", r.maxKwh());
        putNumber(node, "min_current", r.minCurrent());
        putNumber(node, "max_current", r.maxCurrent());
        putNumber(node, "min_power", r.minPower());
        putNumber(node, "max_power", r.maxPower());
        if (r.minDuration() != null) {
            node.put("min_duration", r.minDuration());
        }
        if (r.maxDuration() != null) {
            node.put("max_duration", r.maxDuration());
        }
        if (!r.daysOfWeek().isEmpty()) {
            ArrayNode days = node.putArray("day_of_week");
            EnumSet.copyOf(r.daysOfWeek()).forEach(day -> days.add(day.name()));
        }
        if (r.reservation() != null) {
            node.put("reservation", r.reservation().name());
        }
        return node;
    }

    private static void putNumber(ObjectNode node, String field, BigDecimal value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putPrice(ObjectNode node, String field, Price price) {
        if (price != null) {
            ObjectNode priceNode = node.putObject(field).put("excl_vat", price.exclVat());
            if (price.inclVat() != null) {
                priceNode.put("incl_vat", price.inclVat());
            }
        }
    }
}
