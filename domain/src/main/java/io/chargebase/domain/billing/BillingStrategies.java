package io.chargebase.domain.billing;

import java.util.Currency;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.billing.internal.CardPaymentRows;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.Tenants;

/** The current tenant's billing strategy (the manual's User billing settings), with the platform default when it chose none. */
@Service
@Transactional
public class BillingStrategies {

    private final CardPaymentRows rows;
    private final Tenants tenants;

    BillingStrategies(CardPaymentRows rows, Tenants tenants) {
        this.rows = rows;
        this.tenants = tenants;
    }

    @Transactional(readOnly = true)
    public StrategySettings current() {
        return rows.strategy().orElse(StrategySettings.DEFAULTS);
    }

    public StrategySettings update(StrategySettings settings) {
        Currency currency = tenants.get(TenantContext.requireTenant()).orElseThrow().currency();
        StrategySettings valid = settings.validated(currency);
        rows.saveStrategy(valid);
        return current();
    }
}
