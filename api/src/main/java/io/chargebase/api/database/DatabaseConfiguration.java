package io.chargebase.api.database;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.chargebase.tenancy.TenantAwareTransactionManager;

@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
    LocalPostgres localPostgres(DatabaseProperties properties) {
        return LocalPostgres.start(properties.localDataDirectory());
    }

    @Bean
    DatabaseTarget databaseTarget(Environment environment, ObjectProvider<LocalPostgres> local) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.isBlank()) {
            return local.getObject().target();
        }
        return new DatabaseTarget(url,
                environment.getProperty("spring.datasource.username", "postgres"),
                environment.getProperty("spring.datasource.password", ""),
                false);
    }

    /**
     * Migrates as the owner, on a connection of its own that is closed when migration ends, unless this instance
     * leaves migrating to a migration job ({@code chargebase.database.migrate-on-start=false}); the one-shot
     * {@code --chargebase.mode=migrate} always migrates.
     */
    @Bean
    Migrations liquibase(DatabaseTarget target, DatabaseProperties properties, Environment environment) {
        Migrations migrations = new Migrations(target, properties.appRole());
        if (migrates(properties, environment)) {
            migrations.migrate();
        }
        return migrations;
    }

    private static boolean migrates(DatabaseProperties properties, Environment environment) {
        return properties.migrateOnStart() || "migrate".equals(environment.getProperty("chargebase.mode"));
    }

    @Bean(destroyMethod = "close")
    @Primary
    @DependsOn("liquibase")
    DataSource dataSource(DatabaseTarget target, DatabaseProperties properties, Environment environment) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("chargebase");
        config.setJdbcUrl(target.url());
        config.setMaximumPoolSize(properties.poolSize());
        // JIT compiles a plan when its estimated cost is high, which the finder's and lists' statements under row-level
        // security often are although they read few rows: 40-75 ms of compiling for a statement that runs in a few.
        // Generic plans: the statements are prepared (the driver's cache) and every one is led by the same policy
        // condition on the tenant, so a plan made for one set of values serves all. Left to choose, PostgreSQL kept
        // planning some of them afresh on every execution (a custom plan looks cheaper whenever an array parameter has
        // fewer than the ten elements a generic plan assumes), which under RLS costs more than executing them: at
        // 2,000 MeterValues/s, 4.2 s of planning in a 30 s run. A filter that should use a partial index is therefore
        // written with its value as a literal (SessionRows.page), not as a parameter a generic plan cannot prove.
        config.addDataSourceProperty("options", "-c statement_timeout=" + properties.statementTimeout().toMillis()
                + " -c jit=off -c plan_cache_mode=force_generic_plan");
        if (properties.hasSeparateAppLogin()) {
            config.setUsername(properties.appUsername());
            config.setPassword(properties.appPassword());
        } else {
            config.setUsername(target.username());
            config.setPassword(target.password());
            config.setConnectionInitSql("SET ROLE \"" + properties.appRole() + "\"");
        }
        return migrates(properties, environment) ? new HikariDataSource(config) : checkedPool(config, target, properties);
    }

    /** A replica that does not migrate opens its pool only on a database that has every changeset of its version. */
    private static HikariDataSource checkedPool(HikariConfig config, DatabaseTarget target, DatabaseProperties properties) {
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException unreachable) {
            throw new IllegalStateException("Could not connect to " + target.url() + " as '" + config.getUsername() + "' working as '"
                    + properties.appRole() + "': " + (unreachable.getCause() == null ? unreachable : unreachable.getCause()).getMessage()
                    + ". A database that was never migrated lacks the application role: run the migrations first with the same "
                    + "image and '--chargebase.mode=migrate' (the Helm chart's migration job does).", unreachable);
        }
        try {
            SchemaVersion.requireCurrent(pool);
        } catch (RuntimeException behind) {
            pool.close();
            throw behind;
        }
        return pool;
    }

    @Bean
    TenantAwareTransactionManager transactionManager(DataSource dataSource) {
        return new TenantAwareTransactionManager(dataSource);
    }
}
