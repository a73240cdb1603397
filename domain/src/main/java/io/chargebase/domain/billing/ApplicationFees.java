package io.chargebase.domain.billing;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.billing.internal.ApplicationFeeRows;
import io.chargebase.tenancy.Tenant;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;
import io.chargebase.tenancy.Tenants;

/**
 * The platform's application fee per tenant. The platform operator sets it for a tenant (from the platform's scope,
 * written in the tenant's own, under its row-level security); the outbox reads the current tenant's when it sends a
 * payment.
 */
@Service
public class ApplicationFees {

    private final ApplicationFeeRows rows;
    private final Tenants tenants;
    private final TransactionTemplate transactions;

    ApplicationFees(ApplicationFeeRows rows, Tenants tenants, PlatformTransactionManager transactionManager) {
        this.rows = rows;
        this.tenants = tenants;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The current tenant's fee; {@link ApplicationFee#NONE} when the platform set none. */
    public ApplicationFee current() {
        return rows.current().orElse(ApplicationFee.NONE);
    }

    /** Sets the tenant's fee, validated in its currency; bad values are refused and change nothing. */
    public ApplicationFee set(TenantId tenantId, ApplicationFee fee) {
        Tenant tenant = tenants.get(tenantId).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "tenantId", "No such tenant."));
        ApplicationFee kept = fee.validated(tenant.currency());
        TenantContext.runAs(TenantScope.of(tenantId), () -> transactions.executeWithoutResult(status -> rows.save(kept)));
        return kept;
    }
}
