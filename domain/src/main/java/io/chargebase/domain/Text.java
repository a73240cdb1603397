package io.chargebase.domain;

/** Validation of the free-text fields commands carry. */
public final class Text {

    private Text() {
    }

    /** The stripped text, or a refusal naming {@code field} when it is blank or longer than {@code max}. */
    public static String required(String field, String raw, int max) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            throw new DomainException(ErrorCode.REQUIRED, field, "A value is required.");
        }
        return limited(field, value, max);
    }

    /** The stripped text, {@code null} when blank, or a refusal when longer than {@code max}. */
    public static String optional(String field, String raw, int max) {
        String value = raw == null ? "" : raw.strip();
        return value.isEmpty() ? null : limited(field, value, max);
    }

    private static String limited(String field, String value, int max) {
        if (value.length() > max) {
            throw new DomainException(ErrorCode.TOO_LONG, field, "At most " + max + " characters are allowed.");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw new DomainException(ErrorCode.INVALID, field, "Control characters are not allowed.");
        }
        return value;
    }
}
