package io.chargebase.domain.rating;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

import io.chargebase.domain.Decimals;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;

/** The checks that make a {@link Tariff} valid, reported with OCPI field paths so a CPO can find the fault. */
final class TariffRules {

    private TariffRules() {
    }

    static void validate(Currency currency, List<TariffElement> elements, Price minPrice, Price maxPrice,
            Instant startDateTime, Instant endDateTime) {
        if (currency == null) {
            throw new DomainException(ErrorCode.REQUIRED, "currency", "A tariff needs a currency.");
        }
        if (elements.isEmpty()) {
            throw new DomainException(ErrorCode.REQUIRED, "elements", "A tariff needs at least one element.");
        }
        for (int e = 0; e < elements.size(); e++) {
            element(elements.get(e), "elements[" + e + "]");
        }
        price(minPrice, "min_price");
        price(maxPrice, "max_price");
        if (minPrice != null && maxPrice != null) {
            ordered(minPrice.exclVat(), maxPrice.exclVat(), false, "max_price.excl_vat", "min_price above max_price");
            if (minPrice.inclVat() != null && maxPrice.inclVat() != null) {
                ordered(minPrice.inclVat(), maxPrice.inclVat(), false, "max_price.incl_vat", "min_price above max_price");
            }
        }
        if (startDateTime != null && endDateTime != null && !endDateTime.isAfter(startDateTime)) {
            throw new DomainException(ErrorCode.OUT_OF_ORDER, "end_date_time", "The tariff ends before it starts.");
        }
    }

    private static void element(TariffElement element, String path) {
        if (element.priceComponents().isEmpty()) {
            throw new DomainException(ErrorCode.REQUIRED, path + ".price_components", "An element needs at least one price component.");
        }
        boolean reservation = element.restrictions().reservation() != null;
        for (int c = 0; c < element.priceComponents().size(); c++) {
            PriceComponent component = element.priceComponents().get(c);
            String at = path + ".price_components[" + c + "]";
            notNegative(component.price(), at + ".price");
            Decimals.within(at + ".price", component.price(), 6, 8);
            notNegative(component.vat(), at + ".vat");
            if (component.stepSize() < 0) {
                throw new DomainException(ErrorCode.INVALID, at + ".step_size", "A step size cannot be negative.");
            }
            if (reservation && component.type() != Dimension.FLAT && component.type() != Dimension.TIME) {
                throw new DomainException(ErrorCode.INVALID, at + ".type",
                        "A reservation element can only price FLAT and TIME, not " + component.type() + ".");
            }
        }
        restrictions(element.restrictions(), path + ".restrictions");
    }

    private static void restrictions(Restrictions r, String path) {
        if (r.startTime() != null && r.startTime().equals(r.endTime())) {
            throw new DomainException(ErrorCode.INVALID, path + ".end_time",
                    "start_time equals end_time: it is unclear whether the element applies all day or never.");
        }
        if (r.startDate() != null && r.endDate() != null && !r.endDate().isAfter(r.startDate())) {
            throw new DomainException(ErrorCode.OUT_OF_ORDER, path + ".end_date", "end_date (exclusive) must be after start_date.");
        }
        range(r.minKwh(), r.maxKwh(), path, "kwh");
        range(r.minCurrent(), r.maxCurrent(), path, "current");
        range(r.minPower(), r.maxPower(), path, "power");
        range(r.minDuration() == null ? null : BigDecimal.valueOf(r.minDuration()),
                r.maxDuration() == null ? null : BigDecimal.valueOf(r.maxDuration()), path, "duration");
    }

    private static void range(BigDecimal min, BigDecimal max, String path, String name) {
        notNegative(min, path + ".min_" + name);
        notNegative(max, path + ".max_" + name);
        if (min != null && max != null) {
            ordered(min, max, true, path + ".max_" + name, "min_" + name + " must be below max_" + name);
        }
    }

    private static void price(Price price, String path) {
        if (price != null) {
            notNegative(price.exclVat(), path + ".excl_vat");
            notNegative(price.inclVat(), path + ".incl_vat");
            Decimals.within(path + ".excl_vat", price.exclVat(), 10, 8);
            Decimals.within(path + ".incl_vat", price.inclVat(), 10, 8);
        }
    }

    private static void ordered(BigDecimal low, BigDecimal high, boolean strict, String field, String message) {
        int order = low.compareTo(high);
        if (order > 0 || strict && order == 0) {
            throw new DomainException(ErrorCode.OUT_OF_ORDER, field, message + " (" + low.toPlainString() + ", " + high.toPlainString() + ").");
        }
    }

    private static void notNegative(BigDecimal value, String field) {
        if (value != null && value.signum() < 0) {
            throw new DomainException(ErrorCode.INVALID, field, "Cannot be negative: " + value.toPlainString() + ".");
        }
    }
}
