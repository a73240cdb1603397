package io.chargebase.api.database;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.chargebase.tenancy.TenantAwareTransactionManager;
import liquibase.integration.spring.SpringLiquibase;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

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

    /** Migrates as the owner, on a connection of its own that is closed when migration ends. */
    @Bean
    SpringLiquibase liquibase(DatabaseTarget target, DatabaseProperties properties) {
        SimpleDriverDataSource owner = new SimpleDriverDataSource(new org.postgresql.Driver(), target.url(),
                target.username(), target.password());
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(owner);
        liquibase.setChangeLog("classpath:db/changelog/master.xml");
        liquibase.setChangeLogParameters(Map.of("app_role", properties.appRole()));
        return liquibase;
    }

    @Bean(destroyMethod = "close")
    @Primary
    @DependsOn("liquibase")
    DataSource dataSource(DatabaseTarget target, DatabaseProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("chargebase");
        config.setJdbcUrl(target.url());
        config.setMaximumPoolSize(properties.poolSize());
        config.addDataSourceProperty("options", "-c statement_timeout=" + properties.statementTimeout().toMillis());
        if (properties.hasSeparateAppLogin()) {
            config.setUsername(properties.appUsername());
            config.setPassword(properties.appPassword());
        } else {
            config.setUsername(target.username());
            config.setPassword(target.password());
            config.setConnectionInitSql("SET ROLE \"" + properties.appRole() + "\"");
        }
        return new HikariDataSource(config);
    }

    @Bean
    TenantAwareTransactionManager transactionManager(DataSource dataSource) {
        return new TenantAwareTransactionManager(dataSource);
    }
}
