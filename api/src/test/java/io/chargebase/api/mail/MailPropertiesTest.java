package io.chargebase.api.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MailPropertiesTest {

    private final MailProperties properties = new MailProperties("no-reply@chargebase.example", Map.of(), Duration.ofSeconds(5),
            Duration.ofSeconds(30), Duration.ofHours(1), 100);

    @Test
    void theWaitDoublesWithEachFailureUpToTheMaximum() {
        assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.backoffAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.backoffAfter(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(properties.backoffAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(properties.backoffAfter(1_000)).isEqualTo(Duration.ofHours(1));
    }
}
