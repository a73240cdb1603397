package io.chargebase.api.command;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.annotation.EnableTransactionManagement;

import io.chargebase.api.bootstrap.BootstrapProperties;
import io.chargebase.api.bootstrap.FirstRunBootstrap;
import io.chargebase.api.database.DatabaseConfiguration;
import io.chargebase.api.database.DatabaseProperties;

/**
 * The migration job's context: the database (migrated as it is created) and what the bootstrap writes with, picked
 * by name so that the contexts' internals stay theirs. The bootstrap runs inside one transaction of its own, so the
 * client store needs none of the serving application's per-call transactions. Not a {@code @Configuration}, so the
 * serving application's component scan passes it by; as the primary source of its own application it is read all
 * the same.
 */
@EnableTransactionManagement
@EnableConfigurationProperties({DatabaseProperties.class, BootstrapProperties.class})
@Import({DatabaseConfiguration.class, FirstRunBootstrap.class})
@ComponentScan(basePackages = {"io.chargebase.domain.identity", "io.chargebase.api.security"}, useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = {
                "io\\.chargebase\\.domain\\.identity\\.PlatformUsers",
                "io\\.chargebase\\.domain\\.identity\\.internal\\.PlatformUserRows",
                "io\\.chargebase\\.api\\.security\\.PasswordHashingAdapter",
                "io\\.chargebase\\.api\\.security\\.ClientRegistrations"}))
class MigrationContext {

    @Bean
    JdbcClient jdbcClient(DataSource dataSource) {
        return JdbcClient.create(dataSource);
    }

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The serving application's encoder too: hashes are read by their prefix, so both always agree. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }
}
