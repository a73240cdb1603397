package io.chargebase.api.graphql.billing;

import java.util.Currency;
import java.util.UUID;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.domain.billing.ConnectedAccount;
import io.chargebase.domain.billing.ConnectedAccounts;
import io.chargebase.domain.billing.Ledger;
import io.chargebase.domain.money.Money;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;
import io.chargebase.tenancy.Tenants;

/**
 * A driver's balance and the tenant's connected account. The balance is read in the driver's own scope, so row-level
 * security narrows the ledger to their transactions; the account is the tenant's only.
 */
@Controller
class BillingController {

    private final Ledger ledger;
    private final ConnectedAccounts accounts;
    private final Tenants tenants;

    BillingController(Ledger ledger, ConnectedAccounts accounts, Tenants tenants) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.tenants = tenants;
    }

    @QueryMapping
    LedgerBalance myOutstandingBalance() {
        if (!(TenantContext.narrowing() instanceof TenantScope.Narrowing.OwnProfile(UUID profileId))) {
            return null;
        }
        Currency currency = tenants.get(TenantContext.requireTenant()).orElseThrow().currency();
        Money owed = ledger.outstanding(profileId, currency).rounded();
        return new LedgerBalance(owed.amount(), currency.getCurrencyCode());
    }

    @QueryMapping
    ConnectedAccount connectedAccount() {
        return accounts.current().orElse(null);
    }
}
