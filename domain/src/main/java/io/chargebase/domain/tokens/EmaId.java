package io.chargebase.domain.tokens;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;

/**
 * An e-mobility account identifier (eMI3 contract ID, ISO 15118 EMAID) as printed on a card: country, provider,
 * instance and check character, written {@code NL-DEF-C12345678-X}. Parsing accepts it with or without hyphens and
 * in any case, completes a missing check character, and refuses a wrong one.
 */
public record EmaId(String countryCode, String providerId, String instance, char checkCharacter) {

    private static final Pattern SHAPE = Pattern.compile("([A-Z]{2})-?([A-Z0-9]{3})-?([A-Z0-9]{9})(?:-?([A-Z0-9]))?");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public EmaId {
        String fourteen = countryCode + providerId + instance;
        if (!SHAPE.matcher(fourteen).matches() || EmaIdCheckCharacter.of(fourteen) != checkCharacter) {
            throw new IllegalArgumentException("Not a valid EMA-ID: " + fourteen + checkCharacter);
        }
    }

    /** A valid EMA-ID from what a person typed, or a refusal naming {@code field} and what is wrong. */
    public static EmaId parse(String field, String raw) {
        String value = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        Matcher matcher = SHAPE.matcher(value);
        if (!matcher.matches()) {
            throw new DomainException(ErrorCode.INVALID_EMA_ID, field,
                    "'" + raw + "' is not an EMA-ID: country, 3-character provider, 9-character instance and check character, like NL-DEF-C12345678-X.");
        }
        if (!COUNTRIES.contains(matcher.group(1))) {
            throw new DomainException(ErrorCode.INVALID_EMA_ID, field, "'" + matcher.group(1) + "' is not an ISO 3166 country code.");
        }
        char expected = EmaIdCheckCharacter.of(matcher.group(1) + matcher.group(2) + matcher.group(3));
        if (matcher.group(4) != null && matcher.group(4).charAt(0) != expected) {
            throw new DomainException(ErrorCode.INVALID_EMA_ID, field,
                    "The check character of '" + raw + "' is wrong: mistyped, or not an EMA-ID.");
        }
        return new EmaId(matcher.group(1), matcher.group(2), matcher.group(3), expected);
    }

    /** The EMA-ID with this country, provider and instance, its check character computed. */
    public static EmaId of(String countryCode, String providerId, String instance) {
        return parse("emaId", countryCode + providerId + instance);
    }

    /** The printed form, {@code NL-DEF-C12345678-X}. */
    @Override
    public String toString() {
        return countryCode + "-" + providerId + "-" + instance + "-" + checkCharacter;
    }

    /** The compact form ISO 15118 sends between car and charger, {@code NLDEFC12345678X}. */
    public String compact() {
        return countryCode + providerId + instance + checkCharacter;
    }
}
