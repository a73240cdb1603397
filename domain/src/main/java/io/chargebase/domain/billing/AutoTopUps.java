package io.chargebase.domain.billing;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.billing.internal.TopUpPackageRows;
import io.chargebase.domain.money.Money;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.Tenants;

/**
 * Drivers' auto top-up settings: a threshold (zero or more, in the tenant's currency) and a package that is offered
 * and enabled. The charge itself, off-session with the saved card, belongs to the payment outbox.
 */
@Service
@Transactional
public class AutoTopUps {

    private final TopUpPackageRows rows;
    private final TopUpPackages packages;
    private final Tenants tenants;

    AutoTopUps(TopUpPackageRows rows, TopUpPackages packages, Tenants tenants) {
        this.rows = rows;
        this.packages = packages;
        this.tenants = tenants;
    }

    @Transactional(readOnly = true)
    public Optional<AutoTopUp> of(UUID profileId) {
        return rows.autoTopUp(profileId);
    }

    /** Turns the driver's auto top-up on with the package and threshold, or off ({@code enabled} false keeps the rest). */
    public AutoTopUp set(UUID profileId, boolean enabled, UUID packageId, BigDecimal threshold, String currency) {
        var tenantCurrency = tenants.get(TenantContext.requireTenant()).orElseThrow().currency();
        if (!enabled) {
            AutoTopUp held = rows.autoTopUp(profileId)
                    .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "enabled", "Auto top-up was never set up."));
            rows.saveAutoTopUp(new AutoTopUp(profileId, held.packageId(), held.threshold(), false, null));
            return rows.autoTopUp(profileId).orElseThrow();
        }
        if (packageId == null) {
            throw new DomainException(ErrorCode.REQUIRED, "packageId", "Choose the package to buy.");
        }
        TopUpPackage chosen = packages.currentVersion(packageId);
        if (!chosen.enabled()) {
            throw new DomainException(ErrorCode.NOT_USABLE, "packageId", "This package is not offered now.");
        }
        if (threshold == null) {
            throw new DomainException(ErrorCode.REQUIRED, "threshold", "Give the balance below which to top up.");
        }
        Money below = Amounts.zeroOrMore("threshold", threshold, currency, tenantCurrency);
        rows.saveAutoTopUp(new AutoTopUp(profileId, chosen.id(), below, true, null));
        return rows.autoTopUp(profileId).orElseThrow();
    }
}
