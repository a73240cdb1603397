package io.chargebase.domain.tokens;

import java.util.Locale;
import java.util.regex.Pattern;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;

/**
 * The identifier a charger reads from a token and sends as the OCPP idTag: the card's UID in upper-case hex,
 * 4 to 10 bytes (8 to 20 characters, within OCPP 1.6's 20-character idTag). Separators people type
 * ({@code 04:A1:B2…}, {@code 04 a1 b2…}) are dropped.
 */
public record TokenUid(String value) {

    private static final Pattern HEX = Pattern.compile("([0-9A-F]{2}){4,10}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s:-]");

    public TokenUid {
        if (value == null || !HEX.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a normalised token UID: " + value);
        }
    }

    public static TokenUid parse(String field, String raw) {
        String value = SEPARATORS.matcher(raw == null ? "" : raw.strip()).replaceAll("").toUpperCase(Locale.ROOT);
        if (!HEX.matcher(value).matches()) {
            throw new DomainException(ErrorCode.INVALID_UID, field,
                    "'" + raw + "' is not a token UID: 4 to 10 bytes in hexadecimal, like 04A1B2C3D4E5F6.");
        }
        return new TokenUid(value);
    }

    /** Looks an idTag up as sent by a charger: the same normalisation, or nothing when it cannot be a UID. */
    public static java.util.Optional<TokenUid> fromIdTag(String idTag) {
        String value = idTag == null ? "" : idTag.strip().toUpperCase(Locale.ROOT);
        return HEX.matcher(value).matches() ? java.util.Optional.of(new TokenUid(value)) : java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
