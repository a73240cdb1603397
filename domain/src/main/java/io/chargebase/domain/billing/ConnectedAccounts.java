package io.chargebase.domain.billing;

import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.billing.internal.ConnectedAccountRows;
import io.chargebase.tenancy.TenantId;

/** The tenant's connected account at the payment provider: which it is, its status, and which tenant owns an account. */
@Service
@Transactional
public class ConnectedAccounts {

    private static final Pattern ACCOUNT_ID = Pattern.compile("acct_[A-Za-z0-9]{1,64}");

    private final ConnectedAccountRows rows;

    ConnectedAccounts(ConnectedAccountRows rows) {
        this.rows = rows;
    }

    /**
     * The tenant that owns the account, looked up across tenants in any scope; empty for an account no tenant has.
     * The one cross-tenant read webhooks need: it answers the tenant id and nothing of the tenant's data.
     */
    @Transactional(readOnly = true)
    public Optional<TenantId> tenantOf(String accountId) {
        if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
            return Optional.empty();
        }
        return rows.tenantOf(accountId).map(TenantId::new);
    }

    /** Records the account the provider created for the current tenant; a tenant has one. */
    public ConnectedAccount link(String accountId) {
        if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
            throw new DomainException(ErrorCode.INVALID, "accountId", "A connected account id looks like acct_1PgafTB7WZ01zgkW.");
        }
        if (rows.current().isPresent()) {
            throw new DomainException(ErrorCode.DUPLICATE, "accountId", "The tenant has a connected account already.");
        }
        try {
            rows.insert(accountId);
        } catch (DuplicateKeyException raced) {
            throw new DomainException(ErrorCode.DUPLICATE, "accountId", "The tenant has a connected account already.");
        }
        return rows.current().orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<ConnectedAccount> current() {
        return rows.current();
    }
}
