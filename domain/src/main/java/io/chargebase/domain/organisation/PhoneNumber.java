package io.chargebase.domain.organisation;

import java.util.regex.Pattern;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;

/**
 * A phone number in international E.164 form ({@code +31201234567}). Spaces, dots, dashes and brackets that
 * people type are accepted and dropped; a number without its country code is refused, because a white-label
 * tenant may serve several countries.
 */
public record PhoneNumber(String value) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern TYPING = Pattern.compile("[\\s.()\\-]");

    public static PhoneNumber parse(String field, String raw) {
        String compact = TYPING.matcher(raw == null ? "" : raw.strip()).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        if (!E164.matcher(compact).matches()) {
            throw new DomainException(ErrorCode.INVALID_PHONE, field,
                    "'" + raw + "' is not an international phone number such as +31 20 123 4567.");
        }
        return new PhoneNumber(compact);
    }

    @Override
    public String toString() {
        return value;
    }
}
