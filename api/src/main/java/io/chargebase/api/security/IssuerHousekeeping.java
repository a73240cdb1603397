package io.chargebase.api.security;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

/**
 * Deletes what no longer grants anything: authorizations whose every token expired a day ago, mailed codes a week
 * past their expiry, the sealed code of an outbox message once it expired, outbox messages a week after delivery
 * or expiry (a month for any other), and signing keys past their retirement; and replaces a signing key older than
 * {@link SigningKeyPolicy#maxAge()}. It asks once across tenants which of them have anything to do (a narrow platform
 * function that answers tenant ids only) and works those tenant by tenant, each in its own scope, so idle tenants cost
 * nothing and row-level security holds throughout.
 */
@Component
public class IssuerHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(IssuerHousekeeping.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    private final SigningKeys keys;
    private final SigningKeyPolicy keyPolicy;

    IssuerHousekeeping(JdbcClient jdbc, PlatformTransactionManager transactionManager, SigningKeys keys,
            SigningKeyPolicy keyPolicy) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.keys = keys;
        this.keyPolicy = keyPolicy;
    }

    @Scheduled(fixedDelayString = "${chargebase.housekeeping.interval:PT1H}", initialDelayString = "${chargebase.housekeeping.initial-delay:PT5M}")
    public void run() {
        long removed = TenantContext.callAs(TenantScope.PLATFORM, this::purgeCurrent);
        rotateIfOld(TenantScope.PLATFORM);
        for (TenantId tenant : due()) {
            removed += TenantContext.callAs(TenantScope.of(tenant), this::purgeCurrent);
            rotateIfOld(TenantScope.of(tenant));
        }
        if (removed > 0) {
            log.info("Housekeeping removed {} expired authorizations and codes", removed);
        }
    }

    /** The tenants with anything to delete or a key to replace, asked once across tenants through a narrow platform function. */
    private List<TenantId> due() {
        return TenantContext.callAs(TenantScope.PLATFORM, () -> transactions.execute(status ->
                jdbc.sql("select tenant_id from platform_tenants_with_housekeeping_due(now(), ?)").param(keyPolicy.maxAge().toSeconds())
                        .query((rs, n) -> new TenantId(rs.getObject(1, java.util.UUID.class))).list()));
    }

    private long purgeCurrent() {
        return transactions.execute(status -> {
            long authorizations = jdbc.sql("""
                    delete from oauth2_authorization
                    where greatest(access_token_expires_at, refresh_token_expires_at, authorization_code_expires_at,
                                   oidc_id_token_expires_at, device_code_expires_at, user_code_expires_at) < now() - interval '1 day'""")
                    .update();
            long codes = TenantContext.current() instanceof TenantScope.OfTenant ? purgeCodesAndMail() : 0;
            return authorizations + codes + keys.deleteRetired();
        });
    }

    private long purgeCodesAndMail() {
        long codes = jdbc.sql("delete from account_token where expires_at < now() - interval '7 days'").update();
        // an expired code is never sent, so it need not wait for its row to go
        jdbc.sql("update outbound_mail set code_sealed = null where code_sealed is not null and expires_at <= now()").update();
        long mail = jdbc.sql("""
                delete from outbound_mail
                where delivered_at < now() - interval '7 days' or expires_at < now() - interval '7 days'
                   or created_at < now() - interval '30 days'""").update();
        return codes + mail;
    }

    private void rotateIfOld(TenantScope scope) {
        if (keys.rotateIfOlderThan(scope, keyPolicy.maxAge(), keyPolicy.overlap())) {
            log.info("Housekeeping replaced a signing key older than {}", keyPolicy.maxAge());
        }
    }
}
