package io.chargebase.domain.rating;

import java.util.Objects;

/** A text for drivers in one language (ISO 639-1 code). */
public record DisplayText(String language, String text) {

    public DisplayText {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
    }
}
