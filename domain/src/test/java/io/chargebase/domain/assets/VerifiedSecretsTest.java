package io.chargebase.domain.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class VerifiedSecretsTest {

    private final VerifiedSecrets verified = new VerifiedSecrets();
    private final UUID chargePoint = UUID.randomUUID();

    @Test
    void confirmsOnlyTheSecretThatWasCheckedAgainstTheSameStoredHash() {
        assertThat(verified.confirms(chargePoint, "$2a$10$hash", "secret-1")).isFalse();

        verified.remember(chargePoint, "$2a$10$hash", "secret-1");

        assertThat(verified.confirms(chargePoint, "$2a$10$hash", "secret-1")).isTrue();
        assertThat(verified.confirms(chargePoint, "$2a$10$hash", "secret-2")).isFalse();
        assertThat(verified.confirms(chargePoint, "$2a$10$renewed", "secret-1")).as("a renewed secret forgets the old").isFalse();
        assertThat(verified.confirms(UUID.randomUUID(), "$2a$10$hash", "secret-1")).as("another charge point").isFalse();
    }

    @Test
    void separatesHashFromSecretSoThatShiftedBoundariesDoNotCollide() {
        verified.remember(chargePoint, "abc", "def");

        assertThat(verified.confirms(chargePoint, "ab", "cdef")).isFalse();
    }
}
