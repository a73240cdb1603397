package io.chargebase.api.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import io.chargebase.api.database.PostgresNotifications;
import io.chargebase.api.secrets.Secrets;

/**
 * The issuers' signing keys: sealed at rest, rotated by a platform admin ({@code rotateSigningKey}) or by age
 * ({@code chargebase.security.signing-key-max-age}, checked by the housekeeping), and dropped from every replica's
 * cache as soon as any replica changes them.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

    @Bean
    SigningKeys signingKeys(JdbcClient jdbc, PlatformTransactionManager transactionManager, Secrets secrets, Clock clock,
            PostgresNotifications notifications) {
        SigningKeys keys = new SigningKeys(jdbc, transactionManager, secrets.signingKeys(), clock);
        notifications.subscribe(SigningKeys.CHANNEL, keys::forget);
        return keys;
    }

    @Bean
    SigningKeyPolicy signingKeyPolicy(@Value("${chargebase.security.signing-key-overlap:PT1H}") Duration overlap,
            @Value("${chargebase.security.signing-key-max-age:P90D}") Duration maxAge) {
        return new SigningKeyPolicy(overlap, maxAge);
    }

    /** Before anything else at start-up: keys stored in clear by an earlier version are sealed. */
    @Bean
    @Order(0)
    ApplicationRunner sealClearSigningKeys(ClearSigningKeys clear) {
        return args -> clear.sealAll();
    }
}
