package io.chargebase.domain.billing;

/**
 * The accounts of a tenant's ledger, one per currency; a driver's receivable is one per profile too. Debits are
 * positive: a receivable or clearing balance is what is owed to or held for the tenant, a revenue or VAT payable
 * balance (negative, a credit) what was earned or is owed to the tax office.
 */
public enum LedgerAccount {
    /** What a driver owes for sessions, less what they paid. */
    DRIVER_RECEIVABLE,
    /** Charging sold, without VAT. */
    REVENUE,
    /** VAT charged to drivers, owed to the tax authority. */
    VAT_PAYABLE,
    /** Money Stripe holds for the tenant's connected account, not yet paid out. */
    STRIPE_CLEARING,
    /** The platform's application fees on the tenant's payments. */
    PLATFORM_FEES,
    /** Money given back to drivers. */
    REFUNDS,
    /** Money withdrawn by card disputes. */
    DISPUTES;

    /** Whether the account is kept per driver (it then needs a profile). */
    public boolean perDriver() {
        return this == DRIVER_RECEIVABLE;
    }
}
