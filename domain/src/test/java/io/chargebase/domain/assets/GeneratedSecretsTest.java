package io.chargebase.domain.assets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeneratedSecretsTest {

    @Test
    void matchesOnlyTheHashedSecretAndSaltsEveryHash() {
        String hash = GeneratedSecrets.hash("Vq3mZ8pL2xR7tN1kW5yB9cD4");

        assertThat(hash).startsWith(GeneratedSecrets.PREFIX);
        assertThat(GeneratedSecrets.matches("Vq3mZ8pL2xR7tN1kW5yB9cD4", hash)).isTrue();
        assertThat(GeneratedSecrets.matches("Vq3mZ8pL2xR7tN1kW5yB9cD5", hash)).isFalse();
        assertThat(GeneratedSecrets.matches("", hash)).isFalse();
        assertThat(GeneratedSecrets.hash("Vq3mZ8pL2xR7tN1kW5yB9cD4")).as("salted").isNotEqualTo(hash);
    }

    @Test
    void refusesHashesItDidNotMake() {
        assertThat(GeneratedSecrets.matches("secret", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(GeneratedSecrets.matches("secret", GeneratedSecrets.PREFIX + "not-base64$???")).isFalse();
        assertThat(GeneratedSecrets.matches("secret", GeneratedSecrets.PREFIX + "onlyonepart")).isFalse();
        assertThat(GeneratedSecrets.matches("secret", null)).isFalse();
    }
}
