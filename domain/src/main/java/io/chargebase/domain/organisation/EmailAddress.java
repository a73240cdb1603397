package io.chargebase.domain.organisation;

import java.util.Locale;
import java.util.regex.Pattern;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;

/**
 * An e-mail address in the form mail actually reaches: one {@code @}, a local part without spaces, a domain
 * with at least one dot and no empty labels. Compared without regard to case.
 */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    public static EmailAddress parse(String field, String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            throw new DomainException(ErrorCode.REQUIRED, field, "An e-mail address is required.");
        }
        if (value.length() > 254 || !SHAPE.matcher(value).matches() || value.indexOf('@') > 64) {
            throw new DomainException(ErrorCode.INVALID_EMAIL, field, "'" + raw + "' is not a valid e-mail address.");
        }
        return new EmailAddress(value);
    }

    public String normalised() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
