package io.chargebase.domain.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A message to one person. A message that carries a single-use code holds it apart from its text: the body says
 * {@value #CODE} where the code goes, and {@link #text()} puts it there. So the outbox can store the body without the
 * code, and the code only ever reaches the mailbox.
 *
 * @param code      the single-use code, or {@code null} for a message without one
 * @param expiresAt when the code stops working (a message whose code expired is not worth sending); {@code null}
 *                  without a code
 */
public record Mail(String recipient, String subject, String body, String code, Instant expiresAt) {

    /** Where the code goes in the body. */
    public static final String CODE = "{{code}}";

    public Mail {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        if ((code == null) != (expiresAt == null)) {
            throw new IllegalArgumentException("A code needs its expiry, and only a code has one");
        }
        if (code != null && !body.contains(CODE)) {
            throw new IllegalArgumentException("The body does not say where the code goes (" + CODE + ")");
        }
    }

    /** A message without a code. */
    public Mail(String recipient, String subject, String body) {
        this(recipient, subject, body, null, null);
    }

    /** The message as the recipient reads it, code included. */
    public String text() {
        return code == null ? body : body.replace(CODE, code);
    }
}
