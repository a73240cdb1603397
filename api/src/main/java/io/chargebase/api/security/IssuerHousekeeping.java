package io.chargebase.api.security;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.tenancy.Tenant;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;
import io.chargebase.tenancy.Tenants;

/**
 * Deletes what no longer grants anything: authorizations whose every token expired a day ago, and mailed codes a
 * week past their expiry. It works tenant by tenant in each tenant's own scope, so it needs no way around
 * row-level security.
 */
@Component
public class IssuerHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(IssuerHousekeeping.class);
    private static final int PAGE = 200;

    private final Tenants tenants;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    IssuerHousekeeping(Tenants tenants, JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${chargebase.housekeeping.interval:PT1H}", initialDelayString = "${chargebase.housekeeping.initial-delay:PT5M}")
    public void run() {
        long removed = TenantContext.callAs(TenantScope.PLATFORM, this::purgeCurrent);
        String after = null;
        List<Tenant> page;
        do {
            String cursor = after;
            page = TenantContext.callAs(TenantScope.PLATFORM, () -> tenants.list(cursor, PAGE));
            for (Tenant tenant : page) {
                removed += TenantContext.callAs(TenantScope.of(tenant.id()), this::purgeCurrent);
            }
            after = page.isEmpty() ? null : page.getLast().slug();
        } while (page.size() == PAGE);
        if (removed > 0) {
            log.info("Housekeeping removed {} expired authorizations and codes", removed);
        }
    }

    private long purgeCurrent() {
        return transactions.execute(status -> {
            long authorizations = jdbc.sql("""
                    delete from oauth2_authorization
                    where greatest(access_token_expires_at, refresh_token_expires_at, authorization_code_expires_at,
                                   oidc_id_token_expires_at, device_code_expires_at, user_code_expires_at) < now() - interval '1 day'""")
                    .update();
            long codes = TenantContext.current() instanceof TenantScope.OfTenant
                    ? jdbc.sql("delete from account_token where expires_at < now() - interval '7 days'").update() : 0;
            return authorizations + codes;
        });
    }
}
