package io.chargebase.domain.tariffs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.chargebase.domain.rating.PriceComponent;
import io.chargebase.domain.rating.Restrictions;
import io.chargebase.domain.rating.Tariff;
import io.chargebase.domain.rating.TariffElement;

/**
 * A tariff in words for drivers and admins: "0.25 EUR/kWh; 0.05 EUR/min 22:00–07:00; 1.00 EUR per session".
 * Prices are shown including VAT when the component has VAT (as drivers pay them), time prices per minute.
 */
public final class TariffText {

    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    private TariffText() {
    }

    public static String of(Tariff tariff) {
        List<String> parts = new ArrayList<>();
        for (TariffElement element : tariff.elements()) {
            String when = restrictions(element.restrictions());
            for (PriceComponent component : element.priceComponents()) {
                String price = component(component, tariff.currency().getCurrencyCode());
                parts.add(when == null ? price : price + " (" + when + ")");
            }
        }
        List<String> priced = parts.stream().filter(part -> !part.startsWith("0.00 ")).toList();
        String text = priced.isEmpty() ? "Free" : String.join("; ", priced);
        if (tariff.minPrice() != null) {
            text += "; at least " + amount(gross(tariff.minPrice().exclVat(), tariff.minPrice().inclVat())) + " " + tariff.currency().getCurrencyCode();
        }
        if (tariff.maxPrice() != null) {
            text += "; at most " + amount(gross(tariff.maxPrice().exclVat(), tariff.maxPrice().inclVat())) + " " + tariff.currency().getCurrencyCode();
        }
        return text;
    }

    /** One element's restrictions in words, or null when it has none. */
    public static String restrictions(Restrictions restrictions) {
        if (restrictions == null || restrictions.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (restrictions.startTime() != null || restrictions.endTime() != null) {
            parts.add((restrictions.startTime() == null ? "00:00" : restrictions.startTime()) + "–"
                    + (restrictions.endTime() == null ? "24:00" : restrictions.endTime()));
        }
        if (!restrictions.daysOfWeek().isEmpty()) {
            parts.add(String.join(", ", restrictions.daysOfWeek().stream().sorted()
                    .map(day -> day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).toList()));
        }
        if (restrictions.startDate() != null) {
            parts.add("from " + restrictions.startDate());
        }
        if (restrictions.endDate() != null) {
            parts.add("until " + restrictions.endDate());
        }
        range(parts, restrictions.minKwh(), restrictions.maxKwh(), "kWh");
        range(parts, restrictions.minPower(), restrictions.maxPower(), "kW");
        range(parts, restrictions.minCurrent(), restrictions.maxCurrent(), "A");
        if (restrictions.minDuration() != null) {
            parts.add("after " + minutes(restrictions.minDuration()) + " min");
        }
        if (restrictions.maxDuration() != null) {
            parts.add("first " + minutes(restrictions.maxDuration()) + " min");
        }
        if (restrictions.reservation() != null) {
            parts.add(restrictions.reservation() == io.chargebase.domain.rating.ReservationRestriction.RESERVATION
                    ? "while reserved" : "when a reservation expires");
        }
        return String.join(", ", parts);
    }

    private static String component(PriceComponent component, String currency) {
        BigDecimal price = gross(component.price(), component.vat() == null ? null
                : component.price().multiply(BigDecimal.ONE.add(component.vat().movePointLeft(2))));
        return switch (component.type()) {
            case ENERGY -> amount(price) + " " + currency + "/kWh";
            case TIME -> amount(price.divide(MINUTES_PER_HOUR, 4, RoundingMode.HALF_UP)) + " " + currency + "/min charging";
            case PARKING_TIME -> amount(price.divide(MINUTES_PER_HOUR, 4, RoundingMode.HALF_UP)) + " " + currency + "/min parking";
            case FLAT -> amount(price) + " " + currency + " per session";
        };
    }

    private static void range(List<String> parts, BigDecimal min, BigDecimal max, String unit) {
        if (min != null && max != null) {
            parts.add(min.stripTrailingZeros().toPlainString() + "–" + max.stripTrailingZeros().toPlainString() + " " + unit);
        } else if (min != null) {
            parts.add("from " + min.stripTrailingZeros().toPlainString() + " " + unit);
        } else if (max != null) {
            parts.add("below " + max.stripTrailingZeros().toPlainString() + " " + unit);
        }
    }

    private static BigDecimal gross(BigDecimal exclVat, BigDecimal inclVat) {
        return inclVat != null ? inclVat : exclVat;
    }

    /** Two decimals, more only where the price has them (0.125 stays 0.125). */
    private static String amount(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= 2 ? value.setScale(2, RoundingMode.HALF_UP).toPlainString() : stripped.toPlainString();
    }

    private static String minutes(int seconds) {
        return BigDecimal.valueOf(seconds).divide(MINUTES_PER_HOUR, 1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
