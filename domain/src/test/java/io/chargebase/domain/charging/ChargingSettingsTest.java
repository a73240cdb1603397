package io.chargebase.domain.charging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.chargebase.domain.DomainException;

class ChargingSettingsTest {

    private static ChargingSettings with(Duration inactivity, Duration finish, Duration sampling) {
        ChargingSettings d = ChargingSettings.DEFAULTS;
        return new ChargingSettings(d.heartbeatInterval(), d.temporarilyUnavailableAfter(), d.longTermUnavailableAfter(), d.failStartTimeout(),
                inactivity, d.unknownChargePoints(), finish, sampling);
    }

    @Test
    void theDefaultsAreTheManuals() {
        assertThat(ChargingSettings.DEFAULTS.validated().heartbeatInterval()).isEqualTo(Duration.ofSeconds(300));
        assertThat(ChargingSettings.DEFAULTS.meterValueSampleInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(ChargingSettings.DEFAULTS.finishAfterInactivity()).isEqualTo(Duration.ofMinutes(120));
        assertThat(ChargingSettings.DEFAULTS.inactivityTimeout()).as("the mark comes first").isLessThan(Duration.ofMinutes(120));
    }

    @Test
    void finishingComesNotBeforeTheMarkAndSamplingStaysWithinBounds() {
        assertThat(with(Duration.ofMinutes(60), Duration.ofMinutes(60), Duration.ofSeconds(60)).validated()).isNotNull();
        assertThatThrownBy(() -> with(Duration.ofMinutes(60), Duration.ofMinutes(59), Duration.ofSeconds(60)).validated())
                .isInstanceOf(DomainException.class).hasMessageContaining("finished");
        assertThatThrownBy(() -> with(Duration.ofMinutes(30), Duration.ofMinutes(120), Duration.ofSeconds(1)).validated())
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> with(Duration.ofMinutes(30), null, Duration.ofSeconds(60)).validated()).isInstanceOf(DomainException.class);
    }
}
