package io.chargebase.domain.rating;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A tariff in OCPI 2.2.1 terms: ordered elements, the first applicable one pricing each dimension, with an optional
 * floor and ceiling on the session total. A Tariff is valid once built: the constructor refuses missing elements,
 * negative prices or step sizes, inverted ranges and the like with a {@link io.chargebase.domain.DomainException}
 * naming the OCPI field path ({@code elements[0].price_components[1].price}). {@code startDateTime} and
 * {@code endDateTime} say when the tariff may be chosen for a session; choosing it is the caller's part, the engine
 * rates whatever tariff it is given.
 */
public record Tariff(
        Currency currency,
        TariffType type,
        List<DisplayText> altText,
        List<TariffElement> elements,
        Price minPrice,
        Price maxPrice,
        Instant startDateTime,
        Instant endDateTime) {

    public Tariff {
        altText = altText == null ? List.of() : List.copyOf(altText);
        elements = elements == null ? List.of() : List.copyOf(elements);
        TariffRules.validate(currency, elements, minPrice, maxPrice, startDateTime, endDateTime);
    }

    public static Tariff of(Currency currency, List<TariffElement> elements) {
        return new Tariff(currency, null, List.of(), elements, null, null, null, null);
    }

    public Tariff withLimits(Price minPrice, Price maxPrice) {
        return new Tariff(currency, type, altText, elements, minPrice, maxPrice, startDateTime, endDateTime);
    }

    public Tariff withType(TariffType type) {
        return new Tariff(currency, Objects.requireNonNull(type), altText, elements, minPrice, maxPrice, startDateTime, endDateTime);
    }
}
