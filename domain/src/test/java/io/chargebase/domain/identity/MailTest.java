package io.chargebase.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class MailTest {

    private static final Instant EXPIRY = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theBodyKeepsOnlyAPlaceholderAndTheTextHasTheCode() {
        Mail mail = new Mail("a@example.com", "Reset", "Your code: " + Mail.CODE + ".", "s3cr3t-code", EXPIRY);

        assertThat(mail.body()).doesNotContain("s3cr3t-code");
        assertThat(mail.text()).isEqualTo("Your code: s3cr3t-code.");
    }

    @Test
    void aCodeNeedsAPlaceInTheBodyAndAnExpiry() {
        assertThatThrownBy(() -> new Mail("a@example.com", "Reset", "Your code: s3cr3t", "s3cr3t", EXPIRY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mail("a@example.com", "Reset", "Your code: " + Mail.CODE, "s3cr3t", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Mail("a@example.com", "Hello", "No code {{code}} here").text()).isEqualTo("No code {{code}} here");
    }
}
