package io.chargebase.api.security;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.api.secrets.Secrets;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

/**
 * The upgrade step for private keys that earlier versions stored in clear. Liquibase cannot seal them (it never
 * sees the encryption key), so every start asks the narrow platform function
 * {@code platform_signing_key_scopes_in_clear()} which issuers still have one, and seals them in each issuer's own
 * scope. Several replicas starting at once are safe: each row is locked, and sealed rows no longer match.
 */
@Component
class ClearSigningKeys {

    private static final Logger log = LoggerFactory.getLogger(ClearSigningKeys.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Secrets secrets;

    ClearSigningKeys(JdbcClient jdbc, PlatformTransactionManager transactionManager, Secrets secrets) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.secrets = secrets;
    }

    /** @return how many keys were sealed */
    int sealAll() {
        List<UUID> scopes = TenantContext.callAs(TenantScope.PLATFORM, () -> transactions.execute(status ->
                jdbc.sql("select tenant_id from platform_signing_key_scopes_in_clear()").query((rs, n) -> (UUID) rs.getObject(1)).list()));
        int sealed = 0;
        for (UUID tenant : scopes) {
            TenantScope scope = tenant == null ? TenantScope.PLATFORM : TenantScope.of(new TenantId(tenant));
            sealed += TenantContext.callAs(scope, () -> transactions.execute(status -> sealCurrent()));
        }
        if (sealed > 0) {
            log.info("Sealed {} signing keys that were stored in clear", sealed);
        }
        return sealed;
    }

    private int sealCurrent() {
        List<Clear> clear = jdbc.sql("select kid, private_key from signing_key where private_key is not null for update")
                .query((rs, n) -> new Clear(rs.getString(1), rs.getBytes(2))).list();
        for (Clear key : clear) {
            jdbc.sql("update signing_key set private_key_sealed = ?, private_key = null where kid = ?")
                    .params(secrets.signingKeys().seal(key.privateKey(), key.kid()), key.kid()).update();
        }
        if (!clear.isEmpty()) {
            jdbc.sql("select pg_notify('" + SigningKeys.CHANNEL + "', coalesce(nullif(current_setting('app.tenant_id', true), ''), 'platform'))")
                    .query((rs, n) -> 1).single();
        }
        return clear.size();
    }

    private record Clear(String kid, byte[] privateKey) {
    }
}
