package io.chargebase.api.tenancy;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import io.chargebase.tenancy.TenantProvisioner;
import io.chargebase.tenancy.Tenants;

@Configuration(proxyBeanMethods = false)
class TenancyConfiguration {

    @Bean
    Tenants tenants(JdbcClient jdbc, PlatformTransactionManager transactionManager, List<TenantProvisioner> provisioners) {
        return new Tenants(jdbc, transactionManager, provisioners);
    }
}
